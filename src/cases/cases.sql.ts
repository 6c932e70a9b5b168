import { nameContains } from '../common/database-helpers';
import type { IntakeChannel } from './case.record';
import { caseNumberSql } from './domain/case-number';
import type { CaseStatus, ClosingOutcome } from './domain/case-status';

/** The case list: explicit SQL so its filters and their indexes can be read and reviewed in one place. */
export const CASE_LIST_COLUMNS = `
  c.id, c.case_number, c.status, c.outcome, c.intake_channel, c.intake_date, c.summary, c.version,
  c.created_at, c.organisation_id, o.code AS organisation_code, o.name AS organisation_name,
  c.lawyer_id, lawyer.display_name AS lawyer_name, c.mediator_id, mediator.display_name AS mediator_name,
  (SELECT string_agg(e.name, '、' ORDER BY e.name)
     FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
    WHERE ce.case_id = c.id) AS employer_names`;

/** The list's page (not the export): each employer of the chain once, with its credit code, so its name opens its record. */
export const CASE_LIST_EMPLOYERS = `
  (SELECT COALESCE(json_agg(json_build_object('name', x.name, 'creditCode', x.credit_code) ORDER BY x.name, x.credit_code), '[]')
     FROM (SELECT DISTINCT e.name, e.credit_code
             FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
            WHERE ce.case_id = c.id) x) AS employers`;

/** The cases and their organisations, which every filter of the list reads (the scope is the organisation's path). */
export const CASE_SCOPE_FROM = `
  FROM cases c
  JOIN organisations o ON o.id = c.organisation_id`;

export const CASE_LIST_FROM = `${CASE_SCOPE_FROM}
  LEFT JOIN users lawyer ON lawyer.id = c.lawyer_id
  LEFT JOIN users mediator ON mediator.id = c.mediator_id`;

/** Sort keys of the API and the columns behind them; nothing else reaches ORDER BY. */
export const CASE_SORT_COLUMNS: Record<string, string> = {
  intakeDate: 'c.intake_date',
  caseNumber: 'c.case_number',
  createdAt: 'c.created_at',
  status: 'c.status',
};

/**
 * The cases a search `q` names: a worker's or an employer's name holding the text, or (`byCaseNumber`)
 * a case number holding it. Each is looked up through its own index (migrations/1766100000000) and only
 * the cases found are checked against the scope and the other filters, so a search costs what it finds,
 * not the size of the city. SEARCH_MATCHES the matches (a case once per worker or employer found), read
 * into a CTE of at most SEARCH_MATCHES_MAX + 1 (src/database/search-breadth.ts) so a search too broad is refused.
 */
export const SEARCH_MATCHES = (text: string, pattern: string, caseNumberPattern: string | null) => `
  SELECT cl.case_id FROM workers w JOIN claims cl ON cl.worker_id = w.id WHERE ${nameContains('w.name', text, pattern)}
  UNION ALL
  SELECT ce.case_id FROM employers e JOIN case_employers ce ON ce.employer_id = e.id WHERE ${nameContains('e.name', text, pattern)}${
    caseNumberPattern ? `
  UNION ALL
  SELECT id FROM cases WHERE case_number ILIKE ${caseNumberPattern} AND strpos(lower(case_number), lower(${text})) > 0` : ''}`;

/**
 * Whether a search is of two characters, a given name alone (丽华) or a piece of an employer's name:
 * its workers' names are then found by the cases' own pieces of names (case_name_pieces,
 * migrations/1767200000000), which answer it exactly and in the caller's scope.
 */
export function searchesByPiece(text: string): boolean {
  return [...text].length === 2;
}

/**
 * SEARCH_MATCHES for a text of two characters (searchesByPiece), each match with its case's intake day
 * and organisation, so the list can count them and take its page in intake order without reading a
 * case but the page's. Workers' names are matched inside the scope whose path is `scopePath` (their
 * index holds each case's organisation), employers' across the city as before, to be scoped after the
 * limit: a broad piece such as 建筑 is refused after SEARCH_MATCHES_MAX matches, not after all the
 * city's. A case with n workers so named matches n times.
 */
export const PIECE_SEARCH_MATCHES = (text: string, pattern: string, scopePath: string) => `
  SELECT p.case_id, p.intake_date, p.organisation_id
    FROM case_name_pieces p
    JOIN organisations o ON o.id = p.organisation_id
   CROSS JOIN generate_series(1, p.names)
   WHERE p.piece = lower(${text}) AND o.path LIKE ${scopePath} || '%'
  UNION ALL
  SELECT c.id, c.intake_date, c.organisation_id
    FROM employers e
    JOIN case_employers ce ON ce.employer_id = e.id
    JOIN cases c ON c.id = ce.case_id
   WHERE ${nameContains('e.name', text, pattern)}`;

/**
 * The matches of a search text, as SQL: PIECE_SEARCH_MATCHES for two characters, SEARCH_MATCHES for any
 * other; `param` places each value it needs (the text, its ILIKE pattern, and where asked the scope's path).
 */
