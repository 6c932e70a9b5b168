import { CLAIM_BALANCES_SQL } from '../claims/claim-money.sql';

/**
 * The reports' SQL, in one place to be read and reviewed. Every figure about cases is counted from
 * `case_facts` (one row per case, kept exact by triggers: migrations/1764900000000-AddCaseFacts.ts),
 * and every query joins `SCOPE`, the caller's organisation subtree, so no query can forget the scope. Parameters: $1 the scope path, $2 the scope organisation's id; period
 * queries add $3 (first day) and $4 (last day), both inclusive, Asia/Shanghai.
 */

/** The statuses a case ends in; a case in any other status is still being handled. */
const FINAL = `('closed', 'withdrawn', 'rejected')`;

/**
 * The caller's organisations, each with the group it is reported under: the child of the scope
 * organisation it belongs to (a city leader sees districts, a district leader its service centers),
 * or the scope organisation itself. A subquery in each FROM rather than one shared CTE: a shared CTE
 * is materialised, and scans that join a materialised CTE cannot run in parallel.
 */
export const SCOPE = `(
  SELECT o.id, o.path, COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
    FROM organisations o
   WHERE o.path LIKE $1::text || '%')`;

/**
 * The same, for grouping by organisation: OFFSET 0 keeps the group worked out once per organisation
 * instead of once per case, which costs more than the parallel scan it gives up.
 */
const SCOPE_GROUPED = SCOPE.replace(/\)$/, ' OFFSET 0)');

/** A case is paid in full when every worker's confirmed amount is paid; the day is its last payment. */
const PAID_IN_FULL = `(f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)`;
const DAYS_TO_FULL_PAYMENT = `GREATEST(f.last_paid_on - f.intake_date, 0)`;

/** The sums of a set of cases opened in the period; the same columns for the total and every breakdown row. */
const CASE_SUMS = `
  count(*)::int                                                                   AS opened,
  count(*) FILTER (WHERE f.status IN ${FINAL})::int                               AS concluded,
  count(*) FILTER (WHERE f.status = 'closed')::int                                AS closed,
  COALESCE(SUM(f.workers), 0)::int                                                AS workers,
  COALESCE(SUM(f.claimed_fen), 0)::text                                           AS claimed_fen,
  COALESCE(SUM(f.confirmed_fen), 0)::text                                         AS confirmed_fen,
  COALESCE(SUM(f.owed_fen), 0)::text                                              AS owed_fen,
  COALESCE(SUM(f.paid_fen), 0)::text                                              AS recovered_fen,
  COALESCE(SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ${FINAL}), 0)::text AS unpaid_fen,
  count(*) FILTER (WHERE ${PAID_IN_FULL})::int                                    AS paid_in_full`;

export interface CaseFiguresRow {
  opened: number;
  concluded: number;
  closed: number;
  workers: number;
  claimed_fen: string;
  confirmed_fen: string;
  owed_fen: string;
  recovered_fen: string;
  unpaid_fen: string;
  paid_in_full: number;
}

const IN_PERIOD = `f.intake_date BETWEEN $3::date AND $4::date`;

/** The headline: the sums of the cases opened in the period. */
export const SUMMARY_SQL = `
  SELECT ${CASE_SUMS}
    FROM case_facts f JOIN ${SCOPE} o ON o.id = f.organisation_id
   WHERE ${IN_PERIOD}`;

/** Cases concluded in the period (whenever opened), consultations and outreach visits. */
export const SUMMARY_COUNTS_SQL = `
  SELECT (SELECT count(*)::int FROM case_facts f JOIN ${SCOPE} o ON o.id = f.organisation_id
           WHERE f.closed_on BETWEEN $3::date AND $4::date) AS closed_in_period,
         (SELECT count(*)::int FROM consultations x JOIN ${SCOPE} o ON o.id = x.organisation_id
           WHERE x.consulted_at >= $3::date::timestamp AT TIME ZONE 'Asia/Shanghai'
             AND x.consulted_at < ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS consultations,
         (SELECT count(*)::int FROM outreach_visits v JOIN ${SCOPE} o ON o.id = v.organisation_id
           WHERE v.visited_on BETWEEN $3::date AND $4::date) AS outreach_visits`;

export interface SummaryCountsRow {
  closed_in_period: number;
  consultations: number;
  outreach_visits: number;
}

/**
 * How long the cases paid in full took, as a histogram of whole days per group: exact, small, and
 * summed in parallel, where a percentile in SQL would sort every case on one core. The percentiles are
 * computed from it (domain/figures.ts). `key` is the group's key as text (NULL for the summary); $5
 * the keys wanted (NULL: all), $6 whether the group without a key is wanted.
 */
export function speedSql(key: string, scope = SCOPE): string {
  return `
    SELECT ${key}::text AS key, ${DAYS_TO_FULL_PAYMENT} AS days, count(*)::int AS cases
      FROM case_facts f JOIN ${scope} o ON o.id = f.organisation_id
     WHERE ${IN_PERIOD} AND ${PAID_IN_FULL}
       AND ($5::text[] IS NULL OR ${key}::text = ANY($5::text[]) OR ($6 AND ${key} IS NULL))
     GROUP BY 1, 2`;
}

