-- Written by src/sql-snapshots.spec.ts from legal-clocks.sql.ts: every statement it exports, whole. Do not edit.

-- CASES_WITH_CLOCKS_FALLING_DUE_SQL
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
   WHERE $11::date <= $12::date AND f.status NOT IN ('closed', 'withdrawn', 'rejected')
     AND EXISTS (SELECT 1 FROM instalments i WHERE i.agreement_id = a.id AND i.due_on BETWEEN $11::date AND $12::date)
  UNION ALL
  SELECT c.id, false FROM cases c
   WHERE c.payment_order_applied_on <= $13::date OR c.payment_order_served_on <= $13::date OR c.bureau_order_pay_by <= $14::date
)
SELECT c.id, bool_or(x.limitation) AS limitation
  FROM candidates x JOIN cases c ON c.id = x.case_id JOIN organisations o ON o.id = c.organisation_id
 WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected') AND o.path LIKE $2 || '%'
 GROUP BY c.id
 ORDER BY c.intake_date, c.id;

-- CASE_CLOCK_FACTS_SQL
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
 WHERE c.id = ANY($1::uuid[]);

-- WORKER_CLOCK_FACTS_SQL
WITH balances AS (
WITH paid AS (
  SELECT claim_id, SUM(amount_fen) AS paid_fen FROM payouts
   WHERE case_id = ANY($1::uuid[]) AND paid_on <= $2::date
   GROUP BY claim_id
)
SELECT c.id, c.case_id, c.claimed_fen, c.confirmed_fen, c.period_start, c.period_end,
       COALESCE(paid.paid_fen, 0) AS paid_fen,
       COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(paid.paid_fen, 0) AS outstanding_fen
  FROM claims c LEFT JOIN paid ON paid.claim_id = c.id
 WHERE c.case_id = ANY($1::uuid[])),
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
 ORDER BY cl.case_id, cl.position;
