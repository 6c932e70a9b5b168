/**
 * The reports' figures computed by hand, two ways, each the query a competent engineer would write
 * for the same answer without the service's rollups:
 *   - over the base tables (cases, claims, payouts, case_employers): `referenceFiguresSql`,
 *     `referencePaidInPeriodSql`, `REFERENCE_COUNTS_SQL`, `REFERENCE_FESTIVAL_SQL`,
 *     `REFERENCE_FESTIVAL_AS_OF_SQL`, `REFERENCE_EMPLOYER_SQL`;
 *   - over the product's per-case summary (`case_facts`, one row per case, and `case_pay_days`, one
 *     row per case and day paid, kept exact by triggers): the same names with `Facts`, with the same
 *     parameters and the same output columns, so either can be run and their rows compared.
 * The e2e suite (test/reports-reference.e2e-spec.ts) holds the service to both on seeded data, and
 * checks that both kinds give the same rows; `npm run bench` times them beside the reports, and
 * scripts/bench/references.ts times the two kinds side by side with their plans.
 *
 * Parameters as in src/reports/reports.sql.ts unless said: $1 scope path, $2 scope organisation,
 * $3 first day, $4 last day (Asia/Shanghai days, inclusive).
 *
 * The base-table queries work case by case (a LATERAL over the case's claims, each with its payouts
 * added up through payouts_claim_idx): a year is a quarter of a million cases, and joining them to all
 * 5 million claims and 6 million payouts, then grouping by claim and by case, sorted 339 MB and hashed
 * 110 MB on disk at work_mem 32MB (a year's figures: 40 s under EXPLAIN ANALYZE, against 14 s with no
 * spill this way, at a million cases on a busy 2-core machine). The money paid in a period has no index
 * on the day paid (payouts_case_idx leads with the case), so it scans the payout ledger whichever way it
 * is written.
 */

export const REFERENCE_DIMENSIONS = ['organisation', 'industry', 'employer', 'project', 'lawyer', 'mediator', 'month'] as const;
export type ReferenceDimension = (typeof REFERENCE_DIMENSIONS)[number] | 'total';

const FINAL = `('closed', 'withdrawn', 'rejected')`;

/** The organisations of the scope, each with the group it is reported under (a child of the scope organisation, or itself). */
const SCOPE_ORGANISATIONS = `scope_organisations AS (
      SELECT o.id, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
        FROM organisations o WHERE o.path LIKE $1::text || '%'
    )`;

/** The employer a case is reported under: its direct employer, else the lowest link of the chain. */
const DIRECT_EMPLOYER = `(
  SELECT ce.employer_id FROM case_employers ce WHERE ce.case_id = c.id
   ORDER BY array_position(ARRAY['employer', 'individual_contractor', 'labour_subcontractor', 'subcontractor',
                                 'general_contractor', 'project_owner'], ce.role), ce.employer_id
   LIMIT 1)`;

/** A case's group, from the base tables (alias c for the case, o for its scope organisation). */
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

/** The same groups from a row of case_facts or case_pay_days (alias f), which carry the case's dimensions. */
const FACT_KEYS: Record<ReferenceDimension, string> = {
  total: `NULL::text`,
  organisation: `o.group_id::text`,
  industry: `COALESCE(f.industry, 'other')`,
  employer: `f.employer_id::text`,
  project: `f.project_id::text`,
  lawyer: `f.lawyer_id::text`,
  mediator: `f.mediator_id::text`,
  month: `to_char(f.intake_date, 'YYYY-MM')`,
};

/**
 * The figures of the cases opened in the period, per group, from one row per case (`per_case`: its key, status,
 * intake day, workers, unconfirmed, claimed, confirmed, owed, paid, workers_owed, last_paid_on and the kinds'
 * owed_*, paid_*). Both kinds of reference add up the same per-case columns here.
 */
