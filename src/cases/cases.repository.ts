import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import { nameSearch } from '../common/database-helpers';
import { assertFewEnoughMatches, assertSearchNarrowEnough, searchMatchesCte } from '../database/search-breadth';
import { NONE } from '../common/http/validators';
import { AppError } from '../common/errors/app-error';
import { offsetOf } from '../common/http/pagination';
import { ReportsDatabase } from '../database/reports-database';
import type { Tx } from '../database/transactions';
import type { Employer } from '../employers/employer.record';
import type { Organisation } from '../organisations/organisation.record';
import type { Project } from '../projects/project.record';
import type { User } from '../users/user.record';
import type { ChainRole } from './case-employer.record';
import type { CaseEvidence, EvidenceKind } from './case-evidence.record';
import type { Case, IntakeChannel } from './case.record';
import type { CaseWarningView } from './case.view';
import {
  CASE_EXPORT_MONEY_JOIN,
  CASE_FACTS_CONDITION,
  CASE_IN_SCOPE_SQL,
  CASE_LIST_COLUMNS,
  CASE_LIST_EMPLOYERS,
  CaseListPageRow,
  CASE_LIST_FROM,
  CASE_SCOPE_FROM,
  CASE_MONEY_COLUMNS,
  CASE_SORT_COLUMNS,
  CASE_VISIBLE_SQL,
  CaseExportRow,
  INSERT_CASE_EMPLOYERS_SQL,
  INSERT_CASE_EVIDENCE_SQL,
  INSERT_CASE_SQL,
  LOCK_CASE_SQL,
  OWING_CONDITION,
  PAID_BETWEEN_CONDITION,
  PAID_IN_FULL_CONDITION,
  REPORTED_INDUSTRY,
  ID_NUMBER_SEARCH_CONDITION,
  SEARCH_CONDITION,
  SEARCHED_COUNT,
  SEARCHED_PAGE,
  SEARCHED_PAGE_CONDITION,
  searchesByPiece,
  searchMatchesSql,
  SEARCH_MATCHES_COUNT,
  SUBTREE_CONDITION,
  UNVERIFIED_CONDITION,
  UPDATE_CASE_SQL,
} from './cases.sql';
import { CASE_STATUSES, FINAL_STATUSES_SQL, isFinal } from './domain/case-status';
import type { LegalStep } from './domain/event-days';
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

/** Every column of an organisation, named as the Organisation fields. */
const ORGANISATION_COLUMNS = `o.id, o.parent_id AS "parentId", o.code, o.name, o.kind, o.district, o.path,
       o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** Every column of a project, named as the Project fields (its subcontracts are not loaded). */
const PROJECT_COLUMNS = `p.id, p.name, p.site, p.owner_id AS "ownerId", p.general_contractor_id AS "generalContractorId",
       p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/** A user's columns, named as the User fields, without the password hash (never read here). */
const USER_COLUMNS = `u.id, u.organisation_id AS "organisationId", u.username, u.display_name AS "displayName", u.roles,
       u.active, u.password_changed_at AS "passwordChangedAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

/** Every column of an employer, named as the Employer fields. */
const EMPLOYER_COLUMNS = `e.id, e.name, e.credit_code AS "creditCode", e.kind, e.district, e.industry,
       e.legal_representative AS "legalRepresentative", e.contact_name AS "contactName",
       e.contact_phone AS "contactPhone", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/** Every column of a piece of evidence, named as the CaseEvidence fields. */
const EVIDENCE_COLUMNS = `id, case_id AS "caseId", kind, description, received_on AS "receivedOn", created_at AS "createdAt"`;

/**
 * Loads a case for a change and locks its row until the transaction ends. Every change to a case's
 * claims, payouts or status takes this lock first, so two clerks recording payouts for the same
 * case at once are serialised and the outstanding check sees the other's payout. A case outside
 * the caller's scope is answered exactly like one that does not exist.
 */
