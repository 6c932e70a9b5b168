import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { Actor, Scope } from '../auth/domain/actor';
import { nameSearch } from '../common/database-helpers';
import { AppError } from '../common/errors/app-error';
import { Page, offsetOf } from '../common/http/pagination';
import { normalizeResidentId, provinceOfResidentId } from '../common/identifiers/resident-id';
import { Transactions, Tx } from '../database/transactions';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import { RevealField, UpdateWorkerDto, WorkerInputDto, WorkerListQuery } from './dto/worker.dto';
import { idNumberTakenDetails } from './domain/disclosure';
import { Worker } from './worker.record';
import { NewWorker, WorkersRepository } from './workers.repository';

/** A worker as given on a form or a roster row, already validated. */
export interface WorkerInput {
  name: string;
  idNumber: string;
  mobile?: string | null;
  homeProvince?: string | null;
}

/**
 * A roster row whose id number is registered under another name: almost always a copying mistake.
 * `inScope`: the caller's scope may see the registered worker (what it may be told: domain/disclosure.ts).
 */
export interface NameMismatch {
  index: number;
  registeredName: string;
  inScope: boolean;
}

/** A worker as shown: id number and mobile masked. */
export interface WorkerSummary {
  id: string;
  name: string;
  idNumber: string;
  mobile: string | null;
  homeProvince: string | null;
  version: number;
  createdAt: Date;
}

@Injectable()
export class WorkersService {
  constructor(
    private readonly auth: AuthService,
    private readonly cipher: PersonalDataCipher,
    private readonly personalData: PersonalDataReader,
    private readonly repository: WorkersRepository,
    private readonly transactions: Transactions,
  ) {}

  async create(input: WorkerInputDto, scope: Scope): Promise<WorkerSummary> {
    const saved = await this.transactions.run(async (tx) => {
      const [{ registered, namedOtherwise: _, ...worker }] = await this.repository.findOrRegister(tx, [this.sealed(input)]);
      if (!registered) {
        const inScope = (await this.repository.visibleAmong(tx, [worker.id], scope.path)).has(worker.id);
        throw new AppError('ID_NUMBER_TAKEN', idNumberTakenDetails(worker.id, inScope));
      }
      return worker;
    });
    return this.summarise(saved);
  }

  async list(query: WorkerListQuery, scope: Scope): Promise<Page<WorkerSummary>> {
    const search = query.q?.trim()
      ? { name: nameSearch(query.q), idNumberHash: this.cipher.lookupHash(normalizeResidentId(query.q)) }
      : undefined;
    const { items, total } = await this.repository.pageVisible(
      this.transactions.none,
      scope.path,
      search,
      offsetOf(query),
      query.pageSize,
    );
    return { items: items.map((worker) => this.summarise(worker)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, scope: Scope): Promise<WorkerSummary> {
    return this.summarise(await this.findVisible(id, scope));
  }

  async update(id: string, input: UpdateWorkerDto, scope: Scope): Promise<WorkerSummary> {
    await this.findVisible(id, scope);
    const { version, mobile, ...changes } = input;
    await this.transactions.run((tx) =>
      this.repository.updateWithVersion(tx, id, version, {
        ...changes,
        name: changes.name?.trim(),
        ...(mobile !== undefined && { mobileSealed: this.cipher.encrypt(mobile.trim()) }),
      }),
    );
    return this.get(id, scope);
  }

  /** The full id number or mobile number, for a permitted role; every reveal is in the audit log. */
  async reveal(id: string, field: RevealField, actor: Actor, clientAddress: string | null): Promise<string | null> {
    const worker = await this.findVisible(id, actor.scope);
    const sealed = field === 'idNumber' ? worker.idNumberSealed : worker.mobileSealed;
    await this.auth.audit(actor.id, { address: clientAddress, userAgent: null }, 'reveal', 'workers', id, { field });
    return sealed === null ? null : this.personalData.full(sealed, field, { name: worker.name, record: `worker ${worker.id}` });
  }

  /**
   * The worker records for a batch of inputs (a roster), in input order: existing workers are found by
   * id number and new ones registered, in one statement. Inputs whose id number is registered under
   * another name are returned as mismatches and nothing is written, so the caller can reject the whole batch.
   */
  async findOrCreateMany(
    tx: Tx,
    inputs: WorkerInput[],
    scope: Scope,
  ): Promise<{ workers: Worker[]; mismatches: NameMismatch[] }> {
    const sealed = inputs.map((input) => this.sealed(input));
    const found = new Map(
      (await this.repository.findOrRegister(tx, sealed)).map(({ registered: _, namedOtherwise, ...worker }) => [worker.idNumberHash, { worker, namedOtherwise }]),
    );
    // with any of these, the new workers were not registered (and are not in `found`)
    const mismatched = sealed.flatMap((input, index) => {
      const known = found.get(input.idNumberHash);
      return known?.namedOtherwise ? [{ index, known: known.worker }] : [];
    });
    if (mismatched.length > 0) {
      // nobody was registered (FIND_OR_REGISTER_WORKERS)
      const visible = await this.repository.visibleAmong(tx, mismatched.map(({ known }) => known.id), scope.path);
      const mismatches = mismatched.map(({ index, known }) => ({ index, registeredName: known.name, inScope: visible.has(known.id) }));
      return { workers: [], mismatches };
    }
    return { workers: sealed.map((input) => found.get(input.idNumberHash)!.worker), mismatches: [] };
  }

  lookupHash(idNumber: string): string {
    return this.cipher.lookupHash(normalizeResidentId(idNumber));
  }

  /**
   * Masked numbers for display, from sealed columns; a number the key does not open is shown as
   * unreadable and logged once (personal-data-reader.ts). `workerId` names the worker in that log.
   */
  masked(idNumberSealed: string, mobileSealed: string | null, workerId?: string): { idNumber: string; mobile: string | null } {
    const holder = { record: workerId ? `worker ${workerId}` : 'a worker on a list of claims' };
    return {
      idNumber: this.personalData.masked(idNumberSealed, 'idNumber', holder),
      mobile: mobileSealed === null ? null : this.personalData.masked(mobileSealed, 'mobile', holder),
    };
  }

  private async findVisible(id: string, scope: Scope): Promise<Worker> {
    const found = await this.repository.visible(this.transactions.none, id, scope.path);
    if (!found) throw new AppError('WORKER_NOT_FOUND');
    return found;
  }

  private sealed(input: WorkerInput): NewWorker {
    const idNumber = normalizeResidentId(input.idNumber);
    const mobile = input.mobile?.trim() || null;
    return {
      name: input.name.trim(),
      idNumberSealed: this.cipher.encrypt(idNumber),
      idNumberHash: this.cipher.lookupHash(idNumber),
      mobileSealed: mobile && this.cipher.encrypt(mobile),
      homeProvince: input.homeProvince?.trim() || provinceOfResidentId(idNumber),
    };
  }

  private summarise(worker: Worker): WorkerSummary {
    return {
      id: worker.id,
      name: worker.name,
      ...this.masked(worker.idNumberSealed, worker.mobileSealed, worker.id),
      homeProvince: worker.homeProvince,
      version: worker.version,
      createdAt: worker.createdAt,
    };
  }
}
