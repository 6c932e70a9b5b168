import type { IntakeChannel } from './case.entity';
import type { CaseStatus, ClosingOutcome } from './domain/case-status';

/** The case list: explicit SQL so its filters and their indexes can be read and reviewed in one place. */
export const CASE_LIST_COLUMNS = `
  c.id, c.case_number, c.status, c.outcome, c.intake_channel, c.intake_date, c.summary, c.version,
  c.created_at, c.organisation_id, o.code AS organisation_code, o.name AS organisation_name,
  c.lawyer_id, lawyer.display_name AS lawyer_name, c.mediator_id, mediator.display_name AS mediator_name,
  (SELECT string_agg(e.name, '、' ORDER BY e.name)
     FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
    WHERE ce.case_id = c.id) AS employer_names`;

export const CASE_LIST_FROM = `
  FROM cases c
  JOIN organisations o ON o.id = c.organisation_id
  LEFT JOIN users lawyer ON lawyer.id = c.lawyer_id
  LEFT JOIN users mediator ON mediator.id = c.mediator_id`;

/** Sort keys of the API and the columns behind them; nothing else reaches ORDER BY. */
export const CASE_SORT_COLUMNS: Record<string, string> = {
  intakeDate: 'c.intake_date',
  caseNumber: 'c.case_number',
  createdAt: 'c.created_at',
  status: 'c.status',
};

export const SEARCH_CONDITION = (p: string) => `(
  c.case_number ILIKE ${p}
  OR EXISTS (SELECT 1 FROM claims cl JOIN workers w ON w.id = cl.worker_id WHERE cl.case_id = c.id AND w.name ILIKE ${p})
  OR EXISTS (SELECT 1 FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
              WHERE ce.case_id = c.id AND e.name ILIKE ${p}))`;

export const SUBTREE_CONDITION = (p: string) =>
  `o.path LIKE (SELECT path FROM organisations WHERE id = ${p}) || '%'`;

/** Next number of an organisation's year, atomically: concurrent openings never share a number. */
export const NEXT_CASE_NUMBER_SQL = `
  INSERT INTO case_number_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
  ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
  RETURNING last_number`;

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

/** What an export adds to each listed case: its money, from the reports' summary row. */
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
