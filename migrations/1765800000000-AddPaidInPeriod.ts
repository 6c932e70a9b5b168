import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money by the day it was paid, and wages apart from labour fees (issue 14).
 *
 * Until now every figure was "the cases opened in the period, with today's money": a payment made in
 * February on a case opened in January counted in January. A leader asks what was recovered in
 * February, and how much of it was wages (工资) and how much labour fees (劳务费).
 *
 * case_facts gains, per case:
 *   - what is owed and what was paid, of wages and of labour fees (other = the rest);
 *   - the days money was paid on, each with its amount in all and of wages and of labour fees, as
 *     parallel arrays in day order (`paid_days`, `paid_days_fen`, `paid_days_wages_fen`,
 *     `paid_days_labour_fees_fen`), from the payouts themselves (`payouts.paid_on`, the day it was paid).
 * report_rollups gains the same kind split, and `paid_in_month_*`: the money paid in the bucket's
 * month, whatever month the case was opened in. case_rollup_rows emits a case's payments under the
 * month they were paid, in the case's own buckets (organisation, industry, lawyer, mediator; by
 * project only the cases without one), so a change to a case's lawyer or industry moves its payments
 * too, by the same differences as everything else. A report takes the whole months from the rollups
 * and the days at the edges (and a page's projects) from
 * `case_pay_days`: one narrow row per case and day it was paid on, with the case's dimensions,
 * derived from case_facts (`case_pay_day_rows`, the one definition; `case_pay_days_source` what the
 * table must equal) by statement triggers in the same transaction, and read by day from a covering
 * index. Unnesting the arrays of case_facts for the edge days instead cost 15-20 ms a report at
 * 200,000 cases (4,300 cases paid in 26 days of December), five times that at a million.
 *
 * A sum of zero in report_rollups (and in its changes) is now written as NULL: most rows carry one or
 * two sums of twenty-two (the speed histogram's, the payments', the desk's), and NULL takes no room.
 *
 * case_facts_source stays the one definition of case_facts (with the day a case concluded as
 * AddEventDays1765400000000 defined it) and report_rollups_source the one definition of the rollups;
 * both are rebuilt from scratch at the end.
 *
 * Self-contained: the rollup functions of AddReportRollups1765000000000 are written out here again
 * for the longer list of sums, and down() writes them out for the shorter one.
 */

const FINAL = `('closed', 'withdrawn', 'rejected')`;

/** The sums of AddReportRollups1765000000000, in its order. */
const EARLIER_SUMS = [
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
/** The sums this adds, after those. Other = the total less wages and labour fees, everywhere. */
const KIND_SUMS = [
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
const SUMS = [...EARLIER_SUMS, ...KIND_SUMS];
const BUCKET = ['organisation_id', 'subtree', 'dimension', 'month', 'key', 'days'] as const;

/** The columns of case_facts before this migration, in order (AddCaseFacts1764900000000). */
const EARLIER_FACTS = [
  'case_id',
  'organisation_id',
  'intake_date',
  'status',
  'outcome',
  'closed_on',
  'lawyer_id',
  'mediator_id',
  'project_id',
  'employer_id',
  'industry',
  'workers',
  'unconfirmed',
  'claimed_fen',
  'confirmed_fen',
  'owed_fen',
  'paid_fen',
  'workers_owed',
  'last_paid_on',
];
/** The columns this adds to case_facts, with their types. */
const KIND_FACTS: [column: string, type: 'bigint' | 'bigint[]' | 'date[]'][] = [
  ['owed_wages_fen', 'bigint'],
  ['owed_labour_fees_fen', 'bigint'],
  ['paid_wages_fen', 'bigint'],
  ['paid_labour_fees_fen', 'bigint'],
  ['paid_days', 'date[]'],
  ['paid_days_fen', 'bigint[]'],
  ['paid_days_wages_fen', 'bigint[]'],
  ['paid_days_labour_fees_fen', 'bigint[]'],
];

/** The columns the reports read from the intake index without visiting the table. */
const EARLIER_INTAKE_INCLUDE = [
  'organisation_id',
  'status',
  'lawyer_id',
  'mediator_id',
  'project_id',
  'employer_id',
  'industry',
  'workers',
  'unconfirmed',
  'claimed_fen',
  'confirmed_fen',
  'owed_fen',
  'paid_fen',
  'workers_owed',
  'last_paid_on',
];
const INTAKE_INCLUDE = [...EARLIER_INTAKE_INCLUDE, 'owed_wages_fen', 'owed_labour_fees_fen', 'paid_wages_fen', 'paid_labour_fees_fen'];

export class AddPaidInPeriod1765800000000 implements MigrationInterface {
  name = 'AddPaidInPeriod1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [column, type] of KIND_FACTS) {
      await queryRunner.query(`ALTER TABLE case_facts ADD COLUMN ${column} ${type} NOT NULL DEFAULT ${type === 'bigint' ? '0' : `'{}'`}`);
    }
    await queryRunner.query(caseFactsSource(true));
    await queryRunner.query(refreshCaseFacts([...EARLIER_FACTS, ...KIND_FACTS.map(([column]) => column)]));

    // The rollup functions return the rollup row, so they are dropped and made again with the new sums.
    // A sum of zero is now kept as NULL, which takes no room: half the rows are the speed histogram's,
    // with one sum each, and nine more bigint columns of zeros made the table twice as large (and the
    // breakdowns that read thousands of its rows 10-30 ms slower at 200,000 cases).
    await dropRollupFunctions(queryRunner);
    for (const table of ['report_rollups', 'report_rollup_changes']) {
      for (const column of EARLIER_SUMS) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`);
      for (const column of KIND_SUMS) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN ${column} bigint`);
    }
    await createRollupMachinery(queryRunner, SUMS, caseRollupRows(true), true);

    // The edge days of a period: each case's figures by kind from the intake index alone.
    await queryRunner.query(`DROP INDEX case_facts_intake_idx`);
    await queryRunner.query(`CREATE INDEX case_facts_intake_idx ON case_facts (intake_date) INCLUDE (${INTAKE_INCLUDE.join(', ')})`);
    await createCasePayDays(queryRunner);
    await queryRunner.query(rebuildCaseFacts(true));

    // Everything from scratch: case_facts from case_facts_source, then the rollups and the pay days from theirs.
    await queryRunner.query(`SELECT rebuild_case_facts()`);
    for (const [column] of KIND_FACTS) await queryRunner.query(`ALTER TABLE case_facts ALTER COLUMN ${column} DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rebuildCaseFacts(false));
    for (const operation of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER case_facts_pay_days_${operation} ON case_facts`);
    await queryRunner.query(`DROP FUNCTION case_pay_days_followed()`);
    await queryRunner.query(`DROP FUNCTION rebuild_case_pay_days()`);
    await queryRunner.query(`DROP VIEW case_pay_days_source`);
    await queryRunner.query(`DROP FUNCTION case_pay_day_rows(case_facts)`);
    await queryRunner.query(`DROP TABLE case_pay_days`);
    await queryRunner.query(`DROP INDEX case_facts_intake_idx`);
    await queryRunner.query(`CREATE INDEX case_facts_intake_idx ON case_facts (intake_date) INCLUDE (${EARLIER_INTAKE_INCLUDE.join(', ')})`);

    await dropRollupFunctions(queryRunner);
    for (const table of ['report_rollups', 'report_rollup_changes']) {
      for (const column of KIND_SUMS) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
    await createRollupMachinery(queryRunner, EARLIER_SUMS, caseRollupRows(false), false);

    await queryRunner.query(refreshCaseFacts(EARLIER_FACTS));
    // a view cannot lose columns in place
    await queryRunner.query(`DROP VIEW case_facts_source`);
    await queryRunner.query(caseFactsSource(false));
    for (const [column] of KIND_FACTS) await queryRunner.query(`ALTER TABLE case_facts DROP COLUMN ${column}`);
    // (the rebuild writes zeros again, where the sums may be NOT NULL once more)
    await queryRunner.query(`SELECT rebuild_case_facts()`);
    for (const table of ['report_rollups', 'report_rollup_changes']) {
      for (const column of EARLIER_SUMS) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL`);
    }
  }
}

/**
 * case_facts_source as AddEventDays1765400000000 left it (the day a case concluded from
 * `cases.closed_on`), and with `kinds` the columns this migration adds, at the end.
 */
function caseFactsSource(kinds: boolean): string {
  return `
    CREATE OR REPLACE VIEW case_facts_source AS
    SELECT c.id AS case_id, c.organisation_id, c.intake_date, c.status, c.outcome,
           CASE WHEN c.status IN ${FINAL} THEN c.closed_on END AS closed_on,
           c.lawyer_id, c.mediator_id, c.project_id,
           direct.employer_id, direct.industry,
           COALESCE(money.workers, 0) AS workers,
           COALESCE(money.unconfirmed, 0) AS unconfirmed,
           COALESCE(money.claimed_fen, 0) AS claimed_fen,
           COALESCE(money.confirmed_fen, 0) AS confirmed_fen,
           COALESCE(money.owed_fen, 0) AS owed_fen,
           COALESCE(money.paid_fen, 0) AS paid_fen,
           COALESCE(money.workers_owed, 0) AS workers_owed,
           money.last_paid_on${
             kinds
               ? `,
           COALESCE(money.owed_wages_fen, 0) AS owed_wages_fen,
           COALESCE(money.owed_labour_fees_fen, 0) AS owed_labour_fees_fen,
           COALESCE(money.paid_wages_fen, 0) AS paid_wages_fen,
           COALESCE(money.paid_labour_fees_fen, 0) AS paid_labour_fees_fen,
           COALESCE(pay_days.paid_days, '{}') AS paid_days,
           COALESCE(pay_days.paid_days_fen, '{}') AS paid_days_fen,
           COALESCE(pay_days.paid_days_wages_fen, '{}') AS paid_days_wages_fen,
           COALESCE(pay_days.paid_days_labour_fees_fen, '{}') AS paid_days_labour_fees_fen`
               : ''
           }
      FROM cases c
      LEFT JOIN LATERAL (
        SELECT ce.employer_id, e.industry
          FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
         WHERE ce.case_id = c.id
         ORDER BY array_position(ARRAY['employer', 'individual_contractor', 'labour_subcontractor', 'subcontractor',
                                       'general_contractor', 'project_owner'], ce.role), ce.employer_id
         LIMIT 1) direct ON true
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS workers,
               count(*) FILTER (WHERE cl.confirmed_fen IS NULL)::int AS unconfirmed,
               SUM(cl.claimed_fen)::bigint AS claimed_fen,
               SUM(COALESCE(cl.confirmed_fen, 0))::bigint AS confirmed_fen,
               SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen))::bigint AS owed_fen,
               SUM(COALESCE(p.paid_fen, 0))::bigint AS paid_fen,
               count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(p.paid_fen, 0))::int AS workers_owed,
               max(p.last_paid_on) AS last_paid_on${
                 kinds
                   ? `,
               SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'wages')::bigint AS owed_wages_fen,
               SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'labour_fees')::bigint AS owed_labour_fees_fen,
               SUM(COALESCE(p.paid_fen, 0)) FILTER (WHERE cl.kind = 'wages')::bigint AS paid_wages_fen,
               SUM(COALESCE(p.paid_fen, 0)) FILTER (WHERE cl.kind = 'labour_fees')::bigint AS paid_labour_fees_fen`
                   : ''
               }
          FROM claims cl
          LEFT JOIN LATERAL (SELECT SUM(amount_fen) AS paid_fen, max(paid_on) AS last_paid_on
                               FROM payouts WHERE claim_id = cl.id) p ON true
         WHERE cl.case_id = c.id) money ON true${
           kinds
             ? `
      -- each day money was paid on the case (the day it was paid, as recorded), in day order
      LEFT JOIN LATERAL (
        SELECT array_agg(d.paid_on ORDER BY d.paid_on) AS paid_days,
               array_agg(d.fen ORDER BY d.paid_on) AS paid_days_fen,
               array_agg(d.wages_fen ORDER BY d.paid_on) AS paid_days_wages_fen,
               array_agg(d.labour_fees_fen ORDER BY d.paid_on) AS paid_days_labour_fees_fen
          FROM (SELECT p.paid_on, SUM(p.amount_fen)::bigint AS fen,
                       COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'wages'), 0)::bigint AS wages_fen,
                       COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'labour_fees'), 0)::bigint AS labour_fees_fen
                  FROM payouts p JOIN claims cl ON cl.id = p.claim_id
                 WHERE p.case_id = c.id
                 GROUP BY p.paid_on) d) pay_days ON true`
             : ''
         }`;
}

/** refresh_case_facts (AddReportRollups1765000000000's: a refresh that changes nothing writes nothing) over these columns. */
function refreshCaseFacts(columns: string[]): string {
  return `
    CREATE OR REPLACE FUNCTION refresh_case_facts(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO case_facts
      SELECT * FROM case_facts_source WHERE case_id = ANY(case_ids)
      ON CONFLICT (case_id) DO UPDATE SET
        ${columns
          .filter((column) => column !== 'case_id')
          .map((column) => `${column} = EXCLUDED.${column}`)
          .join(', ')}
      WHERE (case_facts.*) IS DISTINCT FROM (EXCLUDED.*)
    $$`;
}

/**
 * What one case adds to the buckets (AddReportRollups1765000000000): every organisation on its path
 * (the subtree rows) and its own organisation (the own rows); the day it concluded counts in the month
 * it concluded. With `kinds`, its figures by kind beside the others, and its payments under the month
 * each was paid in (the `paid` rows), in the same buckets as the case.
 */
function caseRollupRows(kinds: boolean): string {
  const sumTypes = (kinds ? SUMS : EARLIER_SUMS).map((column) => `${column} ${sqlTypeOf(column)}`).join(', ');
  const noKinds = kinds ? `, ${KIND_SUMS.map(() => '0::bigint').join(', ')}` : '';
  return `
    CREATE FUNCTION case_rollup_rows(f case_facts, path text)
    RETURNS TABLE (organisation_id uuid, subtree boolean, dimension text, month date, key text, days integer, ${sumTypes})
    LANGUAGE sql IMMUTABLE AS $$
      WITH money AS (
        SELECT date_trunc('month', f.intake_date::timestamp)::date AS month,
               (f.status IN ${FINAL})::int AS concluded,
               (f.status = 'closed')::int AS closed,
               CASE WHEN f.status IN ${FINAL} THEN 0 ELSE f.owed_fen - f.paid_fen END AS unpaid_fen,${
                 kinds
                   ? `
               CASE WHEN f.status IN ${FINAL} THEN 0 ELSE f.owed_wages_fen - f.paid_wages_fen END AS unpaid_wages_fen,
               CASE WHEN f.status IN ${FINAL} THEN 0 ELSE f.owed_labour_fees_fen - f.paid_labour_fees_fen END AS unpaid_labour_fees_fen,`
                   : ''
               }
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
      )${
        kinds
          ? `,
      paid AS (
        SELECT date_trunc('month', d.day::timestamp)::date AS month, SUM(d.fen)::bigint AS fen,
               SUM(d.wages_fen)::bigint AS wages_fen, SUM(d.labour_fees_fen)::bigint AS labour_fees_fen
          FROM unnest(f.paid_days, f.paid_days_fen, f.paid_days_wages_fen, f.paid_days_labour_fees_fen) d(day, fen, wages_fen, labour_fees_fen)
         GROUP BY 1
      )`
          : ''
      }
      SELECT l.organisation_id, l.subtree, k.dimension, m.month, k.key, NULL::int,
             1, m.concluded, m.closed, f.workers, f.claimed_fen, f.confirmed_fen, f.owed_fen, f.paid_fen, m.unpaid_fen,
             m.paid_in_full::int, 0, 0, 0${
               kinds
                 ? `,
             f.owed_wages_fen, f.owed_labour_fees_fen, f.paid_wages_fen, f.paid_labour_fees_fen, m.unpaid_wages_fen,
             m.unpaid_labour_fees_fen, 0::bigint, 0::bigint, 0::bigint`
                 : ''
             }
        FROM money m, levels l, keys k
       WHERE l.subtree OR k.own
      UNION ALL
      SELECT l.organisation_id, l.subtree, k.dimension, m.month, k.key, GREATEST(f.last_paid_on - f.intake_date, 0),
             0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0${noKinds}
        FROM money m, levels l, keys k
       WHERE m.paid_in_full AND k.histogram AND (l.subtree OR k.own)
      UNION ALL
      SELECT l.organisation_id, l.subtree, 'all', date_trunc('month', f.closed_on::timestamp)::date, NULL, NULL,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0${noKinds}
        FROM levels l
       WHERE f.closed_on IS NOT NULL${
         kinds
           ? `
      UNION ALL
      SELECT l.organisation_id, l.subtree, k.dimension, p.month, k.key, NULL::int,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, p.fen, p.wages_fen, p.labour_fees_fen
        FROM paid p, levels l, keys k
       -- (a project's payments are read from case_pay_days for the projects a report shows: some twenty
       -- thousand projects a year are paid in months they had no case opened in, and their rows made
       -- the breakdown by project half as slow again; the cases without a project stay here)
       WHERE (l.subtree OR k.own) AND (k.dimension <> 'project' OR k.key IS NULL)`
           : ''
       }
    $$`;
}

/** The dimensions of a case that its pay days carry, as case_facts names them. */
const PAY_DAY_DIMENSIONS = ['organisation_id', 'lawyer_id', 'mediator_id', 'project_id', 'employer_id', 'industry'];

/**
 * `case_pay_days`: each day money was paid on a case, with the case's dimensions, so the days at the
 * edges of a period are read from an index alone. Derived from case_facts by `case_pay_day_rows`;
 * statement triggers on case_facts rewrite the rows of the cases whose pay days or dimensions a
 * statement changed; rebuild_case_facts() rebuilds it with the rest. Autovacuumed as often as the
 * other report tables (VacuumReportTablesOften1765100000000), for the same reason.
 */
async function createCasePayDays(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE case_pay_days (
      case_id uuid NOT NULL,
      paid_on date NOT NULL,
      organisation_id uuid NOT NULL,
      lawyer_id uuid,
      mediator_id uuid,
      project_id uuid,
      employer_id uuid,
      industry text,
      -- paid that day in all, of wages, of labour fees (other: the rest)
      fen bigint NOT NULL,
      wages_fen bigint NOT NULL,
      labour_fees_fen bigint NOT NULL,
      PRIMARY KEY (case_id, paid_on)
    ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
            autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000)`);
  // the days of a period in every dimension; and an employer's or a project's days (their breakdowns)
  await queryRunner.query(`
    CREATE INDEX case_pay_days_day_idx ON case_pay_days (paid_on)
    INCLUDE (${PAY_DAY_DIMENSIONS.join(', ')}, fen, wages_fen, labour_fees_fen)`);
  await queryRunner.query(`
    CREATE INDEX case_pay_days_employer_idx ON case_pay_days (employer_id, paid_on) INCLUDE (organisation_id, fen, wages_fen, labour_fees_fen)`);
  await queryRunner.query(`
    CREATE INDEX case_pay_days_project_idx ON case_pay_days (project_id, paid_on) INCLUDE (organisation_id, fen, wages_fen, labour_fees_fen)
    WHERE project_id IS NOT NULL`);

  await queryRunner.query(`
    CREATE FUNCTION case_pay_day_rows(f case_facts) RETURNS SETOF case_pay_days LANGUAGE sql IMMUTABLE AS $$
      SELECT f.case_id, d.paid_on, ${PAY_DAY_DIMENSIONS.map((column) => `f.${column}`).join(', ')}, d.fen, d.wages_fen, d.labour_fees_fen
        FROM unnest(f.paid_days, f.paid_days_fen, f.paid_days_wages_fen, f.paid_days_labour_fees_fen) d(paid_on, fen, wages_fen, labour_fees_fen)
    $$`);
  await queryRunner.query(`CREATE VIEW case_pay_days_source AS SELECT r.* FROM case_facts f, case_pay_day_rows(f) r`);
  await queryRunner.query(`
    CREATE FUNCTION rebuild_case_pay_days() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      rebuilt bigint;
    BEGIN
      TRUNCATE case_pay_days;
      INSERT INTO case_pay_days SELECT * FROM case_pay_days_source;
      GET DIAGNOSTICS rebuilt = ROW_COUNT;
      RETURN rebuilt;
    END
    $$`);

  // A case whose pay days and dimensions a statement left alone keeps its rows (a status change, a
  // confirmation): no index churn for it.
  const read = [...PAY_DAY_DIMENSIONS, 'paid_days', 'paid_days_fen', 'paid_days_wages_fen', 'paid_days_labour_fees_fen'];
  const changed = `(${read.map((column) => `n.${column}`).join(', ')}) IS DISTINCT FROM (${read.map((column) => `o.${column}`).join(', ')})`;
  // Each branch names only the transition tables its operation has (PL/pgSQL plans a statement when it first runs).
  await queryRunner.query(`
    CREATE FUNCTION case_pay_days_followed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('wages.rebuilding_rollups', true) = 'on' THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' THEN
        INSERT INTO case_pay_days SELECT r.* FROM new_rows n, case_pay_day_rows(ROW(n.*)::case_facts) r;
      ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM case_pay_days p USING new_rows n JOIN old_rows o ON o.case_id = n.case_id
         WHERE p.case_id = o.case_id AND ${changed};
        INSERT INTO case_pay_days
        SELECT r.* FROM new_rows n JOIN old_rows o ON o.case_id = n.case_id, case_pay_day_rows(ROW(n.*)::case_facts) r
         WHERE ${changed};
      ELSE
        DELETE FROM case_pay_days p USING old_rows o WHERE p.case_id = o.case_id;
      END IF;
      RETURN NULL;
    END
    $$`);
  await queryRunner.query(`
    CREATE TRIGGER case_facts_pay_days_insert AFTER INSERT ON case_facts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_pay_days_followed()`);
  await queryRunner.query(`
    CREATE TRIGGER case_facts_pay_days_update AFTER UPDATE ON case_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_pay_days_followed()`);
  await queryRunner.query(`
    CREATE TRIGGER case_facts_pay_days_delete AFTER DELETE ON case_facts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_pay_days_followed()`);
}

