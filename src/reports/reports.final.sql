-- Written by src/sql-snapshots.spec.ts from reports.sql.ts: every statement it exports, whole. Do not edit.

-- EMPLOYER_CANDIDATES_SQL
WITH first_counted AS (
  SELECT o.opened
    FROM (SELECT e.employer_id AS key FROM (SELECT employer_id FROM employer_case_counts ORDER BY cases DESC LIMIT $4::int) e
          UNION ALL SELECT NULL) c
   CROSS JOIN LATERAL (SELECT count(*) AS opened FROM (
  SELECT 1 FROM case_facts f WHERE f.employer_id = c.key AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT 1 FROM case_facts f WHERE c.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date) f) o
), fewest AS MATERIALIZED (
  -- once: the statement reads it twice, and inlined it would count the employers counted first twice
  SELECT COALESCE((SELECT opened FROM first_counted ORDER BY opened DESC LIMIT 1 OFFSET $5::int - 1), 0)::int AS cases
)
SELECT f.cases AS fewest_cases,
       (SELECT count(*) FROM (SELECT 1 FROM employer_case_counts e WHERE e.cases >= GREATEST(f.cases, 1) LIMIT $6::int + 1) x)::int AS candidates
  FROM fewest f;

-- EMPLOYER_CASES_SQL
WITH employer_cases AS MATERIALIZED (
  SELECT c.id, c.case_number, ce.role, c.intake_date, f.status, f.outcome, f.closed_on,
         c.referred_to, c.bureau_order_pay_by, org.name AS organisation_name, 
f.workers, f.workers_owed, f.claimed_fen::text, f.confirmed_fen::text, f.owed_fen::text, f.paid_fen::text
    FROM case_employers ce
    JOIN cases c ON c.id = ce.case_id
    JOIN case_facts f ON f.case_id = c.id
    JOIN (
SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
  FROM organisations o
 WHERE o.path LIKE $1::text || '%') o ON o.id = c.organisation_id
    JOIN organisations org ON org.id = c.organisation_id
   WHERE ce.employer_id = $3
), owed_workers AS (
  -- one aggregation feeds the three arrays the same rows in the same order, so they line up
  SELECT b.case_id, array_agg(b.outstanding_fen::text) AS outstanding_fen,
         array_agg(b.period_start::text) AS period_start, array_agg(b.period_end::text) AS period_end
    FROM (
WITH paid AS (
  SELECT claim_id, SUM(amount_fen) AS paid_fen FROM payouts
   WHERE case_id = ANY(ARRAY(SELECT id FROM employer_cases WHERE workers_owed > 0))
   GROUP BY claim_id
)
SELECT c.id, c.case_id, c.claimed_fen, c.confirmed_fen, c.period_start, c.period_end,
       COALESCE(paid.paid_fen, 0) AS paid_fen,
       COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(paid.paid_fen, 0) AS outstanding_fen
  FROM claims c LEFT JOIN paid ON paid.claim_id = c.id
 WHERE c.case_id = ANY(ARRAY(SELECT id FROM employer_cases WHERE workers_owed > 0))) b
   WHERE b.outstanding_fen > 0
   GROUP BY b.case_id
)
SELECT ec.id, ec.case_number, ec.role, ec.intake_date::text, ec.status, ec.outcome, ec.closed_on::text,
       ec.referred_to, ec.bureau_order_pay_by::text, ec.organisation_name,
       ec.workers, ec.workers_owed, ec.claimed_fen, ec.confirmed_fen, ec.owed_fen, ec.paid_fen,
       COALESCE(w.outstanding_fen, '{}') AS owed_workers_outstanding_fen,
       COALESCE(w.period_start, '{}') AS owed_workers_period_start,
       COALESCE(w.period_end, '{}') AS owed_workers_period_end
  FROM employer_cases ec
  LEFT JOIN owed_workers w ON w.case_id = ec.id
 ORDER BY ec.intake_date DESC, ec.case_number DESC;

