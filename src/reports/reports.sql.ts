/**
 * The reports' SQL, in one place to be read and reviewed. Every figure about cases is counted from
 * `case_facts` (one row per case, kept exact by triggers: migrations/1764900000000-AddCaseFacts.ts),
 * and every query starts from `scope_organisations`, the caller's organisation subtree, so no query
 * can forget the scope. Parameters: $1 the scope path, $2 the scope organisation's id; period
 * queries add $3 (first day) and $4 (last day), both inclusive, Asia/Shanghai.
 */

/** The statuses a case ends in; a case in any other status is still being handled. */
const FINAL = `('closed', 'withdrawn', 'rejected')`;

/**
 * The caller's organisations, each with the group it is reported under: the child of the scope
 * organisation it belongs to (a city leader sees districts, a district leader its service centers),
 * or the scope organisation itself.
 */
export const SCOPE_ORGANISATIONS = `
  scope_organisations AS (
    SELECT o.id,
           COALESCE(NULLIF(split_part(substr(o.path, length($1::text) + 1), '/', 1), '')::uuid, $2::uuid) AS group_id
      FROM organisations o
     WHERE o.path LIKE $1::text || '%')`;

/** A case is paid in full when every worker's confirmed amount is paid; the day is its last payment. */
const PAID_IN_FULL = `(f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0)`;
const DAYS_TO_FULL_PAYMENT = `GREATEST(f.last_paid_on - f.intake_date, 0)`;

/** The figures of a set of cases opened in the period; the same columns for the total and every breakdown row. */
export const CASE_FIGURES = `
  count(*)::int                                                                   AS opened,
  count(*) FILTER (WHERE f.status IN ${FINAL})::int                               AS concluded,
  count(*) FILTER (WHERE f.status = 'closed')::int                                AS closed,
  COALESCE(SUM(f.workers), 0)::int                                                AS workers,
  COALESCE(SUM(f.claimed_fen), 0)::text                                           AS claimed_fen,
  COALESCE(SUM(f.confirmed_fen), 0)::text                                         AS confirmed_fen,
  COALESCE(SUM(f.owed_fen), 0)::text                                              AS owed_fen,
  COALESCE(SUM(f.paid_fen), 0)::text                                              AS recovered_fen,
  COALESCE(SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ${FINAL}), 0)::text AS unpaid_fen,
  count(*) FILTER (WHERE ${PAID_IN_FULL})::int                                    AS paid_in_full,
  percentile_disc(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_FULL_PAYMENT}) FILTER (WHERE ${PAID_IN_FULL}) AS median_days,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY ${DAYS_TO_FULL_PAYMENT}) FILTER (WHERE ${PAID_IN_FULL}) AS p90_days`;

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
  median_days: number | null;
  p90_days: number | null;
}

const IN_PERIOD = `f.intake_date BETWEEN $3::date AND $4::date`;

/** The headline: cases opened in the period, cases closed in it, consultations and outreach visits. */
export const SUMMARY_SQL = `
  WITH ${SCOPE_ORGANISATIONS}
  SELECT opened.*,
         (SELECT count(*)::int FROM case_facts f JOIN scope_organisations o ON o.id = f.organisation_id
           WHERE f.closed_on BETWEEN $3::date AND $4::date) AS closed_in_period,
         (SELECT count(*)::int FROM consultations x JOIN scope_organisations o ON o.id = x.organisation_id
           WHERE x.consulted_at >= $3::date::timestamp AT TIME ZONE 'Asia/Shanghai'
             AND x.consulted_at < ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS consultations,
         (SELECT count(*)::int FROM outreach_visits v JOIN scope_organisations o ON o.id = v.organisation_id
           WHERE v.visited_on BETWEEN $3::date AND $4::date) AS outreach_visits
    FROM (SELECT ${CASE_FIGURES}
            FROM case_facts f JOIN scope_organisations o ON o.id = f.organisation_id
           WHERE ${IN_PERIOD}) opened`;

export interface SummaryRow extends CaseFiguresRow {
  closed_in_period: number;
  consultations: number;
  outreach_visits: number;
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
  order: string;
  desk?: { consultationKey: string; visitKey: string };
}

