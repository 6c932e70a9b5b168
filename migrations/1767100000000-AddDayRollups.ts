import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups by the day (issue 17).
 *
 * A report over a period takes its whole months from report_rollups and the days on either side case by
 * case: at a million cases "one year" from a day in December read some 32,000 cases' rows at one edge,
 * again for the speed histogram, with the days' payments (23,000), conclusions and desk work (48,000
 * consultations), and the summary took 85-220 ms where its whole months took a few. Now the rollups
 * have day rows too, in the same table and by the same machinery (the triggers' differences, the
 * folding, the rebuild), under the dimension's name with `_day` (`all_day`, `industry_day`,
 * `lawyer_day`, `mediator_day`), whose `month` is the day itself:
 *   - all and industry, as their months: every organisation on the case's path (and for all, its own).
 *     A city has a few hundred organisations and a dozen industries, so a day has a few hundred rows
 *     whatever the number of cases.
 *   - lawyers and mediators, under the case's own organisation only (a report reads the rows of every
 *     organisation in its scope): a lawyer has a case or two a day and a few consultations, so a day's
 *     rows are fewer than its cases and desk work by three or four times, and three levels of them
 *     would be three times as many rows for that.
 *   - projects have none: a project has a case or two a day, as many rows as cases.
 *
 * Self-contained: case_rollup_rows and desk_rollup_rows are written out as AddPaidInPeriod1765800000000
 * left them, with and without the day rows; the rollups are rebuilt from scratch both ways.
 */
const FINAL = `('closed', 'withdrawn', 'rejected')`;

export class AddDayRollups1767100000000 implements MigrationInterface {
  name = 'AddDayRollups1767100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(caseRollupRows(true));
    await queryRunner.query(deskRollupRows(true));
    await queryRunner.query(`SELECT rebuild_report_rollups()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(caseRollupRows(false));
    await queryRunner.query(deskRollupRows(false));
    await queryRunner.query(`SELECT rebuild_report_rollups()`);
  }
}

const RETURNS = `TABLE (organisation_id uuid, subtree boolean, dimension text, month date, key text, days integer,
      opened integer, concluded integer, closed integer, workers integer, claimed_fen bigint, confirmed_fen bigint,
      owed_fen bigint, paid_fen bigint, unpaid_fen bigint, paid_in_full integer, concluded_in_month integer,
      consultations integer, outreach_visits integer, owed_wages_fen bigint, owed_labour_fees_fen bigint,
      paid_wages_fen bigint, paid_labour_fees_fen bigint, unpaid_wages_fen bigint, unpaid_labour_fees_fen bigint,
      paid_in_month_fen bigint, paid_in_month_wages_fen bigint, paid_in_month_labour_fees_fen bigint)`;

/**
 * The buckets a day falls in: its month, and with `days`, the day itself under the `_day` dimension
 * for the dimensions that have day rows. A key `k` says which levels `l` its rows are kept for: `own`,
 * the case's own organisation besides every organisation on its path, whose rows are the `subtree` ones;
 * and `day_rows`, 'as months' or 'own organisation' (only), or NULL for none.
 */
function grains(days: boolean): string {
  return days ? `(SELECT false AS by_day UNION ALL SELECT true) g` : `(SELECT false AS by_day) g`;
}
const DIMENSION = `CASE WHEN g.by_day THEN k.dimension || '_day' ELSE k.dimension END`;
const bucketOf = (day: string) => `CASE WHEN g.by_day THEN ${day} ELSE date_trunc('month', ${day}::timestamp)::date END`;
const KEPT_AT_LEVEL = `CASE WHEN NOT g.by_day THEN l.subtree OR k.own
                            WHEN k.day_rows = 'as months' THEN l.subtree OR k.own
                            WHEN k.day_rows = 'own organisation' THEN NOT l.subtree
                            ELSE false END`;

/**
 * What one case adds to the buckets: every organisation on its path (the subtree rows) and its own
 * organisation (the own rows), under the month (and day) it was opened in, concluded in, and each of its
 * payments was made in (AddPaidInPeriod1765800000000 says why a project's payments are left out).
 */
function caseRollupRows(days: boolean): string {
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
        UNION ALL SELECT 'project', f.project_id::text, false, false, NULL
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
        FROM money m, levels l, keys k, ${grains(days)}
       WHERE ${KEPT_AT_LEVEL}
      UNION ALL
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('f.intake_date')}, k.key, GREATEST(f.last_paid_on - f.intake_date, 0),
             0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint
        FROM money m, levels l, keys k, ${grains(days)}
       WHERE m.paid_in_full AND k.histogram AND ${KEPT_AT_LEVEL}
      UNION ALL
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('f.closed_on')}, NULL, NULL,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint
        FROM levels l, (SELECT 'all' AS dimension, true AS own, 'as months' AS day_rows) k, ${grains(days)}
       WHERE f.closed_on IS NOT NULL AND ${KEPT_AT_LEVEL}
      UNION ALL
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('p.day')}, k.key, NULL::int,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, p.fen, p.wages_fen, p.labour_fees_fen
        FROM paid p, levels l, keys k, ${grains(days)}
       WHERE ${KEPT_AT_LEVEL} AND (k.dimension <> 'project' OR k.key IS NULL)
    $$`;
}

/** What a consultation or an outreach visit adds: its count under its organisations, and its lawyer's. */
function deskRollupRows(days: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION desk_rollup_rows(organisation_id uuid, lawyer_id uuid, day date, path text, consultations integer, outreach_visits integer)
    RETURNS ${RETURNS}
    LANGUAGE sql IMMUTABLE AS $$
      SELECT l.organisation_id, l.subtree, ${DIMENSION}, ${bucketOf('day')}, k.key, NULL::int,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, consultations, outreach_visits, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM (SELECT level::uuid AS organisation_id, true AS subtree
                FROM unnest(string_to_array(trim(both '/' from path), '/')) level
              UNION ALL SELECT desk_rollup_rows.organisation_id, false) l,
             (SELECT 'all' AS dimension, NULL::text AS key, true AS own, 'as months' AS day_rows
              UNION ALL SELECT 'lawyer', desk_rollup_rows.lawyer_id::text, false, 'own organisation') k,
             ${grains(days)}
       WHERE ${KEPT_AT_LEVEL}
    $$`;
}