-- FESTIVAL_OWED_NOW_SQL
WITH now_owed_by_organisation AS (
  SELECT f.organisation_id, count(*) AS open_cases,
         count(*) FILTER (WHERE f.owed_now_fen > 0 OR f.last_paid_on > $3::date) AS cases_owing,
         SUM(f.owed_now_fen)::bigint AS owed_now_fen, SUM(f.workers_owed)::bigint AS workers_owed,
         count(*) FILTER (WHERE f.unconfirmed > 0) AS cases_unverified
    FROM (
      -- open today, or concluded after the eve
      SELECT f.organisation_id, f.owed_fen - f.paid_fen AS owed_now_fen, f.workers_owed, f.unconfirmed, f.last_paid_on
        FROM case_facts f WHERE f.closed_on IS NULL AND f.intake_date <= $3::date
      UNION ALL
      SELECT f.organisation_id, f.owed_fen - f.paid_fen, f.workers_owed, f.unconfirmed, f.last_paid_on
        FROM case_facts f WHERE f.closed_on > $3::date AND f.intake_date <= $3::date
    ) f
   WHERE ((SELECT s.parent_id IS NULL FROM organisations s WHERE s.id = $2::uuid) OR f.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%'))
   GROUP BY f.organisation_id
)
SELECT o.group_id::text AS key, grp.name AS label, grp.code AS detail, grp.path,
       SUM(n.open_cases)::int AS open_cases, SUM(n.cases_owing)::int AS cases_owing,
       SUM(n.workers_owed)::int AS workers_owed, SUM(n.owed_now_fen)::text AS unpaid_fen,
       SUM(n.cases_unverified)::int AS cases_unverified
  FROM now_owed_by_organisation n
  JOIN (
SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
  FROM organisations o
 WHERE o.path LIKE $1::text || '%' OFFSET 0) o ON o.id = n.organisation_id
  JOIN organisations grp ON grp.id = o.group_id
 GROUP BY o.group_id, grp.id;

-- FESTIVAL_PAID_AFTER_SQL
WITH paid_after_by_organisation AS (
  SELECT d.organisation_id, SUM(d.fen)::bigint AS fen, SUM(d.claims_settled)::bigint AS claims_settled
    FROM case_pay_days d
   WHERE d.paid_on > $3::date AND d.intake_date <= $3::date AND (d.closed_on IS NULL OR d.closed_on > $3::date)
     AND ((SELECT s.parent_id IS NULL FROM organisations s WHERE s.id = $2::uuid) OR d.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%'))
   GROUP BY d.organisation_id
)
SELECT o.group_id::text AS key, SUM(p.fen)::text AS fen, SUM(p.claims_settled)::int AS claims_settled
  FROM paid_after_by_organisation p JOIN (
SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
  FROM organisations o
 WHERE o.path LIKE $1::text || '%' OFFSET 0) o ON o.id = p.organisation_id
 GROUP BY o.group_id;

-- FESTIVAL_SQL
WITH open_by_organisation AS (
  SELECT f.organisation_id, count(*) AS open_cases,
         count(*) FILTER (WHERE (f.owed_fen > f.paid_fen)) AS cases_owing,
         SUM(f.workers_owed)::bigint AS workers_owed,
         SUM(f.owed_fen - f.paid_fen)::bigint AS unpaid_fen,
         count(*) FILTER (WHERE (f.unconfirmed > 0)) AS cases_unverified
    FROM case_facts f
   WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected') AND f.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%')
   GROUP BY f.organisation_id
)
SELECT o.group_id::text AS key, grp.name AS label, grp.code AS detail,
       SUM(b.open_cases)::int AS open_cases,
       SUM(b.cases_owing)::int AS cases_owing,
       COALESCE(SUM(b.workers_owed), 0)::int AS workers_owed,
       COALESCE(SUM(b.unpaid_fen), 0)::text AS unpaid_fen,
       SUM(b.cases_unverified)::int AS cases_unverified
  FROM open_by_organisation b
  JOIN (
SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
  FROM organisations o
 WHERE o.path LIKE $1::text || '%' OFFSET 0) o ON o.id = b.organisation_id
  JOIN organisations grp ON grp.id = o.group_id
 GROUP BY o.group_id, grp.name, grp.code, grp.path
 ORDER BY SUM(b.unpaid_fen) DESC, grp.path;

-- SUMMARY_SPEED_SQL
   WITH parameters AS (
     SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
            $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to)
   SELECT p.key, p.days, SUM(p.cases)::int AS cases
     FROM (
       SELECT NULL::text AS key, r.days, SUM(r.sign * r.paid_in_full) AS cases
         FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last) r
        WHERE r.days IS NOT NULL
        GROUP BY 1, 2
     ) p
    GROUP BY p.key, p.days
   HAVING SUM(p.cases) <> 0;

-- SUMMARY_SQL
WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to)
SELECT COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen FROM (
SELECT NULL::text AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
) p;