/**
 * rebuild_case_facts() as AddReportRollups1765000000000 left it (case_facts, then the rollups, their
 * triggers held off), and with `payDays` the pay days too.
 */
function rebuildCaseFacts(payDays: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION rebuild_case_facts() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      rebuilt bigint;
    BEGIN
      PERFORM set_config('wages.rebuilding_rollups', 'on', true);
      TRUNCATE case_facts;
      INSERT INTO case_facts SELECT * FROM case_facts_source;
      GET DIAGNOSTICS rebuilt = ROW_COUNT;
      PERFORM rebuild_report_rollups();${payDays ? '\n      PERFORM rebuild_case_pay_days();' : ''}
      PERFORM set_config('wages.rebuilding_rollups', 'off', true);
      RETURN rebuilt;
    END
    $$`;
}

function sqlTypeOf(column: string): 'bigint' | 'integer' {
  return column.endsWith('_fen') ? 'bigint' : 'integer';
}

async function dropRollupFunctions(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP VIEW report_rollups_source`);
  await queryRunner.query(`DROP FUNCTION case_rollup_rows(case_facts, text)`);
  await queryRunner.query(`DROP FUNCTION desk_rollup_rows(uuid, uuid, date, text, integer, integer)`);
}

/**
 * Everything of AddReportRollups1765000000000 that lists the sums, for this list: the bucket index,
 * the rows a case and a piece of desk work add, the one definition of the rollups, the triggers that
 * append the differences, the move of an organisation, the folding and the rebuild. With
 * `zeroAsNull`, every sum that adds up to zero is written as NULL (readers add NULL as nothing).
 */
