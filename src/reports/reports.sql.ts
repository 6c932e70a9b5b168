import type { ChainRole } from '../cases/case-employer.record';
import {
  CASE_MONEY_COLUMNS,
  CaseMoneyRow,
  OWING_CONDITION,
  PAID_IN_FULL_CONDITION,
  UNVERIFIED_CONDITION,
} from '../cases/cases.sql';
import { FINAL_STATUSES_SQL } from '../cases/domain/case-status';
import type { CaseStatus, ClosingOutcome } from '../cases/domain/case-status';
import { claimBalancesOfCasesSql } from '../claims/claim-money.sql';
import type { PeriodPiece } from './domain/figures';

/**
 * The reports' SQL, in one place to be read and reviewed. Figures about cases come from two exact
 * summaries kept by triggers in the same transaction as the data: `case_facts`, one row per case
 * (migrations/1764900000000-AddCaseFacts.ts), and `report_rollups`, its sums per organisation and month
 * (migrations/1765000000000-AddReportRollups.ts), day (migrations/1767100000000-AddDayRollups.ts) and
 * year (migrations/1767300000000-AddYearRollups.ts). A report over a period reads the years and months
 * it covers most of whole and the days at the edges from the day rows (the days of a year or month
 * read whole that lie outside the period taken away), or for projects, which have no day rows, from
 * case_facts. Every query is limited to the scope: rollup
 * rows by the scope organisation's own subtree rows (or every scope organisation's own rows), case_facts
 * by joining `SCOPE` (the breakdown by
 * employer by a list of the scope's organisation ids instead, see factsBreakdownSql). Parameters start
 * with $1 the scope path and $2 the scope organisation's id unless said; days are Asia/Shanghai,
 * periods inclusive.
 */

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

/** A case is paid in full when every worker's confirmed amount is paid (the case list's rule); the day is its last payment. */
const PAID_IN_FULL = PAID_IN_FULL_CONDITION;
const DAYS_TO_FULL_PAYMENT = `GREATEST(f.last_paid_on - f.intake_date, 0)`;

/** What every report row says, in this order, whatever it was added up from. */
const FIGURES = [
  'opened',
  'concluded',
  'closed',
  'workers',
  'claimed_fen',
  'confirmed_fen',
  'owed_fen',
  'recovered_fen',
  'unpaid_fen',
  'paid_in_full',
  'concluded_in_period',
  'consultations',
  'outreach_visits',
  // by kind of claim: wages (工资) and labour fees (劳务费); other is the total less both
  'owed_wages_fen',
  'owed_labour_fees_fen',
  'recovered_wages_fen',
  'recovered_labour_fees_fen',
  'unpaid_wages_fen',
  'unpaid_labour_fees_fen',
  // the money paid in the period (the day it was paid), on any case of the group, whenever opened
  'paid_in_period_fen',
  'paid_in_period_wages_fen',
  'paid_in_period_labour_fees_fen',
] as const;
type Figure = (typeof FIGURES)[number];
const PAID_IN_PERIOD: Figure[] = ['paid_in_period_fen', 'paid_in_period_wages_fen', 'paid_in_period_labour_fees_fen'];

/**
 * The full list of figures, these computed and the others zero, so parts can be stacked with UNION
 * ALL. Each part's sums are bigint (PostgreSQL would make them numeric, many times slower to add up
 * again); fen fit in bigint many times over. With `sign`, each is multiplied by it: -1 for days taken
 * away (domain/figures.ts cutPeriod).
 */
function figuresWith(values: Partial<Record<Figure, string>>, figures: readonly Figure[] = FIGURES, sign = ''): string {
  const signed = (value: string) => (sign ? `${sign} * (${value})` : value);
  return figures.map((figure) => `${values[figure] ? `(${signed(values[figure])})::bigint` : '0::bigint'} AS ${figure}`).join(', ');
}

/** The figures of a set of case_facts rows `f`: the cases opened in the period and their money to date. */
const CASE_SUM_EXPRESSIONS: Partial<Record<Figure, string>> = {
  opened: 'count(*)',
  concluded: `count(*) FILTER (WHERE f.status IN ${FINAL_STATUSES_SQL})`,
  closed: `count(*) FILTER (WHERE f.status = 'closed')`,
  workers: 'SUM(f.workers)',
  claimed_fen: 'SUM(f.claimed_fen)',
  confirmed_fen: 'SUM(f.confirmed_fen)',
  owed_fen: 'SUM(f.owed_fen)',
  recovered_fen: 'SUM(f.paid_fen)',
  unpaid_fen: `SUM(f.owed_fen - f.paid_fen) FILTER (WHERE f.status NOT IN ${FINAL_STATUSES_SQL})`,
  paid_in_full: `count(*) FILTER (WHERE ${PAID_IN_FULL})`,
  owed_wages_fen: 'SUM(f.owed_wages_fen)',
  owed_labour_fees_fen: 'SUM(f.owed_labour_fees_fen)',
  recovered_wages_fen: 'SUM(f.paid_wages_fen)',
  recovered_labour_fees_fen: 'SUM(f.paid_labour_fees_fen)',
  unpaid_wages_fen: `SUM(f.owed_wages_fen - f.paid_wages_fen) FILTER (WHERE f.status NOT IN ${FINAL_STATUSES_SQL})`,
  unpaid_labour_fees_fen: `SUM(f.owed_labour_fees_fen - f.paid_labour_fees_fen) FILTER (WHERE f.status NOT IN ${FINAL_STATUSES_SQL})`,
};
const CASE_FIGURES = FIGURES.filter((figure) => !PAID_IN_PERIOD.includes(figure));

/**
 * The money of a set of pay days `f` (case_pay_days: a case and a day it was paid on, with the case's
 * dimensions; migrations/1765800000000-AddPaidInPeriod.ts), as the paid-in-period figures.
 */
const PAID_SUM_EXPRESSIONS: Partial<Record<Figure, string>> = {
  paid_in_period_fen: 'SUM(f.fen)',
  paid_in_period_wages_fen: 'SUM(f.wages_fen)',
  paid_in_period_labour_fees_fen: 'SUM(f.labour_fees_fen)',
};

