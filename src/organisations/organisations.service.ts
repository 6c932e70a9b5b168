import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { Transactions, Tx } from '../database/transactions';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import type { Organisation, OrganisationKind } from './organisation.record';
import { OrganisationsRepository } from './organisations.repository';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly transactions: Transactions,
  ) {}

  /** A new organisation below one in the caller's scope. */
  async create(input: CreateOrganisationDto, scope: Scope): Promise<Organisation> {
    const parent = await this.findInScopeOrFieldError(input.parentId, scope, 'parentId');
    return this.transactions.run((tx) => this.insert(tx, input, parent));
  }

  /** The top of a tree (a city federation); only the set-up command makes one. */
  createRoot(
    tx: Tx,
    input: { code: string; name: string; kind: OrganisationKind; district?: string },
  ): Promise<Organisation> {
    return this.insert(tx, input, null);
  }

  /** The organisation with this code, whatever the scope: for the set-up command. */
  findByCode(tx: Tx, code: string): Promise<Organisation | null> {
    return this.organisations.findByCode(tx, code);
  }

  /** The caller's organisation and everything below it, in tree order (a parent before its children). */
  list(scope: Scope): Promise<Organisation[]> {
    return this.organisations.listInScope(this.transactions.none, scope);
  }

  async get(id: string, scope: Scope): Promise<Organisation> {
    const found = await this.organisations.findInScope(this.transactions.none, id, scope);
    if (!found) throw new AppError('ORGANISATION_NOT_FOUND');
    return found;
  }

  async update(id: string, input: UpdateOrganisationDto, scope: Scope): Promise<Organisation> {
    return this.transactions.run(async (tx) => {
      const current = await this.organisations.findInScope(tx, id, scope);
      if (!current) throw new AppError('ORGANISATION_NOT_FOUND');
      if (input.name !== undefined) current.name = input.name.trim();
      // null (which IsOptional lets through) clears the district, as an empty text does
      if (input.district !== undefined) current.district = (input.district ?? '').trim() || null;
      if (input.parentId !== undefined && input.parentId !== current.parentId) {
        const parent = await this.organisations.findInScope(tx, input.parentId, scope);
        if (!parent) throw AppError.invalidField('parentId', 'NOT_FOUND');
        if (parent.path.startsWith(current.path)) throw new AppError('ORGANISATION_CYCLE');
        const newPath = `${parent.path}${current.id}/`;
        // Re-root the whole subtree in one statement so scope never sees half a move.
        await this.organisations.movePaths(tx, current.path, newPath);
        current.parentId = parent.id;
        current.path = newPath;
      }
      return this.organisations.saveOrganisation(tx, current);
    });
  }

  async findInScopeOrFieldError(id: string, scope: Scope, field: string): Promise<Organisation> {
    const found = await this.organisations.findInScope(this.transactions.none, id, scope);
    if (!found) throw AppError.invalidField(field, 'NOT_FOUND');
    return found;
  }

  private insert(
    tx: Tx,
    input: { code: string; name: string; kind: OrganisationKind; district?: string },
    parent: Organisation | null,
  ): Promise<Organisation> {
    const id = randomUUID();
    return this.organisations.insertOrganisation(tx, {
      id,
      code: input.code,
      name: input.name.trim(),
      kind: input.kind,
      parentId: parent?.id ?? null,
      district: input.district?.trim() || null,
      path: `${parent?.path ?? '/'}${id}/`,
    });
  }
}
