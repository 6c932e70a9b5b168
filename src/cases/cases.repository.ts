import { Injectable } from '@nestjs/common';
import { In, SelectQueryBuilder } from 'typeorm';
import type { Scope } from '../auth/domain/actor';
import { likePattern } from '../common/database-helpers';
import { AppError } from '../common/errors/app-error';
import { offsetOf } from '../common/http/pagination';
import { ReportsDatabase } from '../database/reports-database';
import type { Tx } from '../database/transactions';
import { Employer } from '../employers/employer.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';
import { User } from '../users/user.entity';
import { CaseEmployer, ChainRole } from './case-employer.entity';
import { CaseEvidence, EvidenceKind } from './case-evidence.entity';
import { Case, IntakeChannel } from './case.entity';
import type { CaseWarningView } from './case.view';
import {
  CASE_EXPORT_MONEY_JOIN,
  CASE_LIST_COLUMNS,
  CASE_LIST_FROM,
  CASE_MONEY_COLUMNS,
  CASE_SORT_COLUMNS,
  CaseExportRow,
  CaseListRow,
  NEXT_CASE_NUMBER_SQL,
  SEARCH_CONDITION,
  SUBTREE_CONDITION,
} from './cases.sql';
import { CASE_STATUSES, isFinal } from './domain/case-status';
import type { CaseListQuery } from './dto/case.dto';

/** The dates the law counts from that a clerk records on a case; an absent one stays, null clears it. */
export interface CaseLegalDates {
  arbitrationAppliedOn?: string | null;
  arbitrationAcceptedOn?: string | null;
  arbitrationExtended?: boolean;
  arbitrationAwardedOn?: string | null;
  paymentOrderAppliedOn?: string | null;
  paymentOrderIssuedOn?: string | null;
  paymentOrderServedOn?: string | null;
  bureauOrderPayBy?: string | null;
  bureauOrderAmountFen?: bigint | null;
}

/** The column of each legal date (the amount is converted separately). */
const LEGAL_DATE_COLUMNS: Record<Exclude<keyof CaseLegalDates, 'bureauOrderAmountFen'>, string> = {
  arbitrationAppliedOn: 'arbitration_applied_on',
  arbitrationAcceptedOn: 'arbitration_accepted_on',
  arbitrationExtended: 'arbitration_extended',
  arbitrationAwardedOn: 'arbitration_awarded_on',
  paymentOrderAppliedOn: 'payment_order_applied_on',
  paymentOrderIssuedOn: 'payment_order_issued_on',
  paymentOrderServedOn: 'payment_order_served_on',
  bureauOrderPayBy: 'bureau_order_pay_by',
};

/** Cases whose organisation lies in the scope: the condition every case query carries. */
const CASE_IN_SCOPE = `organisation_id IN (SELECT id FROM organisations WHERE path LIKE :scopePath || '%')`;

/** The case with this id, if it lies in the scope (alias `c`). */
function caseInScope(tx: Tx, caseId: string, scope: Scope): SelectQueryBuilder<Case> {
  return tx
    .getRepository(Case)
    .createQueryBuilder('c')
    .where('c.id = :caseId', { caseId })
    .andWhere(`c.${CASE_IN_SCOPE}`, { scopePath: scope.path });
}

/**
 * Loads a case for a change and locks its row until the transaction ends. Every change to a case's
 * claims, payouts or status takes this lock first, so two clerks recording payouts for the same
 * case at once are serialised and the outstanding check sees the other's payout. A case outside
 * the caller's scope is answered exactly like one that does not exist.
 */
export async function lockCase(tx: Tx, caseId: string, scope: Scope): Promise<Case> {
  const found = await caseInScope(tx, caseId, scope).setLock('pessimistic_write').getOne();
  if (!found) throw new AppError('CASE_NOT_FOUND');
  return found;
}

