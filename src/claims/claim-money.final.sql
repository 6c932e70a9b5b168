-- Written by src/sql-snapshots.spec.ts from claim-money.sql.ts: every statement it exports, whole. Do not edit.

-- CASE_TOTALS_AS_OF_SQL
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
 WHERE c.case_id = ANY($1::uuid[]))
SELECT case_id,
       count(*)::int                                                            AS workers,
       SUM(claimed_fen)::text                                                   AS claimed_fen,
       COALESCE(SUM(confirmed_fen), 0)::text                                    AS confirmed_fen,
       SUM(paid_fen)::text                                                      AS paid_fen,
       SUM(outstanding_fen)::text                                               AS outstanding_fen,
       count(*) FILTER (WHERE confirmed_fen IS NULL)::int                       AS unconfirmed,
       count(*) FILTER (WHERE outstanding_fen > 0)::int                         AS workers_owed,
       count(*) FILTER (WHERE confirmed_fen > 0 AND paid_fen >= confirmed_fen)::int AS workers_fully_paid
  FROM balances
 GROUP BY case_id;

-- CASE_TOTALS_SQL
WITH balances AS (
WITH paid AS (
  SELECT claim_id, SUM(amount_fen) AS paid_fen FROM payouts
   WHERE case_id = ANY($1::uuid[])
   GROUP BY claim_id
)
SELECT c.id, c.case_id, c.claimed_fen, c.confirmed_fen, c.period_start, c.period_end,
       COALESCE(paid.paid_fen, 0) AS paid_fen,
       COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(paid.paid_fen, 0) AS outstanding_fen
  FROM claims c LEFT JOIN paid ON paid.claim_id = c.id
 WHERE c.case_id = ANY($1::uuid[]))
SELECT case_id,
       count(*)::int                                                            AS workers,
       SUM(claimed_fen)::text                                                   AS claimed_fen,
       COALESCE(SUM(confirmed_fen), 0)::text                                    AS confirmed_fen,
       SUM(paid_fen)::text                                                      AS paid_fen,
       SUM(outstanding_fen)::text                                               AS outstanding_fen,
       count(*) FILTER (WHERE confirmed_fen IS NULL)::int                       AS unconfirmed,
       count(*) FILTER (WHERE outstanding_fen > 0)::int                         AS workers_owed,
       count(*) FILTER (WHERE confirmed_fen > 0 AND paid_fen >= confirmed_fen)::int AS workers_fully_paid
  FROM balances
 GROUP BY case_id;

-- CLAIM_BALANCES_SQL
SELECT c.id, c.case_id, c.claimed_fen, c.confirmed_fen,
       COALESCE(p.paid_fen, 0) AS paid_fen,
       COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(p.paid_fen, 0) AS outstanding_fen
  FROM claims c
  LEFT JOIN LATERAL (SELECT SUM(amount_fen) AS paid_fen FROM payouts WHERE claim_id = c.id) p ON true;
