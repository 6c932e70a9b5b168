import { NameSearch, nameContains } from '../common/database-helpers';
import { assertSearchNarrowEnough } from '../database/search-breadth';
import { Injectable } from '@nestjs/common';
import { updateWithVersion } from '../database/optimistic-update';
import type { Tx } from '../database/transactions';
import type { Employer, EmployerKind, Industry } from './employer.record';
import type { SimilarEmployerView } from './employer.view';

/** The columns of `employers` under the record's field names, so a row reads as an Employer. */
const EMPLOYER_COLUMNS = `employer.id, employer.name, employer.credit_code AS "creditCode", employer.kind, employer.district,
  employer.industry, employer.legal_representative AS "legalRepresentative", employer.contact_name AS "contactName",
  employer.contact_phone AS "contactPhone", employer.version, employer.created_at AS "createdAt", employer.updated_at AS "updatedAt"`;

/** What a new employer is stored with; the database gives the id, the version (1) and the timestamps. */
export type NewEmployer = Pick<
  Employer,
  'name' | 'creditCode' | 'kind' | 'district' | 'industry' | 'legalRepresentative' | 'contactName' | 'contactPhone'
>;

/** What a correction may change, under the record's field names. */
export type EmployerChanges = Partial<
  Pick<Employer, 'name' | 'district' | 'industry' | 'legalRepresentative' | 'contactName' | 'contactPhone'>
>;

/** The column of each field a correction may change: the only columns an update of an employer writes. */
const CHANGEABLE_COLUMNS: Record<keyof EmployerChanges, string> = {
  name: 'name',
  district: 'district',
  industry: 'industry',
  legalRepresentative: 'legal_representative',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
};

/** What the list of employers is filtered by; absent filters do not apply. */
export interface EmployerFilter {
  /** Part of the name (a LIKE pattern), or a whole credit code. */
  search?: { name: NameSearch; creditCode: string };
  kind?: EmployerKind;
  industry?: Industry;
  district?: string;
}

/** The `employers` table: the only place that reads or writes it. */
@Injectable()
export class EmployersRepository {
  /** Inserts one employer and returns it as stored. */
  async insert(tx: Tx, employer: NewEmployer): Promise<Employer> {
    const [stored]: Employer[] = await tx.query(
      `INSERT INTO employers AS employer
         (name, credit_code, kind, district, industry, legal_representative, contact_name, contact_phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${EMPLOYER_COLUMNS}`,
      [
        employer.name,
        employer.creditCode,
        employer.kind,
        employer.district,
        employer.industry,
        employer.legalRepresentative,
        employer.contactName,
        employer.contactPhone,
      ],
    );
    return stored;
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

  /** A page of employers by name, and how many match in all; a search too broad is refused. */
  async page(tx: Tx, filter: EmployerFilter, offset: number, limit: number): Promise<{ items: Employer[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.search) {
      await assertSearchNarrowEnough(tx, `SELECT 1 FROM employers employer WHERE ${nameContains('employer.name', '$1', '$2')}`, [
        filter.search.name.text,
        filter.search.name.pattern,
      ]);
      params.push(filter.search.name.text, filter.search.name.pattern, filter.search.creditCode);
      const [text, pattern, creditCode] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
      conditions.push(`(${nameContains('employer.name', text, pattern)} OR employer.credit_code = ${creditCode})`);
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
  updateWithVersion(tx: Tx, id: string, expectedVersion: number, changes: EmployerChanges): Promise<void> {
    const assignments = Object.fromEntries(
      Object.entries(CHANGEABLE_COLUMNS).map(([field, column]) => [column, changes[field as keyof EmployerChanges]]),
    );
    return updateWithVersion(tx, 'employers', id, expectedVersion, assignments, 'EMPLOYER_NOT_FOUND');
  }
}