/**
 * The same figures of one rollup row `r` (migrations/1765000000000-AddReportRollups.ts), added up with
 * the rest. A sum of zero is NULL there (migrations/1765800000000-AddPaidInPeriod.ts): SUM passes over
 * it, and every figure read is COALESCEd (asRead).
 */
const ROLLUP_EXPRESSIONS: Partial<Record<Figure, string>> = {
  opened: 'r.opened',
  concluded: 'r.concluded',
  closed: 'r.closed',
  workers: 'r.workers',
  claimed_fen: 'r.claimed_fen',
  confirmed_fen: 'r.confirmed_fen',
  owed_fen: 'r.owed_fen',
  recovered_fen: 'r.paid_fen',
  unpaid_fen: 'r.unpaid_fen',
  paid_in_full: 'r.paid_in_full',
  concluded_in_period: 'r.concluded_in_month',
  consultations: 'r.consultations',
  outreach_visits: 'r.outreach_visits',
  owed_wages_fen: 'r.owed_wages_fen',
  owed_labour_fees_fen: 'r.owed_labour_fees_fen',
  recovered_wages_fen: 'r.paid_wages_fen',
  recovered_labour_fees_fen: 'r.paid_labour_fees_fen',
  unpaid_wages_fen: 'r.unpaid_wages_fen',
  unpaid_labour_fees_fen: 'r.unpaid_labour_fees_fen',
  paid_in_period_fen: 'r.paid_in_month_fen',
  paid_in_period_wages_fen: 'r.paid_in_month_wages_fen',
  paid_in_period_labour_fees_fen: 'r.paid_in_month_labour_fees_fen',
};

/** Figures as the service reads them: counts as numbers, amounts in fen as text, none as zero. */
function asRead(expressions: Partial<Record<Figure, string>>, figures: readonly Figure[] = FIGURES): string {
  return figures.map(
    (figure) => `COALESCE(${expressions[figure] ?? '0'}, 0)::${figure.endsWith('_fen') ? 'text' : 'int'} AS ${figure}`,
  ).join(',\n  ');
}

/** The parts of a report added up. */
const FIGURES_ADDED_UP = asRead(Object.fromEntries(FIGURES.map((figure) => [figure, `SUM(p.${figure})`])));

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
  owed_wages_fen: string;
  owed_labour_fees_fen: string;
  recovered_wages_fen: string;
  recovered_labour_fees_fen: string;
  unpaid_wages_fen: string;
  unpaid_labour_fees_fen: string;
  paid_in_period_fen: string;
  paid_in_period_wages_fen: string;
  paid_in_period_labour_fees_fen: string;
}

/**
 * Parameters of the queries that read the rollups: $1 the scope path, $2 the scope organisation, $3-$6
 * the pieces of the period (domain/figures.ts cutPeriod) as four arrays, their grains ('year', 'month',
 * 'day'), first and last days (of a year or month read whole, its first day) and signs (1, or -1 for a
 * part read whole that lies outside the period, taken away), $7 and $8 the period's first and last day.
 */
const ROLLUPS = `(SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes)`;

/**
 * The rollup parameters with their types, as a CTE that nothing reads: PostgreSQL must know the type of
 * every parameter sent, and a statement reading only the rollups and their day rows (the summary) uses
 * neither the scope's path nor the period's days.
 */
const ROLLUP_PARAMETERS = `parameters AS (
      SELECT $1::text AS scope_path, $2::uuid AS scope_id, $3::text[] AS grains, $4::date[] AS firsts, $5::date[] AS lasts,
             $6::int[] AS signs, $7::date AS period_from, $8::date AS period_to)`;
/** The pieces of the period of one grain, as rows `p` (rollup parameters). */
const piecesOf = (grain: PeriodPiece['grain']) =>
  `(SELECT * FROM unnest($3::text[], $4::date[], $5::date[], $6::int[]) AS p(grain, first, last, sign) WHERE p.grain = '${grain}')`;
/** The first and last day of the period (rollup parameters). */
const PERIOD_FROM = `$7::date`;
const PERIOD_TO = `$8::date`;
/** The limit and offset of a rolled-up breakdown's page, after the rollup parameters. */
const PAGE_LIMIT = `$9`;
const PAGE_OFFSET = `$10`;
const SCOPE_SUBTREE = `r.organisation_id = $2::uuid AND r.subtree`;
/** The own rows of every organisation of the scope. */
const SCOPE_OWN_ROWS = `r.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%') AND NOT r.subtree`;

/** How a figure's group is found in each source: the rollups, case_facts `f` with its scope row `o`, the desk. */
interface RolledUpSource {
  dimension: 'all' | 'industry' | 'lawyer' | 'mediator' | 'project';
  rollupKey: string;
  /**
   * How the days at either edge are read: from the rollups' day rows (the
   * dimension's `<dimension>_day` rows, migrations/1767100000000), kept as its months are (`day rows`)
   * or under each case's own organisation only (`own day rows`: lawyers and mediators, whose day rows
   * are read for every organisation of the scope); or, for projects, which have none, case by case.
   */
  edgeDays: 'day rows' | 'own day rows' | CaseByCaseKeys;
  /** Which rollup rows (each condition read by its own index scan): the scope's subtree unless said. */
  rollupRows?: string[];
  /**
   * The money paid in the period is read from case_pay_days by this column for the page's keys, and
   * from the rollups and the edge days only for the cases without a key (the rollups do not carry
   * the payments of each key: there are too many of them, see migrations/1765800000000). Keys listed
   * are those with cases opened in the period.
   */
  paidByKeyColumn?: string;
  /** Consultations and outreach visits are counted by this dimension too. */
  deskWork?: boolean;
  /** Whether whole years are read from the year rows: not where the key is the month. */
  wholeYears?: false;
  /**
   * Ranked from the ranking figures alone, and the page's keys then read again by key from
   * report_rollups_project_key_idx (migrations/1767600000000), which holds this dimension's rows: for
   * the dimension with tens of thousands of keys, of which a page has every figure added up.
   */
  pageByKey?: true;
}

/** The key of a dimension read case by case: of case_facts `f`, and of case_pay_days `f` (which carries the same dimensions). */
interface CaseByCaseKeys {
  factsKey: string;
  /**
   * The rollups keep the group without a key as they keep the city's: its day rows (the `_day`
   * dimension, kept as months) and its speed histogram. Its days at the edges are read from them, and
   * only the keys' case by case (projects: migrations/1767500000000).
   */
  keylessDayRows?: true;
}