const FIGURES_OF_CASES = `
    SELECT key,
           count(*)::int AS opened,
           count(*) FILTER (WHERE status IN ${FINAL})::int AS concluded,
           SUM(workers)::int AS workers,
           SUM(claimed_fen)::text AS claimed_fen,
           SUM(confirmed_fen)::text AS confirmed_fen,
           SUM(owed_fen)::text AS owed_fen,
           SUM(paid_fen)::text AS recovered_fen,
           COALESCE(SUM(owed_fen - paid_fen) FILTER (WHERE status NOT IN ${FINAL}), 0)::text AS unpaid_fen,
           count(*) FILTER (WHERE workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0)::int AS paid_in_full,
           SUM(owed_wages_fen)::text AS owed_wages_fen,
           SUM(owed_labour_fees_fen)::text AS owed_labour_fees_fen,
           SUM(owed_fen - owed_wages_fen - owed_labour_fees_fen)::text AS owed_other_fen,
           SUM(paid_wages_fen)::text AS recovered_wages_fen,
           SUM(paid_labour_fees_fen)::text AS recovered_labour_fees_fen,
           SUM(paid_fen - paid_wages_fen - paid_labour_fees_fen)::text AS recovered_other_fen,
           COALESCE(SUM(owed_wages_fen - paid_wages_fen) FILTER (WHERE status NOT IN ${FINAL}), 0)::text AS unpaid_wages_fen,
           COALESCE(SUM(owed_labour_fees_fen - paid_labour_fees_fen) FILTER (WHERE status NOT IN ${FINAL}), 0)::text AS unpaid_labour_fees_fen,
           COALESCE(SUM((owed_fen - owed_wages_fen - owed_labour_fees_fen) - (paid_fen - paid_wages_fen - paid_labour_fees_fen))
             FILTER (WHERE status NOT IN ${FINAL}), 0)::text AS unpaid_other_fen,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(last_paid_on - intake_date, 0))
             FILTER (WHERE workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0) AS median_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY GREATEST(last_paid_on - intake_date, 0))
             FILTER (WHERE workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0) AS p90_days
      FROM per_case
     GROUP BY key`;

/**
 * A case's money from its claims, each claim's payouts added up first (a worker is owed when his claim's
 * payouts fall short of it): one row per case, also for a case without claims. For a LATERAL after `cases c`.
 */
const MONEY_OF_CASE = `(
      SELECT count(*) AS workers,
             count(*) FILTER (WHERE cl.confirmed_fen IS NULL) AS unconfirmed,
             COALESCE(SUM(cl.claimed_fen), 0) AS claimed_fen,
             COALESCE(SUM(cl.confirmed_fen), 0) AS confirmed_fen,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)), 0) AS owed_fen,
             COALESCE(SUM(paid.paid_fen), 0) AS paid_fen,
             count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(paid.paid_fen, 0)) AS workers_owed,
             MAX(paid.last_paid_on) AS last_paid_on,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'wages'), 0) AS owed_wages_fen,
             COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'labour_fees'), 0) AS owed_labour_fees_fen,
             COALESCE(SUM(paid.paid_fen) FILTER (WHERE cl.kind = 'wages'), 0) AS paid_wages_fen,
             COALESCE(SUM(paid.paid_fen) FILTER (WHERE cl.kind = 'labour_fees'), 0) AS paid_labour_fees_fen
        FROM claims cl
        LEFT JOIN LATERAL (
          -- the last day of a payout still standing: one a correction took back (a reversal names it) is no payment
          SELECT SUM(p.amount_fen) AS paid_fen,
                 MAX(p.paid_on) FILTER (WHERE p.reverses_payout_id IS NULL
                                          AND NOT EXISTS (SELECT 1 FROM payouts r WHERE r.reverses_payout_id = p.id)) AS last_paid_on
            FROM payouts p WHERE p.claim_id = cl.id
        ) paid ON true
       WHERE cl.case_id = c.id)`;

/** The figures of the cases opened in the period, per group, from the base tables: each case's claims and their payouts. */
export function referenceFiguresSql(dimension: ReferenceDimension): string {
  return `
    WITH ${SCOPE_ORGANISATIONS}, per_case AS (
      SELECT ${KEYS[dimension]} AS key, c.status, c.intake_date, m.*
        FROM cases c
        JOIN scope_organisations o ON o.id = c.organisation_id
        CROSS JOIN LATERAL ${MONEY_OF_CASE} m
       WHERE c.intake_date BETWEEN $3::date AND $4::date
    )${FIGURES_OF_CASES}`;
}

/** The same figures from case_facts: the period's rows of its intake index, which carries every column they need. */
export function referenceFactsSql(dimension: ReferenceDimension): string {
  return `
    WITH ${SCOPE_ORGANISATIONS}, per_case AS (
      SELECT ${FACT_KEYS[dimension]} AS key, f.status, f.intake_date, f.workers, f.unconfirmed, f.claimed_fen, f.confirmed_fen,
             f.owed_fen, f.paid_fen, f.workers_owed, f.last_paid_on, f.owed_wages_fen, f.owed_labour_fees_fen,
             f.paid_wages_fen, f.paid_labour_fees_fen
        FROM case_facts f
        JOIN scope_organisations o ON o.id = f.organisation_id
       WHERE f.intake_date BETWEEN $3::date AND $4::date
    )${FIGURES_OF_CASES}`;
}

