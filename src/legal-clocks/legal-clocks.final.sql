-- Written by src/sql-snapshots.spec.ts from legal-clocks.sql.ts: every statement it exports, whole. Do not edit.

-- CASES_TO_RECOMPUTE_SQL
SELECT case_id, mark::text FROM case_clocks WHERE stale
UNION
SELECT case_id, mark::text FROM case_clocks WHERE holds_until <= $1::date
UNION
SELECT case_id, mark::text FROM case_clocks WHERE holds_from > $1::date;

-- CASE_CLOCK_FACTS_SQL
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
    FROM (
  SELECT case_id, claim_id, paid_on, SUM(amount_fen) AS amount_fen FROM payouts
   WHERE case_id = ANY($1::uuid[])
   GROUP BY case_id, claim_id, paid_on
  HAVING SUM(amount_fen) > 0) p GROUP BY p.case_id
)
SELECT c.id, c.case_number, c.lawyer_id, c.mediator_id, c.status, c.outcome, c.closed_on::text, c.intake_date::text,
       c.arbitration_applied_on::text, c.arbitration_accepted_on::text, c.arbitration_extended,
       c.arbitration_awarded_on::text, c.payment_order_applied_on::text, c.payment_order_issued_on::text,
       c.payment_order_served_on::text, c.bureau_order_pay_by::text, c.bureau_order_amount_fen::text,
       m.mediating_since, m.mediation_left, fp.first_paid_on::text, fp.next_paid_on::text
  FROM cases c
  LEFT JOIN mediation m ON m.case_id = c.id
  LEFT JOIN first_paid fp ON fp.case_id = c.id
 WHERE c.id = ANY($1::uuid[]);

-- DELETE_PENDING_DEADLINES_SQL
DELETE FROM pending_deadlines WHERE case_id = ANY($1::uuid[]);

-- INSERT_PENDING_DEADLINES_SQL
INSERT INTO pending_deadlines (case_id, position, clock, subject, due_on)
SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::date[]);

-- LOCK_CASE_CLOCKS_SQL
SELECT case_id FROM case_clocks WHERE case_id = ANY($1::uuid[]) ORDER BY case_id FOR UPDATE SKIP LOCKED;

-- MARK_CASE_CLOCKS_COMPUTED_SQL
UPDATE case_clocks k SET stale = k.mark <> x.mark, holds_from = x.holds_from, holds_until = x.holds_until
  FROM unnest($1::uuid[], $2::bigint[], $3::date[], $4::date[]) AS x (case_id, mark, holds_from, holds_until)
 WHERE k.case_id = x.case_id;

-- MARK_OPEN_CASES_STALE_SQL
UPDATE case_clocks k SET stale = true, mark = nextval('case_clock_marks')
  FROM (SELECT o.case_id FROM case_clocks o JOIN cases c ON c.id = o.case_id
         WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected') ORDER BY o.case_id FOR UPDATE OF o) open_cases
 WHERE k.case_id = open_cases.case_id;

-- PENDING_COUNT_SQL
SELECT count(*)::int AS total 
    FROM pending_deadlines d
    JOIN cases c ON c.id = d.case_id
    JOIN organisations o ON o.id = c.organisation_id
   WHERE d.due_on <= $2::date AND c.status NOT IN ('closed', 'withdrawn', 'rejected') AND o.path LIKE $1 || '%';

-- PENDING_FALLING_DUE_SQL
SELECT d.case_id, d.clock, d.subject, d.due_on::text, c.lawyer_id, c.mediator_id, cl.id AS claim_id
  FROM unnest($1::text[], $2::date[], $3::date[]) AS w (clock, from_day, to_day)
  JOIN pending_deadlines d ON d.clock = w.clock AND d.due_on BETWEEN w.from_day AND w.to_day
  JOIN cases c ON c.id = d.case_id
  LEFT JOIN claims cl ON d.clock = 'limitation' AND cl.case_id = d.case_id AND cl.worker_id::text = d.subject
 WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected')
 ORDER BY c.intake_date, d.case_id, d.position;

-- PENDING_PAGE_SQL
SELECT d.case_id, d.position, d.clock, d.subject 
  FROM pending_deadlines d
  JOIN cases c ON c.id = d.case_id
  JOIN organisations o ON o.id = c.organisation_id
 WHERE d.due_on <= $2::date AND c.status NOT IN ('closed', 'withdrawn', 'rejected') AND o.path LIKE $1 || '%'
 ORDER BY d.due_on, c.intake_date, d.case_id, d.position
OFFSET $3 LIMIT $4;

-- RECORD_CALENDAR_SQL
INSERT INTO case_clocks_calendar (singleton, fingerprint) VALUES (true, $1)
ON CONFLICT (singleton) DO UPDATE SET fingerprint = EXCLUDED.fingerprint
 WHERE case_clocks_calendar.fingerprint <> EXCLUDED.fingerprint
RETURNING fingerprint;

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
    FROM (
  SELECT case_id, claim_id, paid_on, SUM(amount_fen) AS amount_fen FROM payouts
   WHERE case_id = ANY($1::uuid[])
   GROUP BY case_id, claim_id, paid_on
  HAVING SUM(amount_fen) > 0) p WHERE p.paid_on <= $2::date GROUP BY p.claim_id
)
SELECT cl.id AS claim_id, cl.case_id, cl.worker_id, w.name, cl.knew_on::text, cl.period_end::text,
       cl.employment_ongoing, cl.employment_ended_on::text,
       b.paid_fen::text, b.outstanding_fen::text, lp.last_paid_on::text
  FROM claims cl JOIN workers w ON w.id = cl.worker_id
  JOIN balances b ON b.id = cl.id
  LEFT JOIN last_paid lp ON lp.claim_id = cl.id
 WHERE cl.case_id = ANY($1::uuid[])
 ORDER BY cl.case_id, cl.position;