/**
 * The rollup rows of a source in the period, each with its piece's `sign`: its dimension's years and
 * months read whole, and where it has day rows, its `_day` dimension's days. A year read whole is its
 * `_year` row and the changes of its months not folded into it yet (migrations/1767300000000). Every
 * condition names the organisation and whether it is the subtree row, so each piece is one range of the
 * rollups' index (the own rows of the scope's organisations, one range each).
 */
function rollupRows(source: RolledUpSource, keys?: PageKeys): string {
  const rows = source.rollupRows ?? [SCOPE_SUBTREE];
  const { dimension } = source;
  const scan = (table: string, row: string, grain: PeriodPiece['grain'], rowDimension: string, last = 'p.last') =>
    `SELECT r.*, p.sign FROM ${piecesOf(grain)} p JOIN ${table} r ON ${row} AND r.dimension = '${rowDimension}' AND r.month BETWEEN p.first AND ${last}`;
  const scans = rows.flatMap((row) => [
    scan('report_rollups', row, 'year', `${dimension}_year`),
    scan('report_rollup_changes', row, 'year', dimension, `(p.last + interval '1 year' - interval '1 day')::date`),
    scan(ROLLUPS, row, 'month', dimension),
  ]);
  const { edgeDays } = source;
  const dayRows = edgeDays === 'own day rows' ? [SCOPE_OWN_ROWS] : edgeDays === 'day rows' || edgeDays.keylessDayRows ? rows : [];
  scans.push(...dayRows.map((row) => scan(ROLLUPS, row, 'day', `${dimension}_day`)));
  const ofKeys = keys ? scans.flatMap((rowsScanned) => keys.conditions('r.key').map((condition) => `${rowsScanned} AND ${condition}`)) : scans;
  return `(${ofKeys.join('\n UNION ALL ')})`;
}

/**
 * The keys of a page (the CTE `page`, column `key`), as conditions on a key column, each read by a scan
 * of its own: the keys as an array, so that an index on the key seeks each, and apart the group without
 * a key (NULL), if it is on the page. (Joined by OR, they are no index's condition.)
 */
interface PageKeys {
  conditions(column: string): string[];
}
const PAGE_KEYS: PageKeys = {
  conditions: (column) => [
    `${column} = ANY(ARRAY(SELECT key FROM page WHERE key IS NOT NULL))`,
    `${column} IS NULL AND EXISTS (SELECT 1 FROM page WHERE key IS NULL)`,
  ],
};

/**
 * The parts that add up to the figures, one row per key and source: years and months read whole from the
 * rollups, and the days from the rollups' day rows, or where the source has none from case_facts and
 * case_pay_days, each with its piece's sign. Added up by key for a breakdown, in all for the summary.
 */
function rolledUpPartsSql(source: RolledUpSource, figures: readonly Figure[] = FIGURES, keys?: PageKeys): string {
  const rolledUp = `SELECT ${source.rollupKey} AS key, ${figuresWith(ROLLUP_EXPRESSIONS, figures, 'r.sign')}
       FROM ${rollupRows(source, keys)} r
      WHERE r.days IS NULL`;
  const parts = typeof source.edgeDays === 'string' ? [rolledUp] : [rolledUp, ...edgeDaysCaseByCase(source, source.edgeDays, figures, keys)];
  return `(\n${parts.join('\n UNION ALL\n')}\n)`;
}

/** The parts of the days of the period, read case by case: for the sources without day rows (projects). */
function edgeDaysCaseByCase(source: RolledUpSource, { factsKey, keylessDayRows }: CaseByCaseKeys, figures: readonly Figure[], keys?: PageKeys): string[] {
  const sums = (values: Partial<Record<Figure, string>>) => figuresWith(values, figures, 'p.sign');
  // the group without a key from its day rows, if it has them
  const ofKeys = `${keylessDayRows ? ` AND ${factsKey} IS NOT NULL` : ''}${keys ? ` AND ((${keys.conditions(factsKey).join(') OR (')}))` : ''}`;
  const cases = `SELECT ${factsKey} AS key, ${sums(CASE_SUM_EXPRESSIONS)}
       FROM ${piecesOf('day')} p
       JOIN case_facts f ON f.intake_date BETWEEN p.first AND p.last${ofKeys}
       JOIN ${SCOPE} o ON o.id = f.organisation_id
      GROUP BY 1, p.sign`;
  // the money paid to the keys is read for the page's keys by paidByKeyColumn, that of the group without a key here
  if (source.paidByKeyColumn && keylessDayRows) return [cases];
  return [
    cases,
    `SELECT ${factsKey} AS key, ${sums(PAID_SUM_EXPRESSIONS)}
       FROM ${piecesOf('day')} p
       JOIN case_pay_days f ON f.paid_on BETWEEN p.first AND p.last${ofKeys}
       JOIN ${SCOPE} o ON o.id = f.organisation_id
      ${source.paidByKeyColumn ? `WHERE f.${source.paidByKeyColumn} IS NULL` : ''}
      GROUP BY 1, p.sign`,
  ];
}

/**
 * One page of a rolled-up breakdown (rolledUpGroupsSql), with the money paid to the page's keys read
 * from case_pay_days where the source says so (paidByKeyColumn).
 */
function rolledUpPageSql(source: RolledUpSource, order: string): string {
  const column = source.paidByKeyColumn;
  const grouped = rolledUpGroupsSql(source, order);
  if (!column) return grouped;
  const paid = (figure: Figure) => `(g.${figure}::bigint + COALESCE(k.${figure}, 0))::text AS ${figure}`;
  return `
    SELECT g.key, ${FIGURES.map((figure) => (PAID_IN_PERIOD.includes(figure) ? paid(figure) : `g.${figure}`)).join(', ')}, g.total_groups
      FROM (${grouped}) g
     -- what the key's cases in the scope were paid in the period, whenever opened
     CROSS JOIN LATERAL (
       SELECT ${PAID_IN_PERIOD.map((figure) => `${PAID_SUM_EXPRESSIONS[figure]} AS ${figure}`).join(', ')}
         FROM case_pay_days f
        WHERE f.${column} = g.key::uuid AND f.paid_on BETWEEN ${PERIOD_FROM} AND ${PERIOD_TO}
          AND f.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%')) k`;
}