export interface SpeedRow {
  key: string | null;
  days: number;
  cases: number;
}

/**
 * How each breakdown groups cases, and how its rows are named and ordered. Consultations and outreach
 * visits are counted where they carry the same dimension (organisation, lawyer, month).
 */
export interface Dimension {
  key: string;
  /** The key's label and any detail, from the grouped key `g.key`. */
  label: string;
  labelJoin: string;
  /** On the groups' own columns only, so a page is cut before any label is looked up. */
  order: string;
  /** The key is the organisation's group: join the scope with its groups worked out once. */
  groupsByOrganisation?: boolean;
  desk?: { consultationKey: string; visitKey: string };
}

export const DIMENSIONS = {
  organisation: {
    key: 'o.group_id',
    label: `g.key::text AS key, grp.name AS label, grp.code AS detail`,
    labelJoin: `LEFT JOIN organisations grp ON grp.id = g.key`,
    order: `(SELECT path FROM organisations WHERE id = g.key), g.key`,
    groupsByOrganisation: true,
    desk: { consultationKey: 'o.group_id', visitKey: 'o.group_id' },
  },
  industry: {
    key: `COALESCE(f.industry, 'other')`,
    label: `g.key::text AS key, g.key::text AS label, NULL::text AS detail`,
    labelJoin: ``,
    order: `g.opened DESC, g.key`,
  },
  // repeat offenders first: the employers with the most cases, then the most still owed
  employer: {
    key: 'f.employer_id',
    label: `g.key::text AS key, e.name AS label, e.credit_code AS detail`,
    labelJoin: `LEFT JOIN employers e ON e.id = g.key`,
    order: `g.opened DESC, g.unpaid_fen::bigint DESC, g.key`,
  },
  project: {
    key: 'f.project_id',
    label: `g.key::text AS key, p.name AS label, p.site AS detail`,
    labelJoin: `LEFT JOIN projects p ON p.id = g.key`,
    order: `g.opened DESC, g.key`,
  },
  lawyer: {
    key: 'f.lawyer_id',
    label: `g.key::text AS key, u.display_name AS label, u.username AS detail`,
    labelJoin: `LEFT JOIN users u ON u.id = g.key`,
    order: `g.opened DESC, g.key`,
    desk: { consultationKey: 'x.lawyer_id', visitKey: 'v.lawyer_id' },
  },
  mediator: {
    key: 'f.mediator_id',
    label: `g.key::text AS key, u.display_name AS label, u.username AS detail`,
    labelJoin: `LEFT JOIN users u ON u.id = g.key`,
    order: `g.opened DESC, g.key`,
  },
  // grouped by the month's first day (date_trunc is many times cheaper per row than to_char), shown as 'YYYY-MM'
  month: {
    key: `date_trunc('month', f.intake_date::timestamp)::date`,
    label: `to_char(g.key, 'YYYY-MM') AS key, to_char(g.key, 'YYYY-MM') AS label, NULL::text AS detail`,
    labelJoin: ``,
    order: `g.key`,
    desk: {
      consultationKey: `date_trunc('month', x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date`,
      visitKey: `date_trunc('month', v.visited_on::timestamp)::date`,
    },
  },
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;

/** The histogram of days to full payment per group of a breakdown (see speedSql). */
export function breakdownSpeedSql(name: DimensionName): string {
  const dimension: Dimension = DIMENSIONS[name];
  return speedSql(dimension.key, dimension.groupsByOrganisation ? SCOPE_GROUPED : SCOPE);
}
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as DimensionName[];

/**
 * One breakdown: the case figures per group, with the desk's counts where they apply; all groups
 * with `total_groups` on every row so a page knows how many there are. $5/$6: limit and offset
 * (NULL limit: every row, for exports).
 */
export function breakdownSql(name: DimensionName): string {
  const dimension: Dimension = DIMENSIONS[name];
  const desk = dimension.desk;
  const scope = dimension.groupsByOrganisation ? SCOPE_GROUPED : SCOPE;
  const caseGroups = `
    SELECT ${dimension.key} AS key, ${CASE_SUMS}
      FROM case_facts f JOIN ${scope} o ON o.id = f.organisation_id
     WHERE ${IN_PERIOD}
     GROUP BY 1`;
  // Groups with desk work but no case opened still belong in the breakdown, hence the full joins.
  // Each part appears once, so PostgreSQL can run it in parallel (a CTE used twice could not be).
  // Desk keys are never null (every consultation and visit has its organisation, lawyer and day).
  const groups = desk
    ? `
    SELECT COALESCE(cg.key, c.key, v.key) AS key,
           COALESCE(cg.opened, 0) AS opened, COALESCE(cg.concluded, 0) AS concluded, COALESCE(cg.closed, 0) AS closed,
           COALESCE(cg.workers, 0) AS workers, COALESCE(cg.claimed_fen, '0') AS claimed_fen,
           COALESCE(cg.confirmed_fen, '0') AS confirmed_fen, COALESCE(cg.owed_fen, '0') AS owed_fen,
           COALESCE(cg.recovered_fen, '0') AS recovered_fen, COALESCE(cg.unpaid_fen, '0') AS unpaid_fen,
           COALESCE(cg.paid_in_full, 0) AS paid_in_full,
           COALESCE(c.n, 0) AS consultations, COALESCE(v.n, 0) AS outreach_visits
      FROM (${caseGroups}) cg
      FULL JOIN (
        SELECT ${desk.consultationKey} AS key, count(*)::int AS n
          FROM consultations x JOIN ${scope} o ON o.id = x.organisation_id
         WHERE x.consulted_at >= $3::date::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND x.consulted_at < ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
         GROUP BY 1) c ON c.key = cg.key
      FULL JOIN (
        SELECT ${desk.visitKey} AS key, count(*)::int AS n
          FROM outreach_visits v JOIN ${scope} o ON o.id = v.organisation_id
         WHERE v.visited_on BETWEEN $3::date AND $4::date
         GROUP BY 1) v ON v.key = COALESCE(cg.key, c.key)`
    : `SELECT cg.*, NULL::int AS consultations, NULL::int AS outreach_visits FROM (${caseGroups}) cg`;
  return `
    WITH page AS (
      SELECT g.*, count(*) OVER ()::int AS total_groups
        FROM (${groups}) g
       ORDER BY ${dimension.order} NULLS LAST
       LIMIT $5 OFFSET $6
    )
    SELECT ${dimension.label}, g.key::text AS group_key, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen,
           g.confirmed_fen, g.owed_fen, g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.consultations, g.outreach_visits,
           g.total_groups
      FROM page g
      ${dimension.labelJoin}
     ORDER BY ${dimension.order} NULLS LAST`;
}


export interface BreakdownRow extends CaseFiguresRow {
  key: string | null;
  /** The key as the speed histogram names it (for months, the first day rather than 'YYYY-MM'). */
  group_key: string | null;
  label: string | null;
  detail: string | null;
  consultations: number | null;
  outreach_visits: number | null;
  total_groups: number;
}

/** Before the festival: what open cases still owe, per group of the scope. */
export const FESTIVAL_SQL = `
  SELECT o.group_id::text AS key, grp.name AS label, grp.code AS detail,
         count(*)::int AS open_cases,
         count(*) FILTER (WHERE f.owed_fen > f.paid_fen)::int AS cases_owing,
         COALESCE(SUM(f.workers_owed), 0)::int AS workers_owed,
         COALESCE(SUM(f.owed_fen - f.paid_fen), 0)::text AS unpaid_fen,
         count(*) FILTER (WHERE f.unconfirmed > 0)::int AS cases_unverified
    FROM case_facts f
    JOIN ${SCOPE_GROUPED} o ON o.id = f.organisation_id
    JOIN organisations grp ON grp.id = o.group_id
   WHERE f.status NOT IN ${FINAL}
   GROUP BY o.group_id, grp.name, grp.code, grp.path
   ORDER BY SUM(f.owed_fen - f.paid_fen) DESC, grp.path`;

export interface FestivalRow {
  key: string;
  label: string;
  detail: string;
  open_cases: number;
  cases_owing: number;
  workers_owed: number;
  unpaid_fen: string;
  cases_unverified: number;
}

/** Every case of one employer in the scope, in any role of the chain, with its money. $3: the employer. */
export const EMPLOYER_CASES_SQL = `
  SELECT c.id, c.case_number, ce.role, c.intake_date::text, f.status, f.outcome, f.closed_on::text,
         c.referred_to, c.bureau_order_pay_by::text, org.name AS organisation_name,
         f.workers, f.workers_owed, f.claimed_fen::text, f.confirmed_fen::text, f.owed_fen::text, f.paid_fen::text
    FROM case_employers ce
    JOIN cases c ON c.id = ce.case_id
    JOIN case_facts f ON f.case_id = c.id
    JOIN ${SCOPE} o ON o.id = c.organisation_id
    JOIN organisations org ON org.id = c.organisation_id
   WHERE ce.employer_id = $3
   ORDER BY c.intake_date DESC, c.case_number DESC`;

export interface EmployerCaseRow {
  id: string;
  case_number: string;
  role: string;
  intake_date: string;
  status: string;
  outcome: string | null;
  closed_on: string | null;
  referred_to: string | null;
  bureau_order_pay_by: string | null;
  organisation_name: string;
  workers: number;
  workers_owed: number;
  claimed_fen: string;
  confirmed_fen: string;
  owed_fen: string;
  paid_fen: string;
}

/** What each worker of those cases is still owed and for how long, for the criminal-amount test. $1: case ids. */
export const EMPLOYER_WORKERS_SQL = `
  SELECT b.case_id, b.outstanding_fen, cl.period_start::text, cl.period_end::text
    FROM (${CLAIM_BALANCES_SQL} WHERE c.case_id = ANY($1::uuid[])) b
    JOIN claims cl ON cl.id = b.id`;
