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
     WHERE e.case_id = ANY($1::uuid[]) AND e.kind = 'status_changed' AND (e.to_status = 'mediating' OR e.from_status = 'mediating')
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

/**
 * The open cases of a scope that may have a clock falling due in a window, found from the dates the
 * clocks count from: for each clock, the range of start days `startsFallingDue` (domain/legal-clocks.ts)
 * gives for the window, so no period length is written here. A case found may turn out to have nothing
 * due (a clock already stopped, a later restart): clocksOf decides. Ranges are inclusive, '-infinity' or
 * 'infinity' at an open end; a clock not asked about gets an empty range ('infinity' to '-infinity').
 *   - mediation: a move into mediation (the first one starts the clock; any one is looked at);
 *   - arbitration: the day applied (acceptance), the day accepted (award);
 *   - limitation: a worker's first start, as clocksOfCase takes it (the end of his employment, else the
 *     day he knew, else the end of the period claimed, else the intake), or a day that restarts the
 *     year (the intake, the agreement signed, a day money was paid);
 *   - instalments: the day due, fixed by the agreement (read from the open cases' agreements: an
 *     overdue one reminds every day, so the range is often open at its start);
 *   - payment orders (applied or served by a day) and labour-bureau orders (to be paid by a day), which
 *     few cases have: '-infinity' leaves them out.
 * Each part reads an index on its date. `limitation` says whether the case was found by a start of
 * the limitation year: the workers' clocks of the others cannot fall due in the window.
 * $1: the day; $2: the scope's path ('' for the city); $3-$4 mediation, $5-$6 arbitration acceptance,
 * $7-$8 arbitration award, $9-$10 limitation, $11-$12 instalments; $13 payment orders, $14 labour-bureau orders.
 */
export const CASES_WITH_CLOCKS_FALLING_DUE_SQL = `
  WITH candidates (case_id, limitation) AS (
    SELECT e.case_id, false FROM case_events e
     WHERE e.kind = 'status_changed' AND e.to_status = 'mediating'
       AND e.happened_on BETWEEN $3::date AND LEAST($4::date, $1::date)
    UNION ALL
    SELECT c.id, false FROM cases c WHERE c.arbitration_applied_on BETWEEN $5::date AND LEAST($6::date, $1::date)
    UNION ALL
    SELECT c.id, false FROM cases c WHERE c.arbitration_accepted_on BETWEEN $7::date AND LEAST($8::date, $1::date)
    UNION ALL
    SELECT cl.case_id, true FROM claims cl WHERE COALESCE(cl.employment_ended_on, cl.knew_on, cl.period_end) BETWEEN $9::date AND $10::date
    UNION ALL
    SELECT c.id, true FROM cases c WHERE c.intake_date BETWEEN $9::date AND $10::date
    UNION ALL
    SELECT a.case_id, true FROM agreements a WHERE a.signed_on BETWEEN $9::date AND LEAST($10::date, $1::date)
    UNION ALL
    SELECT d.case_id, true FROM case_pay_days d WHERE d.paid_on BETWEEN $9::date AND LEAST($10::date, $1::date)
    UNION ALL
    SELECT a.case_id, false FROM case_facts f JOIN agreements a ON a.case_id = f.case_id
     WHERE $11::date <= $12::date AND f.status NOT IN ${FINAL_STATUSES_SQL}
       AND EXISTS (SELECT 1 FROM instalments i WHERE i.agreement_id = a.id AND i.due_on BETWEEN $11::date AND $12::date)
    UNION ALL
    SELECT c.id, false FROM cases c
     WHERE c.payment_order_applied_on <= $13::date OR c.payment_order_served_on <= $13::date OR c.bureau_order_pay_by <= $14::date
  )
  SELECT c.id, bool_or(x.limitation) AS limitation
    FROM candidates x JOIN cases c ON c.id = x.case_id JOIN organisations o ON o.id = c.organisation_id
   WHERE c.status NOT IN ${FINAL_STATUSES_SQL} AND o.path LIKE $2 || '%'
   GROUP BY c.id
   ORDER BY c.intake_date, c.id`;