/**
 * One page of a rolled-up breakdown's groups and their figures. A group is listed when it has cases
 * opened, desk work or money paid in the period (as far as the rollups carry it). The groups are
 * ranked by cases opened, and only the page's keys have every figure added up: from the same parts,
 * read once with every figure; or, where the source reads its page by key (`pageByKey`: projects, some
 * 23,000 a year), ranked from parts with the ranking figures alone, and the page's keys' parts then
 * read again by key (the city's year at a million cases: 79-115 -> 55-83 ms; a district's 13 -> 18 ms).
 * `order` may use only `g.key` and `g.opened`.
 */
function rolledUpGroupsSql(source: RolledUpSource, order: string): string {
  const page = `page AS MATERIALIZED (
      SELECT g.key, count(*) OVER ()::int AS total_groups
        FROM ranked g
       ORDER BY ${order} NULLS LAST
       LIMIT ${PAGE_LIMIT} OFFSET ${PAGE_OFFSET}
    )`;
  // the counts are added up as int (a part's count is far below 2^31): SUM(int) keeps a plain bigint per
  // group, where SUM(bigint) keeps a 128-bit state it allocates (by project: 55 -> 49 ms, BENCHMARKS.md)
  const ranked = (ranking: string) => `ranked AS (
      SELECT p.key, COALESCE(SUM(p.opened::int), 0) AS opened
        FROM ${ranking} p
       GROUP BY p.key
      HAVING ${listedWhen(source)}
    )`;
  const addedUp = (parts: string) => `
    SELECT page.key, ${FIGURES_ADDED_UP}, page.total_groups
      FROM ${parts} p
      -- the key is NULL for cases without one (no project, no lawyer); no key is ever ''
      JOIN page ON COALESCE(page.key, '') = COALESCE(p.key, '')
     GROUP BY page.key, page.total_groups`;
  if (source.pageByKey) {
    return `
    WITH ${ranked(rolledUpPartsSql(source, rankingFigures(source)))},
    ${page},
    page_parts AS MATERIALIZED ${rolledUpPartsSql(source, FIGURES, PAGE_KEYS)}${addedUp('page_parts')}`;
  }
  return `
    WITH ranking AS MATERIALIZED ${rolledUpPartsSql(source)},
    ${ranked('ranking')},
    ${page}${addedUp('ranking')}`;
}
/**
 * The figures a rolled-up breakdown's groups are listed and ranked by, of those its rollups carry: desk
 * work only where the source counts it, and the money paid only for the group without a key where the
 * keys' payments are read apart (paidByKeyColumn). A figure the rollups never carry would be added up as
 * zero for each of some 30,000 parts (by project, the city's year: 56 -> 53 ms).
 */
function rankingFigures(source: RolledUpSource): Figure[] {
  return ['opened', ...(source.deskWork ? (['consultations', 'outreach_visits'] as const) : []), 'paid_in_period_fen'];
}

/** When a group is listed: any of its ranking figures is not zero (rankingFigures). */
function listedWhen(source: RolledUpSource): string {
  const sumOf = (figure: Figure) =>
    figure === 'paid_in_period_fen' && source.paidByKeyColumn
      ? `SUM(p.${figure}) FILTER (WHERE p.key IS NULL)`
      : `SUM(p.${figure}${figure.endsWith('_fen') ? '' : '::int'})`;
  return rankingFigures(source).map((figure) => `${sumOf(figure)} <> 0`).join(' OR ');
}

/**
 * The speed-of-payment histogram per group key from the rollups and case_facts (as rolledUpPartsSql);
 * with `keyless`, of the group without a key alone, whose rollups have it all (keylessDayRows).
 */
function rolledUpSpeedSql(source: RolledUpSource, keyless = false): string {
  const rolledUp = `SELECT ${source.rollupKey} AS key, r.days, SUM(r.sign * r.paid_in_full) AS cases
          FROM ${rollupRows(source)} r
         WHERE r.days IS NOT NULL${keyless ? ' AND r.key IS NULL' : ''}
         GROUP BY 1, 2`;
  if (typeof source.edgeDays === 'string' || keyless) return speedOfParts(rolledUp);
  const { factsKey } = source.edgeDays;
  const edgeDays = `SELECT ${factsKey} AS key, ${DAYS_TO_FULL_PAYMENT} AS days, p.sign * count(*) AS cases
          FROM ${piecesOf('day')} p
          JOIN case_facts f ON f.intake_date BETWEEN p.first AND p.last
          JOIN ${SCOPE} o ON o.id = f.organisation_id
         WHERE ${PAID_IN_FULL}
         GROUP BY 1, 2, p.sign`;
  return speedOfParts(`${rolledUp}\n        UNION ALL\n        ${edgeDays}`);
}

/** The histogram added up from its parts. */
function speedOfParts(parts: string): string {
  return `
    WITH ${ROLLUP_PARAMETERS}
    SELECT p.key, p.days, SUM(p.cases)::int AS cases
      FROM (
        ${parts}
      ) p
     GROUP BY p.key, p.days
    HAVING SUM(p.cases) <> 0`;
}

const SUMMARY_SOURCE: RolledUpSource = {
  dimension: 'all',
  rollupKey: 'NULL::text',
  edgeDays: 'day rows',
  deskWork: true,
};

/**
 * The headline: the sums of the cases opened in the period, the cases concluded in it (whenever
 * opened), the money paid in it (whenever the case was opened), consultations and outreach visits.
 * Rollup parameters.
 */
export const SUMMARY_SQL = `WITH ${ROLLUP_PARAMETERS}
SELECT ${FIGURES_ADDED_UP} FROM ${rolledUpPartsSql(SUMMARY_SOURCE)} p`;

export interface SummaryRow extends CaseFiguresRow {
  concluded_in_period: number;
  consultations: number;
  outreach_visits: number;
}

/**
 * How long the cases paid in full took, as a histogram of whole days (per group): exact and small;
 * the percentiles are computed from it (domain/figures.ts). Rollup parameters.
 */
export const SUMMARY_SPEED_SQL = rolledUpSpeedSql(SUMMARY_SOURCE);

export interface SpeedRow {
  key: string | null;
  days: number;
  cases: number;
}