async function createRollupMachinery(
  queryRunner: QueryRunner,
  sums: readonly string[],
  caseRollupRowsSql: string,
  zeroAsNull: boolean,
): Promise<void> {
  const sumTypes = sums.map((column) => `${column} ${sqlTypeOf(column)}`).join(', ');
  const summed = sums.map((column) => (zeroAsNull ? `NULLIF(SUM(r.${column}), 0) AS ${column}` : `SUM(r.${column}) AS ${column}`)).join(', ');
  const folded = (column: string) =>
    zeroAsNull
      ? `${column} = NULLIF(COALESCE(report_rollups.${column}, 0) + COALESCE(EXCLUDED.${column}, 0), 0)`
      : `${column} = report_rollups.${column} + EXCLUDED.${column}`;
  const bucketColumns = BUCKET.map((column) => `r.${column}`).join(', ');
  const signed = sums.map((column) => `c.sign * r.${column} AS ${column}`).join(', ');
  const nonZero = sums.map((column) => `SUM(r.${column}) <> 0`).join(' OR ');
  const allColumns = [...BUCKET, ...sums].join(', ');
  // what a consultation or an outreach visit adds: its count, and nothing to any other sum
  const deskSums = sums.map((column) => (column === 'consultations' || column === 'outreach_visits' ? column : '0')).join(', ');

  // (dropping a column it includes has dropped it already on the way down)
  await queryRunner.query(`DROP INDEX IF EXISTS report_rollups_bucket`);
  await queryRunner.query(`
    CREATE UNIQUE INDEX report_rollups_bucket ON report_rollups (${BUCKET.join(', ')})
    INCLUDE (${sums.join(', ')}) NULLS NOT DISTINCT`);

  await queryRunner.query(caseRollupRowsSql);
  await queryRunner.query(`
    CREATE FUNCTION desk_rollup_rows(organisation_id uuid, lawyer_id uuid, day date, path text, consultations integer, outreach_visits integer)
    RETURNS TABLE (organisation_id uuid, subtree boolean, dimension text, month date, key text, days integer, ${sumTypes})
    LANGUAGE sql IMMUTABLE AS $$
      SELECT l.organisation_id, l.subtree, k.dimension, date_trunc('month', day::timestamp)::date, k.key, NULL::int, ${deskSums}
        FROM (SELECT level::uuid AS organisation_id, true AS subtree
                FROM unnest(string_to_array(trim(both '/' from path), '/')) level
              UNION ALL SELECT desk_rollup_rows.organisation_id, false) l,
             (SELECT 'all' AS dimension, NULL::text AS key, true AS own
              UNION ALL SELECT 'lawyer', desk_rollup_rows.lawyer_id::text, false) k
       WHERE l.subtree OR k.own
    $$`);

  await queryRunner.query(`
    CREATE VIEW report_rollups_source AS
    SELECT ${bucketColumns}, ${summed}
      FROM (
        SELECT r.* FROM case_facts f JOIN organisations o ON o.id = f.organisation_id, case_rollup_rows(f, o.path) r
        UNION ALL
        SELECT r.* FROM consultations x JOIN organisations o ON o.id = x.organisation_id,
               desk_rollup_rows(x.organisation_id, x.lawyer_id, (x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date, o.path, 1, 0) r
        UNION ALL
        SELECT r.* FROM outreach_visits v JOIN organisations o ON o.id = v.organisation_id,
               desk_rollup_rows(v.organisation_id, v.lawyer_id, v.visited_on, o.path, 0, 1) r
      ) r
     GROUP BY ${bucketColumns}
    HAVING ${nonZero}`);

  const appendChanges = (contributions: string) => `
    INSERT INTO report_rollup_changes (${allColumns})
    SELECT ${bucketColumns}, ${summed}
      FROM (${contributions}) r
     GROUP BY ${bucketColumns}
    HAVING ${nonZero}`;
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
    CREATE OR REPLACE FUNCTION case_facts_rolled_up() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${byOperation(
        (sources) => `SELECT ${bucketColumns}, ${signed}
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
      CREATE OR REPLACE FUNCTION ${table}_rolled_up() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${byOperation(
          (sources) => `SELECT ${bucketColumns}, ${signed}
            FROM (${sources
              .map(([sign, rows]) => `SELECT ${sign} AS sign, t.organisation_id, t.lawyer_id, ${day} AS day FROM ${rows} t`)
              .join(' UNION ALL ')}) c
            JOIN organisations o ON o.id = c.organisation_id,
                 desk_rollup_rows(c.organisation_id, c.lawyer_id, c.day, o.path, ${consultations}, ${visits}) r`,
        )}
      END
      $$`);
  }

  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION organisations_moved() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.path <> o.path) THEN RETURN NULL; END IF;
      LOCK TABLE case_facts, consultations, outreach_visits IN SHARE MODE;
      ${appendChanges(`
        WITH moved AS (SELECT n.id, n.path AS new_path, o.path AS old_path FROM new_rows n JOIN old_rows o ON o.id = n.id
                        WHERE n.path <> o.path),
             paths AS (SELECT id, 1 AS sign, new_path AS path FROM moved UNION ALL SELECT id, -1, old_path FROM moved)
        SELECT ${bucketColumns}, ${signed}
          FROM paths c JOIN case_facts f ON f.organisation_id = c.id, case_rollup_rows(f, c.path) r
        UNION ALL
        SELECT ${bucketColumns}, ${signed}
          FROM paths c JOIN consultations x ON x.organisation_id = c.id,
               desk_rollup_rows(x.organisation_id, x.lawyer_id, (x.consulted_at AT TIME ZONE 'Asia/Shanghai')::date, c.path, 1, 0) r
        UNION ALL
        SELECT ${bucketColumns}, ${signed}
          FROM paths c JOIN outreach_visits v ON v.organisation_id = c.id,
               desk_rollup_rows(v.organisation_id, v.lawyer_id, v.visited_on, c.path, 0, 1) r`)};
      RETURN NULL;
    END
    $$`);

  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION compact_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      folded bigint;
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtext('compact_report_rollups')) THEN RETURN 0; END IF;
      WITH moved AS (DELETE FROM report_rollup_changes RETURNING *)
      INSERT INTO report_rollups (${allColumns})
      SELECT ${bucketColumns}, ${summed}
        FROM moved r
       GROUP BY ${bucketColumns}
      ON CONFLICT (${BUCKET.join(', ')}) DO UPDATE SET
        ${sums.map(folded).join(', ')};
      GET DIAGNOSTICS folded = ROW_COUNT;
      RETURN folded;
    END
    $$`);
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      rebuilt bigint;
    BEGIN
      TRUNCATE report_rollups, report_rollup_changes;
      INSERT INTO report_rollups (${allColumns}) SELECT ${allColumns} FROM report_rollups_source;
      GET DIAGNOSTICS rebuilt = ROW_COUNT;
      RETURN rebuilt;
    END
    $$`);
}
