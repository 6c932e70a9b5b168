import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import type { Tx } from '../database/transactions';
import type { Organisation, OrganisationKind } from './organisation.record';

/** The columns of `organisations` under the record's field names, so a row reads as an Organisation. */
const ORGANISATION_COLUMNS = `o.id, o.parent_id AS "parentId", o.code, o.name, o.kind, o.district, o.path,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** The organisation tree (organisations): each row keeps its path from the top, the key of every scope. */
@Injectable()
export class OrganisationsRepository {
  async insertOrganisation(
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
    const [inserted]: Organisation[] = await tx.query(
      `INSERT INTO organisations AS o (id, parent_id, code, name, kind, district, path) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${ORGANISATION_COLUMNS}`,
      [
        organisation.id,
        organisation.parentId,
        organisation.code,
        organisation.name,
        organisation.kind,
        organisation.district,
        organisation.path,
      ],
    );
    return inserted;
  }

  /** The organisation at the scope and everything below it, in tree order (a parent before its children). */
  listInScope(tx: Tx, scope: Scope): Promise<Organisation[]> {
    return tx.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.path LIKE $1 || '%' ORDER BY o.path ASC`, [
      scope.path,
    ]);
  }

  async findInScope(tx: Tx, id: string, scope: Scope): Promise<Organisation | null> {
    const [found]: Organisation[] = await tx.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1 AND o.path LIKE $2 || '%'`,
      [id, scope.path],
    );
    return found ?? null;
  }

  async findByCode(tx: Tx, code: string): Promise<Organisation | null> {
    const [found]: Organisation[] = await tx.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.code = $1`, [code]);
    return found ?? null;
  }

  /** Moves the organisation at `oldPath` and everything below it to `newPath` (every path with that prefix). */
  async movePaths(tx: Tx, oldPath: string, newPath: string): Promise<void> {
    await tx.query(
      `UPDATE organisations SET path = $1 || substr(path, length($2) + 1), updated_at = now()
        WHERE path LIKE $2 || '%'`,
      [newPath, oldPath],
    );
  }

  /**
   * Stores the organisation's name, district and parent (its path is moved by `movePaths`) and returns
   * it as stored; an organisation that is already so is left alone (its updated_at too) and returned as given.
   */
  async saveOrganisation(tx: Tx, organisation: Organisation): Promise<Organisation> {
    // An UPDATE answers [rows, how many].
    const [[saved]]: [Organisation[], number] = await tx.query(
      `UPDATE organisations AS o SET name = $2, district = $3, parent_id = $4, updated_at = now()
        WHERE o.id = $1 AND (o.name, o.district, o.parent_id) IS DISTINCT FROM ($2, $3, $4::uuid)
       RETURNING ${ORGANISATION_COLUMNS}`,
      [organisation.id, organisation.name, organisation.district, organisation.parentId],
    );
    return saved ?? organisation;
  }
}
