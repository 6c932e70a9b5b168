import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';
import { claimBalancesOfCasesSql, claimPayDaysSql } from '../claims/claim-money.sql';
import type { ClockKind } from './domain/legal-clocks';

/**
 * The dates the law counts from, for many cases at once: the case's own dates, the first entry into
 * mediation and the first step out of it (LDMAA art. 14 counts from when the union's mediation
 * organisation received the application, which a return to mediation does not renew), the first
 * pay day (net of corrections) up to the day asked about, and the first one after it (from that day the money is not what
 * it was on the day asked about). $1: the case ids; $2: the day.
 */
export const CASE_CLOCK_FACTS_SQL = `
  WITH mediation AS (
    SELECT e.case_id,
           (min(e.happened_on) FILTER (WHERE e.to_status = 'mediating'))::text AS mediating_since,
           (min(e.happened_on) FILTER (WHERE e.from_status = 'mediating'))::text AS mediation_left
      FROM case_events e
     WHERE e.case_id = ANY($1::uuid[]) AND e.kind = 'status_changed' AND (e.to_status = 'mediating' OR e.from_status = 'mediating')
     GROUP BY e.case_id
  ), first_paid AS (
    SELECT p.case_id, min(p.paid_on) FILTER (WHERE p.paid_on <= $2) AS first_paid_on,
           min(p.paid_on) FILTER (WHERE p.paid_on > $2) AS next_paid_on
      FROM (${claimPayDaysSql('$1::uuid[]')}) p GROUP BY p.case_id
  )
  SELECT c.id, c.case_number, c.lawyer_id, c.mediator_id, c.status, c.outcome, c.closed_on::text, c.intake_date::text,
         c.arbitration_applied_on::text, c.arbitration_accepted_on::text, c.arbitration_extended,
         c.arbitration_awarded_on::text, c.payment_order_applied_on::text, c.payment_order_issued_on::text,
         c.payment_order_served_on::text, c.bureau_order_pay_by::text, c.bureau_order_amount_fen::text,
         m.mediating_since, m.mediation_left, fp.first_paid_on::text, fp.next_paid_on::text
    FROM cases c
    LEFT JOIN mediation m ON m.case_id = c.id
    LEFT JOIN first_paid fp ON fp.case_id = c.id
   WHERE c.id = ANY($1::uuid[])`;

export interface CaseClockFactsRow {
  id: string;
  case_number: string;
  lawyer_id: string | null;
  mediator_id: string | null;
  status: string;
  outcome: string | null;
  closed_on: string | null;
  intake_date: string;
  arbitration_applied_on: string | null;
  arbitration_accepted_on: string | null;
  arbitration_extended: boolean;
  arbitration_awarded_on: string | null;
  payment_order_applied_on: string | null;
  payment_order_issued_on: string | null;
  payment_order_served_on: string | null;
  bureau_order_pay_by: string | null;
  bureau_order_amount_fen: string | null;
  mediating_since: string | null;
  mediation_left: string | null;
  first_paid_on: string | null;
  next_paid_on: string | null;
}

/**
 * Each worker's claim on the cases, with the dates his limitation year runs from, and his money as it
 * stood at the end of the day asked about (the claims' own balance definition) with the day of his
 * last payment, in the roster's order. $1: the case ids; $2: the day.
 */
export const WORKER_CLOCK_FACTS_SQL = `
  WITH balances AS (${claimBalancesOfCasesSql('$1::uuid[]', '$2::date')}),
  last_paid AS (
    SELECT p.claim_id, max(p.paid_on) AS last_paid_on
      FROM (${claimPayDaysSql('$1::uuid[]')}) p WHERE p.paid_on <= $2::date GROUP BY p.claim_id
  )
  SELECT cl.id AS claim_id, cl.case_id, cl.worker_id, w.name, cl.knew_on::text, cl.period_end::text,
         cl.employment_ongoing, cl.employment_ended_on::text,
         b.paid_fen::text, b.outstanding_fen::text, lp.last_paid_on::text
    FROM claims cl JOIN workers w ON w.id = cl.worker_id
    JOIN balances b ON b.id = cl.id
    LEFT JOIN last_paid lp ON lp.claim_id = cl.id
   WHERE cl.case_id = ANY($1::uuid[])
   ORDER BY cl.case_id, cl.position`;

export interface WorkerClockFactsRow {
  claim_id: string;
  case_id: string;
  worker_id: string;
  name: string;
  knew_on: string | null;
  period_end: string | null;
  employment_ongoing: boolean;
  employment_ended_on: string | null;
  paid_fen: string;
  outstanding_fen: string;
  last_paid_on: string | null;
}

/**
 * The cases whose stored running deadlines (pending_deadlines, migrations/1766300000000) must be
 * computed again before they are read for a day: written to since they were computed, or computed for
 * a day their answer does not hold on (on the days that pass, only a case with a fact dated later, an
 * employment ending next month, is computed again). A concluded case holds nothing from its
 * conclusion on. $1: the day.
 */
