import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly dataSource: DataSource,
  ) {}

  async create(input: CreateOrganisationDto): Promise<Organisation> {
    const id = randomUUID();
    const parent = input.parentId ? await this.findOrFieldError(input.parentId, 'parentId') : null;
    return this.organisations.save(
      this.organisations.create({
        id,
        code: input.code,
        name: input.name.trim(),
        kind: input.kind,
        parentId: parent?.id ?? null,
        district: input.district?.trim() || null,
        path: `${parent?.path ?? '/'}${id}/`,
      }),
    );
  }

  /** All organisations in tree order (a parent before its children). */
  list(): Promise<Organisation[]> {
    return this.organisations.find({ order: { path: 'ASC' } });
  }

  async get(id: string): Promise<Organisation> {
    const found = await this.organisations.findOneBy({ id });
    if (!found) throw new AppError('ORGANISATION_NOT_FOUND');
    return found;
  }

  async update(id: string, input: UpdateOrganisationDto): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Organisation);
      const current = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('ORGANISATION_NOT_FOUND');
      if (input.name !== undefined) current.name = input.name.trim();
      if (input.district !== undefined) current.district = input.district.trim() || null;
      if (input.parentId !== undefined && input.parentId !== current.parentId) {
        const parent = await repository.findOneBy({ id: input.parentId });
        if (!parent) throw AppError.invalidField('parentId', 'NOT_FOUND');
        if (parent.path.startsWith(current.path)) throw new AppError('ORGANISATION_CYCLE');
        const newPath = `${parent.path}${current.id}/`;
        // Re-root the whole subtree in one statement so scope never sees half a move.
        await manager.query(
          `UPDATE organisations SET path = $1 || substr(path, length($2) + 1), updated_at = now()
            WHERE path LIKE $2 || '%'`,
          [newPath, current.path],
        );
        current.parentId = parent.id;
        current.path = newPath;
      }
      return repository.save(current);
    });
  }

  /** Ids of an organisation and everything below it: the scope of its staff. */
  async subtreeIds(id: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM organisations o JOIN organisations root ON root.id = $1 WHERE o.path LIKE root.path || '%'`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  async findOrFieldError(id: string, field: string): Promise<Organisation> {
    const found = await this.organisations.findOneBy({ id });
    if (!found) throw AppError.invalidField(field, 'NOT_FOUND');
    return found;
  }
}
