import { MigrationInterface, QueryRunner } from 'typeorm';
import { AddEmployerCaseCounts1767800000000 } from './1767800000000-AddEmployerCaseCounts';

/**
 * `group_case_counts`: how many cases each employer and each project has in case_facts, ever, in every
 * organisation; it takes the place of `employer_case_counts` (AddEmployerCaseCounts1767800000000).
 *
 * The breakdowns by employer and by project rank a period's groups by their cases opened in it. No
 * group can have more cases in a period and scope than it has ever had, so only the groups with at
 * least as many cases ever as the page's last one has in the period can be on the page, and those few
 * are counted one by one (src/reports/reports.sql.ts, GROUP_CANDIDATES) instead of every group of the
 * period: the employers from case_facts, the projects from their rollup rows by key.
 *
 * Kept by one set of statement triggers on case_facts, which write only when a statement adds, removes
 * or moves a case between employers or projects (a payout changes no count); rebuild_case_facts()
 * rebuilds it with the rest. The cases without an employer or project have no row. Vacuumed as often as
 * the other report tables, so its index is read without the table.
 */
export class AddGroupCaseCounts1767900000000 implements MigrationInterface {
  name = 'AddGroupCaseCounts1767900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rebuildCaseFacts(null));
    for (const operation of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER case_facts_employer_counts_${operation} ON case_facts`);
    }
    await queryRunner.query(`DROP FUNCTION employer_case_counts_followed()`);
    await queryRunner.query(`DROP FUNCTION rebuild_employer_case_counts()`);
    await queryRunner.query(`DROP VIEW employer_case_counts_source`);
    await queryRunner.query(`DROP TABLE employer_case_counts`);

    await queryRunner.query(`
      CREATE TABLE group_case_counts (
        dimension text NOT NULL CHECK (dimension IN ('employer', 'project')),
        key uuid NOT NULL,
        cases integer NOT NULL CHECK (cases >= 0),
        PRIMARY KEY (dimension, key)
      ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
              autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000)`);
    // each dimension's groups with the most cases first: a page's candidates are a range of this index
    await queryRunner.query(`CREATE INDEX group_case_counts_ranking_idx ON group_case_counts (dimension, cases DESC) INCLUDE (key)`);
    await queryRunner.query(`
      CREATE VIEW group_case_counts_source AS
      SELECT 'employer'::text AS dimension, employer_id AS key, count(*)::int AS cases
        FROM case_facts WHERE employer_id IS NOT NULL GROUP BY employer_id
      UNION ALL
      SELECT 'project'::text, project_id, count(*)::int
        FROM case_facts WHERE project_id IS NOT NULL GROUP BY project_id`);
    await queryRunner.query(`
      CREATE FUNCTION rebuild_group_case_counts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        TRUNCATE group_case_counts;
        INSERT INTO group_case_counts SELECT * FROM group_case_counts_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        RETURN rebuilt;
      END
      $$`);

    // The cases a statement added (+1) and removed (-1) per group, an update's only where it moved the
    // case to another employer or project. The groups that lose cases are updated first: an insert's row
    // is checked (cases >= 0) before it meets the row it would update. Those that gain are upserted in
    // the key's order, so two statements cannot deadlock; a group left with none loses its row. Each
    // branch names only the transition tables its operation has (PL/pgSQL plans a statement when it
    // first runs).
    const byGroup = (rows: string, change: string, where = '') => `
      SELECT 'employer' AS dimension, employer_id AS key, ${change} AS change FROM ${rows} ${where}
      UNION ALL
      SELECT 'project', project_id, ${change} FROM ${rows} ${where}`;
    const netChanges = (changes: string, sign: '<' | '>') => `
      SELECT dimension, key, sum(change)::int AS change FROM (${changes}) c
       WHERE key IS NOT NULL
       GROUP BY dimension, key
      HAVING sum(change) ${sign} 0`;
    const applyChanges = (changes: string) => `
      UPDATE group_case_counts counts SET cases = counts.cases + lost.change
        FROM (${netChanges(changes, '<')}) lost
       WHERE counts.dimension = lost.dimension AND counts.key = lost.key;
      INSERT INTO group_case_counts AS counts (dimension, key, cases)
      ${netChanges(changes, '>')}
       ORDER BY dimension, key
      ON CONFLICT (dimension, key) DO UPDATE SET cases = counts.cases + EXCLUDED.cases;
      DELETE FROM group_case_counts WHERE cases = 0`;
    // an update moves a case between groups only where it changed one of them
    const moved = `new_rows n JOIN old_rows o ON o.case_id = n.case_id
             WHERE n.employer_id IS DISTINCT FROM o.employer_id OR n.project_id IS DISTINCT FROM o.project_id`;
    await queryRunner.query(`
      CREATE FUNCTION group_case_counts_followed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('wages.rebuilding_rollups', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          ${applyChanges(byGroup('new_rows', '1'))};
        ELSIF TG_OP = 'UPDATE' THEN
          IF NOT EXISTS (SELECT 1 FROM ${moved}) THEN
            RETURN NULL;
          END IF;
          ${applyChanges(`
            SELECT 'employer' AS dimension, n.employer_id AS key, 1 AS change FROM ${moved}
            UNION ALL SELECT 'employer', o.employer_id, -1 FROM ${moved}
            UNION ALL SELECT 'project', n.project_id, 1 FROM ${moved}
            UNION ALL SELECT 'project', o.project_id, -1 FROM ${moved}`)};
        ELSE
          ${applyChanges(byGroup('old_rows', '-1'))};
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_facts_group_counts_insert AFTER INSERT ON case_facts REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION group_case_counts_followed()`);
    await queryRunner.query(`
      CREATE TRIGGER case_facts_group_counts_update AFTER UPDATE ON case_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION group_case_counts_followed()`);
    await queryRunner.query(`
      CREATE TRIGGER case_facts_group_counts_delete AFTER DELETE ON case_facts REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION group_case_counts_followed()`);

    await queryRunner.query(rebuildCaseFacts('rebuild_group_case_counts'));
    await queryRunner.query(`SELECT rebuild_group_case_counts()`);
  }

  /** Back to employer_case_counts: AddEmployerCaseCounts1767800000000 makes it again. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rebuildCaseFacts(null));
    for (const operation of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER case_facts_group_counts_${operation} ON case_facts`);
    }
    await queryRunner.query(`DROP FUNCTION group_case_counts_followed()`);
    await queryRunner.query(`DROP FUNCTION rebuild_group_case_counts()`);
    await queryRunner.query(`DROP VIEW group_case_counts_source`);
    await queryRunner.query(`DROP TABLE group_case_counts`);
    await new AddEmployerCaseCounts1767800000000().up(queryRunner);
  }
}

/**
 * rebuild_case_facts() as AddPaidInPeriod1765800000000 left it (case_facts, the rollups and the pay
 * days, their triggers held off), then calling `counts` if given.
 */
function rebuildCaseFacts(counts: string | null): string {
  return `
    CREATE OR REPLACE FUNCTION rebuild_case_facts() RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE
      rebuilt bigint;
    BEGIN
      PERFORM set_config('wages.rebuilding_rollups', 'on', true);
      TRUNCATE case_facts;
      INSERT INTO case_facts SELECT * FROM case_facts_source;
      GET DIAGNOSTICS rebuilt = ROW_COUNT;
      PERFORM rebuild_report_rollups();
      PERFORM rebuild_case_pay_days();${counts ? `\n      PERFORM ${counts}();` : ''}
      PERFORM set_config('wages.rebuilding_rollups', 'off', true);
      RETURN rebuilt;
    END
    $$`;
}
