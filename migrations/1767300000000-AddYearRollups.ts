import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups by the year (issue 17).
 *
 * A report over "a year to today" read twelve month rows per key: for 1,025 lawyers 12,300 rows, for
 * 23,000 projects 63,600, most of the time of those breakdowns. Now report_rollups has a row per year
 * as well, under the dimension's name with `_year` (`all_year`, `industry_year`, `lawyer_year`,
 * `mediator_year`, `project_year`), whose `month` is the year's first day, and a report reads a year
 * it covers most of whole (src/reports/domain/figures.ts cutPeriod).
 *
 * Unlike the month and day rows, writers do not append the years' differences: a year row is the sum
 * of its dimension's month rows, and compact_report_rollups() folds each change of a month into its
 * month and its year in one statement. So a year read whole is its folded row plus the changes of its
 * months not folded yet (report_rollup_changes holds months and days only), and intake writes no more
 * than before. rebuild_report_rollups() makes the years from the months it rebuilds.
 *
 * The sums and the bucket as AddPaidInPeriod1765800000000 left them (a sum of zero is NULL).
 */
const BUCKET = ['organisation_id', 'subtree', 'dimension', 'month', 'key', 'days'] as const;
const SUMS = [
  'opened',
  'concluded',
  'closed',
  'workers',
  'claimed_fen',
  'confirmed_fen',
  'owed_fen',
  'paid_fen',
  'unpaid_fen',
  'paid_in_full',
  'concluded_in_month',
  'consultations',
  'outreach_visits',
  'owed_wages_fen',
  'owed_labour_fees_fen',
  'paid_wages_fen',
  'paid_labour_fees_fen',
  'unpaid_wages_fen',
  'unpaid_labour_fees_fen',
  'paid_in_month_fen',
  'paid_in_month_wages_fen',
  'paid_in_month_labour_fees_fen',
] as const;

const ALL_COLUMNS = [...BUCKET, ...SUMS].join(', ');
const BUCKET_COLUMNS = BUCKET.map((column) => `r.${column}`).join(', ');
const SUMMED = SUMS.map((column) => `NULLIF(SUM(r.${column}), 0) AS ${column}`).join(', ');
const NON_ZERO = SUMS.map((column) => `SUM(r.${column}) <> 0`).join(' OR ');
const FOLDED = SUMS.map((column) => `${column} = NULLIF(COALESCE(report_rollups.${column}, 0) + COALESCE(EXCLUDED.${column}, 0), 0)`).join(', ');
/** A month row (not a day's, nor a year's) of `r`, and the bucket of its year. */
const IS_MONTH_ROW = `r.dimension NOT LIKE '%\\_day' AND r.dimension NOT LIKE '%\\_year'`;
const YEAR_BUCKET = `r.organisation_id, r.subtree, r.dimension || '_year', date_trunc('year', r.month::timestamp)::date, r.key, r.days`;
const SUM_COLUMNS = SUMS.map((column) => `r.${column}`).join(', ');

/** The year rows of the month rows of `rows` (report_rollups or the changes being folded), added up. */
function yearsOf(rows: string): string {
  return `
    SELECT ${YEAR_BUCKET}, ${SUMMED}
      FROM ${rows} r
     WHERE ${IS_MONTH_ROW}
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING ${NON_ZERO}`;
}

/**
 * The folding of the changes into the rollups: each change into its bucket and, with `years`, a month's
 * into its year's too (AddPaidInPeriod1765800000000's without).
 */
function compactReportRollups(years: boolean): string {
  const buckets = years
    ? `(SELECT ${BUCKET_COLUMNS}, ${SUM_COLUMNS} FROM moved r
        UNION ALL
        SELECT ${YEAR_BUCKET}, ${SUM_COLUMNS} FROM moved r WHERE ${IS_MONTH_ROW})`
    : 'moved';
  return `
    CREATE OR REPLACE FUNCTION compact_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      folded bigint;
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtext('compact_report_rollups')) THEN RETURN 0; END IF;
      WITH moved AS (DELETE FROM report_rollup_changes RETURNING *)
      INSERT INTO report_rollups (${ALL_COLUMNS})
      SELECT ${BUCKET_COLUMNS}, ${SUMMED}
        FROM ${buckets} r
       GROUP BY ${BUCKET_COLUMNS}
      ON CONFLICT (${BUCKET.join(', ')}) DO UPDATE SET ${FOLDED};
      GET DIAGNOSTICS folded = ROW_COUNT;
      RETURN folded;
    END
    $$`;
}

/** The rebuild of the rollups from what they sum, with `years` the years from its months too. */
function rebuildReportRollups(years: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      rebuilt bigint;
      made bigint := 0;
    BEGIN
      TRUNCATE report_rollups, report_rollup_changes;
      INSERT INTO report_rollups (${ALL_COLUMNS}) SELECT ${ALL_COLUMNS} FROM report_rollups_source;
      GET DIAGNOSTICS rebuilt = ROW_COUNT;${
        years
          ? `
      INSERT INTO report_rollups (${ALL_COLUMNS}) ${yearsOf('report_rollups')};
      GET DIAGNOSTICS made = ROW_COUNT;`
          : ''
      }
      RETURN rebuilt + made;
    END
    $$`;
}

export class AddYearRollups1767300000000 implements MigrationInterface {
  name = 'AddYearRollups1767300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // the changes so far folded into their months by the folding as it was, then every year made from its months
    await queryRunner.query(`SELECT compact_report_rollups()`);
    await queryRunner.query(`INSERT INTO report_rollups (${ALL_COLUMNS}) ${yearsOf('report_rollups')}`);
    await queryRunner.query(compactReportRollups(true));
    await queryRunner.query(rebuildReportRollups(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(compactReportRollups(false));
    await queryRunner.query(rebuildReportRollups(false));
    await queryRunner.query(`DELETE FROM report_rollups WHERE dimension LIKE '%\\_year'`);
  }
}
