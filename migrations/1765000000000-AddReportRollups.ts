import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns a rollup row adds up, in the order every statement below lists them. */
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
] as const;
const BUCKET = ['organisation_id', 'subtree', 'dimension', 'month', 'key', 'days'] as const;

const sqlTypeOf = (column: (typeof SUMS)[number]) => (column.endsWith('_fen') ? 'bigint' : 'integer');
const SUM_COLUMNS = SUMS.map((column) => `${column} ${sqlTypeOf(column)} NOT NULL`).join(', ');
const SUMMED = SUMS.map((column) => `SUM(r.${column}) AS ${column}`).join(', ');
const BUCKET_COLUMNS = BUCKET.map((column) => `r.${column}`).join(', ');
const SIGNED = SUMS.map((column) => `c.sign * r.${column} AS ${column}`).join(', ');
const SUM_TYPES = SUMS.map((column) => `${column} ${sqlTypeOf(column)}`).join(', ');
const nonZero = SUMS.map((column) => `SUM(r.${column}) <> 0`).join(' OR ');
const allColumns = [...BUCKET, ...SUMS].join(', ');

/**
 * Month-by-month sums of case_facts and of the desk's work, so a report over a year or all seasons
 * adds up a few hundred rows instead of a quarter of a million cases. A report takes the whole months
 * of its period from here and the days at either end from case_facts (src/reports/reports.sql.ts).
 *
 * A row is a bucket: an organisation, with its own cases only (`subtree` false) or with every
 * organisation below it (`subtree` true, so a district's report reads the district's rows alone), a
 * dimension ('all', 'industry', 'lawyer', 'mediator', 'project'), the month, the dimension's key, and for the
 * speed-of-payment histogram the whole days from intake to full payment (`days`; NULL on a row of sums).
 *
 * Exact without hot rows: every change to case_facts, consultations or outreach visits appends its
 * difference (new rows minus old) to `report_rollup_changes`, in the same transaction, and never
 * updates a shared row, so concurrent writers in one organisation and month do not wait for each
 * other. Readers add `report_rollups` and the changes together; compact_report_rollups() folds the
 * changes into report_rollups (a scheduled job, one instance at a time). `report_rollups_source` is
 * what the two must add up to; the e2e suites check it after every suite.
 */
