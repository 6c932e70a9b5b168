-- Written by src/sql-snapshots.spec.ts from reminders.sql.ts: every statement it exports, whole. Do not edit.

-- CASE_NUMBERS_SQL
SELECT c.id, c.case_number FROM cases c WHERE c.id = ANY($1::uuid[]);

-- INSERT_REMINDERS_SQL
INSERT INTO reminders (kind, subject, due_on, recipient_id, case_id, urgency, title, body, link)
SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[])
ON CONFLICT ON CONSTRAINT reminders_key DO NOTHING
RETURNING id;

-- LEADERS_SQL
SELECT u.id AS leader_id, o.id AS scope_id, o.name AS scope_name, o.path AS scope_path
  FROM users u JOIN organisations o ON o.id = u.organisation_id
 WHERE 'leader' = ANY (u.roles) AND u.active
 ORDER BY u.id;

-- OPEN_CASES_OF_SQL
WITH paid_after AS (
  SELECT d.case_id, SUM(d.fen) AS fen, SUM(d.claims_settled) AS claims_settled
    FROM case_pay_days d WHERE d.paid_on > $1::date AND d.case_id = ANY($2::uuid[]) GROUP BY d.case_id
)
SELECT f.case_id AS id, f.lawyer_id, f.mediator_id, f.organisation_id,
       (f.owed_fen - f.paid_fen + COALESCE(pa.fen, 0))::text AS outstanding_fen,
       (f.workers_owed + COALESCE(pa.claims_settled, 0))::int AS workers_owed
  FROM case_facts f
  LEFT JOIN paid_after pa ON pa.case_id = f.case_id
 WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected') AND f.case_id = ANY($2::uuid[]);

-- OPEN_CASES_SQL
WITH paid_after AS (
  SELECT d.case_id, SUM(d.fen) AS fen, SUM(d.claims_settled) AS claims_settled
    FROM case_pay_days d WHERE d.paid_on > $1::date  GROUP BY d.case_id
)
SELECT f.case_id AS id, f.lawyer_id, f.mediator_id, f.organisation_id,
       (f.owed_fen - f.paid_fen + COALESCE(pa.fen, 0))::text AS outstanding_fen,
       (f.workers_owed + COALESCE(pa.claims_settled, 0))::int AS workers_owed
  FROM case_facts f
  LEFT JOIN paid_after pa ON pa.case_id = f.case_id
 WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected');

-- ORGANISATIONS_SQL
SELECT id, name, path FROM organisations;

-- OWING_BY_ORGANISATION_SQL
SELECT o.organisation_id, count(*)::int AS cases, SUM(o.workers_owed)::int AS workers, SUM(o.outstanding_fen::bigint)::text AS outstanding_fen
  FROM (
WITH paid_after AS (
  SELECT d.case_id, SUM(d.fen) AS fen, SUM(d.claims_settled) AS claims_settled
    FROM case_pay_days d WHERE d.paid_on > $1::date  GROUP BY d.case_id
)
SELECT f.case_id AS id, f.lawyer_id, f.mediator_id, f.organisation_id,
       (f.owed_fen - f.paid_fen + COALESCE(pa.fen, 0))::text AS outstanding_fen,
       (f.workers_owed + COALESCE(pa.claims_settled, 0))::int AS workers_owed
  FROM case_facts f
  LEFT JOIN paid_after pa ON pa.case_id = f.case_id
 WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected') ) o
 WHERE o.outstanding_fen::bigint > 0
 GROUP BY o.organisation_id;

-- PAID_SINCE_YESTERDAY_SQL
SELECT d.organisation_id, SUM(d.fen)::text AS paid_fen
  FROM case_pay_days d
 WHERE d.paid_on >= $1::date - 1 AND d.paid_on <= $1::date
 GROUP BY d.organisation_id;

-- SESSIONS_TOMORROW_SQL
SELECT s.id, s.starts_at, s.place, r.name AS room_name, s.case_id, c.case_number, s.mediator_id, c.lawyer_id
  FROM mediation_sessions s JOIN cases c ON c.id = s.case_id LEFT JOIN mediation_rooms r ON r.id = s.room_id
 WHERE s.status = 'scheduled'
   AND s.starts_at >= (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
   AND s.starts_at < (($1::date + 2)::timestamp AT TIME ZONE 'Asia/Shanghai');

-- WRITTEN_ON_SQL
SELECT subject, recipient_id FROM reminders WHERE due_on = $1::date AND kind = $2;