-- breakdownSql('organisation')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.organisation_id::text AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.consultations::int) <> 0 OR SUM(p.outreach_visits::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY (SELECT path FROM organisations WHERE id = g.key::uuid), g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, grp.name AS label, grp.code AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           g.consultations, g.outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN organisations grp ON grp.id = g.key::uuid
     ORDER BY (SELECT path FROM organisations WHERE id = g.key::uuid), g.key NULLS LAST;

-- breakdownSql('organisation', 'every row')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.organisation_id::text AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND NOT r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.consultations::int) <> 0 OR SUM(p.outreach_visits::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY (SELECT path FROM organisations WHERE id = g.key::uuid), g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, grp.name AS label, grp.code AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           g.consultations, g.outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN organisations grp ON grp.id = g.key::uuid
     ORDER BY (SELECT path FROM organisations WHERE id = g.key::uuid), g.key NULLS LAST;

-- breakdownSql('industry')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, g.key AS label, NULL::text AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           NULL::int AS consultations, NULL::int AS outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSql('industry', 'every row')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'industry_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, g.key AS label, NULL::text AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           NULL::int AS consultations, NULL::int AS outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSql('employer')
  WITH  page AS (
  WITH counted AS MATERIALIZED (
    SELECT f.employer_id AS key, count(*) AS opened FROM case_facts f WHERE f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date GROUP BY f.employer_id
  ), cut AS (
    -- the cases of the page's last group: a group with fewer comes after the page
    SELECT c.opened FROM counted c ORDER BY c.opened DESC LIMIT 1 OFFSET $4::bigint + $5::bigint - 1
  ), contenders AS (
    SELECT c.key, c.opened, u.unpaid_fen
      FROM counted c
     CROSS JOIN LATERAL (
       SELECT SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')) AS unpaid_fen
         FROM (
  SELECT f.status, f.owed_fen, f.paid_fen FROM case_facts f WHERE f.employer_id = c.key AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT f.status, f.owed_fen, f.paid_fen FROM case_facts f WHERE c.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date) f
     ) u
     WHERE c.opened >= COALESCE((SELECT opened FROM cut), 0)
  ), through_page AS (
    SELECT g.key, g.opened FROM contenders g ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST LIMIT $4::bigint + $5::bigint
  ), page AS (
    SELECT g.key,
           NULL::int AS total_groups,
           EXISTS (SELECT 1 FROM case_facts f
                    WHERE f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND COALESCE(f.employer_id::text, '') <> ALL (SELECT COALESCE(t.key::text, '') FROM through_page t)) AS more
      FROM contenders g
     ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST
     LIMIT $4 OFFSET $5
  )
  SELECT page.key::text AS key, sums.*, paid.*, page.total_groups, page.more
    FROM page
   CROSS JOIN LATERAL (SELECT COALESCE(count(*), 0)::int AS opened,
COALESCE(count(*) FILTER (WHERE f.status IN ('closed', 'withdrawn', 'rejected')), 0)::int AS concluded,
COALESCE(count(*) FILTER (WHERE f.status = 'closed'), 0)::int AS closed,
COALESCE(SUM(f.workers), 0)::int AS workers,
COALESCE(SUM(f.claimed_fen), 0)::text AS claimed_fen,
COALESCE(SUM(f.confirmed_fen), 0)::text AS confirmed_fen,
COALESCE(SUM(f.owed_fen), 0)::text AS owed_fen,
COALESCE(SUM(f.paid_fen), 0)::text AS recovered_fen,
COALESCE(SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_fen,
COALESCE(count(*) FILTER (WHERE (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)), 0)::int AS paid_in_full,
COALESCE(0, 0)::int AS concluded_in_period,
COALESCE(0, 0)::int AS consultations,
COALESCE(0, 0)::int AS outreach_visits,
COALESCE(SUM(f.owed_wages_fen), 0)::text AS owed_wages_fen,
COALESCE(SUM(f.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
COALESCE(SUM(f.paid_wages_fen), 0)::text AS recovered_wages_fen,
COALESCE(SUM(f.paid_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
COALESCE(SUM(f.owed_wages_fen - f.paid_wages_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_wages_fen,
COALESCE(SUM(f.owed_labour_fees_fen - f.paid_labour_fees_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_labour_fees_fen FROM (
  SELECT * FROM case_facts f WHERE f.employer_id = page.key AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT * FROM case_facts f WHERE page.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date) f) sums
   -- the days any case of the group in the scope was paid on in the period, whenever it was opened
   CROSS JOIN LATERAL (
     SELECT COALESCE(SUM(f.fen), 0)::text AS paid_in_period_fen,
COALESCE(SUM(f.wages_fen), 0)::text AS paid_in_period_wages_fen,
COALESCE(SUM(f.labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen
       FROM (
  SELECT f.fen, f.wages_fen, f.labour_fees_fen FROM case_pay_days f WHERE f.employer_id = page.key AND f.organisation_id = ANY($3::uuid[]) AND f.paid_on BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT f.fen, f.wages_fen, f.labour_fees_fen FROM case_pay_days f WHERE page.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.paid_on BETWEEN $1::date AND $2::date) f) paid)
  SELECT g.key AS key, e.name AS label, e.credit_code AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
         NULL::int AS consultations, NULL::int AS outreach_visits,
         g.total_groups, g.more
    FROM page g
    LEFT JOIN employers e ON e.id = g.key::uuid
   ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST;

-- breakdownSql('employer', 'every row')
  WITH  page AS (
    SELECT g.key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.concluded_in_period, g.consultations, g.outreach_visits, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, COALESCE(paid.paid_in_period_fen, '0') AS paid_in_period_fen, COALESCE(paid.paid_in_period_wages_fen, '0') AS paid_in_period_wages_fen, COALESCE(paid.paid_in_period_labour_fees_fen, '0') AS paid_in_period_labour_fees_fen, NULL::int AS total_groups, false AS more
      FROM (SELECT f.employer_id::text AS key, COALESCE(count(*), 0)::int AS opened,
COALESCE(count(*) FILTER (WHERE f.status IN ('closed', 'withdrawn', 'rejected')), 0)::int AS concluded,
COALESCE(count(*) FILTER (WHERE f.status = 'closed'), 0)::int AS closed,
COALESCE(SUM(f.workers), 0)::int AS workers,
COALESCE(SUM(f.claimed_fen), 0)::text AS claimed_fen,
COALESCE(SUM(f.confirmed_fen), 0)::text AS confirmed_fen,
COALESCE(SUM(f.owed_fen), 0)::text AS owed_fen,
COALESCE(SUM(f.paid_fen), 0)::text AS recovered_fen,
COALESCE(SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_fen,
COALESCE(count(*) FILTER (WHERE (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)), 0)::int AS paid_in_full,
COALESCE(0, 0)::int AS concluded_in_period,
COALESCE(0, 0)::int AS consultations,
COALESCE(0, 0)::int AS outreach_visits,
COALESCE(SUM(f.owed_wages_fen), 0)::text AS owed_wages_fen,
COALESCE(SUM(f.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
COALESCE(SUM(f.paid_wages_fen), 0)::text AS recovered_wages_fen,
COALESCE(SUM(f.paid_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
COALESCE(SUM(f.owed_wages_fen - f.paid_wages_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_wages_fen,
COALESCE(SUM(f.owed_labour_fees_fen - f.paid_labour_fees_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_labour_fees_fen
              FROM case_facts f WHERE f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date GROUP BY f.employer_id) g
      LEFT JOIN (SELECT f.employer_id::text AS key, COALESCE(SUM(f.fen), 0)::text AS paid_in_period_fen,
COALESCE(SUM(f.wages_fen), 0)::text AS paid_in_period_wages_fen,
COALESCE(SUM(f.labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen
                   FROM case_pay_days f WHERE f.organisation_id = ANY($3::uuid[]) AND f.paid_on BETWEEN $1::date AND $2::date GROUP BY f.employer_id) paid
        -- the key is NULL for cases without one; no key is ever ''
        ON COALESCE(paid.key, '') = COALESCE(g.key, '')
     ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST
     LIMIT $4 OFFSET $5)
  SELECT g.key AS key, e.name AS label, e.credit_code AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
         NULL::int AS consultations, NULL::int AS outreach_visits,
         g.total_groups, g.more
    FROM page g
    LEFT JOIN employers e ON e.id = g.key::uuid
   ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST;

-- breakdownSql('employer', 'page of candidates')
  WITH  page AS (
  WITH counted AS MATERIALIZED (
    SELECT c.key, o.opened
         FROM (SELECT e.employer_id AS key FROM employer_case_counts e WHERE e.cases >= GREATEST($6::int, 1) UNION ALL SELECT NULL) c
        CROSS JOIN LATERAL (SELECT count(*) AS opened FROM (
  SELECT 1 FROM case_facts f WHERE f.employer_id = c.key AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT 1 FROM case_facts f WHERE c.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date) f) o
        WHERE o.opened > 0
  ), cut AS (
    -- the cases of the page's last group: a group with fewer comes after the page
    SELECT c.opened FROM counted c ORDER BY c.opened DESC LIMIT 1 OFFSET $4::bigint + $5::bigint - 1
  ), contenders AS (
    SELECT c.key, c.opened, u.unpaid_fen
      FROM counted c
     CROSS JOIN LATERAL (
       SELECT SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')) AS unpaid_fen
         FROM (
  SELECT f.status, f.owed_fen, f.paid_fen FROM case_facts f WHERE f.employer_id = c.key AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT f.status, f.owed_fen, f.paid_fen FROM case_facts f WHERE c.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date) f
     ) u
     WHERE c.opened >= COALESCE((SELECT opened FROM cut), 0)
  ), through_page AS (
    SELECT g.key, g.opened FROM contenders g ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST LIMIT $4::bigint + $5::bigint
  ), page AS (
    SELECT g.key,
           NULL::int AS total_groups,
           EXISTS (SELECT 1 FROM case_facts f
                    WHERE f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND COALESCE(f.employer_id::text, '') <> ALL (SELECT COALESCE(t.key::text, '') FROM through_page t)) AS more
      FROM contenders g
     ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST
     LIMIT $4 OFFSET $5
  )
  SELECT page.key::text AS key, sums.*, paid.*, page.total_groups, page.more
    FROM page
   CROSS JOIN LATERAL (SELECT COALESCE(count(*), 0)::int AS opened,
COALESCE(count(*) FILTER (WHERE f.status IN ('closed', 'withdrawn', 'rejected')), 0)::int AS concluded,
COALESCE(count(*) FILTER (WHERE f.status = 'closed'), 0)::int AS closed,
COALESCE(SUM(f.workers), 0)::int AS workers,
COALESCE(SUM(f.claimed_fen), 0)::text AS claimed_fen,
COALESCE(SUM(f.confirmed_fen), 0)::text AS confirmed_fen,
COALESCE(SUM(f.owed_fen), 0)::text AS owed_fen,
COALESCE(SUM(f.paid_fen), 0)::text AS recovered_fen,
COALESCE(SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_fen,
COALESCE(count(*) FILTER (WHERE (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)), 0)::int AS paid_in_full,
COALESCE(0, 0)::int AS concluded_in_period,
COALESCE(0, 0)::int AS consultations,
COALESCE(0, 0)::int AS outreach_visits,
COALESCE(SUM(f.owed_wages_fen), 0)::text AS owed_wages_fen,
COALESCE(SUM(f.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
COALESCE(SUM(f.paid_wages_fen), 0)::text AS recovered_wages_fen,
COALESCE(SUM(f.paid_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
COALESCE(SUM(f.owed_wages_fen - f.paid_wages_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_wages_fen,
COALESCE(SUM(f.owed_labour_fees_fen - f.paid_labour_fees_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_labour_fees_fen FROM (
  SELECT * FROM case_facts f WHERE f.employer_id = page.key AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT * FROM case_facts f WHERE page.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date) f) sums
   -- the days any case of the group in the scope was paid on in the period, whenever it was opened
   CROSS JOIN LATERAL (
     SELECT COALESCE(SUM(f.fen), 0)::text AS paid_in_period_fen,
COALESCE(SUM(f.wages_fen), 0)::text AS paid_in_period_wages_fen,
COALESCE(SUM(f.labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen
       FROM (
  SELECT f.fen, f.wages_fen, f.labour_fees_fen FROM case_pay_days f WHERE f.employer_id = page.key AND f.organisation_id = ANY($3::uuid[]) AND f.paid_on BETWEEN $1::date AND $2::date
   UNION ALL
  SELECT f.fen, f.wages_fen, f.labour_fees_fen FROM case_pay_days f WHERE page.key IS NULL AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.paid_on BETWEEN $1::date AND $2::date) f) paid)
  SELECT g.key AS key, e.name AS label, e.credit_code AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
         NULL::int AS consultations, NULL::int AS outreach_visits,
         g.total_groups, g.more
    FROM page g
    LEFT JOIN employers e ON e.id = g.key::uuid
   ORDER BY g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key NULLS LAST;

-- breakdownSpeedSql('employer')
SELECT f.employer_id::text AS key, GREATEST(f.last_paid_on - f.intake_date, 0) AS days, count(*)::int AS cases
  FROM case_facts f
 WHERE f.employer_id = ANY($4::uuid[]) AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 1, 2
UNION ALL
SELECT NULL, GREATEST(f.last_paid_on - f.intake_date, 0), count(*)::int
  FROM case_facts f
 WHERE $5 AND f.employer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 2;

-- breakdownSql('project')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    SELECT g.key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.concluded_in_period, g.consultations, g.outreach_visits, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, (g.paid_in_period_fen::bigint + COALESCE(k.paid_in_period_fen, 0))::text AS paid_in_period_fen, (g.paid_in_period_wages_fen::bigint + COALESCE(k.paid_in_period_wages_fen, 0))::text AS paid_in_period_wages_fen, (g.paid_in_period_labour_fees_fen::bigint + COALESCE(k.paid_in_period_labour_fees_fen, 0))::text AS paid_in_period_labour_fees_fen, g.total_groups
      FROM (
    WITH ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
 UNION ALL
SELECT f.project_id::text AS key, (p.sign * (count(*)))::bigint AS opened, 0::bigint AS paid_in_period_fen
       FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p
       JOIN case_facts f ON f.intake_date BETWEEN p.first AND p.last AND f.project_id::text IS NOT NULL
       JOIN (
  SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
    FROM organisations o
   WHERE o.path LIKE $1::text || '%') o ON o.id = f.organisation_id
      GROUP BY 1, p.sign
) p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.paid_in_period_fen) FILTER (WHERE p.key IS NULL) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    ),
    page_parts AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_year' AND r.month BETWEEN p.first AND p.last AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_year' AND r.month BETWEEN p.first AND p.last AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND p.last AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND p.last AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_day' AND r.month BETWEEN p.first AND p.last AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_day' AND r.month BETWEEN p.first AND p.last AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)) r
      WHERE r.days IS NULL
 UNION ALL
SELECT f.project_id::text AS key, (p.sign * (count(*)))::bigint AS opened, (p.sign * (count(*) FILTER (WHERE f.status IN ('closed', 'withdrawn', 'rejected'))))::bigint AS concluded, (p.sign * (count(*) FILTER (WHERE f.status = 'closed')))::bigint AS closed, (p.sign * (SUM(f.workers)))::bigint AS workers, (p.sign * (SUM(f.claimed_fen)))::bigint AS claimed_fen, (p.sign * (SUM(f.confirmed_fen)))::bigint AS confirmed_fen, (p.sign * (SUM(f.owed_fen)))::bigint AS owed_fen, (p.sign * (SUM(f.paid_fen)))::bigint AS recovered_fen, (p.sign * (SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected'))))::bigint AS unpaid_fen, (p.sign * (count(*) FILTER (WHERE (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0))))::bigint AS paid_in_full, 0::bigint AS concluded_in_period, 0::bigint AS consultations, 0::bigint AS outreach_visits, (p.sign * (SUM(f.owed_wages_fen)))::bigint AS owed_wages_fen, (p.sign * (SUM(f.owed_labour_fees_fen)))::bigint AS owed_labour_fees_fen, (p.sign * (SUM(f.paid_wages_fen)))::bigint AS recovered_wages_fen, (p.sign * (SUM(f.paid_labour_fees_fen)))::bigint AS recovered_labour_fees_fen, (p.sign * (SUM(f.owed_wages_fen - f.paid_wages_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected'))))::bigint AS unpaid_wages_fen, (p.sign * (SUM(f.owed_labour_fees_fen - f.paid_labour_fees_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected'))))::bigint AS unpaid_labour_fees_fen, 0::bigint AS paid_in_period_fen, 0::bigint AS paid_in_period_wages_fen, 0::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p
       JOIN case_facts f ON f.intake_date BETWEEN p.first AND p.last AND f.project_id::text IS NOT NULL AND ((f.project_id::text = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))) OR (f.project_id::text IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)))
       JOIN (
  SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
    FROM organisations o
   WHERE o.path LIKE $1::text || '%') o ON o.id = f.organisation_id
      GROUP BY 1, p.sign
)
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM page_parts p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups) g
     -- what the key's cases in the scope were paid in the period, whenever opened
     CROSS JOIN LATERAL (
       SELECT SUM(f.fen) AS paid_in_period_fen, SUM(f.wages_fen) AS paid_in_period_wages_fen, SUM(f.labour_fees_fen) AS paid_in_period_labour_fees_fen
         FROM case_pay_days f
        WHERE f.project_id = g.key::uuid AND f.paid_on BETWEEN $7::date AND $8::date
          AND f.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%')) k)
    SELECT g.key AS key, p.name AS label, p.site AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           NULL::int AS consultations, NULL::int AS outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN projects p ON p.id = g.key::uuid
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSql('project', 'every row')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    SELECT g.key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.concluded_in_period, g.consultations, g.outreach_visits, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, (g.paid_in_period_fen::bigint + COALESCE(k.paid_in_period_fen, 0))::text AS paid_in_period_fen, (g.paid_in_period_wages_fen::bigint + COALESCE(k.paid_in_period_wages_fen, 0))::text AS paid_in_period_wages_fen, (g.paid_in_period_labour_fees_fen::bigint + COALESCE(k.paid_in_period_labour_fees_fen, 0))::text AS paid_in_period_labour_fees_fen, g.total_groups
      FROM (
    WITH ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
 UNION ALL
SELECT f.project_id::text AS key, (p.sign * (count(*)))::bigint AS opened, 0::bigint AS paid_in_period_fen
       FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p
       JOIN case_facts f ON f.intake_date BETWEEN p.first AND p.last AND f.project_id::text IS NOT NULL
       JOIN (
  SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
    FROM organisations o
   WHERE o.path LIKE $1::text || '%') o ON o.id = f.organisation_id
      GROUP BY 1, p.sign
) p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.paid_in_period_fen) FILTER (WHERE p.key IS NULL) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    ),
    page_parts AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_year' AND r.month BETWEEN p.first AND p.last AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_year' AND r.month BETWEEN p.first AND p.last AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND p.last AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project' AND r.month BETWEEN p.first AND p.last AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_day' AND r.month BETWEEN p.first AND p.last AND r.key = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'project_day' AND r.month BETWEEN p.first AND p.last AND r.key IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)) r
      WHERE r.days IS NULL
 UNION ALL
SELECT f.project_id::text AS key, (p.sign * (count(*)))::bigint AS opened, (p.sign * (count(*) FILTER (WHERE f.status IN ('closed', 'withdrawn', 'rejected'))))::bigint AS concluded, (p.sign * (count(*) FILTER (WHERE f.status = 'closed')))::bigint AS closed, (p.sign * (SUM(f.workers)))::bigint AS workers, (p.sign * (SUM(f.claimed_fen)))::bigint AS claimed_fen, (p.sign * (SUM(f.confirmed_fen)))::bigint AS confirmed_fen, (p.sign * (SUM(f.owed_fen)))::bigint AS owed_fen, (p.sign * (SUM(f.paid_fen)))::bigint AS recovered_fen, (p.sign * (SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected'))))::bigint AS unpaid_fen, (p.sign * (count(*) FILTER (WHERE (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0))))::bigint AS paid_in_full, 0::bigint AS concluded_in_period, 0::bigint AS consultations, 0::bigint AS outreach_visits, (p.sign * (SUM(f.owed_wages_fen)))::bigint AS owed_wages_fen, (p.sign * (SUM(f.owed_labour_fees_fen)))::bigint AS owed_labour_fees_fen, (p.sign * (SUM(f.paid_wages_fen)))::bigint AS recovered_wages_fen, (p.sign * (SUM(f.paid_labour_fees_fen)))::bigint AS recovered_labour_fees_fen, (p.sign * (SUM(f.owed_wages_fen - f.paid_wages_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected'))))::bigint AS unpaid_wages_fen, (p.sign * (SUM(f.owed_labour_fees_fen - f.paid_labour_fees_fen) FILTER (WHERE f.status NOT IN ('closed', 'withdrawn', 'rejected'))))::bigint AS unpaid_labour_fees_fen, 0::bigint AS paid_in_period_fen, 0::bigint AS paid_in_period_wages_fen, 0::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p
       JOIN case_facts f ON f.intake_date BETWEEN p.first AND p.last AND f.project_id::text IS NOT NULL AND ((f.project_id::text = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))) OR (f.project_id::text IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)))
       JOIN (
  SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
    FROM organisations o
   WHERE o.path LIKE $1::text || '%') o ON o.id = f.organisation_id
      GROUP BY 1, p.sign
)
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM page_parts p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups) g
     -- what the key's cases in the scope were paid in the period, whenever opened
     CROSS JOIN LATERAL (
       SELECT SUM(f.fen) AS paid_in_period_fen, SUM(f.wages_fen) AS paid_in_period_wages_fen, SUM(f.labour_fees_fen) AS paid_in_period_labour_fees_fen
         FROM case_pay_days f
        WHERE f.project_id = g.key::uuid AND f.paid_on BETWEEN $7::date AND $8::date
          AND f.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%')) k)
    SELECT g.key AS key, p.name AS label, p.site AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           NULL::int AS consultations, NULL::int AS outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN projects p ON p.id = g.key::uuid
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSpeedSql('project')
SELECT f.project_id::text AS key, GREATEST(f.last_paid_on - f.intake_date, 0) AS days, count(*)::int AS cases
  FROM case_facts f
 WHERE f.project_id = ANY($4::uuid[]) AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 1, 2
UNION ALL
SELECT NULL, GREATEST(f.last_paid_on - f.intake_date, 0), count(*)::int
  FROM case_facts f
 WHERE $5 AND f.project_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 2;

-- breakdownSql('lawyer')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'lawyer_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'lawyer' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'lawyer' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%') AND NOT r.subtree AND r.dimension = 'lawyer_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.consultations::int) <> 0 OR SUM(p.outreach_visits::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, u.display_name AS label, u.username AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           g.consultations, g.outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN users u ON u.id = g.key::uuid
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSql('lawyer', 'every row')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'lawyer_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'lawyer' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'lawyer' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%') AND NOT r.subtree AND r.dimension = 'lawyer_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.consultations::int) <> 0 OR SUM(p.outreach_visits::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, u.display_name AS label, u.username AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           g.consultations, g.outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN users u ON u.id = g.key::uuid
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSpeedSql('lawyer')
SELECT f.lawyer_id::text AS key, GREATEST(f.last_paid_on - f.intake_date, 0) AS days, count(*)::int AS cases
  FROM case_facts f
 WHERE f.lawyer_id = ANY($4::uuid[]) AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 1, 2
UNION ALL
SELECT NULL, GREATEST(f.last_paid_on - f.intake_date, 0), count(*)::int
  FROM case_facts f
 WHERE $5 AND f.lawyer_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 2;

-- breakdownSql('mediator')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'mediator_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'mediator' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'mediator' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%') AND NOT r.subtree AND r.dimension = 'mediator_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, u.display_name AS label, u.username AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           NULL::int AS consultations, NULL::int AS outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN users u ON u.id = g.key::uuid
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSql('mediator', 'every row')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT r.key AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'mediator_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'mediator' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'mediator' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%') AND NOT r.subtree AND r.dimension = 'mediator_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.opened DESC, g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT g.key AS key, u.display_name AS label, u.username AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           NULL::int AS consultations, NULL::int AS outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      LEFT JOIN users u ON u.id = g.key::uuid
     ORDER BY g.opened DESC, g.key NULLS LAST;

-- breakdownSpeedSql('mediator')
SELECT f.mediator_id::text AS key, GREATEST(f.last_paid_on - f.intake_date, 0) AS days, count(*)::int AS cases
  FROM case_facts f
 WHERE f.mediator_id = ANY($4::uuid[]) AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 1, 2
UNION ALL
SELECT NULL, GREATEST(f.last_paid_on - f.intake_date, 0), count(*)::int
  FROM case_facts f
 WHERE $5 AND f.mediator_id IS NULL AND f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)
 GROUP BY 2;

-- breakdownSql('month')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT date_trunc('month', r.month::timestamp)::date::text AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.consultations::int) <> 0 OR SUM(p.outreach_visits::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT to_char(g.key::date, 'YYYY-MM') AS key, to_char(g.key::date, 'YYYY-MM') AS label, NULL::text AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           g.consultations, g.outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      
     ORDER BY g.key NULLS LAST;

-- breakdownSql('month', 'every row')
    WITH parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to), page AS (
    WITH ranking AS MATERIALIZED (
SELECT date_trunc('month', r.month::timestamp)::date::text AS key, (r.sign * (r.opened))::bigint AS opened, (r.sign * (r.concluded))::bigint AS concluded, (r.sign * (r.closed))::bigint AS closed, (r.sign * (r.workers))::bigint AS workers, (r.sign * (r.claimed_fen))::bigint AS claimed_fen, (r.sign * (r.confirmed_fen))::bigint AS confirmed_fen, (r.sign * (r.owed_fen))::bigint AS owed_fen, (r.sign * (r.paid_fen))::bigint AS recovered_fen, (r.sign * (r.unpaid_fen))::bigint AS unpaid_fen, (r.sign * (r.paid_in_full))::bigint AS paid_in_full, (r.sign * (r.concluded_in_month))::bigint AS concluded_in_period, (r.sign * (r.consultations))::bigint AS consultations, (r.sign * (r.outreach_visits))::bigint AS outreach_visits, (r.sign * (r.owed_wages_fen))::bigint AS owed_wages_fen, (r.sign * (r.owed_labour_fees_fen))::bigint AS owed_labour_fees_fen, (r.sign * (r.paid_wages_fen))::bigint AS recovered_wages_fen, (r.sign * (r.paid_labour_fees_fen))::bigint AS recovered_labour_fees_fen, (r.sign * (r.unpaid_wages_fen))::bigint AS unpaid_wages_fen, (r.sign * (r.unpaid_labour_fees_fen))::bigint AS unpaid_labour_fees_fen, (r.sign * (r.paid_in_month_fen))::bigint AS paid_in_period_fen, (r.sign * (r.paid_in_month_wages_fen))::bigint AS paid_in_period_wages_fen, (r.sign * (r.paid_in_month_labour_fees_fen))::bigint AS paid_in_period_labour_fees_fen
       FROM (SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollups r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_year' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'year') p JOIN report_rollup_changes r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND (p.last + interval '1 year' - interval '1 day')::date
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'month') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all' AND r.month BETWEEN p.first AND p.last
 UNION ALL SELECT r.*, p.sign FROM (SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = 'day') p JOIN (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r ON r.organisation_id = $2::uuid AND r.subtree AND r.dimension = 'all_day' AND r.month BETWEEN p.first AND p.last) r
      WHERE r.days IS NULL
),
    ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ranking p
       GROUP BY p.key
      HAVING SUM(p.opened::int) <> 0 OR SUM(p.consultations::int) <> 0 OR SUM(p.outreach_visits::int) <> 0 OR SUM(p.paid_in_period_fen) <> 0
    ),
    page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY g.key NULLS LAST
       LIMIT $9 OFFSET $10
    )
    SELECT page.key, COALESCE(SUM(p.opened), 0)::int AS opened,
  COALESCE(SUM(p.concluded), 0)::int AS concluded,
  COALESCE(SUM(p.closed), 0)::int AS closed,
  COALESCE(SUM(p.workers), 0)::int AS workers,
  COALESCE(SUM(p.claimed_fen), 0)::text AS claimed_fen,
  COALESCE(SUM(p.confirmed_fen), 0)::text AS confirmed_fen,
  COALESCE(SUM(p.owed_fen), 0)::text AS owed_fen,
  COALESCE(SUM(p.recovered_fen), 0)::text AS recovered_fen,
  COALESCE(SUM(p.unpaid_fen), 0)::text AS unpaid_fen,
  COALESCE(SUM(p.paid_in_full), 0)::int AS paid_in_full,
  COALESCE(SUM(p.concluded_in_period), 0)::int AS concluded_in_period,
  COALESCE(SUM(p.consultations), 0)::int AS consultations,
  COALESCE(SUM(p.outreach_visits), 0)::int AS outreach_visits,
  COALESCE(SUM(p.owed_wages_fen), 0)::text AS owed_wages_fen,
  COALESCE(SUM(p.owed_labour_fees_fen), 0)::text AS owed_labour_fees_fen,
  COALESCE(SUM(p.recovered_wages_fen), 0)::text AS recovered_wages_fen,
  COALESCE(SUM(p.recovered_labour_fees_fen), 0)::text AS recovered_labour_fees_fen,
  COALESCE(SUM(p.unpaid_wages_fen), 0)::text AS unpaid_wages_fen,
  COALESCE(SUM(p.unpaid_labour_fees_fen), 0)::text AS unpaid_labour_fees_fen,
  COALESCE(SUM(p.paid_in_period_fen), 0)::text AS paid_in_period_fen,
  COALESCE(SUM(p.paid_in_period_wages_fen), 0)::text AS paid_in_period_wages_fen,
  COALESCE(SUM(p.paid_in_period_labour_fees_fen), 0)::text AS paid_in_period_labour_fees_fen, page.total_groups
      FROM ranking p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups)
    SELECT to_char(g.key::date, 'YYYY-MM') AS key, to_char(g.key::date, 'YYYY-MM') AS label, NULL::text AS detail, g.key AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.owed_wages_fen, g.owed_labour_fees_fen, g.recovered_wages_fen, g.recovered_labour_fees_fen, g.unpaid_wages_fen, g.unpaid_labour_fees_fen, g.paid_in_period_fen, g.paid_in_period_wages_fen, g.paid_in_period_labour_fees_fen,
           g.consultations, g.outreach_visits,
           g.total_groups, NULL::boolean AS more
      FROM page g
      
     ORDER BY g.key NULLS LAST;
