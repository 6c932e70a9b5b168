import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import type { Tx } from '../database/transactions';
import { Organisation, OrganisationKind } from './organisation.entity';

/** The organisation tree (organisations): each row keeps its path from the top, the key of every scope. */
@Injectable()
export class OrganisationsRepository {
  insertOrganisation(
    tx: Tx,
    organisation: {
      id: string;
      code: string;
      name: string;
      kind: OrganisationKind;
      parentId: string | null;
      district: string | null;
      path: string;
    },
  ): Promise<Organisation> {
    const organisations = tx.getRepository(Organisation);
    return organisations.save(organisations.create(organisation));
  }

  /** The organisation at the scope and everything below it, in tree order (a parent before its children). */
  listInScope(tx: Tx, scope: Scope): Promise<Organisation[]> {
    return tx
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where(`o.path LIKE :scopePath || '%'`, { scopePath: scope.path })
      .orderBy('o.path', 'ASC')
      .getMany();
  }

  findInScope(tx: Tx, id: string, scope: Scope): Promise<Organisation | null> {
    return tx
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.id = :id', { id })
      .andWhere(`o.path LIKE :scopePath || '%'`, { scopePath: scope.path })
      .getOne();
  }

  findByCode(tx: Tx, code: string): Promise<Organisation | null> {
    return tx.getRepository(Organisation).findOneBy({ code });
  }

  /** Moves the organisation at `oldPath` and everything below it to `newPath` (every path with that prefix). */
  async movePaths(tx: Tx, oldPath: string, newPath: string): Promise<void> {
    await tx.query(
      `UPDATE organisations SET path = $1 || substr(path, length($2) + 1), updated_at = now()
        WHERE path LIKE $2 || '%'`,
      [newPath, oldPath],
    );
  }

  saveOrganisation(tx: Tx, organisation: Organisation): Promise<Organisation> {
    return tx.getRepository(Organisation).save(organisation);
  }
}