export async function lockCase(tx: Tx, caseId: string, scope: Scope): Promise<Case> {
  const [found]: Case[] = await tx.query(LOCK_CASE_SQL, [caseId, scope.path]);
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
  const [{ visible }]: { visible: boolean }[] = await tx.query(CASE_VISIBLE_SQL, [caseId, scope.path]);
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

/** A case to open; its number is the organisation's next of the year (domain/case-number.ts). */
export interface NewCase {
  organisationId: string;
  organisationCode: string;
  year: number;
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
  async findInScope(tx: Tx, caseId: string, scope: Scope): Promise<Case | null> {
    const [found]: Case[] = await tx.query(CASE_IN_SCOPE_SQL, [caseId, scope.path]);
    return found ?? null;
  }

  /** Everything the case page shows of a case besides its money, read at once. */
  async partsOf(tx: Tx, record: Case): Promise<CaseParts> {
    const assigned = [record.lawyerId, record.mediatorId].filter((x): x is string => x !== null);
    const [organisations, projects, people, employers, evidence]: [
      Organisation[],
      Project[],
      User[],
      CaseEmployerOfCase[],
      CaseEvidence[],
    ] = await Promise.all([
      tx.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`, [record.organisationId]),
      record.projectId ? tx.query(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = $1`, [record.projectId]) : [],
      assigned.length > 0 ? tx.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`, [assigned]) : [],
      tx.query(
        `SELECT ${EMPLOYER_COLUMNS}, ce.role FROM employers e JOIN case_employers ce ON ce.employer_id = e.id
          WHERE ce.case_id = $1`,
        [record.id],
      ),
      tx.query(`SELECT ${EVIDENCE_COLUMNS} FROM case_evidence WHERE case_id = $1 ORDER BY created_at`, [record.id]),
    ]);
    // The case's organisation is its foreign key: missing, it is a broken database, not a 404.
    if (organisations.length === 0) throw new Error(`Organisation ${record.organisationId} of case ${record.id} not found`);
    return { organisation: organisations[0], project: projects[0] ?? null, people, employers, evidence };
  }

  /**
   * One page of the case list and how many cases the filters find, always inside the caller's scope.
   * An unknown status or sort key is refused before any query runs.
   */
  async page(
    tx: Tx,
    query: CaseListQuery,
    scope: Scope,
    idNumberHash: string | null = null,
  ): Promise<{ rows: CaseListPageRow[]; total: number }> {
    const { search, where, params, searchedAlone, scopePath } = caseListFilter(query, scope, idNumberHash);
    const order = caseListOrder(query.sort);
    const sort = caseListSort(query.sort);
    if (searchedAlone && sort.key === 'intakeDate') {
      // A search by piece and nothing else, in intake order: counted and paged from its matches, which
      // carry their intake days, so only the page's cases are read (a given name alone finds 11,000).
      const rows: (CaseListPageRow & { total: number; matches: number })[] = await tx.query(
        `${search}, ${SEARCHED_PAGE(scopePath, sort.direction, query.pageSize, offsetOf(query))}
         SELECT ${CASE_LIST_COLUMNS}, ${CASE_LIST_EMPLOYERS}, ${SEARCHED_COUNT} AS total, ${SEARCH_MATCHES_COUNT} AS matches
           ${CASE_LIST_FROM} ${where} AND ${SEARCHED_PAGE_CONDITION}
          ORDER BY ${order}, c.id`,
        params,
      );
      return this.countedSearchPage(tx, rows, search, where, params);
    }
    if (!search) {
      const [{ total }] = await tx.query(`SELECT count(*)::int AS total ${CASE_SCOPE_FROM} ${where}`, params);
      const rows = await tx.query(
        `SELECT ${CASE_LIST_COLUMNS}, ${CASE_LIST_EMPLOYERS} ${CASE_LIST_FROM} ${where}
          ORDER BY ${order}, c.id LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
        params,
      );
      return { total, rows };
    }
    // A search's cases are found once: counted as the page is cut from them (a common name is on
    // thousands of cases, and finding them is the whole cost), by the columns the filters and the order
    // read; the page's own columns, its people's names among them, are looked up for its rows only.
    // The matches are counted too: a search too broad is refused (SEARCH_MATCHES_MAX).
    const rows: (CaseListPageRow & { total: number; matches: number })[] = await tx.query(
      `${search}, listed AS (
         SELECT c.id, count(*) OVER ()::int AS total ${CASE_SCOPE_FROM} ${where}
          ORDER BY ${order}, c.id LIMIT ${query.pageSize} OFFSET ${offsetOf(query)})
       SELECT ${CASE_LIST_COLUMNS}, ${CASE_LIST_EMPLOYERS}, listed.total, ${SEARCH_MATCHES_COUNT} AS matches
         ${CASE_LIST_FROM} JOIN listed ON listed.id = c.id
        ORDER BY ${order}, c.id`,
      params,
    );
    return this.countedSearchPage(tx, rows, search, where, params);
  }

  /** A searched page's rows without the counts they carry, once the search is known not to be too broad. */
  private async countedSearchPage(
    tx: Tx,
    rows: (CaseListPageRow & { total: number; matches: number })[],
    search: string,
    where: string,
    params: unknown[],
  ): Promise<{ rows: CaseListPageRow[]; total: number }> {
    // a page past the last has no row to carry the counts
    const [counts] = rows.length > 0 ? rows : await tx.query(`${search} SELECT count(*)::int AS total, ${SEARCH_MATCHES_COUNT} AS matches ${CASE_SCOPE_FROM} ${where}`, params);
    assertFewEnoughMatches(counts.matches);
    return { rows: rows.map(({ total: _total, matches: _matches, ...row }) => row), total: counts.total };
  }

  /**
   * Refuses a search by a piece of a name or case number that matches more cases than a list is for
   * (SEARCH_MATCHES_MAX): an export's, before its rows stream (the page counts them itself).
   */
  async assertSearchNarrowEnough(tx: Tx, q: string, scope: Scope): Promise<void> {
    const { text, pattern } = nameSearch(q);
    const params: unknown[] = [];
    const matches = searchMatchesSql(text, pattern, scope.path, (value) => `$${params.push(value)}`);
    await assertSearchNarrowEnough(tx, matches, params);
  }

  /**
   * Every case the list would show, for an export: one cursor over the reports database, each row with
   * its money from the reports' summary table, so 100,000 rows stream in bounded memory. No unit of
   * work: the rows come from the reports' connection (a replica when there is one), not the primary.
   */
  exportRows(query: CaseListQuery, scope: Scope, idNumberHash: string | null = null): AsyncIterable<CaseExportRow> {
    const { search, where, params } = caseListFilter(query, scope, idNumberHash);
    const order = caseListOrder(query.sort);
    return this.reportsDatabase.stream<CaseExportRow>(
      `${search} SELECT ${CASE_LIST_COLUMNS}, ${CASE_MONEY_COLUMNS} ${CASE_LIST_FROM} ${CASE_EXPORT_MONEY_JOIN} ${where}
        ORDER BY ${order}, c.id`,
      params,
    );
  }

  /** The organisation if it lies in the scope: a case is opened only where the clerk may see it. */
  async organisationInScope(tx: Tx, organisationId: string, scope: Scope): Promise<Organisation | null> {
    const [found]: Organisation[] = await tx.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1 AND o.path LIKE $2 || '%'`,
      [organisationId, scope.path],
    );
    return found ?? null;
  }

  /** The organisation, whatever the scope (a case may be dispatched out of the sender's sight). */
  async organisation(tx: Tx, organisationId: string): Promise<Organisation | null> {
    const [found]: Organisation[] = await tx.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`, [
      organisationId,
    ]);
    return found ?? null;
  }

  /** The employers of these ids that exist, as the case page shows them. */
  employersByIds(tx: Tx, employerIds: string[]): Promise<Employer[]> {
    return tx.query(`SELECT ${EMPLOYER_COLUMNS} FROM employers e WHERE e.id = ANY($1::uuid[])`, [employerIds]);
  }

  async employerExists(tx: Tx, employerId: string): Promise<boolean> {
    const [{ exists }]: { exists: boolean }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM employers WHERE id = $1) AS "exists"`,
      [employerId],
    );
    return exists;
  }

  async projectById(tx: Tx, projectId: string): Promise<Project | null> {
    const [project]: Project[] = await tx.query(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = $1`, [projectId]);
    return project ?? null;
  }

  /** Opens a case with its organisation's next number of the year (INSERT_CASE_SQL). */
  async insertCase(tx: Tx, values: NewCase): Promise<Case> {
    const [opened]: Case[] = await tx.query(INSERT_CASE_SQL, [
      values.organisationId,
      values.organisationCode,
      values.intakeChannel,
      values.intakeDate,
      values.summary,
      values.projectId,
      values.lawyerId,
      values.mediatorId,
      values.year,
    ]);
    return opened;
  }

  /**
   * Writes the case's fields; its version and updated_at move on, and are set on `record` too.
   * Called only after a change: every call moves the version on.
   */
  async saveCase(tx: Tx, record: Case): Promise<void> {
    const [saved]: Pick<Case, 'version' | 'updatedAt'>[] = await tx.query(UPDATE_CASE_SQL, [
      record.id,
      record.organisationId,
      record.caseNumber,
      record.intakeChannel,
      record.intakeDate,
      record.projectId,
      record.lawyerId,
      record.mediatorId,
      record.status,
      record.outcome,
      record.statusReason,
      record.referredTo,
      record.summary,
      record.consultationId,
      record.closedAt,
      record.closedOn,
    ]);
    record.version = saved.version;
    record.updatedAt = saved.updatedAt;
  }

  async insertCaseEmployers(tx: Tx, caseId: string, links: { employerId: string; role: ChainRole }[]): Promise<void> {
    if (links.length === 0) return;
    await tx.query(INSERT_CASE_EMPLOYERS_SQL, [caseId, links.map((link) => link.employerId), links.map((link) => link.role)]);
  }

  async insertEvidence(tx: Tx, caseId: string, evidence: NewEvidence[]): Promise<CaseEvidence[]> {
    if (evidence.length === 0) return [];
    return tx.query(`${INSERT_CASE_EVIDENCE_SQL} RETURNING ${EVIDENCE_COLUMNS}`, [
      caseId,
      evidence.map((item) => item.kind),
      evidence.map((item) => item.description),
      evidence.map((item) => item.receivedOn),
    ]);
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
  /** The steps of the legal procedures a case has recorded (null: not yet). */
  async legalStepsOf(tx: Tx, caseId: string): Promise<Record<LegalStep, string | null>> {
    const [row]: Record<LegalStep, string | null>[] = await tx.query(
      `SELECT arbitration_applied_on::text AS "arbitrationAppliedOn", arbitration_accepted_on::text AS "arbitrationAcceptedOn",
              arbitration_awarded_on::text AS "arbitrationAwardedOn", payment_order_applied_on::text AS "paymentOrderAppliedOn",
              payment_order_issued_on::text AS "paymentOrderIssuedOn", payment_order_served_on::text AS "paymentOrderServedOn"
         FROM cases WHERE id = $1`,
      [caseId],
    );
    return row;
  }

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

/**
 * The case list's filters as SQL, always inside the caller's scope. `idNumberHash`: the search `q` was
 * a whole id number, whose worker's cases it finds too. The drill-down filters use the reports' own
 * rules (cases.sql.ts), on the same summary rows (case_facts, case_pay_days), so a figure and its list
 * agree. A period that ends before it starts is refused before any query runs.
 */
function caseListFilter(
  query: Omit<CaseListQuery, 'page' | 'pageSize'>,
  scope: Scope,
  idNumberHash: string | null,
): { search: string; where: string; params: unknown[]; searchedAlone: boolean; scopePath: string } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  for (const [from, to] of PERIOD_FILTERS) {
    const start = query[from];
    const end = query[to];
    if (start && end && end < start) throw AppError.invalidField(to, 'PERIOD_ENDS_BEFORE_START');
  }
  const scopePath = param(scope.path);
  const conditions: string[] = [`o.path LIKE ${scopePath} || '%'`];
  const facts: string[] = [];
  if (query.status) {
    const statuses = query.status.split(',').map((s) => s.trim());
    const unknown = statuses.filter((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      throw AppError.invalidField('status', 'NOT_ONE_OF', { allowed: CASE_STATUSES.join(', ') });
    }
    conditions.push(`c.status = ANY(${param(statuses)}::text[])`);
  }
  if (query.organisationId) {
    conditions.push(
      query.organisationOnly ? `c.organisation_id = ${param(query.organisationId)}` : SUBTREE_CONDITION(param(query.organisationId)),
    );
  }
  if (query.employerId) {
    conditions.push(
      `EXISTS (SELECT 1 FROM case_employers ce WHERE ce.case_id = c.id AND ce.employer_id = ${param(query.employerId)})`,
    );
  }
  const idOrNone = (column: string, value: string) => (value === NONE ? `${column} IS NULL` : `${column} = ${param(value)}`);
  if (query.directEmployerId) facts.push(idOrNone('f.employer_id', query.directEmployerId));
  if (query.industry === NONE) facts.push('f.industry IS NULL');
  else if (query.industry) facts.push(`${REPORTED_INDUSTRY} = ${param(query.industry)}`);
  if (query.projectId) conditions.push(idOrNone('c.project_id', query.projectId));
  if (query.lawyerId) conditions.push(idOrNone('c.lawyer_id', query.lawyerId));
  if (query.mediatorId) conditions.push(idOrNone('c.mediator_id', query.mediatorId));
  if (query.intakeFrom) conditions.push(`c.intake_date >= ${param(query.intakeFrom)}`);
  if (query.intakeTo) conditions.push(`c.intake_date <= ${param(query.intakeTo)}`);
  // the day a case concluded is on its summary row only while its status is final
  if (query.concludedFrom) facts.push(`f.closed_on >= ${param(query.concludedFrom)}`);
  if (query.concludedTo) facts.push(`f.closed_on <= ${param(query.concludedTo)}`);
  if (query.paidFrom || query.paidTo) conditions.push(PAID_BETWEEN_CONDITION(param(query.paidFrom ?? null), param(query.paidTo ?? null)));
  const yesOrNo = (wanted: boolean | undefined, condition: string) => {
    if (wanted !== undefined) facts.push(wanted ? condition : `NOT ${condition}`);
  };
  yesOrNo(query.owing, OWING_CONDITION);
  yesOrNo(query.paidInFull, PAID_IN_FULL_CONDITION);
  yesOrNo(query.unverified, UNVERIFIED_CONDITION);
  if (query.open !== undefined) conditions.push(`c.status ${query.open ? 'NOT IN' : 'IN'} ${FINAL_STATUSES_SQL}`);
  // any filter besides the scope, the first condition
  const filtered = conditions.length > 1 || facts.length > 0;
  if (facts.length > 0) conditions.push(CASE_FACTS_CONDITION(facts));
  let search = '';
  let searchedByPiece = false;
  if (idNumberHash) conditions.push(ID_NUMBER_SEARCH_CONDITION(param(idNumberHash)));
  else if (query.q?.trim()) {
    const { text, pattern } = nameSearch(query.q);
    searchedByPiece = searchesByPiece(text);
    search = `WITH ${searchMatchesCte('search_matches', searchMatchesSql(text, pattern, scope.path, param))}`;
    conditions.push(SEARCH_CONDITION);
  }
  return { search, where: `WHERE ${conditions.join(' AND ')}`, params, searchedAlone: searchedByPiece && !filtered, scopePath };
}

/** The list's periods, each a first and a last day that must come in that order. */
const PERIOD_FILTERS = [
  ['intakeFrom', 'intakeTo'],
  ['concludedFrom', 'concludedTo'],
  ['paidFrom', 'paidTo'],
] as const;

/** The ORDER BY of a sort key of the API; nothing else reaches the SQL. */
function caseListOrder(sort: string | undefined): string {
  const { key, direction } = caseListSort(sort);
  return `${CASE_SORT_COLUMNS[key]} ${direction}`;
}

/** The sort key and direction asked for (intake day, newest first, by default); refuses any other. */
function caseListSort(sort: string | undefined): { key: string; direction: 'ASC' | 'DESC' } {
  const [key, direction = 'desc'] = (sort ?? 'intakeDate:desc').split(':');
  if (!CASE_SORT_COLUMNS[key] || !['asc', 'desc'].includes(direction)) {
    throw AppError.invalidField('sort', 'NOT_ONE_OF', {
      allowed: Object.keys(CASE_SORT_COLUMNS)
        .flatMap((k) => [`${k}:asc`, `${k}:desc`])
        .join(', '),
    });
  }
  return { key, direction: direction.toUpperCase() as 'ASC' | 'DESC' };
}