export class AddReportRollups1765000000000 implements MigrationInterface {
  name = 'AddReportRollups1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_rollups (
        organisation_id uuid NOT NULL,
        subtree boolean NOT NULL,
        dimension text NOT NULL,
        month date NOT NULL,
        key text,
        days integer,
        ${SUM_COLUMNS}
      )`);
    // One row per bucket; the sums ride in the index so a report reads the index alone.
    await queryRunner.query(`
      CREATE UNIQUE INDEX report_rollups_bucket ON report_rollups (${BUCKET.join(', ')})
      INCLUDE (${SUMS.join(', ')}) NULLS NOT DISTINCT`);
    await queryRunner.query(`CREATE TABLE report_rollup_changes (LIKE report_rollups)`);
    await queryRunner.query(
      `CREATE INDEX report_rollup_changes_bucket_idx ON report_rollup_changes (organisation_id, subtree, dimension, month)`,
    );

    // What one case adds to the buckets: every organisation on its path (the subtree rows), its own
    // organisation (the own rows, for "the scope organisation itself" in a breakdown by organisation).
    // The day a case was concluded counts in the month it was concluded.
    await queryRunner.query(`
      CREATE FUNCTION case_rollup_rows(f case_facts, path text)
      RETURNS TABLE (organisation_id uuid, subtree boolean, dimension text, month date, key text, days integer,
                     ${SUM_TYPES})
      LANGUAGE sql IMMUTABLE AS $$
        WITH money AS (
          SELECT date_trunc('month', f.intake_date::timestamp)::date AS month,
                 (f.status IN ('closed', 'withdrawn', 'rejected'))::int AS concluded,
                 (f.status = 'closed')::int AS closed,
                 CASE WHEN f.status IN ('closed', 'withdrawn', 'rejected') THEN 0 ELSE f.owed_fen - f.paid_fen END AS unpaid_fen,
                 (f.workers > 0 AND f.unconfirmed = 0 AND f.workers_owed = 0 AND f.paid_fen > 0) AS paid_in_full
        ),
        levels AS (
          SELECT level::uuid AS organisation_id, true AS subtree
            FROM unnest(string_to_array(trim(both '/' from path), '/')) level
          UNION ALL SELECT f.organisation_id, false
        ),
        keys AS (
          SELECT 'all' AS dimension, NULL::text AS key, true AS own, true AS histogram
          UNION ALL SELECT 'industry', COALESCE(f.industry, 'other'), false, true
          UNION ALL SELECT 'lawyer', f.lawyer_id::text, false, false
          UNION ALL SELECT 'mediator', f.mediator_id::text, false, false
          UNION ALL SELECT 'project', f.project_id::text, false, false
        )
        SELECT l.organisation_id, l.subtree, k.dimension, m.month, k.key, NULL::int,
               1, m.concluded, m.closed, f.workers, f.claimed_fen, f.confirmed_fen, f.owed_fen, f.paid_fen, m.unpaid_fen,
               m.paid_in_full::int, 0, 0, 0
          FROM money m, levels l, keys k
         WHERE l.subtree OR k.own
        UNION ALL
        SELECT l.organisation_id, l.subtree, k.dimension, m.month, k.key, GREATEST(f.last_paid_on - f.intake_date, 0),
               0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0
          FROM money m, levels l, keys k
         WHERE m.paid_in_full AND k.histogram AND (l.subtree OR k.own)
        UNION ALL
        SELECT l.organisation_id, l.subtree, 'all', date_trunc('month', f.closed_on::timestamp)::date, NULL, NULL,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
          FROM levels l
         WHERE f.closed_on IS NOT NULL
      $$`);
    // What a consultation or an outreach visit adds: by organisation (as above) and by lawyer.
    await queryRunner.query(`
      CREATE FUNCTION desk_rollup_rows(organisation_id uuid, lawyer_id uuid, day date, path text, consultations integer, outreach_visits integer)
      RETURNS TABLE (organisation_id uuid, subtree boolean, dimension text, month date, key text, days integer,
                     ${SUM_TYPES})
      LANGUAGE sql IMMUTABLE AS $$
        SELECT l.organisation_id, l.subtree, k.dimension, date_trunc('month', day::timestamp)::date, k.key, NULL::int,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, consultations, outreach_visits
          FROM (SELECT level::uuid AS organisation_id, true AS subtree
                  FROM unnest(string_to_array(trim(both '/' from path), '/')) level
                UNION ALL SELECT desk_rollup_rows.organisation_id, false) l,
               (SELECT 'all' AS dimension, NULL::text AS key, true AS own
                UNION ALL SELECT 'lawyer', desk_rollup_rows.lawyer_id::text, false) k
         WHERE l.subtree OR k.own
      $$`);

    // The one definition of what the rollups add up to (checked by the e2e suites, used to rebuild).
    await queryRunner.query(`
      CREATE VIEW report_rollups_source AS
      SELECT ${BUCKET_COLUMNS}, ${SUMMED}
        FROM (
          SELECT r.* FROM case_facts f JOIN organisations o ON o.id = f.organisation_id, case_rollup_rows(f, o.path) r
          UNION ALL
          SELECT r.* FROM consultations x JOIN organisations o ON o.id = x.organisation_id,
                 desk_rollup_rows(x.organisation_id, x.lawyer_id, (x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date, o.path, 1, 0) r
          UNION ALL
          SELECT r.* FROM outreach_visits v JOIN organisations o ON o.id = v.organisation_id,
                 desk_rollup_rows(v.organisation_id, v.lawyer_id, v.visited_on, o.path, 0, 1) r
        ) r
       GROUP BY ${BUCKET_COLUMNS}
      HAVING ${nonZero}`);

    // Changes: the rows a statement wrote, added, minus the rows it replaced, per bucket.
    const appendChanges = (contributions: string) => `
      INSERT INTO report_rollup_changes (${allColumns})
      SELECT ${BUCKET_COLUMNS}, ${SUMMED}
        FROM (${contributions}) r
       GROUP BY ${BUCKET_COLUMNS}
      HAVING ${nonZero}`;
    // The contributions of the rows a statement wrote (+1) and replaced (-1). A trigger only has the
    // transition tables of its operation; PL/pgSQL plans a statement when it first runs, so each branch
    // names only the tables its operation has.
    const byOperation = (contributions: (sources: [sign: 1 | -1, rows: 'new_rows' | 'old_rows'][]) => string) => `
        IF current_setting('wages.rebuilding_rollups', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          ${appendChanges(contributions([[1, 'new_rows']]))};
        ELSIF TG_OP = 'UPDATE' THEN
          ${appendChanges(contributions([[1, 'new_rows'], [-1, 'old_rows']]))};
        ELSE
          ${appendChanges(contributions([[-1, 'old_rows']]))};
        END IF;
        RETURN NULL;`;
    await queryRunner.query(`
      CREATE FUNCTION case_facts_rolled_up() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${byOperation(
          (sources) => `SELECT ${BUCKET_COLUMNS}, ${SIGNED}
            FROM (${sources.map(([sign, rows]) => `SELECT ${sign} AS sign, ROW(t.*)::case_facts AS f FROM ${rows} t`).join(' UNION ALL ')}) c
            JOIN organisations o ON o.id = (c.f).organisation_id, case_rollup_rows(c.f, o.path) r`,
        )}
      END
      $$`);
    for (const [table, day, consultations, visits] of [
      ['consultations', `(t.consulted_at AT TIME ZONE 'Asia/Shanghai')::date`, 1, 0],
      ['outreach_visits', `t.visited_on`, 0, 1],
    ] as const) {
      await queryRunner.query(`
        CREATE FUNCTION ${table}_rolled_up() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${byOperation(
            (sources) => `SELECT ${BUCKET_COLUMNS}, ${SIGNED}
              FROM (${sources
                .map(([sign, rows]) => `SELECT ${sign} AS sign, t.organisation_id, t.lawyer_id, ${day} AS day FROM ${rows} t`)
                .join(' UNION ALL ')}) c
              JOIN organisations o ON o.id = c.organisation_id,
                   desk_rollup_rows(c.organisation_id, c.lawyer_id, c.day, o.path, ${consultations}, ${visits}) r`,
          )}
        END
        $$`);
    }
    for (const table of ['case_facts', 'consultations', 'outreach_visits']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_rollup_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rolled_up()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rolled_up()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_rollup_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rolled_up()`);
    }

    // An organisation moved under another parent: what its cases and desk work added to its old
    // ancestors moves to the new ones. Writers are held off for the moment it takes (SHARE waits for
    // the ones in flight and blocks new ones), so none can add to the old ancestors after this.
    await queryRunner.query(`
      CREATE FUNCTION organisations_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.path <> o.path) THEN RETURN NULL; END IF;
        LOCK TABLE case_facts, consultations, outreach_visits IN SHARE MODE;
        ${appendChanges(`
          WITH moved AS (SELECT n.id, n.path AS new_path, o.path AS old_path FROM new_rows n JOIN old_rows o ON o.id = n.id
                          WHERE n.path <> o.path),
               paths AS (SELECT id, 1 AS sign, new_path AS path FROM moved UNION ALL SELECT id, -1, old_path FROM moved)
          SELECT ${BUCKET_COLUMNS}, ${SIGNED}
            FROM paths c JOIN case_facts f ON f.organisation_id = c.id, case_rollup_rows(f, c.path) r
          UNION ALL
          SELECT ${BUCKET_COLUMNS}, ${SIGNED}
            FROM paths c JOIN consultations x ON x.organisation_id = c.id,
                 desk_rollup_rows(x.organisation_id, x.lawyer_id, (x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date, c.path, 1, 0) r
          UNION ALL
          SELECT ${BUCKET_COLUMNS}, ${SIGNED}
            FROM paths c JOIN outreach_visits v ON v.organisation_id = c.id,
                 desk_rollup_rows(v.organisation_id, v.lawyer_id, v.visited_on, c.path, 0, 1) r`)};
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER organisations_rollup_move AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION organisations_moved()`);

    // Folds the changes into report_rollups; one caller at a time (the others return at once). Each
    // change row is deleted by exactly one caller and added in the same transaction, so readers see
    // either the change or its sum, never both or neither.
    await queryRunner.query(`
      CREATE FUNCTION compact_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        folded bigint;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('compact_report_rollups')) THEN RETURN 0; END IF;
        WITH moved AS (DELETE FROM report_rollup_changes RETURNING *)
        INSERT INTO report_rollups (${allColumns})
        SELECT ${BUCKET_COLUMNS}, ${SUMMED}
          FROM moved r
         GROUP BY ${BUCKET_COLUMNS}
        ON CONFLICT (${BUCKET.join(', ')}) DO UPDATE SET
          ${SUMS.map((column) => `${column} = report_rollups.${column} + EXCLUDED.${column}`).join(', ')};
        GET DIAGNOSTICS folded = ROW_COUNT;
        RETURN folded;
      END
      $$`);
    // Everything from scratch (after a bulk load, or to repair).
    await queryRunner.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        TRUNCATE report_rollups, report_rollup_changes;
        INSERT INTO report_rollups (${allColumns}) SELECT ${allColumns} FROM report_rollups_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        RETURN rebuilt;
      END
      $$`);
    // Rebuilding case_facts rebuilds the rollups once, at the end, instead of through the trigger.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION rebuild_case_facts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        PERFORM set_config('wages.rebuilding_rollups', 'on', true);
        TRUNCATE case_facts;
        INSERT INTO case_facts SELECT * FROM case_facts_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        PERFORM rebuild_report_rollups();
        PERFORM set_config('wages.rebuilding_rollups', 'off', true);
        RETURN rebuilt;
      END
      $$`);
    // A refresh that changes nothing writes nothing (no index churn, no rollup change).
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refresh_case_facts(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_facts
        SELECT * FROM case_facts_source WHERE case_id = ANY(case_ids)
        ON CONFLICT (case_id) DO UPDATE SET
          organisation_id = EXCLUDED.organisation_id, intake_date = EXCLUDED.intake_date, status = EXCLUDED.status,
          outcome = EXCLUDED.outcome, closed_on = EXCLUDED.closed_on, lawyer_id = EXCLUDED.lawyer_id,
          mediator_id = EXCLUDED.mediator_id, project_id = EXCLUDED.project_id, employer_id = EXCLUDED.employer_id,
          industry = EXCLUDED.industry, workers = EXCLUDED.workers, unconfirmed = EXCLUDED.unconfirmed,
          claimed_fen = EXCLUDED.claimed_fen, confirmed_fen = EXCLUDED.confirmed_fen, owed_fen = EXCLUDED.owed_fen,
          paid_fen = EXCLUDED.paid_fen, workers_owed = EXCLUDED.workers_owed, last_paid_on = EXCLUDED.last_paid_on
        WHERE (case_facts.*) IS DISTINCT FROM (EXCLUDED.*)
      $$`);

    // The breakdown by employer ranks its groups from this narrow index, then adds up the page's
    // groups through the employer's index.
    await queryRunner.query(`
      CREATE INDEX case_facts_ranking_idx ON case_facts (intake_date) INCLUDE (organisation_id, employer_id, status, owed_fen, paid_fen)`);

    // The speed of payment of one page of lawyers, mediators, employers or projects: their cases paid
    // in full, straight from an index.
    const paidInFull = `workers > 0 AND unconfirmed = 0 AND workers_owed = 0 AND paid_fen > 0`;
    for (const key of ['lawyer_id', 'mediator_id', 'employer_id', 'project_id']) {
      await queryRunner.query(
        `CREATE INDEX case_facts_paid_by_${key.replace('_id', '')}_idx ON case_facts (${key}, intake_date)
         INCLUDE (organisation_id, last_paid_on) WHERE ${paidInFull}`,
      );
    }

    await queryRunner.query(`SELECT rebuild_report_rollups()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_facts_ranking_idx`);
    for (const key of ['lawyer', 'mediator', 'employer', 'project']) {
      await queryRunner.query(`DROP INDEX case_facts_paid_by_${key}_idx`);
    }
    await queryRunner.query(`DROP TRIGGER organisations_rollup_move ON organisations`);
    await queryRunner.query(`DROP FUNCTION organisations_moved()`);
    for (const table of ['case_facts', 'consultations', 'outreach_visits']) {
      for (const operation of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER ${table}_rollup_${operation} ON ${table}`);
      }
      await queryRunner.query(`DROP FUNCTION ${table}_rolled_up()`);
    }
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION rebuild_case_facts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        DELETE FROM case_facts;
        INSERT INTO case_facts SELECT * FROM case_facts_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        RETURN rebuilt;
      END
      $$`);
    await queryRunner.query(`DROP FUNCTION rebuild_report_rollups()`);
    await queryRunner.query(`DROP FUNCTION compact_report_rollups()`);
    await queryRunner.query(`DROP VIEW report_rollups_source`);
    await queryRunner.query(`DROP FUNCTION desk_rollup_rows(uuid, uuid, date, text, integer, integer)`);
    await queryRunner.query(`DROP FUNCTION case_rollup_rows(case_facts, text)`);
    await queryRunner.query(`DROP TABLE report_rollup_changes`);
    await queryRunner.query(`DROP TABLE report_rollups`);
  }
}