export const CASES_TO_RECOMPUTE_SQL = `
  SELECT case_id, mark::text FROM case_clocks WHERE stale
  UNION
  SELECT case_id, mark::text FROM case_clocks WHERE holds_until <= $1::date
  UNION
  SELECT case_id, mark::text FROM case_clocks WHERE holds_from > $1::date`;

/**
 * Replaces the stored running deadlines of cases with those just computed, and says for which days
 * they hold. First the cases' rows here are locked, skipping those locked already: by a writer of the
 * case (whose trigger marks it stale: the next reading computes it again) or by another refresh (which
 * stores it), so a refresh never waits on anyone and two never store one case at once. A case written
 * to while it was computed (its mark moved on) stays stale. $1: the case ids; then the marks read
 * before computing and the days the answer holds for; the deadlines (case, position, clock, subject, day due).
 */
export const LOCK_CASE_CLOCKS_SQL = `SELECT case_id FROM case_clocks WHERE case_id = ANY($1::uuid[]) ORDER BY case_id FOR UPDATE SKIP LOCKED`;
export const DELETE_PENDING_DEADLINES_SQL = `DELETE FROM pending_deadlines WHERE case_id = ANY($1::uuid[])`;
export const INSERT_PENDING_DEADLINES_SQL = `
  INSERT INTO pending_deadlines (case_id, position, clock, subject, due_on)
  SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::date[])`;
export const MARK_CASE_CLOCKS_COMPUTED_SQL = `
  UPDATE case_clocks k SET stale = k.mark <> x.mark, holds_from = x.holds_from, holds_until = x.holds_until
    FROM unnest($1::uuid[], $2::bigint[], $3::date[], $4::date[]) AS x (case_id, mark, holds_from, holds_until)
   WHERE k.case_id = x.case_id`;

/**
 * Records the fingerprint $1 of the working calendar the stored deadlines are counted with; a row back
 * when it was another (or none): every open case must then be counted again.
 */
export const RECORD_CALENDAR_SQL = `
  INSERT INTO case_clocks_calendar (singleton, fingerprint) VALUES (true, $1)
  ON CONFLICT (singleton) DO UPDATE SET fingerprint = EXCLUDED.fingerprint
   WHERE case_clocks_calendar.fingerprint <> EXCLUDED.fingerprint
  RETURNING fingerprint`;

/** Every open case stale (their rows locked in order, as every writer of several cases' rows does). */
export const MARK_OPEN_CASES_STALE_SQL = `
  UPDATE case_clocks k SET stale = true, mark = nextval('case_clock_marks')
    FROM (SELECT o.case_id FROM case_clocks o JOIN cases c ON c.id = o.case_id
           WHERE c.status NOT IN ${FINAL_STATUSES_SQL} ORDER BY o.case_id FOR UPDATE OF o) open_cases
   WHERE k.case_id = open_cases.case_id`;

/** The stored running deadlines of the open cases of a scope due by a day (or overdue). $1: the scope's path ('' for the city); $2: the day. */
const PENDING_BY_SQL = `
    FROM pending_deadlines d
    JOIN cases c ON c.id = d.case_id
    JOIN organisations o ON o.id = c.organisation_id
   WHERE d.due_on <= $2::date AND c.status NOT IN ${FINAL_STATUSES_SQL} AND o.path LIKE $1 || '%'`;

export const PENDING_COUNT_SQL = `SELECT count(*)::int AS total ${PENDING_BY_SQL}`;

/**
 * A page of them, soonest first (the most overdue at the top); among equals, the oldest case first and
 * each case's deadlines in the order computed. $3: offset; $4: page size.
 */
export const PENDING_PAGE_SQL = `
  SELECT d.case_id, d.position, d.clock, d.subject ${PENDING_BY_SQL}
   ORDER BY d.due_on, c.intake_date, d.case_id, d.position
  OFFSET $3 LIMIT $4`;

export interface PendingRow {
  case_id: string;
  position: number;
  clock: string;
  subject: string;
}

/**
 * The stored running deadlines of the open cases due within their clock's window, with the case's
 * people, and for a worker's limitation year (stored by the worker) his claim on the case; the
 * oldest cases first. $1-$3: the windows (clock, first day, last day; '-infinity' and 'infinity' at
 * open ends).
 */
export const PENDING_FALLING_DUE_SQL = `
  SELECT d.case_id, d.clock, d.subject, d.due_on::text, c.lawyer_id, c.mediator_id, cl.id AS claim_id
    FROM unnest($1::text[], $2::date[], $3::date[]) AS w (clock, from_day, to_day)
    JOIN pending_deadlines d ON d.clock = w.clock AND d.due_on BETWEEN w.from_day AND w.to_day
    JOIN cases c ON c.id = d.case_id
    LEFT JOIN claims cl ON d.clock = 'limitation' AND cl.case_id = d.case_id AND cl.worker_id::text = d.subject
   WHERE c.status NOT IN ${FINAL_STATUSES_SQL}
   ORDER BY c.intake_date, d.case_id, d.position`;

export interface PendingFallingDueRow {
  case_id: string;
  clock: ClockKind;
  subject: string;
  due_on: string;
  lawyer_id: string | null;
  mediator_id: string | null;
  claim_id: string | null;
}
