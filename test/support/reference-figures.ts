/**
 * The reports' figures computed the plain way, from the base tables (cases, claims, payouts,
 * case_employers), without the `case_facts` summary rows the service reads. The e2e suite holds the
 * service to these on seeded data, and `npm run bench` times them as the lower bound the reports are
 * compared with. Parameters as in src/reports/reports.sql.ts: $1 scope path, $2 scope organisation,
 * $3 first day, $4 last day.
 */

export const REFERENCE_DIMENSIONS = ['organisation', 'industry', 'employer', 'project', 'lawyer', 'mediator', 'month'] as const;
export type ReferenceDimension = (typeof REFERENCE_DIMENSIONS)[number] | 'total';

/** The employer a case is reported under: its direct employer, else the lowest link of the chain. */
const DIRECT_EMPLOYER = `(
  SELECT ce.employer_id FROM case_employers ce WHERE ce.case_id = c.id
   ORDER BY array_position(ARRAY['employer', 'individual_contractor', 'labour_subcontractor', 'subcontractor',
                                 'general_contractor', 'project_owner'], ce.role), ce.employer_id
   LIMIT 1)`;

const KEYS: Record<ReferenceDimension, string> = {
  total: `NULL::text`,
  organisation: `o.group_id::text`,
  industry: `COALESCE((SELECT e.industry FROM employers e WHERE e.id = ${DIRECT_EMPLOYER}), 'other')`,
  employer: `${DIRECT_EMPLOYER}::text`,
  project: `c.project_id::text`,
  lawyer: `c.lawyer_id::text`,
  mediator: `c.mediator_id::text`,
  month: `to_char(c.intake_date, 'YYYY-MM')`,
};

export function referenceFiguresSql(dimension: ReferenceDimension): string {
  return `
    WITH scope_organisations AS (
      SELECT o.id, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
        FROM organisations o WHERE o.path LIKE $1::text || '%'
    ), cohort AS (
      SELECT c.id, c.status, c.intake_date, ${KEYS[dimension]} AS key
        FROM cases c JOIN scope_organisations o ON o.id = c.organisation_id
       WHERE c.intake_date BETWEEN $3::date AND $4::date
    ), paid AS (
      SELECT p.claim_id, SUM(p.amount_fen) AS paid_fen, MAX(p.paid_on) AS last_paid_on
        FROM payouts p JOIN cohort ON cohort.id = p.case_id
       GROUP BY p.claim_id
    ), per_case AS (
      SELECT cohort.id, cohort.key, cohort.status, cohort.intake_date,
             count(cl.id) AS workers,
             count(cl.id) FILTER (WHERE cl.confirmed_fen IS NULL) AS unconfirmed,
             COALESCE(SUM(cl.claimed_fen), 0) AS claimed_fen,
             COALESCE(SUM(cl.confirmed_fen), 0) AS confirmed_fen,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)), 0) AS owed_fen,
             COALESCE(SUM(paid.paid_fen), 0) AS paid_fen,
             count(cl.id) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(paid.paid_fen, 0)) AS workers_owed,
             MAX(paid.last_paid_on) AS last_paid_on,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'wages'), 0) AS owed_wages_fen,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'labour_fees'), 0) AS owed_labour_fees_fen,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'other'), 0) AS owed_other_fen,
             COALESCE(SUM(paid.paid_fen) FILTER (WHERE cl.kind = 'wages'), 0) AS paid_wages_fen,
             COALESCE(SUM(paid.paid_fen) FILTER (WHERE cl.kind = 'labour_fees'), 0) AS paid_labour_fees_fen,
             COALESCE(SUM(paid.paid_fen) FILTER (WHERE cl.kind = 'other'), 0) AS paid_other_fen
        FROM cohort
        LEFT JOIN claims cl ON cl.case_id = cohort.id
        LEFT JOIN paid ON paid.claim_id = cl.id
       GROUP BY cohort.id, cohort.key, cohort.status, cohort.intake_date
    )
    SELECT key,
           count(*)::int AS opened,
           count(*) FILTER (WHERE status IN ('closed', 'withdrawn', 'rejected'))::int AS concluded,
           SUM(workers)::int AS workers,
           SUM(claimed_fen)::text AS claimed_fen,
           SUM(confirmed_fen)::text AS confirmed_fen,
           SUM(owed_fen)::text AS owed_fen,
           SUM(paid_fen)::text AS recovered_fen,
           COALESCE(SUM(owed_fen - paid_fen) FILTER (WHERE status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_fen,
           count(*) FILTER (WHERE workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0)::int AS paid_in_full,
           SUM(owed_wages_fen)::text AS owed_wages_fen,
           SUM(owed_labour_fees_fen)::text AS owed_labour_fees_fen,
           SUM(owed_other_fen)::text AS owed_other_fen,
           SUM(paid_wages_fen)::text AS recovered_wages_fen,
           SUM(paid_labour_fees_fen)::text AS recovered_labour_fees_fen,
           SUM(paid_other_fen)::text AS recovered_other_fen,
           COALESCE(SUM(owed_wages_fen - paid_wages_fen) FILTER (WHERE status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_wages_fen,
           COALESCE(SUM(owed_labour_fees_fen - paid_labour_fees_fen) FILTER (WHERE status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_labour_fees_fen,
           COALESCE(SUM(owed_other_fen - paid_other_fen) FILTER (WHERE status NOT IN ('closed', 'withdrawn', 'rejected')), 0)::text AS unpaid_other_fen,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(last_paid_on - intake_date, 0))
             FILTER (WHERE workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0) AS median_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST(last_paid_on - intake_date, 0))
             FILTER (WHERE workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0) AS p90_days
      FROM per_case
     GROUP BY key`;
}