/**
 * How each breakdown groups cases, and how its rows are named and ordered. Organisation, industry,
 * month, lawyer, mediator and project are read from the monthly rollups; employers are too many to
 * roll up usefully (most have a case or two a month), so they are counted from case_facts.
 * Consultations and outreach visits are counted where they carry the same dimension.
 */
export interface Dimension {
  /** Rolled up, or counted from case_facts by this key. */
  source: RolledUpSource | { factsColumn: string };
  /** Speed of payment: from the rollups for every group, or from case_facts for the page's keys by this column. */
  speedByColumn?: string;
  /** The key's label and any detail, from the grouped key `g.key` (text). */
  label: string;
  labelJoin: string;
  /**
   * On the groups' own columns only, so a page is cut before any label is looked up; a rolled-up
   * dimension's on `g.key` and `g.opened` only (they are ranked before the rest is added up).
   */
  order: string;
}

/** Lawyers and mediators: named by their display name and username, busiest first. */
const STAFF_ROWS = {
  label: `g.key AS key, u.display_name AS label, u.username AS detail`,
  labelJoin: `LEFT JOIN users u ON u.id = g.key::uuid`,
  order: `g.opened DESC, g.key`,
};

export const DIMENSIONS = {
  organisation: {
    // the scope's children with everything below them, and the scope organisation's own cases
    source: {
      dimension: 'all',
      rollupKey: 'r.organisation_id::text',
      edgeDays: 'day rows',
      rollupRows: [`r.organisation_id IN (SELECT id FROM organisations WHERE parent_id = $2::uuid) AND r.subtree`, `r.organisation_id = $2::uuid AND NOT r.subtree`],
      deskWork: true,
    },
    label: `g.key AS key, grp.name AS label, grp.code AS detail`,
    labelJoin: `LEFT JOIN organisations grp ON grp.id = g.key::uuid`,
    order: `(SELECT path FROM organisations WHERE id = g.key::uuid), g.key`,
  },
  industry: {
    source: { dimension: 'industry', rollupKey: 'r.key', edgeDays: 'day rows' },
    label: `g.key AS key, g.key AS label, NULL::text AS detail`,
    labelJoin: ``,
    order: `g.opened DESC, g.key`,
  },
  // repeat offenders first: the employers with the most cases, then the most still owed
  employer: {
    source: { factsColumn: 'employer_id' },
    speedByColumn: 'employer_id',
    label: `g.key AS key, e.name AS label, e.credit_code AS detail`,
    labelJoin: `LEFT JOIN employers e ON e.id = g.key::uuid`,
    order: `g.opened DESC, COALESCE(g.unpaid_fen::bigint, 0) DESC, g.key`,
  },
  project: {
    // some twenty thousand a year: the money paid is read for the page's projects only
    source: {
      dimension: 'project',
      rollupKey: 'r.key',
      edgeDays: { factsKey: 'f.project_id::text', keylessDayRows: true },
      paidByKeyColumn: 'project_id',
      pageByKey: true,
    },
    speedByColumn: 'project_id',
    label: `g.key AS key, p.name AS label, p.site AS detail`,
    labelJoin: `LEFT JOIN projects p ON p.id = g.key::uuid`,
    order: `g.opened DESC, g.key`,
  },
  lawyer: {
    source: {
      dimension: 'lawyer',
      rollupKey: 'r.key',
      edgeDays: 'own day rows',
      deskWork: true,
    },
    speedByColumn: 'lawyer_id',
    ...STAFF_ROWS,
  },
  mediator: {
    source: { dimension: 'mediator', rollupKey: 'r.key', edgeDays: 'own day rows' },
    speedByColumn: 'mediator_id',
    ...STAFF_ROWS,
  },
  // keyed by the month's first day ('YYYY-MM-DD'), shown as 'YYYY-MM'
  month: {
    source: {
      dimension: 'all',
      // a month's row, or a day's of the days at the edges (whose money counts in the month it was paid)
      rollupKey: `date_trunc('month', r.month::timestamp)::date::text`,
      edgeDays: 'day rows',
      deskWork: true,
      wholeYears: false,
    },
    label: `to_char(g.key::date, 'YYYY-MM') AS key, to_char(g.key::date, 'YYYY-MM') AS label, NULL::text AS detail`,
    labelJoin: ``,
    order: `g.key`,
  },
} satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as DimensionName[];

/** Whether a rolled-up breakdown may read whole years (rollup parameters cut with cutPeriod's `wholeYears`). */
export function readsWholeYears(name: DimensionName): boolean {
  const source = DIMENSIONS[name].source;
  return !('wholeYears' in source && source.wholeYears === false);
}

/** Whether a breakdown reads the rollups (rollup parameters) or case_facts over the period (period parameters). */
export function isRolledUp(name: DimensionName): boolean {
  return 'dimension' in DIMENSIONS[name].source;
}

/** A case_facts row \`f\` of a case opened in the period and scope (period parameters, factsBreakdownSql). */
const FACTS_IN_PERIOD = `f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date`;

/**
 * The rows of group \`key\` by \`column\` (a NULL key: the cases without one) of case_facts in the
 * period and scope, or of \`table\` where \`where\`: through the index that leads with the column.
 */
function factsOfGroup(column: string, key: string, columns: string, where = FACTS_IN_PERIOD, table = 'case_facts'): string {
  return `(
    SELECT ${columns} FROM ${table} f WHERE f.${column} = ${key} AND ${where}
     UNION ALL
    SELECT ${columns} FROM ${table} f WHERE ${key} IS NULL AND f.${column} IS NULL AND ${where}) f`;
}

/**
 * Who can be on a page of the breakdown by employer (factsBreakdownSql's candidates). Period
 * parameters, then $4 how many employers to count first, those with the most cases ever; $5 how many
 * groups there are through the page (its offset and limit); $6 the most candidates worth counting one by one.
 *
 * \`fewest_cases\`: the $5-th most cases opened in the period among the employers counted first and the
 * cases without one (0 when fewer than $5 have any). The true page's last group has at least as many,
 * since that many groups have them; so does every group on the page or before it, and an employer with
 * fewer cases ever than that cannot be one of them. \`candidates\`: how many employers have at least
 * that many cases ever (and 1), counted up to $6 + 1.
 */