/** As lockCase, and refuses a case that is closed, withdrawn or rejected. */
export async function lockOpenCase(tx: Tx, caseId: string, scope: Scope): Promise<Case> {
  const found = await lockCase(tx, caseId, scope);
  if (isFinal(found.status)) throw new AppError('CASE_NOT_OPEN', { status: found.status });
  return found;
}

/** 404 unless the case exists within the scope; for reads of a case's claims, payouts and timeline. */
export async function assertCaseVisible(tx: Tx, caseId: string, scope: Scope): Promise<void> {
  const visible = await caseInScope(tx, caseId, scope).getExists();
  if (!visible) throw new AppError('CASE_NOT_FOUND');
}

/** A case's employers, each with its role in this dispute's chain. */
export type CaseEmployerOfCase = Employer & { role: ChainRole };

/** The people, places and papers a case refers to, for the case page. */
export interface CaseParts {
  organisation: Organisation;
  project: Project | null;
  /** The assigned lawyer and mediator, in no particular order. */
  people: User[];
  employers: CaseEmployerOfCase[];
  evidence: CaseEvidence[];
}

export interface NewCase {
  organisationId: string;
  caseNumber: string;
  intakeChannel: IntakeChannel;
  intakeDate: string;
  summary: string;
  projectId: string | null;
  lawyerId: string | null;
  mediatorId: string | null;
}

export interface NewEvidence {
  kind: EvidenceKind;
  description: string;
  receivedOn: string | null;
}

/**
 * The cases and what hangs on them (cases, case_employers, case_evidence, case_number_counters).
 * Opening a case also reads other features' tables (organisations, employers, projects, users) to
 * check that what it refers to exists; those are reads only.
 */
@Injectable()
export class CasesRepository {
  constructor(private readonly reportsDatabase: ReportsDatabase) {}

  lockCase(tx: Tx, caseId: string, scope: Scope): Promise<Case> {
    return lockCase(tx, caseId, scope);
  }

  lockOpenCase(tx: Tx, caseId: string, scope: Scope): Promise<Case> {
    return lockOpenCase(tx, caseId, scope);
  }

  assertCaseVisible(tx: Tx, caseId: string, scope: Scope): Promise<void> {
    return assertCaseVisible(tx, caseId, scope);
  }

  /** The case with this id if it lies in the scope, without a lock. */
  findInScope(tx: Tx, caseId: string, scope: Scope): Promise<Case | null> {
    return caseInScope(tx, caseId, scope).getOne();
  }

  /** Everything the case page shows of a case besides its money, read at once. */
  async partsOf(tx: Tx, record: Case): Promise<CaseParts> {
    const assigned = [record.lawyerId, record.mediatorId].filter((x): x is string => x !== null);
    const [organisation, project, people, employers, evidence] = await Promise.all([
      tx.getRepository(Organisation).findOneByOrFail({ id: record.organisationId }),
      record.projectId ? tx.getRepository(Project).findOneBy({ id: record.projectId }) : null,
      assigned.length > 0 ? tx.getRepository(User).findBy({ id: In(assigned) }) : [],
      tx
        .getRepository(Employer)
        .createQueryBuilder('e')
        .innerJoin(CaseEmployer, 'ce', 'ce.employer_id = e.id')
        .addSelect('ce.role', 'chain_role')
        .where('ce.case_id = :id', { id: record.id })
        .getRawAndEntities<{ e_id: string; chain_role: ChainRole }>(),
      tx.getRepository(CaseEvidence).find({ where: { caseId: record.id }, order: { createdAt: 'ASC' } }),
    ]);
    const roles = new Map(employers.raw.map((row) => [row.e_id, row.chain_role]));
    return {
      organisation,
      project,
      people,
      employers: employers.entities.map((employer) => ({ ...employer, role: roles.get(employer.id)! })),
      evidence,
    };
  }