/**
 * The money paid in the period (payouts.paid_on, the day it was paid) per group, on any case of the
 * scope whenever it was opened, in all and by kind of claim. Grouped as referenceFiguresSql groups the
 * cases, except by month: the month it was paid in. By industry and by employer, whose key is a lookup
 * per case, the period's payouts are added up per case first, so the key is worked out once per case
 * rather than once per payout; for the other keys that extra grouping only costs (over every season it
 * spilled 725 MB against 444 MB, 14.3 s against 10.3 s).
 */
export function referencePaidInPeriodSql(dimension: ReferenceDimension): string {
  if (dimension === 'industry' || dimension === 'employer') {
    return `
    WITH ${SCOPE_ORGANISATIONS}, paid AS (
      SELECT p.case_id,
             SUM(p.amount_fen) AS fen,
             COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'wages'), 0) AS wages_fen,
             COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'labour_fees'), 0) AS labour_fees_fen,
             COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'other'), 0) AS other_fen
        FROM payouts p
        JOIN claims cl ON cl.id = p.claim_id
       WHERE p.paid_on BETWEEN $3::date AND $4::date
       GROUP BY p.case_id
    )
    SELECT ${KEYS[dimension]} AS key,
           SUM(paid.fen)::text AS paid_fen,
           SUM(paid.wages_fen)::text AS paid_wages_fen,
           SUM(paid.labour_fees_fen)::text AS paid_labour_fees_fen,
           SUM(paid.other_fen)::text AS paid_other_fen
      FROM paid
      JOIN cases c ON c.id = paid.case_id
      JOIN scope_organisations o ON o.id = c.organisation_id
     GROUP BY 1`;
  }
  const key = dimension === 'month' ? `to_char(p.paid_on, 'YYYY-MM')` : KEYS[dimension];
  return `
    WITH ${SCOPE_ORGANISATIONS}
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

/** The same from case_pay_days: one row per case and day paid, with the case's dimensions, read by day from its index. */
export function referencePaidInPeriodFactsSql(dimension: ReferenceDimension): string {
  const key = dimension === 'month' ? `to_char(f.paid_on, 'YYYY-MM')` : FACT_KEYS[dimension];
  return `
    WITH ${SCOPE_ORGANISATIONS}
    SELECT ${key} AS key,
           SUM(f.fen)::text AS paid_fen,
           SUM(f.wages_fen)::text AS paid_wages_fen,
           SUM(f.labour_fees_fen)::text AS paid_labour_fees_fen,
           SUM(f.fen - f.wages_fen - f.labour_fees_fen)::text AS paid_other_fen
      FROM case_pay_days f
      JOIN scope_organisations o ON o.id = f.organisation_id
     WHERE f.paid_on BETWEEN $3::date AND $4::date
     GROUP BY 1`;
}

/**
 * The desk's work of the period (consultations by their Asia/Shanghai day, outreach visits), as a range of
 * consultations_time_idx and outreach_visits_time_idx. There is no per-case summary of it, so both kinds of
 * reference count these rows. `scope_organisations` must be in the WITH.
 */
const CONSULTED_IN_PERIOD = `x.consulted_at >= ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND x.consulted_at < (($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const DESK_COUNTS = `
    (SELECT count(*)::int FROM consultations x JOIN scope_organisations o ON o.id = x.organisation_id
      WHERE ${CONSULTED_IN_PERIOD}) AS consultations,
    (SELECT count(*)::int FROM outreach_visits v JOIN scope_organisations o ON o.id = v.organisation_id
      WHERE v.visited_on BETWEEN $3::date AND $4::date) AS outreach_visits,
    $2::uuid IS NOT NULL AS scoped`;

/** Cases that reached a final status in the period (the day it happened), consultations and outreach visits: plain counts. */
export const REFERENCE_COUNTS_SQL = `
  WITH ${SCOPE_ORGANISATIONS}
  SELECT
    (SELECT count(*)::int FROM cases c JOIN scope_organisations o ON o.id = c.organisation_id
      WHERE c.status IN ${FINAL} AND c.closed_on BETWEEN $3::date AND $4::date) AS closed_in_period,${DESK_COUNTS}`;

/** The same, the concluded cases from case_facts (its index on the day concluded carries the organisation). */
export const REFERENCE_COUNTS_FACTS_SQL = `
  WITH ${SCOPE_ORGANISATIONS}
  SELECT
    (SELECT count(*)::int FROM case_facts f JOIN scope_organisations o ON o.id = f.organisation_id
      WHERE f.closed_on BETWEEN $3::date AND $4::date) AS closed_in_period,${DESK_COUNTS}`;

/**
 * What each case of `open_cases` (group_id, case id as c) still owes, claim by claim, as one row per case:
 * unpaid_fen, workers_owed, whether a claim is unconfirmed. `paidBy`: count only the payouts paid by then.
 */
function outstandingOfCases(paidBy?: string): string {
  return `(
      SELECT COALESCE(SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE(paid.paid_fen, 0)), 0) AS unpaid_fen,
             count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(paid.paid_fen, 0)) AS workers_owed,
             count(*) FILTER (WHERE cl.confirmed_fen IS NULL) AS unconfirmed
        FROM claims cl
        LEFT JOIN LATERAL (
          SELECT SUM(p.amount_fen) AS paid_fen FROM payouts p WHERE p.claim_id = cl.id${paidBy ? ` AND p.paid_on <= ${paidBy}` : ''}
        ) paid ON true
       WHERE cl.case_id = c.id)`;
}

/** The festival view's row per group from one row per case (`per_case`: group_id, unpaid_fen, workers_owed, unconfirmed). */
const FESTIVAL_OF_CASES = `
  SELECT group_id::text AS key,
         count(*)::int AS open_cases,
         count(*) FILTER (WHERE workers_owed > 0)::int AS cases_owing,
         SUM(workers_owed)::int AS workers_owed,
         SUM(unpaid_fen)::text AS unpaid_fen,
         count(*) FILTER (WHERE unconfirmed > 0)::int AS cases_unverified
    FROM per_case
   GROUP BY group_id`;

/** What open cases still owe per group, from the claims and the payout ledger. $1 scope path, $2 scope organisation. */
export const REFERENCE_FESTIVAL_SQL = `
  WITH ${SCOPE_ORGANISATIONS}, per_case AS (
    SELECT o.group_id, m.*
      FROM cases c
      JOIN scope_organisations o ON o.id = c.organisation_id
      CROSS JOIN LATERAL ${outstandingOfCases()} m
     WHERE c.status NOT IN ${FINAL}
  )${FESTIVAL_OF_CASES}`;

/** The same from case_facts: its open cases (case_facts_open_idx, in organisation order, carries what they owe), added up by organisation, then by group. */
export const REFERENCE_FESTIVAL_FACTS_SQL = `
  WITH ${SCOPE_ORGANISATIONS}, by_organisation AS (
    SELECT f.organisation_id, count(*) AS open_cases, count(*) FILTER (WHERE f.workers_owed > 0) AS cases_owing,
           SUM(f.workers_owed) AS workers_owed, SUM(f.owed_fen - f.paid_fen) AS unpaid_fen,
           count(*) FILTER (WHERE f.unconfirmed > 0) AS cases_unverified
      FROM case_facts f
     WHERE f.status NOT IN ${FINAL} AND f.organisation_id IN (SELECT id FROM scope_organisations)
     GROUP BY f.organisation_id
  )
  SELECT o.group_id::text AS key,
         SUM(b.open_cases)::int AS open_cases,
         SUM(b.cases_owing)::int AS cases_owing,
         SUM(b.workers_owed)::int AS workers_owed,
         SUM(b.unpaid_fen)::text AS unpaid_fen,
         SUM(b.cases_unverified)::int AS cases_unverified
    FROM by_organisation b
    JOIN scope_organisations o ON o.id = b.organisation_id
   GROUP BY o.group_id`;

/**
 * What was still owed per group at the end of a past day (a season's eve, $3): the cases of the scope
 * opened by then and not concluded by then, each worker's claim less the payouts paid by then.
 * $1 scope path, $2 scope organisation.
 */
export const REFERENCE_FESTIVAL_AS_OF_SQL = `
  WITH ${SCOPE_ORGANISATIONS}, per_case AS (
    SELECT o.group_id, m.*
      FROM cases c
      JOIN scope_organisations o ON o.id = c.organisation_id
      CROSS JOIN LATERAL ${outstandingOfCases('$3::date')} m
     WHERE c.intake_date <= $3::date AND (c.closed_on IS NULL OR c.closed_on > $3::date)
  )${FESTIVAL_OF_CASES}`;

/**
 * The same from case_facts and case_pay_days: a case owed then what it owes today plus what was paid on
 * it after the day, to the workers owed today and those whose claims a payment after the day paid in full
 * (case_pay_days.claims_settled). Exact because a payout is never negative: a claim's balance only falls,
 * so a worker owed then and not today was settled on exactly one later day; and a case owed something
 * then if it owes today or was paid after the day. Each half added up by organisation, then by group: the
 * cases open then from two ranges of case_facts_closed_idx, which carries what they owe, and their pay
 * days after the day from case_pay_days_day_idx, which carries the case's days.
 */
export const REFERENCE_FESTIVAL_AS_OF_FACTS_SQL = `
  WITH ${SCOPE_ORGANISATIONS}, open_then AS (
    SELECT f.organisation_id, f.owed_fen - f.paid_fen AS owed_now_fen, f.workers_owed, f.unconfirmed, f.last_paid_on
      FROM case_facts f WHERE f.closed_on IS NULL AND f.intake_date <= $3::date
    UNION ALL
    SELECT f.organisation_id, f.owed_fen - f.paid_fen, f.workers_owed, f.unconfirmed, f.last_paid_on
      FROM case_facts f WHERE f.closed_on > $3::date AND f.intake_date <= $3::date
  ), by_organisation AS (
    SELECT ot.organisation_id, count(*) AS open_cases,
           count(*) FILTER (WHERE ot.owed_now_fen > 0 OR ot.last_paid_on > $3::date) AS cases_owing,
           SUM(ot.owed_now_fen) AS owed_now_fen, SUM(ot.workers_owed) AS workers_owed,
           count(*) FILTER (WHERE ot.unconfirmed > 0) AS cases_unverified
      FROM open_then ot WHERE ot.organisation_id IN (SELECT id FROM scope_organisations)
     GROUP BY ot.organisation_id
  ), paid_after AS (
    SELECT d.organisation_id, SUM(d.fen) AS fen, SUM(d.claims_settled) AS claims_settled
      FROM case_pay_days d
     WHERE d.paid_on > $3::date AND d.intake_date <= $3::date AND (d.closed_on IS NULL OR d.closed_on > $3::date)
       AND d.organisation_id IN (SELECT id FROM scope_organisations)
     GROUP BY d.organisation_id
  )
  SELECT o.group_id::text AS key,
         SUM(b.open_cases)::int AS open_cases,
         SUM(b.cases_owing)::int AS cases_owing,
         (SUM(b.workers_owed) + COALESCE(SUM(pa.claims_settled), 0))::int AS workers_owed,
         (SUM(b.owed_now_fen) + COALESCE(SUM(pa.fen), 0))::text AS unpaid_fen,
         SUM(b.cases_unverified)::int AS cases_unverified
    FROM by_organisation b
    JOIN scope_organisations o ON o.id = b.organisation_id
    LEFT JOIN paid_after pa ON pa.organisation_id = b.organisation_id
   GROUP BY o.group_id`;

/**
 * An employer's record: its cases in the scope in any role of the chain, with their money, and per case
 * the workers still owed (what each is owed, and the period owed, in roster order), which the service reads
 * for the criminal-amount test. One row: cases, claimed_fen, owed_fen, paid_fen and `detail`, the cases in
 * id order. $1 the employer, $2 the scope path.
 */
const EMPLOYER_RECORD = `
  SELECT count(*)::int AS cases,
         COALESCE(SUM(claimed_fen), 0)::text AS claimed_fen,
         COALESCE(SUM(owed_fen), 0)::text AS owed_fen,
         COALESCE(SUM(paid_fen), 0)::text AS paid_fen,
         COALESCE(json_agg(json_build_object('id', id, 'workers', workers, 'workers_owed', workers_owed,
                                             'claimed_fen', claimed_fen::text, 'owed_fen', owed_fen::text, 'paid_fen', paid_fen::text,
                                             'owed_workers', owed_workers) ORDER BY id), '[]') AS detail
    FROM per_case`;

/** The owed workers of a case: [outstanding fen, period start, period end] in roster order, from its claims and their payouts. */
const owedWorkersOf = (caseId: string) => `(
      SELECT COALESCE(json_agg(json_build_array((w.owed_fen - w.paid_fen)::text, w.period_start, w.period_end) ORDER BY w.position), '[]')
        FROM (SELECT cl.position, cl.period_start, cl.period_end, COALESCE(cl.confirmed_fen, cl.claimed_fen) AS owed_fen,
                     COALESCE((SELECT SUM(p.amount_fen) FROM payouts p WHERE p.claim_id = cl.id), 0) AS paid_fen
                FROM claims cl WHERE cl.case_id = ${caseId}) w
       WHERE w.owed_fen > w.paid_fen)`;

export const REFERENCE_EMPLOYER_SQL = `
  WITH per_case AS (
    SELECT c.id, m.workers, m.workers_owed, m.claimed_fen, m.owed_fen, m.paid_fen, ${owedWorkersOf('c.id')} AS owed_workers
      FROM case_employers ce
      JOIN cases c ON c.id = ce.case_id
      JOIN organisations o ON o.id = c.organisation_id
      CROSS JOIN LATERAL ${MONEY_OF_CASE} m
     WHERE ce.employer_id = $1::uuid AND o.path LIKE $2::text || '%'
  )${EMPLOYER_RECORD}`;

/** The same with each case's money from case_facts: the claims are read only for the cases still owing someone. */
export const REFERENCE_EMPLOYER_FACTS_SQL = `
  WITH per_case AS (
    SELECT f.case_id AS id, f.workers, f.workers_owed, f.claimed_fen, f.owed_fen, f.paid_fen,
           CASE WHEN f.workers_owed > 0 THEN ${owedWorkersOf('f.case_id')} ELSE '[]'::json END AS owed_workers
      FROM case_employers ce
      JOIN case_facts f ON f.case_id = ce.case_id
      JOIN organisations o ON o.id = f.organisation_id
     WHERE ce.employer_id = $1::uuid AND o.path LIKE $2::text || '%'
  )${EMPLOYER_RECORD}`;

/** Consultations and outreach visits of the period per group, for the breakdowns that carry them (base tables only: no summary of them). */
export function referenceDeskSql(dimension: 'organisation' | 'lawyer' | 'month'): string {
  const consultationKey = {
    organisation: 'o.group_id::text',
    lawyer: 'x.lawyer_id::text',
    month: `to_char(x.consulted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
  }[dimension];
  const visitKey = { organisation: 'o.group_id::text', lawyer: 'v.lawyer_id::text', month: `to_char(v.visited_on, 'YYYY-MM')` }[dimension];
  return `
    WITH ${SCOPE_ORGANISATIONS}
    SELECT key, SUM(consultations)::int AS consultations, SUM(visits)::int AS visits FROM (
      SELECT ${consultationKey} AS key, 1 AS consultations, 0 AS visits
        FROM consultations x JOIN scope_organisations o ON o.id = x.organisation_id
       WHERE ${CONSULTED_IN_PERIOD}
      UNION ALL
      SELECT ${visitKey}, 0, 1
        FROM outreach_visits v JOIN scope_organisations o ON o.id = v.organisation_id
       WHERE v.visited_on BETWEEN $3::date AND $4::date
    ) desk GROUP BY key`;
}

/** What each reference reads, for BENCHMARKS.md. */
export const REFERENCE_READS = {
  figures: {
    base: 'cases of the period (cases_intake_date_idx), each with its claims (claims_case_position_key) and each claim its payouts (payouts_claim_idx); industry/employer from case_employers and employers',
    facts: 'case_facts of the period (case_facts_intake_idx)',
  },
  paidInPeriod: {
    base: 'payouts of the period (seq scan: no index on paid_on) with their claims (kind) and cases (organisation, dimensions); by industry and employer added up per case first',
    facts: 'case_pay_days of the period (case_pay_days_day_idx)',
  },
  counts: {
    base: 'cases concluded in the period (seq scan: no index on cases.closed_on); consultations and outreach visits by their time indexes',
    facts: 'case_facts concluded in the period (case_facts_closed_idx); consultations and outreach visits by their time indexes',
  },
  festival: {
    base: 'open cases (seq scan of cases), each with its claims and each claim its payouts',
    facts: 'open rows of case_facts (case_facts_open_idx)',
  },
  festivalAsOf: {
    base: 'cases open at the end of the eve (seq scan of cases), each with its claims and each claim its payouts paid by then',
    facts: 'case_facts open at the end of the eve (two ranges of case_facts_closed_idx) and, apart, the case_pay_days after it of the cases open then (case_pay_days_day_idx, which carries the case\'s days), each added up by organisation',
  },
  employer: {
    base: "the employer's cases (case_employers_employer_idx), each with its claims and their payouts",
    facts: "the employer's cases (case_employers_employer_idx) in case_facts; claims and payouts only of cases still owing",
  },
} as const;