export function searchMatchesSql(text: string, pattern: string, scopePath: string, param: (value: unknown) => string): string {
  return searchesByPiece(text)
    ? PIECE_SEARCH_MATCHES(param(text), param(pattern), param(scopePath))
    : SEARCH_MATCHES(param(text), param(pattern), mayBeCaseNumber(text) ? param(caseNumberIndexPattern(text)) : null);
}

/**
 * What the case numbers' trigram index is asked for, for a text that may be part of a case number: the
 * text anywhere, except a year between hyphens ("-2027-" of a whole number), which may be anything.
 * Each case found is then checked against the whole text (SEARCH_MATCHES), with strpos rather than
 * ILIKE: the planner would hand an ILIKE of the whole text to the index too. A year is in a quarter of a
 * city's case numbers, and its trigrams made two thirds of what the index read for a whole number at a
 * million cases (1,659 pages, 594 without them).
 */
export function caseNumberIndexPattern(text: string): string {
  // three characters at least on either side, so the index has trigrams of both to look up
  return `%${text.replace(/(?<=[0-9A-Za-z]{3})-\d{4}-(?=[0-9A-Za-z]{3})/, '-%-')}%`;
}

/**
 * The page of a search by piece with no other filter, in intake order (`direction`), from its matches
 * alone: their cases in the scope whose path is `scopePath` counted and sorted where they were found,
 * and only the page's cases read (the CTE `searched_page` of their ids, which the page selects by).
 */
export const SEARCHED_PAGE = (scopePath: string, direction: 'ASC' | 'DESC', limit: number, offset: number) => `
  searched AS (
    SELECT m.case_id, max(m.intake_date) AS intake_date
      FROM search_matches m JOIN organisations o ON o.id = m.organisation_id
     WHERE o.path LIKE ${scopePath} || '%'
     GROUP BY m.case_id),
  searched_page AS (SELECT case_id FROM searched ORDER BY intake_date ${direction}, case_id LIMIT ${limit} OFFSET ${offset})`;
export const SEARCHED_PAGE_CONDITION = `c.id IN (SELECT case_id FROM searched_page)`;
export const SEARCHED_COUNT = `(SELECT count(*)::int FROM searched)`;
/** The cases of the CTE `search_matches` (searchMatchesCte of SEARCH_MATCHES), which every statement of a searched list starts with. */
export const SEARCH_CONDITION = `c.id IN (SELECT case_id FROM search_matches)`;
export const SEARCH_MATCHES_COUNT = `(SELECT count(*)::int FROM search_matches)`;

/**
 * Whether a search text may be part of a case number ("D000001-2027-00123"): letters, digits and hyphens,
 * three at least. Trigrams find nothing to look up in fewer, and would read the whole index.
 */
export function mayBeCaseNumber(text: string): boolean {
  return /^[0-9A-Za-z-]{3,}$/.test(text);
}

/** The cases of the worker whose id number has the lookup key ${p} (through the unique key: no scan). */
export const ID_NUMBER_SEARCH_CONDITION = (p: string) => `c.id IN (
  SELECT cl.case_id FROM claims cl JOIN workers w ON w.id = cl.worker_id WHERE w.id_number_hash = ${p})`;

export const SUBTREE_CONDITION = (p: string) =>
  `o.path LIKE (SELECT path FROM organisations WHERE id = ${p}) || '%'`;

/** Every column of a case (alias `c`), named as the `Case` fields. */
const CASE_COLUMNS = `c.id, c.organisation_id AS "organisationId", c.case_number AS "caseNumber",
         c.intake_channel AS "intakeChannel", c.intake_date AS "intakeDate", c.project_id AS "projectId",
         c.lawyer_id AS "lawyerId", c.mediator_id AS "mediatorId", c.status, c.outcome,
         c.status_reason AS "statusReason", c.referred_to AS "referredTo", c.summary,
         c.consultation_id AS "consultationId", c.version, c.created_at AS "createdAt",
         c.updated_at AS "updatedAt", c.closed_at AS "closedAt", c.closed_on::text AS "closedOn"`;

/** The case $1 if its organisation lies in the scope whose path is $2: how every case is found. */
export const CASE_IN_SCOPE_SQL = `
  SELECT ${CASE_COLUMNS}
    FROM cases c JOIN organisations o ON o.id = c.organisation_id
   WHERE c.id = $1 AND o.path LIKE $2 || '%'`;

/** As CASE_IN_SCOPE_SQL, and locks the case's row (not its organisation's) until the transaction ends. */
export const LOCK_CASE_SQL = `${CASE_IN_SCOPE_SQL}
     FOR UPDATE OF c`;

/** Whether the case $1 lies in the scope whose path is $2. */
export const CASE_VISIBLE_SQL = `
  SELECT EXISTS (
    SELECT 1 FROM cases c JOIN organisations o ON o.id = c.organisation_id
     WHERE c.id = $1 AND o.path LIKE $2 || '%') AS visible`;

/**
 * A new case, received, with its organisation's next number for the year ($9), taken atomically:
 * concurrent openings never share a number, and one rolled back gives its number back. Its id,
 * version (1), created_at and updated_at come from the column defaults.
 */
