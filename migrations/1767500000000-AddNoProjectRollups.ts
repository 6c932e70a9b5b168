import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases without a project, rolled up as the city's are (issue 17).
 *
 * Projects have no day rows, and no speed-of-payment histogram in the rollups: a project has a case or
 * two a day, as many rows as cases, and reading a page's twenty projects case by case is cheap. But the
 * group of cases without a project is on the breakdown's first page and is most of the city's cases (62 %
 * of a year's at the bench's million, 89,513 of them paid in full): its histogram was counted case by
 * case (20-23 ms of the report's 130-140), and so were its days at the edges of the period. Now the
 * rollups keep that group's histogram (the `project` rows with no key and `days` set, and their years)
 * and its day rows (`project_day`, every one without a key), as they keep the organisations': a day has a
 * few hundred of them whatever the number of cases, written only for the cases without a project.
 *
 * Self-contained: case_rollup_rows is written out as AddDayRollups1767100000000 left it (with day rows),
 * with only the project's `histogram` and `day_rows` changed; down() writes it back. The rows this adds
 * are made from the function itself, for the cases it now gives them for.
 */
const FINAL = `('closed', 'withdrawn', 'rejected')`;
const BUCKET = ['organisation_id', 'subtree', 'dimension', 'month', 'key', 'days'] as const;
const SUMS = [
  'opened', 'concluded', 'closed', 'workers', 'claimed_fen', 'confirmed_fen', 'owed_fen', 'paid_fen', 'unpaid_fen',
  'paid_in_full', 'concluded_in_month', 'consultations', 'outreach_visits', 'owed_wages_fen', 'owed_labour_fees_fen',
  'paid_wages_fen', 'paid_labour_fees_fen', 'unpaid_wages_fen', 'unpaid_labour_fees_fen', 'paid_in_month_fen',
  'paid_in_month_wages_fen', 'paid_in_month_labour_fees_fen',
] as const;
const ALL_COLUMNS = [...BUCKET, ...SUMS].join(', ');
const BUCKET_COLUMNS = BUCKET.map((column) => `r.${column}`).join(', ');
const SUMMED = SUMS.map((column) => `NULLIF(SUM(r.${column}), 0) AS ${column}`).join(', ');
const NON_ZERO = SUMS.map((column) => `SUM(r.${column}) <> 0`).join(' OR ');
/** The month rows this adds: the histogram of the cases without a project. */
const NO_PROJECT_HISTOGRAM = `r.dimension = 'project' AND r.key IS NULL AND r.days IS NOT NULL`;
/** And their day rows: every figure. */
const NO_PROJECT_DAYS = `r.dimension = 'project_day'`;

export class AddNoProjectRollups1767500000000 implements MigrationInterface {
  name = 'AddNoProjectRollups1767500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(caseRollupRows(true));
    // the cases the function now gives the rows for: those without a project
    await queryRunner.query(`
      INSERT INTO report_rollups (${ALL_COLUMNS})
      SELECT ${BUCKET_COLUMNS}, ${SUMMED}
        FROM case_facts f JOIN organisations o ON o.id = f.organisation_id, case_rollup_rows(f, o.path) r
       WHERE f.project_id IS NULL AND (${NO_PROJECT_HISTOGRAM} OR ${NO_PROJECT_DAYS})
       GROUP BY ${BUCKET_COLUMNS}
      HAVING ${NON_ZERO}`);
    // and their years, as AddYearRollups1767300000000 makes a year from its months
    await queryRunner.query(`
      INSERT INTO report_rollups (${ALL_COLUMNS})
      SELECT r.organisation_id, r.subtree, 'project_year', date_trunc('year', r.month::timestamp)::date, r.key, r.days, ${SUMMED}
        FROM report_rollups r
       WHERE ${NO_PROJECT_HISTOGRAM}
       GROUP BY 1, 2, 3, 4, 5, 6
      HAVING ${NON_ZERO}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(caseRollupRows(false));
    for (const table of ['report_rollups', 'report_rollup_changes']) {
      await queryRunner.query(
        `DELETE FROM ${table} WHERE (dimension IN ('project', 'project_year') AND key IS NULL AND days IS NOT NULL) OR dimension = 'project_day'`,
      );
    }
  }
}

const RETURNS = `TABLE (organisation_id uuid, subtree boolean, dimension text, month date, key text, days integer,
      opened integer, concluded integer, closed integer, workers integer, claimed_fen bigint, confirmed_fen bigint,
      owed_fen bigint, paid_fen bigint, unpaid_fen bigint, paid_in_full integer, concluded_in_month integer,
      consultations integer, outreach_visits integer, owed_wages_fen bigint, owed_labour_fees_fen bigint,
      paid_wages_fen bigint, paid_labour_fees_fen bigint, unpaid_wages_fen bigint, unpaid_labour_fees_fen bigint,
      paid_in_month_fen bigint, paid_in_month_wages_fen bigint, paid_in_month_labour_fees_fen bigint)`;

/**
 * The buckets a day falls in: its month, and the day itself under the `_day` dimension for the
 * dimensions that have day rows. A key `k` says which levels `l` its rows are kept for: `own`,
 * the case's own organisation besides every organisation on its path, whose rows are the `subtree` ones;
 * and `day_rows`, 'as months' or 'own organisation' (only), or NULL for none.
 */
const GRAINS = `(SELECT false AS by_day UNION ALL SELECT true) g`;
const DIMENSION = `CASE WHEN g.by_day THEN k.dimension || '_day' ELSE k.dimension END`;
const bucketOf = (day: string) => `CASE WHEN g.by_day THEN ${day} ELSE date_trunc('month', ${day}::timestamp)::date END`;
const KEPT_AT_LEVEL = `CASE WHEN NOT g.by_day THEN l.subtree OR k.own
                            WHEN k.day_rows = 'as months' THEN l.subtree OR k.own
                            WHEN k.day_rows = 'own organisation' THEN NOT l.subtree
                            ELSE false END`;

/**
 * What one case adds to the buckets: every organisation on its path (the subtree rows) and its own
 * organisation (the own rows), under the month (and day) it was opened in, concluded in, and each of its
 * payments was made in (AddPaidInPeriod1765800000000 says why a project's payments are left out). With
 * `withoutProject`, the cases without a project have the project's histogram and day rows too.
 */
function caseRollupRows(withoutProject: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION case_rollup_rows(f case_facts, path text)
    RETURNS ${RETURNS}
    LANGUAGE sql IMMUTABLE AS $$
      WITH money AS (
        SELECT (f.status IN ${FINAL})::int AS concluded,
               (f.status = 'closed')::int AS closed,
               CASE WHEN f.status IN ${FINAL} THEN 0 ELSE f.owed_fen - f.paid_fen END AS unpaid_fen,
               CASE WHEN f.status IN ${FINAL} THEN 0 ELSE f.owed_wages_fen - f.paid_wages_fen END AS unpaid_wages_fen,
               CASE WHEN f.status IN ${FINAL} THEN 0 ELSE f.owed_labour_fees_fen - f.paid_labour_fees_fen END AS unpaid_labour_fees_fen,
               (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0) AS paid_in_full
      ),
      levels AS (
        SELECT level::uuid AS organisation_id, true AS subtree
          FROM unnest(string_to_array(trim(both '/' from path), '/')) level
        UNION ALL SELECT f.organisation_id, false
      ),
      keys AS (
        SELECT 'all' AS dimension, NULL::text AS key, true AS own, true AS histogram, 'as months'::text AS day_rows
        UNION ALL SELECT 'industry', COALESCE(f.industry, 'other'), false, true, 'as months'
        UNION ALL SELECT 'lawyer', f.lawyer_id::text, false, false, 'own organisation'
        UNION ALL SELECT 'mediator', f.mediator_id::text, false, false, 'own organisation'
        UNION ALL SELECT 'project', f.project_id::text, false, ${withoutProject ? `f.project_id IS NULL, CASE WHEN f.project_id IS NULL THEN 'as months' END` : 'false, NULL'}
      ),
      paid AS (
        SELECT d.day, SUM(d.fen)::bigint AS fen,
               SUM(d.wages_fen)::bigint AS wages_fen, SUM(d.labour_fees_fen)::bigint AS labour_fees_fen
          FROM unnest(f.paid_days, f.paid_days_fen, f.paid_days_wages_fen, f.paid_days_labour_fees_fen) d(day, fen, wages_fen, labour_fees_fen)
         GROUP BY 1
      )
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('f.intake_date')}, k.key, NULL::int,
             1, m.concluded, m.closed, f.workers, f.claimed_fen, f.confirmed_fen, f.owed_fen, f.paid_fen, m.unpaid_fen,
             m.paid_in_full::int, 0, 0, 0,
             f.owed_wages_fen, f.owed_labour_fees_fen, f.paid_wages_fen, f.paid_labour_fees_fen, m.unpaid_wages_fen,
             m.unpaid_labour_fees_fen, 0::bigint, 0::bigint, 0::bigint
        FROM money m, levels l, keys k, ${GRAINS}
       WHERE ${KEPT_AT_LEVEL}
      UNION ALL
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('f.intake_date')}, k.key, GREATEST(f.last_paid_on - f.intake_date, 0),
             0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint
        FROM money m, levels l, keys k, ${GRAINS}
       WHERE m.paid_in_full AND k.histogram AND ${KEPT_AT_LEVEL}
      UNION ALL
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('f.closed_on')}, NULL, NULL,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint
        FROM levels l, (SELECT 'all' AS dimension, true AS own, 'as months' AS day_rows) k, ${GRAINS}
       WHERE f.closed_on IS NOT NULL AND ${KEPT_AT_LEVEL}
      UNION ALL
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('p.day')}, k.key, NULL::int,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, p.fen, p.wages_fen, p.labour_fees_fen
        FROM paid p, levels l, keys k, ${GRAINS}
       WHERE ${KEPT_AT_LEVEL} AND (k.dimension <> 'project' OR k.key IS NULL)
    $$`;
}