/**
 * The money paid in the period (payouts.paid_on, the day it was paid) per group, on any case of the
 * scope whenever it was opened, in all and by kind of claim. Grouped as referenceFiguresSql groups the
 * cases, except by month: the month it was paid in.
 */
export function referencePaidInPeriodSql(dimension: ReferenceDimension): string {
  const key = dimension === 'month' ? `to_char(p.paid_on, 'YYYY-MM')` : KEYS[dimension];
  return `
    WITH scope_organisations AS (
      SELECT o.id, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
        FROM organisations o WHERE o.path LIKE $1::text || '%'
    )
    SELECT ${key} AS key,
           SUM(p.amount_fen)::text AS paid_fen,
           COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'wages'), 0)::text AS paid_wages_fen,
           COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'labour_fees'), 0)::text AS paid_labour_fees_fen,
           COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'other'), 0)::text AS paid_other_fen
      FROM payouts p
      JOIN claims cl ON cl.id = p.claim_id
      JOIN cases c ON c.id = p.case_id
      JOIN scope_organisations o ON o.id = c.organisation_id
     WHERE p.paid_on BETWEEN $3::date AND $4::date
     GROUP BY 1`;
}

/** Cases that reached a final status in the period (the day it happened), consultations and outreach visits: plain counts. */
export const REFERENCE_COUNTS_SQL = `
  WITH scope_organisations AS (SELECT o.id FROM organisations o WHERE o.path LIKE $1::text || '%')
  SELECT
    (SELECT count(*)::int FROM cases c JOIN scope_organisations o ON o.id = c.organisation_id
      WHERE c.status IN ('closed', 'withdrawn', 'rejected')
        AND c.closed_on BETWEEN $3::date AND $4::date) AS closed_in_period,
    (SELECT count(*)::int FROM consultations x JOIN scope_organisations o ON o.id = x.organisation_id
      WHERE (x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $3::date AND $4::date) AS consultations,
    (SELECT count(*)::int FROM outreach_visits v JOIN scope_organisations o ON o.id = v.organisation_id
      WHERE v.visited_on BETWEEN $3::date AND $4::date) AS outreach_visits,
    $2::uuid IS NOT NULL AS scoped`;

