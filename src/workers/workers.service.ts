import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { likePattern } from '../common/database-helpers';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { normalizeResidentId, provinceOfResidentId } from '../common/identifiers/resident-id';
import { saveWithVersion } from '../database/optimistic-update';
import { UpdateWorkerDto, WorkerInputDto, WorkerListQuery } from './dto/worker.dto';
import { Worker } from './worker.entity';

/** A worker as given on a form or a roster row, already validated. */
export interface WorkerInput {
  name: string;
  idNumber: string;
  mobile?: string | null;
  homeProvince?: string | null;
}

/** A roster row whose id number is registered under another name: almost always a copying mistake. */
export interface NameMismatch {
  index: number;
  registeredName: string;
}

@Injectable()
export class WorkersService {
  constructor(@InjectRepository(Worker) private readonly workers: Repository<Worker>) {}

  async create(input: WorkerInputDto): Promise<Worker> {
    return this.workers.save(this.workers.create(newWorker(input)));
  }

  async list(query: WorkerListQuery): Promise<Page<Worker>> {
    const builder = this.workers
      .createQueryBuilder('worker')
      .orderBy('worker.name', 'ASC')
      .addOrderBy('worker.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.pageSize);
    if (query.q?.trim()) {
      builder.andWhere('(worker.name ILIKE :pattern OR worker.id_number = :idNumber)', {
        pattern: likePattern(query.q),
        idNumber: normalizeResidentId(query.q),
      });
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<Worker> {
    const found = await this.workers.findOneBy({ id });
    if (!found) throw new AppError('WORKER_NOT_FOUND');
    return found;
  }

  async update(id: string, input: UpdateWorkerDto): Promise<Worker> {
    const { version, ...changes } = input;
    await saveWithVersion(this.workers, id, version, { ...changes, name: changes.name?.trim() }, 'WORKER_NOT_FOUND');
    return this.get(id);
  }

  /**
   * The worker records for a batch of inputs (a roster), in input order: existing workers are found by
   * id number, new ones inserted in one statement. Inputs whose id number is registered under another
   * name are returned as mismatches and nothing is written, so the caller can reject the whole batch.
   */
  async findOrCreateMany(
    manager: EntityManager,
    inputs: WorkerInput[],
  ): Promise<{ workers: Worker[]; mismatches: NameMismatch[] }> {
    const repository = manager.getRepository(Worker);
    const idNumbers = inputs.map((input) => normalizeResidentId(input.idNumber));
    const existing = new Map(
      (await repository.find({ where: { idNumber: In(idNumbers) } })).map((worker) => [worker.idNumber, worker]),
    );
    const mismatches: NameMismatch[] = [];
    inputs.forEach((input, index) => {
      const known = existing.get(idNumbers[index]);
      if (known && known.name !== input.name.trim()) mismatches.push({ index, registeredName: known.name });
    });
    if (mismatches.length > 0) return { workers: [], mismatches };

    const missing = inputs.filter((_, index) => !existing.has(idNumbers[index])).map(newWorker);
    if (missing.length > 0) {
      const inserted: Worker[] = await repository.save(missing.map((w) => repository.create(w)), { chunk: 500 });
      for (const worker of inserted) existing.set(worker.idNumber, worker);
    }
    return { workers: idNumbers.map((idNumber) => existing.get(idNumber)!), mismatches: [] };
  }
}

function newWorker(input: WorkerInput): Partial<Worker> {
  const idNumber = normalizeResidentId(input.idNumber);
  return {
    name: input.name.trim(),
    idNumber,
    mobile: input.mobile?.trim() || null,
    homeProvince: input.homeProvince?.trim() || provinceOfResidentId(idNumber),
  };
}
