import { Injectable } from '@nestjs/common';
import { saveWithVersion } from '../database/optimistic-update';
import type { Tx } from '../database/transactions';
import { Employer, EmployerKind, Industry } from './employer.entity';
import type { SimilarEmployerView } from './employer.view';

/** The columns of `employers` under the entity's property names, so a row reads as an Employer. */
const EMPLOYER_COLUMNS = `employer.id, employer.name, employer.credit_code AS "creditCode", employer.kind, employer.district,
  employer.industry, employer.legal_representative AS "legalRepresentative", employer.contact_name AS "contactName",
  employer.contact_phone AS "contactPhone", employer.version, employer.created_at AS "createdAt", employer.updated_at AS "updatedAt"`;

/** What the list of employers is filtered by; absent filters do not apply. */
export interface EmployerFilter {
  /** Part of the name (a LIKE pattern), or a whole credit code. */
  search?: { namePattern: string; creditCode: string };
  kind?: EmployerKind;
  industry?: Industry;
  district?: string;
}

/** The `employers` table: the only place that reads or writes it. */
@Injectable()
export class EmployersRepository {
  /** Inserts one employer and returns it as stored. */
  insert(tx: Tx, employer: Partial<Employer>): Promise<Employer> {
    const repository = tx.getRepository(Employer);
    return repository.save(repository.create(employer));
  }

  async byId(tx: Tx, id: string): Promise<Employer | null> {
    const [found]: Employer[] = await tx.query(`SELECT ${EMPLOYER_COLUMNS} FROM employers employer WHERE employer.id = $1`, [id]);
    return found ?? null;
  }

  /**
   * Up to 20 employers whose names, stripped of the words every company name has (`noise`, a regular
   * expression), contain `core` or are contained in it; `exceptId` is left out.
   */
  similarNames(tx: Tx, core: string, noise: string, exceptId: string | null): Promise<SimilarEmployerView[]> {
    return tx.query(
      `SELECT id, name, credit_code AS "creditCode", kind FROM employers
        WHERE id IS DISTINCT FROM $3::uuid
          AND (regexp_replace(name, $2, '', 'g') LIKE '%' || $1 || '%'
               OR (length(regexp_replace(name, $2, '', 'g')) >= 2 AND $1 LIKE '%' || regexp_replace(name, $2, '', 'g') || '%'))
        ORDER BY name LIMIT 20`,
      [core, noise, exceptId],
    );
  }

  /** A page of employers by name, and how many match in all. */
  async page(tx: Tx, filter: EmployerFilter, offset: number, limit: number): Promise<{ items: Employer[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.search) {
      params.push(filter.search.namePattern, filter.search.creditCode);
      conditions.push(`(employer.name ILIKE $${params.length - 1} OR employer.credit_code = $${params.length})`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      conditions.push(`employer.kind = $${params.length}`);
    }
    if (filter.industry) {
      params.push(filter.industry);
      conditions.push(`employer.industry = $${params.length}`);
    }
    if (filter.district) {
      params.push(filter.district);
      conditions.push(`employer.district = $${params.length}`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const items: Employer[] = await tx.query(
      `SELECT ${EMPLOYER_COLUMNS} FROM employers employer ${where}
        ORDER BY employer.name ASC, employer.id ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [{ total }]: { total: number }[] = await tx.query(`SELECT count(*)::integer AS total FROM employers employer ${where}`, params);
    return { items, total };
  }

  /** Applies a correction made from `expectedVersion`; a newer version answers STALE_VERSION. */
  updateWithVersion(tx: Tx, id: string, expectedVersion: number, changes: Record<string, unknown>): Promise<void> {
    return saveWithVersion(tx.getRepository(Employer), id, expectedVersion, changes, 'EMPLOYER_NOT_FOUND');
  }
}
