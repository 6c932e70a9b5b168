-- Written by src/sql-snapshots.spec.ts from mediation.sql.ts: every statement it exports, whole. Do not edit.

-- AGREEMENTS_OF_CASES_SQL
SELECT a.id, a.case_id, a.signed_on, a.schedule, a.total_fen, a.terms, a.version
  FROM agreements a WHERE a.case_id = ANY($1::uuid[]);

-- INSTALMENTS_OF_AGREEMENTS_SQL
SELECT i.id, i.agreement_id, i.claim_id, i.due_on, i.amount_fen
  FROM instalments i WHERE i.agreement_id = ANY($1::uuid[])
 ORDER BY i.due_on, i.id;

-- OVERLAPPING_SESSIONS_SQL
SELECT s.id, s.mediator_id, s.room_id, s.starts_at, c.case_number
  FROM mediation_sessions s JOIN cases c ON c.id = s.case_id
 WHERE s.status <> 'cancelled'
   AND (s.mediator_id = $1 OR s.room_id = $2)
   AND s.starts_at < $4 AND $3 < s.ends_at;

-- PAYOUTS_COUNTED_BY_AGREEMENTS_SQL
WITH agreed AS (SELECT a.case_id, a.signed_on FROM agreements a WHERE a.id IN (SELECT unnest($1::uuid[])))
SELECT p.case_id, p.claim_id, p.paid_on, p.amount_fen
  FROM agreed a
  JOIN (
  SELECT case_id, claim_id, paid_on, SUM(amount_fen) AS amount_fen FROM payouts
   WHERE case_id = ANY(ARRAY(SELECT case_id FROM agreed))
   GROUP BY case_id, claim_id, paid_on
  HAVING SUM(amount_fen) > 0) p ON p.case_id = a.case_id AND p.paid_on >= a.signed_on AND p.paid_on <= $2;