export const EMPLOYER_CANDIDATES_SQL = `
  WITH first_counted AS (
    SELECT o.opened
      FROM (SELECT e.employer_id AS key FROM (SELECT employer_id FROM employer_case_counts ORDER BY cases DESC LIMIT $4::int) e
            UNION ALL SELECT NULL) c
     CROSS JOIN LATERAL (SELECT count(*) AS opened FROM ${factsOfGroup('employer_id', 'c.key', '1')}) o
  ), fewest AS MATERIALIZED (
    -- once: the statement reads it twice, and inlined it would count the employers counted first twice
    SELECT COALESCE((SELECT opened FROM first_counted ORDER BY opened DESC LIMIT 1 OFFSET $5::int - 1), 0)::int AS cases
  )
  SELECT f.cases AS fewest_cases,
         (SELECT count(*) FROM (SELECT 1 FROM employer_case_counts e WHERE e.cases >= GREATEST(f.cases, 1) LIMIT $6::int + 1) x)::int AS candidates
    FROM fewest f`;

export interface EmployerCandidatesRow {
  fewest_cases: number;
  candidates: number;
}

/** How a breakdown counted from case_facts is read: every row (exports), or one page, ranked among every group or among candidates. */
export type FactsReading = 'every row' | 'page' | 'page of candidates';

/**
 * A breakdown counted from case_facts over the period (the employers). Period parameters: $1 and $2
 * the first and last day, $3 the ids of the scope's organisations (a constant list, cheaper per case
 * than a join), then the limit (NULL: every row) and the offset; for a page of candidates then $6, the
 * fewest cases ever a candidate has (EMPLOYER_CANDIDATES_SQL).
 *
 * A page counts its groups' cases from a narrow index: every group of the period ('page'), or only the
 * candidates ('page of candidates'): the employers with at least $6 cases ever (employer_case_counts,
 * migrations/1767800000000-AddEmployerCaseCounts.ts), and the cases without one. Only the groups with
 * as many cases as the page's last one or more can be on the page, so only they have their unpaid
 * amount added up (the order's second key, from the key's covering index); the page's groups then have
 * every figure added up. \`order\` must begin with \`g.opened DESC\`. \`more\`: whether a group comes
 * after the page (a case of the period whose group is not on this page or one before it). How many
 * groups there are is not counted (NULL \`total_groups\`): that alone takes every group's count. Every
 * row (an export) adds up everything at once. The groups are those with cases opened in the period;
 * each has the money paid in the period on any of its cases in the scope, whenever opened.
 */
function factsBreakdownSql(column: string, order: string, reading: FactsReading): string {
  const inScope = FACTS_IN_PERIOD;
  const paidInScope = `f.organisation_id = ANY($3::uuid[]) AND f.paid_on BETWEEN $1::date AND $2::date`;
  const sumsOf = (alias: string) => CASE_FIGURES.map((figure) => `${alias}.${figure}`).join(', ');
  const paidOf = (alias: string) => PAID_IN_PERIOD.map((figure) => `COALESCE(${alias}.${figure}, '0') AS ${figure}`).join(', ');
  if (reading === 'every row') {
    return `
      SELECT g.key, ${sumsOf('g')}, ${paidOf('paid')}, NULL::int AS total_groups, false AS more
        FROM (SELECT f.${column}::text AS key, ${asRead(CASE_SUM_EXPRESSIONS, CASE_FIGURES)}
                FROM case_facts f WHERE ${inScope} GROUP BY f.${column}) g
        LEFT JOIN (SELECT f.${column}::text AS key, ${asRead(PAID_SUM_EXPRESSIONS, PAID_IN_PERIOD)}
                     FROM case_pay_days f WHERE ${paidInScope} GROUP BY f.${column}) paid
          -- the key is NULL for cases without one; no key is ever ''
          ON COALESCE(paid.key, '') = COALESCE(g.key, '')
       ORDER BY ${order} NULLS LAST
       LIMIT $4 OFFSET $5`;
  }
  const ofGroup = (key: string, columns: string, where = inScope, table = 'case_facts') => factsOfGroup(column, key, columns, where, table);
  const counted =
    reading === 'page'
      ? `SELECT f.${column} AS key, count(*) AS opened FROM case_facts f WHERE ${inScope} GROUP BY f.${column}`
      : `SELECT c.key, o.opened
           FROM (SELECT e.employer_id AS key FROM employer_case_counts e WHERE e.cases >= GREATEST($6::int, 1) UNION ALL SELECT NULL) c
          CROSS JOIN LATERAL (SELECT count(*) AS opened FROM ${ofGroup('c.key', '1')}) o
          WHERE o.opened > 0`;
  return `
    WITH counted AS MATERIALIZED (
      ${counted}
    ), cut AS (
      -- the cases of the page's last group: a group with fewer comes after the page
      SELECT c.opened FROM counted c ORDER BY c.opened DESC LIMIT 1 OFFSET $4::bigint + $5::bigint - 1
    ), contenders AS (
      SELECT c.key, c.opened, u.unpaid_fen
        FROM counted c
       CROSS JOIN LATERAL (
         SELECT ${CASE_SUM_EXPRESSIONS.unpaid_fen} AS unpaid_fen
           FROM ${ofGroup('c.key', 'f.status, f.owed_fen, f.paid_fen')}
       ) u
       WHERE c.opened >= COALESCE((SELECT opened FROM cut), 0)
    ), through_page AS (
      SELECT g.key, g.opened FROM contenders g ORDER BY ${order} NULLS LAST LIMIT $4::bigint + $5::bigint
    ), page AS (
      SELECT g.key,
             NULL::int AS total_groups,
             EXISTS (SELECT 1 FROM case_facts f
                      WHERE ${inScope} AND COALESCE(f.${column}::text, '') <> ALL (SELECT COALESCE(t.key::text, '') FROM through_page t)) AS more
        FROM contenders g
       ORDER BY ${order} NULLS LAST
       LIMIT $4 OFFSET $5
    )
    SELECT page.key::text AS key, sums.*, paid.*, page.total_groups, page.more
      FROM page
     CROSS JOIN LATERAL (SELECT ${asRead(CASE_SUM_EXPRESSIONS, CASE_FIGURES)} FROM ${ofGroup('page.key', '*')}) sums
     -- the days any case of the group in the scope was paid on in the period, whenever it was opened
     CROSS JOIN LATERAL (
       SELECT ${asRead(PAID_SUM_EXPRESSIONS, PAID_IN_PERIOD)}
         FROM ${ofGroup('page.key', 'f.fen, f.wages_fen, f.labour_fees_fen', paidInScope, 'case_pay_days')}) paid`;
}

