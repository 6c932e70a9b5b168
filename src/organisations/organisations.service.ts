import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation, OrganisationKind } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly dataSource: DataSource,
  ) {}

  /** A new organisation below one in the caller's scope. */
  async create(input: CreateOrganisationDto, scope: Scope): Promise<Organisation> {
    const parent = await this.findInScopeOrFieldError(input.parentId, scope, 'parentId');
    return this.dataSource.transaction((manager) => this.insert(manager, input, parent));
  }

  /** The top of a tree (a city federation); only the set-up command makes one. */
  createRoot(
    manager: EntityManager,
    input: { code: string; name: string; kind: OrganisationKind; district?: string },
  ): Promise<Organisation> {
    return this.insert(manager, input, null);
  }

  /** The caller's organisation and everything below it, in tree order (a parent before its children). */
  list(scope: Scope): Promise<Organisation[]> {
    return this.organisations
      .createQueryBuilder('o')
      .where(`o.path LIKE :scopePath || '%'`, { scopePath: scope.path })
      .orderBy('o.path', 'ASC')
      .getMany();
  }

  async get(id: string, scope: Scope): Promise<Organisation> {
    const found = await this.findInScope(this.dataSource.manager, id, scope);
    if (!found) throw new AppError('ORGANISATION_NOT_FOUND');
    return found;
  }

  async update(id: string, input: UpdateOrganisationDto, scope: Scope): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findInScope(manager, id, scope);
      if (!current) throw new AppError('ORGANISATION_NOT_FOUND');
      if (input.name !== undefined) current.name = input.name.trim();
      if (input.district !== undefined) current.district = input.district.trim() || null;
      if (input.parentId !== undefined && input.parentId !== current.parentId) {
        const parent = await this.findInScope(manager, input.parentId, scope);
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
      return manager.getRepository(Organisation).save(current);
    });
  }

  async findInScopeOrFieldError(id: string, scope: Scope, field: string): Promise<Organisation> {
    const found = await this.findInScope(this.dataSource.manager, id, scope);
    if (!found) throw AppError.invalidField(field, 'NOT_FOUND');
    return found;
  }

  private findInScope(manager: EntityManager, id: string, scope: Scope): Promise<Organisation | null> {
    return manager
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.id = :id', { id })
      .andWhere(`o.path LIKE :scopePath || '%'`, { scopePath: scope.path })
      .getOne();
  }

  private insert(
    manager: EntityManager,
    input: { code: string; name: string; kind: OrganisationKind; district?: string },
    parent: Organisation | null,
  ): Promise<Organisation> {
    const id = randomUUID();
    const repository = manager.getRepository(Organisation);
    return repository.save(
      repository.create({
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
}