/** What open cases still owe per group, from the claims and the payout ledger. $1 scope path, $2 scope organisation. */
export const REFERENCE_FESTIVAL_SQL = `
  WITH scope_organisations AS (
    SELECT o.id, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
      FROM organisations o WHERE o.path LIKE $1::text || '%'
  ), open_claims AS (
    SELECT o.group_id, c.id AS case_id, cl.confirmed_fen,
           COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE((SELECT SUM(p.amount_fen) FROM payouts p WHERE p.claim_id = cl.id), 0) AS outstanding_fen
      FROM cases c
      JOIN scope_organisations o ON o.id = c.organisation_id
      LEFT JOIN claims cl ON cl.case_id = c.id
     WHERE c.status NOT IN ('closed', 'withdrawn', 'rejected')
  )
  SELECT group_id::text AS key,
         count(DISTINCT case_id)::int AS open_cases,
         count(DISTINCT case_id) FILTER (WHERE outstanding_fen > 0)::int AS cases_owing,
         count(*) FILTER (WHERE outstanding_fen > 0)::int AS workers_owed,
         COALESCE(SUM(outstanding_fen), 0)::text AS unpaid_fen,
         count(DISTINCT case_id) FILTER (WHERE confirmed_fen IS NULL AND outstanding_fen IS NOT NULL)::int AS cases_unverified
    FROM open_claims
   GROUP BY group_id`;

/**
 * What was still owed per group at the end of a past day (a season's eve, $3): the cases of the scope
 * opened by then and not concluded by then, each worker's claim less the payouts paid by then.
 * $1 scope path, $2 scope organisation.
 */
export const REFERENCE_FESTIVAL_AS_OF_SQL = `
  WITH scope_organisations AS (
    SELECT o.id, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
      FROM organisations o WHERE o.path LIKE $1::text || '%'
  ), open_claims AS (
    SELECT o.group_id, c.id AS case_id, cl.confirmed_fen,
           COALESCE(cl.confirmed_fen, cl.claimed_fen)
             - COALESCE((SELECT SUM(p.amount_fen) FROM payouts p WHERE p.claim_id = cl.id AND p.paid_on <= $3::date), 0) AS outstanding_fen
      FROM cases c
      JOIN scope_organisations o ON o.id = c.organisation_id
      LEFT JOIN claims cl ON cl.case_id = c.id
     WHERE c.intake_date <= $3::date AND (c.closed_on IS NULL OR c.closed_on > $3::date)
  )
  SELECT group_id::text AS key,
         count(DISTINCT case_id)::int AS open_cases,
         count(DISTINCT case_id) FILTER (WHERE outstanding_fen > 0)::int AS cases_owing,
         count(*) FILTER (WHERE outstanding_fen > 0)::int AS workers_owed,
         COALESCE(SUM(outstanding_fen), 0)::text AS unpaid_fen,
         count(DISTINCT case_id) FILTER (WHERE confirmed_fen IS NULL AND outstanding_fen IS NOT NULL)::int AS cases_unverified
    FROM open_claims
   GROUP BY group_id`;

/** Consultations and outreach visits of the period per group, for the breakdowns that carry them. */
export function referenceDeskSql(dimension: 'organisation' | 'lawyer' | 'month'): string {
  const consultationKey = {
    organisation: 'o.group_id::text',
    lawyer: 'x.lawyer_id::text',
    month: `to_char(x.consulted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
  }[dimension];
  const visitKey = { organisation: 'o.group_id::text', lawyer: 'v.lawyer_id::text', month: `to_char(v.visited_on, 'YYYY-MM')` }[dimension];
  return `
    WITH scope_organisations AS (
      SELECT o.id, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
        FROM organisations o WHERE o.path LIKE $1::text || '%'
    )
    SELECT key, SUM(consultations)::int AS consultations, SUM(visits)::int AS visits FROM (
      SELECT ${consultationKey} AS key, 1 AS consultations, 0 AS visits
        FROM consultations x JOIN scope_organisations o ON o.id = x.organisation_id
       WHERE (x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $3::date AND $4::date
      UNION ALL
      SELECT ${visitKey}, 0, 1
        FROM outreach_visits v JOIN scope_organisations o ON o.id = v.organisation_id
       WHERE v.visited_on BETWEEN $3::date AND $4::date
    ) desk GROUP BY key`;
}