/**
 * One page of a breakdown (or with 'every row' all of it), every group with `total_groups` so a page
 * knows how many there are (NULL where they are not counted: the employers) and `more` (whether a
 * group comes after the page; NULL where `total_groups` says it). The parameters after the source's:
 * the limit and the offset; for a page of candidates then the fewest cases ever (factsBreakdownSql).
 */
export function breakdownSql(name: DimensionName, reading: FactsReading = 'page'): string {
  const dimension: Dimension = DIMENSIONS[name];
  const source = dimension.source;
  const page =
    'dimension' in source ? rolledUpPageSql(source, dimension.order) : factsBreakdownSql(source.factsColumn, dimension.order, reading);
  // the rollups' page takes the rollup parameters, so its limit and offset come after them
  const desk = 'dimension' in source && source.deskWork;
  return `
    WITH ${'dimension' in source ? `${ROLLUP_PARAMETERS},` : ''} page AS (${page})
    SELECT ${dimension.label}, g.key AS group_key, ${FIGURES.filter((figure) => figure !== 'consultations' && figure !== 'outreach_visits' && figure !== 'concluded_in_period')
      .map((figure) => `g.${figure}`)
      .join(', ')},
           ${desk ? 'g.consultations, g.outreach_visits' : 'NULL::int AS consultations, NULL::int AS outreach_visits'},
           g.total_groups, ${'dimension' in source ? 'NULL::boolean AS more' : 'g.more'}
      FROM page g
      ${dimension.labelJoin}
     ORDER BY ${dimension.order} NULLS LAST`;
}

/**
 * The speed-of-payment histogram of a breakdown's groups. Rolled-up dimensions without their own
 * column read it from the rollups for every group (rollup parameters); the others from case_facts,
 * through an index on the column, for the page's groups only (period parameters, then $4 the keys and
 * $5 whether the group without a key is to be read: on the page, and not read by keylessSpeedSql).
 */
export function breakdownSpeedSql(name: DimensionName): string {
  const dimension: Dimension = DIMENSIONS[name];
  if (!dimension.speedByColumn) {
    if (!('dimension' in dimension.source)) throw new Error(`the ${name} breakdown has no source for its speed`);
    return rolledUpSpeedSql(dimension.source);
  }
  const column = `f.${dimension.speedByColumn}`;
  const paidInPeriod = `f.organisation_id = ANY($3::uuid[]) AND f.intake_date BETWEEN $1::date AND $2::date AND ${PAID_IN_FULL}`;
  return `
    SELECT ${column}::text AS key, ${DAYS_TO_FULL_PAYMENT} AS days, count(*)::int AS cases
      FROM case_facts f
     WHERE ${column} = ANY($4::uuid[]) AND ${paidInPeriod}
     GROUP BY 1, 2
    UNION ALL
    SELECT NULL, ${DAYS_TO_FULL_PAYMENT}, count(*)::int
      FROM case_facts f
     WHERE $5 AND ${column} IS NULL AND ${paidInPeriod}
     GROUP BY 2`;
}

/**
 * The speed-of-payment histogram of the group without a key, from the rollups (rollup parameters), for
 * the breakdowns read by key whose rollups keep that group (keylessDayRows); null for the others.
 */
export function keylessSpeedSql(name: DimensionName): string | null {
  const { source } = DIMENSIONS[name] as Dimension;
  const kept = 'dimension' in source && typeof source.edgeDays !== 'string' && source.edgeDays.keylessDayRows;
  return kept ? rolledUpSpeedSql(source, true) : null;
}

/** Whether a breakdown's speed histogram is asked for by the page's keys (period parameters). */
export function speedByKeys(name: DimensionName): boolean {
  return (DIMENSIONS[name] as Dimension).speedByColumn !== undefined;
}

export interface BreakdownRow extends CaseFiguresRow {
  key: string | null;
  /** The key as the speed histogram names it (for months, the first day rather than 'YYYY-MM'). */
  group_key: string | null;
  label: string | null;
  detail: string | null;
  consultations: number | null;
  outreach_visits: number | null;
  /** How many groups there are; null where they are not counted (the employers). */
  total_groups: number | null;
  /** Whether a group comes after the page, where the groups are not counted. */
  more: boolean | null;
}

/**
 * Before the festival: what open cases still owe now, per group of the scope. Added up by organisation
 * first (the index of open cases is kept in that order, and a district's organisations are read alone),
 * then the few organisations by group: looking up each case's group and grouping by its name took two
 * thirds of the statement (the city: 40-72 -> 20 ms on the bench city; a district: 1.4 -> 1.2 ms).
 */
export const FESTIVAL_SQL = `
  WITH open_by_organisation AS (
    SELECT f.organisation_id, count(*) AS open_cases,
           count(*) FILTER (WHERE ${OWING_CONDITION}) AS cases_owing,
           SUM(f.workers_owed)::bigint AS workers_owed,
           SUM(f.owed_fen - f.paid_fen)::bigint AS unpaid_fen,
           count(*) FILTER (WHERE ${UNVERIFIED_CONDITION}) AS cases_unverified
      FROM case_facts f
     WHERE f.status NOT IN ${FINAL_STATUSES_SQL} AND f.organisation_id IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%')
     GROUP BY f.organisation_id
  )
  SELECT o.group_id::text AS key, grp.name AS label, grp.code AS detail,
         SUM(b.open_cases)::int AS open_cases,
         SUM(b.cases_owing)::int AS cases_owing,
         COALESCE(SUM(b.workers_owed), 0)::int AS workers_owed,
         COALESCE(SUM(b.unpaid_fen), 0)::text AS unpaid_fen,
         SUM(b.cases_unverified)::int AS cases_unverified
    FROM open_by_organisation b
    JOIN ${SCOPE_GROUPED} o ON o.id = b.organisation_id
    JOIN organisations grp ON grp.id = o.group_id
   GROUP BY o.group_id, grp.name, grp.code, grp.path
   ORDER BY SUM(b.unpaid_fen) DESC, grp.path`;