  /**
   * One page of the case list and how many cases the filters find, always inside the caller's scope.
   * An unknown status or sort key is refused before any query runs.
   */
  async page(tx: Tx, query: CaseListQuery, scope: Scope): Promise<{ rows: CaseListRow[]; total: number }> {
    const { where, params } = caseListFilter(query, scope);
    const order = caseListOrder(query.sort);
    const [{ total }] = await tx.query(`SELECT count(*)::int AS total ${CASE_LIST_FROM} ${where}`, params);
    const rows: CaseListRow[] = await tx.query(
      `SELECT ${CASE_LIST_COLUMNS} ${CASE_LIST_FROM} ${where}
        ORDER BY ${order}, c.id LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      params,
    );
    return { rows, total };
  }

  /**
   * Every case the list would show, for an export: one cursor over the reports database, each row with
   * its money from the reports' summary table, so 100,000 rows stream in bounded memory. No unit of
   * work: the rows come from the reports' connection (a replica when there is one), not the primary.
   */
  exportRows(query: CaseListQuery, scope: Scope): AsyncIterable<CaseExportRow> {
    const { where, params } = caseListFilter(query, scope);
    const order = caseListOrder(query.sort);
    return this.reportsDatabase.stream<CaseExportRow>(
      `SELECT ${CASE_LIST_COLUMNS}, ${CASE_MONEY_COLUMNS} ${CASE_LIST_FROM} ${CASE_EXPORT_MONEY_JOIN} ${where}
        ORDER BY ${order}, c.id`,
      params,
    );
  }

  /** The organisation if it lies in the scope: a case is opened only where the clerk may see it. */
  organisationInScope(tx: Tx, organisationId: string, scope: Scope): Promise<Organisation | null> {
    return tx
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.id = :id', { id: organisationId })
      .andWhere(`o.path LIKE :scopePath || '%'`, { scopePath: scope.path })
      .getOne();
  }

  /** The organisation, whatever the scope (a case may be dispatched out of the sender's sight). */
  organisation(tx: Tx, organisationId: string): Promise<Organisation | null> {
    return tx.getRepository(Organisation).findOneBy({ id: organisationId });
  }

  /** Which of these employers exist. */
  async existingEmployerIds(tx: Tx, employerIds: string[]): Promise<Set<string>> {
    const found = await tx.getRepository(Employer).find({ where: { id: In(employerIds) }, select: { id: true } });
    return new Set(found.map((e) => e.id));
  }

  employerExists(tx: Tx, employerId: string): Promise<boolean> {
    return tx.getRepository(Employer).existsBy({ id: employerId });
  }

  projectExists(tx: Tx, projectId: string): Promise<boolean> {
    return tx.getRepository(Project).existsBy({ id: projectId });
  }

  /** Next number of an organisation's year, atomically: concurrent openings never share a number. */
  async nextCaseNumber(tx: Tx, organisationId: string, year: number): Promise<number> {
    const [{ last_number }] = await tx.query(NEXT_CASE_NUMBER_SQL, [organisationId, year]);
    return last_number;
  }

  insertCase(tx: Tx, values: NewCase): Promise<Case> {
    const cases = tx.getRepository(Case);
    return cases.save(cases.create({ ...values, status: 'received' }));
  }

  /** Writes the case's changed fields; its version and updated_at move on (the entity is updated in place). */
  async saveCase(tx: Tx, record: Case): Promise<void> {
    await tx.getRepository(Case).save(record);
  }

  async insertCaseEmployers(tx: Tx, caseId: string, links: { employerId: string; role: ChainRole }[]): Promise<void> {
    await tx.getRepository(CaseEmployer).insert(links.map((link) => ({ caseId, employerId: link.employerId, role: link.role })));
  }

  async insertEvidence(tx: Tx, caseId: string, evidence: NewEvidence[]): Promise<void> {
    await tx.getRepository(CaseEvidence).insert(evidence.map((item) => ({ caseId, ...item })));
  }

  /** The consultation a case was opened from (the consultation links back to the case itself). */
  async setConsultation(tx: Tx, caseId: string, consultationId: string): Promise<void> {
    await tx.query(`UPDATE cases SET consultation_id = $2 WHERE id = $1`, [caseId, consultationId]);
  }

  /** Employers of the case its lawyer has declared acting for (lawyer_engagements, the desk's, read only). */
  lawyerConflicts(tx: Tx, caseId: string): Promise<CaseWarningView[]> {
    return tx.query(
      `SELECT 'LAWYER_ACTED_FOR_EMPLOYER' AS code, e.name AS "employerName", le.note
         FROM cases c JOIN case_employers ce ON ce.case_id = c.id
         JOIN lawyer_engagements le ON le.lawyer_id = c.lawyer_id AND le.employer_id = ce.employer_id
         JOIN employers e ON e.id = ce.employer_id
        WHERE c.id = $1 ORDER BY e.name`,
      [caseId],
    );
  }

  /** Records a case's legal dates; false when `dates` names none, and nothing is written. */
  async updateLegalDates(tx: Tx, caseId: string, dates: CaseLegalDates): Promise<boolean> {
    const assignments: string[] = [];
    const params: unknown[] = [caseId];
    for (const [field, column] of Object.entries(LEGAL_DATE_COLUMNS)) {
      const value = dates[field as keyof typeof LEGAL_DATE_COLUMNS];
      if (value === undefined) continue;
      params.push(value);
      assignments.push(`${column} = $${params.length}`);
    }
    if (dates.bureauOrderAmountFen !== undefined) {
      params.push(dates.bureauOrderAmountFen === null ? null : dates.bureauOrderAmountFen.toString());
      assignments.push(`bureau_order_amount_fen = $${params.length}`);
    }
    if (assignments.length === 0) return false;
    await tx.query(`UPDATE cases SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`, params);
    return true;
  }
}

/** The case list's filters as SQL, always inside the caller's scope. */
function caseListFilter(query: Omit<CaseListQuery, 'page' | 'pageSize'>, scope: Scope): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [`o.path LIKE ${param(scope.path)} || '%'`];
  if (query.status) {
    const statuses = query.status.split(',').map((s) => s.trim());
    const unknown = statuses.filter((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      throw AppError.invalidField('status', 'NOT_ONE_OF', { allowed: CASE_STATUSES.join(', ') });
    }
    conditions.push(`c.status = ANY(${param(statuses)}::text[])`);
  }
  if (query.organisationId) conditions.push(SUBTREE_CONDITION(param(query.organisationId)));
  if (query.employerId) {
    conditions.push(
      `EXISTS (SELECT 1 FROM case_employers ce WHERE ce.case_id = c.id AND ce.employer_id = ${param(query.employerId)})`,
    );
  }
  if (query.lawyerId) conditions.push(`c.lawyer_id = ${param(query.lawyerId)}`);
  if (query.mediatorId) conditions.push(`c.mediator_id = ${param(query.mediatorId)}`);
  if (query.intakeFrom) conditions.push(`c.intake_date >= ${param(query.intakeFrom)}`);
  if (query.intakeTo) conditions.push(`c.intake_date <= ${param(query.intakeTo)}`);
  if (query.q?.trim()) conditions.push(SEARCH_CONDITION(param(likePattern(query.q))));
  return { where: `WHERE ${conditions.join(' AND ')}`, params };
}

/** The ORDER BY of a sort key of the API; nothing else reaches the SQL. */
function caseListOrder(sort: string | undefined): string {
  const [key, direction = 'desc'] = (sort ?? 'intakeDate:desc').split(':');
  if (!CASE_SORT_COLUMNS[key] || !['asc', 'desc'].includes(direction)) {
    throw AppError.invalidField('sort', 'NOT_ONE_OF', {
      allowed: Object.keys(CASE_SORT_COLUMNS)
        .flatMap((k) => [`${k}:asc`, `${k}:desc`])
        .join(', '),
    });
  }
  return `${CASE_SORT_COLUMNS[key]} ${direction.toUpperCase()}`;
}