export const INSERT_CASE_SQL = `
  WITH numbered AS (
    INSERT INTO case_number_counters (organisation_id, year, last_number) VALUES ($1, $9, 1)
    ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
    RETURNING last_number
  )
  INSERT INTO cases AS c (organisation_id, case_number, intake_channel, intake_date, summary, project_id,
                          lawyer_id, mediator_id, status)
  SELECT $1, ${caseNumberSql('$2::text', '$9::int::text', 'numbered.last_number')}, $3, $4, $5, $6, $7, $8, 'received'
    FROM numbered
  RETURNING ${CASE_COLUMNS}`;

/**
 * Writes every field of a case $1 and moves its version and updated_at on, as each change to a case
 * does (clients send the version back). A Date holds milliseconds and closed_at microseconds, so a
 * closed_at sent back unchanged keeps the value stored.
 */
export const UPDATE_CASE_SQL = `
  UPDATE cases
     SET organisation_id = $2, case_number = $3, intake_channel = $4, intake_date = $5, project_id = $6,
         lawyer_id = $7, mediator_id = $8, status = $9, outcome = $10, status_reason = $11, referred_to = $12,
         summary = $13, consultation_id = $14,
         closed_at = CASE WHEN date_trunc('milliseconds', closed_at) IS NOT DISTINCT FROM $15 THEN closed_at ELSE $15 END,
         closed_on = $16,
         version = version + 1, updated_at = now()
   WHERE id = $1
  RETURNING version, updated_at AS "updatedAt"`;

/** Employers of the case $1, one row per element of $2 (employer ids) and $3 (their roles). */
export const INSERT_CASE_EMPLOYERS_SQL = `
  INSERT INTO case_employers (case_id, employer_id, role)
  SELECT $1::uuid, link.employer_id, link.role FROM unnest($2::uuid[], $3::text[]) AS link (employer_id, role)`;

/** Evidence of the case $1, one row per element of $2 (kinds), $3 (descriptions) and $4 (received on). */
export const INSERT_CASE_EVIDENCE_SQL = `
  INSERT INTO case_evidence (case_id, kind, description, received_on)
  SELECT $1::uuid, item.kind, item.description, item.received_on
    FROM unnest($2::text[], $3::text[], $4::date[]) AS item (kind, description, received_on)`;

export interface CaseListRow {
  id: string;
  case_number: string;
  status: CaseStatus;
  outcome: ClosingOutcome | null;
  intake_channel: IntakeChannel;
  intake_date: string;
  summary: string;
  version: number;
  created_at: Date;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
  lawyer_id: string | null;
  lawyer_name: string | null;
  mediator_id: string | null;
  mediator_name: string | null;
  employer_names: string | null;
}

/** A row of the list's page: with its employers (CASE_LIST_EMPLOYERS). */
export interface CaseListPageRow extends CaseListRow {
  employers: { name: string; creditCode: string | null }[];
}

// What the reports count, as conditions on a case's summary row (case_facts `f`): the one home of each
// rule, for the reports' SQL and for the case list's filters that find exactly the cases behind a figure.

/** Paid in full: every worker's confirmed amount is paid (and something was); its day is the last payment. */
export const PAID_IN_FULL_CONDITION = `(f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)`;
/** Still owing someone: owed (confirmed, or claimed while unconfirmed) more than paid. */
export const OWING_CONDITION = `(f.owed_fen > f.paid_fen)`;
/** Unverified: some claim is not confirmed yet. */
export const UNVERIFIED_CONDITION = `(f.unconfirmed > 0)`;
/** The industry a case is reported under: its direct employer's, or other when none is recorded. */
export const REPORTED_INDUSTRY = `COALESCE(f.industry, 'other')`;

/** The case `c` has its summary row meeting ${conditions} (ANDed). */
export const CASE_FACTS_CONDITION = (conditions: string[]) =>
  `EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id AND ${conditions.join(' AND ')})`;

/** Money was paid on the case `c` on a day from ${from} to ${to} (NULL: open-ended), as the reports' "paid in the period". */
export const PAID_BETWEEN_CONDITION = (from: string, to: string) => `EXISTS (
  SELECT 1 FROM case_pay_days d
   WHERE d.case_id = c.id AND d.paid_on >= COALESCE(${from}::date, '-infinity') AND d.paid_on <= COALESCE(${to}::date, 'infinity'))`;

/** A case's workers and money from its summary row (case_facts `f`), for exports and the employer record. */
export const CASE_MONEY_COLUMNS = `
  f.workers, f.workers_owed, f.claimed_fen::text, f.confirmed_fen::text, f.owed_fen::text, f.paid_fen::text`;
export const CASE_EXPORT_MONEY_JOIN = `JOIN case_facts f ON f.case_id = c.id`;

export interface CaseMoneyRow {
  workers: number;
  workers_owed: number;
  claimed_fen: string;
  confirmed_fen: string;
  owed_fen: string;
  paid_fen: string;
}

export interface CaseExportRow extends CaseListRow, CaseMoneyRow {}