export const DIMENSIONS = {
  organisation: {
    key: 'o.group_id',
    label: `g.key::text AS key, grp.name AS label, grp.code AS detail`,
    labelJoin: `LEFT JOIN organisations grp ON grp.id = g.key`,
    order: `grp.path`,
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
    order: `g.opened DESC, g.unpaid_fen::bigint DESC, e.name`,
  },
  project: {
    key: 'f.project_id',
    label: `g.key::text AS key, p.name AS label, p.site AS detail`,
    labelJoin: `LEFT JOIN projects p ON p.id = g.key`,
    order: `g.opened DESC, p.name`,
  },
  lawyer: {
    key: 'f.lawyer_id',
    label: `g.key::text AS key, u.display_name AS label, u.username AS detail`,
    labelJoin: `LEFT JOIN users u ON u.id = g.key`,
    order: `g.opened DESC, u.display_name`,
    desk: { consultationKey: 'x.lawyer_id', visitKey: 'v.lawyer_id' },
  },
  mediator: {
    key: 'f.mediator_id',
    label: `g.key::text AS key, u.display_name AS label, u.username AS detail`,
    labelJoin: `LEFT JOIN users u ON u.id = g.key`,
    order: `g.opened DESC, u.display_name`,
  },
  month: {
    key: `to_char(f.intake_date, 'YYYY-MM')`,
    label: `g.key::text AS key, g.key::text AS label, NULL::text AS detail`,
    labelJoin: ``,
    order: `g.key`,
    desk: {
      consultationKey: `to_char(x.consulted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
      visitKey: `to_char(v.visited_on, 'YYYY-MM')`,
    },
  },
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as DimensionName[];

/**
 * One breakdown: the case figures per group, with the desk's counts where they apply; all groups
 * with `total_groups` on every row so a page knows how many there are. $5/$6: limit and offset
 * (NULL limit: every row, for exports).
 */
export function breakdownSql(name: DimensionName): string {
  const dimension: Dimension = DIMENSIONS[name];
  const desk = dimension.desk;
  const deskCounts = desk
    ? `, desk_consultations AS (
         SELECT ${desk.consultationKey} AS key, count(*)::int AS n
           FROM consultations x JOIN scope_organisations o ON o.id = x.organisation_id
          WHERE x.consulted_at >= $3::date::timestamp AT TIME ZONE 'Asia/Shanghai'
            AND x.consulted_at < ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          GROUP BY 1
       ), desk_visits AS (
         SELECT ${desk.visitKey} AS key, count(*)::int AS n
           FROM outreach_visits v JOIN scope_organisations o ON o.id = v.organisation_id
          WHERE v.visited_on BETWEEN $3::date AND $4::date
          GROUP BY 1
       )`
    : '';
  // Groups with desk work but no case opened still belong in the breakdown.
  const groups = desk
    ? `(SELECT cf.*, 0 AS no_cases FROM case_groups cf
        UNION ALL
        SELECT k.key, ${EMPTY_FIGURES}, 1 FROM (SELECT key FROM desk_consultations UNION SELECT key FROM desk_visits) k
         WHERE NOT EXISTS (SELECT 1 FROM case_groups cf WHERE cf.key IS NOT DISTINCT FROM k.key))`
    : `(SELECT cf.*, 0 AS no_cases FROM case_groups cf)`;
  return `
    WITH ${SCOPE_ORGANISATIONS},
    case_groups AS (
      SELECT ${dimension.key} AS key, ${CASE_FIGURES}
        FROM case_facts f JOIN scope_organisations o ON o.id = f.organisation_id
       WHERE ${IN_PERIOD}
       GROUP BY 1
    )${deskCounts}
    SELECT ${dimension.label}, g.opened, g.concluded, g.closed, g.workers, g.claimed_fen, g.confirmed_fen, g.owed_fen,
           g.recovered_fen, g.unpaid_fen, g.paid_in_full, g.median_days, g.p90_days,
           ${desk ? 'COALESCE(c.n, 0) AS consultations, COALESCE(v.n, 0) AS outreach_visits' : 'NULL::int AS consultations, NULL::int AS outreach_visits'},
           count(*) OVER ()::int AS total_groups
      FROM ${groups} g
      ${dimension.labelJoin}
      ${desk ? 'LEFT JOIN desk_consultations c ON c.key IS NOT DISTINCT FROM g.key LEFT JOIN desk_visits v ON v.key IS NOT DISTINCT FROM g.key' : ''}
     ORDER BY ${dimension.order} NULLS LAST
     LIMIT $5 OFFSET $6`;
}

const EMPTY_FIGURES = `0, 0, 0, 0, '0', '0', '0', '0', '0', 0, NULL::int, NULL::int`;

export interface BreakdownRow extends CaseFiguresRow {
  key: string | null;
  label: string | null;
  detail: string | null;
  consultations: number | null;
  outreach_visits: number | null;
  total_groups: number;
}

/** Before the festival: what open cases still owe, per group of the scope. */
export const FESTIVAL_SQL = `
  WITH ${SCOPE_ORGANISATIONS}
  SELECT o.group_id::text AS key, grp.name AS label, grp.code AS detail,
         count(*)::int AS open_cases,
         count(*) FILTER (WHERE f.owed_fen > f.paid_fen)::int AS cases_owing,
         COALESCE(SUM(f.workers_owed), 0)::int AS workers_owed,
         COALESCE(SUM(f.owed_fen - f.paid_fen), 0)::text AS unpaid_fen,
         count(*) FILTER (WHERE f.unconfirmed > 0)::int AS cases_unverified
    FROM case_facts f
    JOIN scope_organisations o ON o.id = f.organisation_id
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
  WITH ${SCOPE_ORGANISATIONS}
  SELECT c.id, c.case_number, ce.role, c.intake_date::text, f.status, f.outcome, f.closed_on::text,
         c.referred_to, c.bureau_order_pay_by::text, org.name AS organisation_name,
         f.workers, f.workers_owed, f.claimed_fen::text, f.confirmed_fen::text, f.owed_fen::text, f.paid_fen::text
    FROM case_employers ce
    JOIN cases c ON c.id = ce.case_id
    JOIN case_facts f ON f.case_id = c.id
    JOIN scope_organisations o ON o.id = c.organisation_id
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
  SELECT cl.case_id, COALESCE(cl.confirmed_fen, cl.claimed_fen) - COALESCE(p.paid_fen, 0) AS outstanding_fen,
         cl.period_start::text, cl.period_end::text
    FROM claims cl
    LEFT JOIN LATERAL (SELECT SUM(amount_fen) AS paid_fen FROM payouts WHERE claim_id = cl.id) p ON true
   WHERE cl.case_id = ANY($1::uuid[])`;
