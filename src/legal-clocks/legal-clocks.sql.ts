import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';
import { claimBalancesOfCasesSql } from '../claims/claim-money.sql';

/**
 * The dates the law counts from, for many cases at once: the case's own dates, the first entry into
 * mediation and the first step out of it (LDMAA art. 14 counts from when the union's mediation
 * organisation received the application, which a return to mediation does not renew), and the first
 * payout up to the day asked about. $1: the case ids; $2: the day.
 */
export const CASE_CLOCK_FACTS_SQL = `
  WITH mediation AS (
    SELECT e.case_id,
           (min(e.happened_on) FILTER (WHERE e.to_status = 'mediating'))::text AS mediating_since,
           (min(e.happened_on) FILTER (WHERE e.from_status = 'mediating'))::text AS mediation_left
      FROM case_events e
     WHERE e.case_id = ANY($1::uuid[]) AND (e.to_status = 'mediating' OR e.from_status = 'mediating')
     GROUP BY e.case_id
  ), first_paid AS (
    SELECT p.case_id, min(p.paid_on) AS first_paid_on
      FROM payouts p WHERE p.case_id = ANY($1::uuid[]) AND p.paid_on <= $2 GROUP BY p.case_id
  )
  SELECT c.id, c.case_number, c.lawyer_id, c.mediator_id, c.status, c.outcome, c.closed_on::text, c.intake_date::text,
         c.arbitration_applied_on::text, c.arbitration_accepted_on::text, c.arbitration_extended,
         c.arbitration_awarded_on::text, c.payment_order_applied_on::text, c.payment_order_issued_on::text,
         c.payment_order_served_on::text, c.bureau_order_pay_by::text, c.bureau_order_amount_fen::text,
         m.mediating_since, m.mediation_left, fp.first_paid_on::text
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
      FROM payouts p WHERE p.case_id = ANY($1::uuid[]) AND p.paid_on <= $2::date GROUP BY p.claim_id
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

/** The open cases of a scope (an organisation's path and everything under it), oldest first. */
export const OPEN_CASES_IN_SCOPE_SQL = `
  SELECT c.id FROM cases c JOIN organisations o ON o.id = c.organisation_id
   WHERE o.path LIKE $1 || '%' AND c.status NOT IN ${FINAL_STATUSES_SQL}
   ORDER BY c.intake_date, c.id`;
