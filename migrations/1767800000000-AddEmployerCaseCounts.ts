import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `employer_case_counts`: how many cases each employer has in case_facts, ever, in every organisation.
 * The breakdown by employer ranks a period's employers by their cases there; no employer can have more
 * cases in a period and scope than it has ever had, so only the employers with at least as many cases
 * ever as the page's last one has in the period can be on the page, and those few are counted one by
 * one (reports.sql.ts, EMPLOYER_PAGE_SQL) instead of every employer of the period.
 *
 * Kept by statement triggers on case_facts, which write only when a statement adds, removes or moves
 * a case between employers (a payout changes no count); rebuild_case_facts() rebuilds it with the rest.
 * The cases without an employer have no row. Vacuumed as often as the other report tables, so its
 * index is read without the table.
 */
export class AddEmployerCaseCounts1767800000000 implements MigrationInterface {
  name = 'AddEmployerCaseCounts1767800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE employer_case_counts (
        employer_id uuid PRIMARY KEY,
        cases integer NOT NULL CHECK (cases >= 0)
      ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
              autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000)`);
    // the employers with the most cases first: a page's candidates are a range of this index
    await queryRunner.query(`CREATE INDEX employer_case_counts_ranking_idx ON employer_case_counts (cases DESC) INCLUDE (employer_id)`);
    await queryRunner.query(`
      CREATE VIEW employer_case_counts_source AS
      SELECT employer_id, count(*)::int AS cases FROM case_facts WHERE employer_id IS NOT NULL GROUP BY employer_id`);
    await queryRunner.query(`
      CREATE FUNCTION rebuild_employer_case_counts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        TRUNCATE employer_case_counts;
        INSERT INTO employer_case_counts SELECT * FROM employer_case_counts_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        RETURN rebuilt;
      END
      $$`);

    // The cases a statement added (+1) and removed (-1) per employer, an update's only where it moved
    // the case to another employer. The employers that lose cases are updated first: an insert's row is
    // checked (cases >= 0) before it meets the row it would update. Those that gain are upserted in the
    // employers' order, so two statements cannot deadlock; an employer left with none loses its row.
    // Each branch names only the transition tables its operation has (PL/pgSQL plans a statement when
    // it first runs).
    const netChanges = (changes: string, sign: '<' | '>') => `
      SELECT employer_id, sum(change)::int AS change FROM (${changes}) c
       WHERE employer_id IS NOT NULL
       GROUP BY employer_id
      HAVING sum(change) ${sign} 0`;
    const applyChanges = (changes: string) => `
      UPDATE employer_case_counts counts SET cases = counts.cases + lost.change
        FROM (${netChanges(changes, '<')}) lost
       WHERE counts.employer_id = lost.employer_id;
      INSERT INTO employer_case_counts AS counts (employer_id, cases)
      ${netChanges(changes, '>')}
       ORDER BY employer_id
      ON CONFLICT (employer_id) DO UPDATE SET cases = counts.cases + EXCLUDED.cases;
      DELETE FROM employer_case_counts WHERE cases = 0`;
    await queryRunner.query(`
      CREATE FUNCTION employer_case_counts_followed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('wages.rebuilding_rollups', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          ${applyChanges(`SELECT employer_id, 1 AS change FROM new_rows`)};
        ELSIF TG_OP = 'UPDATE' THEN
          IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.case_id = n.case_id
                          WHERE n.employer_id IS DISTINCT FROM o.employer_id) THEN
            RETURN NULL;
          END IF;
          ${applyChanges(`
            SELECT n.employer_id, 1 AS change FROM new_rows n JOIN old_rows o ON o.case_id = n.case_id
             WHERE n.employer_id IS DISTINCT FROM o.employer_id
            UNION ALL
            SELECT o.employer_id, -1 FROM new_rows n JOIN old_rows o ON o.case_id = n.case_id
             WHERE n.employer_id IS DISTINCT FROM o.employer_id`)};
        ELSE
          ${applyChanges(`SELECT employer_id, -1 AS change FROM old_rows`)};
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_facts_employer_counts_insert AFTER INSERT ON case_facts REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION employer_case_counts_followed()`);
    await queryRunner.query(`
      CREATE TRIGGER case_facts_employer_counts_update AFTER UPDATE ON case_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION employer_case_counts_followed()`);
    await queryRunner.query(`
      CREATE TRIGGER case_facts_employer_counts_delete AFTER DELETE ON case_facts REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION employer_case_counts_followed()`);

    await queryRunner.query(rebuildCaseFacts(true));
    await queryRunner.query(`SELECT rebuild_employer_case_counts()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rebuildCaseFacts(false));
    for (const operation of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER case_facts_employer_counts_${operation} ON case_facts`);
    }
    await queryRunner.query(`DROP FUNCTION employer_case_counts_followed()`);
    await queryRunner.query(`DROP FUNCTION rebuild_employer_case_counts()`);
    await queryRunner.query(`DROP VIEW employer_case_counts_source`);
    await queryRunner.query(`DROP TABLE employer_case_counts`);
  }
}

/**
 * rebuild_case_facts() as AddPaidInPeriod1765800000000 left it (case_facts, the rollups and the pay
 * days, their triggers held off), and with `employerCounts` the employers' counts too.
 */
function rebuildCaseFacts(employerCounts: boolean): string {
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
      PERFORM rebuild_case_pay_days();${employerCounts ? '\n      PERFORM rebuild_employer_case_counts();' : ''}
      PERFORM set_config('wages.rebuilding_rollups', 'off', true);
      RETURN rebuilt;
    END
    $$`;
}