/**
 * Whether the organisation in `column` is in the scope, for rows read from a range that is not in
 * organisation order and added up by organisation before they are grouped. For the city's own scope,
 * which is every organisation, it is true at once, without a lookup per row; for a district, the lookup
 * sets aside the rest of the city before anything is added up (festival as of its eve: the city 80 ms
 * with it, 98 ms with the lookup; a district 63 ms with it, 78 ms without the lookup).
 */
function inScopeUnlessEverything(column: string): string {
  return `((SELECT s.parent_id IS NULL FROM organisations s WHERE s.id = $2::uuid) OR ${column} IN (SELECT id FROM organisations WHERE path LIKE $1::text || '%'))`;
}

/**
 * Before a festival whose eve has passed: what was still owed as it stood at the end of the eve, per
 * group of the scope. The cases opened by the eve and not concluded by it (concluded after it, or not
 * yet) owed then what they owe today plus what was paid on them after the eve, to the workers owed
 * today and those whose payments after the eve paid them in full (case_pay_days.claims_settled,
 * migrations/1765900000000); a case owed something then if it owes today or was paid after the eve
 * (its last pay day). These are the balances as of the eve that caseTotalsSql with `paidBy` adds up
 * claim by claim (test/reports-seasons.e2e-spec.ts compares the two), with the claims' amounts as they
 * stand, which carry no history.
 *
 * Two statements, read at once from one snapshot (ReportsDatabase.readTogether) and put together by
 * asOfTheEve (reports.repository.ts): what the cases open on the eve owe now, from two ranges of the
 * index on the day concluded (FESTIVAL_OWED_NOW_SQL), and what was paid on them after the eve, from
 * the index on the day paid, which carries the case's days (migrations/1767400000000;
 * FESTIVAL_PAID_AFTER_SQL). Neither needs the other, and each is added up by organisation first, as
 * FESTIVAL_SQL is. As one statement they took 79 ms on the bench city; at once, 57 ms. $3: the eve.
 */
export const FESTIVAL_OWED_NOW_SQL = `
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
     WHERE ${inScopeUnlessEverything('f.organisation_id')}
     GROUP BY f.organisation_id
  )
  SELECT o.group_id::text AS key, grp.name AS label, grp.code AS detail, grp.path,
         SUM(n.open_cases)::int AS open_cases, SUM(n.cases_owing)::int AS cases_owing,
         SUM(n.workers_owed)::int AS workers_owed, SUM(n.owed_now_fen)::text AS unpaid_fen,
         SUM(n.cases_unverified)::int AS cases_unverified
    FROM now_owed_by_organisation n
    JOIN ${SCOPE_GROUPED} o ON o.id = n.organisation_id
    JOIN organisations grp ON grp.id = o.group_id
   GROUP BY o.group_id, grp.id`;

/** What was paid after the eve on the cases open on it, per group of the scope, and the workers it paid in full (FESTIVAL_OWED_NOW_SQL). $3: the eve. */
export const FESTIVAL_PAID_AFTER_SQL = `
  WITH paid_after_by_organisation AS (
    SELECT d.organisation_id, SUM(d.fen)::bigint AS fen, SUM(d.claims_settled)::bigint AS claims_settled
      FROM case_pay_days d
     WHERE d.paid_on > $3::date AND d.intake_date <= $3::date AND (d.closed_on IS NULL OR d.closed_on > $3::date)
       AND ${inScopeUnlessEverything('d.organisation_id')}
     GROUP BY d.organisation_id
  )
  SELECT o.group_id::text AS key, SUM(p.fen)::text AS fen, SUM(p.claims_settled)::int AS claims_settled
    FROM paid_after_by_organisation p JOIN ${SCOPE_GROUPED} o ON o.id = p.organisation_id
   GROUP BY o.group_id`;

/** A group's cases open on the eve, with what they owe now (FESTIVAL_OWED_NOW_SQL); `path` orders groups owed alike. */
export interface FestivalOwedNowRow extends FestivalRow {
  path: string;
}

export interface FestivalPaidAfterRow {
  key: string;
  fen: string;
  claims_settled: number;
}

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

/**
 * Every case of one employer in the scope, in any role of the chain, with its money; and, on the
 * cases where someone is still owed, what each of those workers is owed and over which months (for
 * the criminal-amount test), as parallel arrays. Workers paid in full do not count towards it, so
 * they are not read. $3: the employer.
 */
export const EMPLOYER_CASES_SQL = `
  WITH employer_cases AS MATERIALIZED (
    SELECT c.id, c.case_number, ce.role, c.intake_date, f.status, f.outcome, f.closed_on,
           c.referred_to, c.bureau_order_pay_by, org.name AS organisation_name, ${CASE_MONEY_COLUMNS}
      FROM case_employers ce
      JOIN cases c ON c.id = ce.case_id
      JOIN case_facts f ON f.case_id = c.id
      JOIN ${SCOPE} o ON o.id = c.organisation_id
      JOIN organisations org ON org.id = c.organisation_id
     WHERE ce.employer_id = $3
  ), owed_workers AS (
    -- one aggregation feeds the three arrays the same rows in the same order, so they line up
    SELECT b.case_id, array_agg(b.outstanding_fen::text) AS outstanding_fen,
           array_agg(b.period_start::text) AS period_start, array_agg(b.period_end::text) AS period_end
      FROM (${claimBalancesOfCasesSql('ARRAY(SELECT id FROM employer_cases WHERE workers_owed > 0)')}) b
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
   ORDER BY ec.intake_date DESC, ec.case_number DESC`;

export interface EmployerCaseRow extends CaseMoneyRow {
  id: string;
  case_number: string;
  role: ChainRole;
  intake_date: string;
  status: CaseStatus;
  outcome: ClosingOutcome | null;
  closed_on: string | null;
  referred_to: string | null;
  bureau_order_pay_by: string | null;
  organisation_name: string;
  /** Per worker still owed on this case: outstanding fen, and the first and last day of the period owed. */
  owed_workers_outstanding_fen: string[];
  owed_workers_period_start: (string | null)[];
  owed_workers_period_end: (string | null)[];
}
