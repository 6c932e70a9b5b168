import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projects' rollup rows by key (issue 17).
 *
 * The breakdown by project ranks a year's 23,000 projects from their cases opened alone, then adds up
 * every figure for the page's projects only (src/reports/reports.sql.ts, `pageByKey`). The rollups' own
 * index is in month order before the key, so reading twenty projects' rows again meant every project's
 * rows of those months (22,000 year rows and 9,000 of a month at the city's top). This index holds the
 * project rows only, with the key before the month, so each of the page's projects is sought by itself:
 * the report's statement went from 100-135 ms to 60-85 ms at the bench's million cases. About 105 MB
 * there (1.4 million project rows). Intake writes its changes to report_rollup_changes, which this index
 * does not cover: only the folding of the changes into the rollups updates it.
 */
export class AddProjectRollupKeyIndex1767600000000 implements MigrationInterface {
  name = 'AddProjectRollupKeyIndex1767600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX report_rollups_project_key_idx ON report_rollups (organisation_id, subtree, dimension, key, month)
        WHERE dimension IN ('project', 'project_year')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX report_rollups_project_key_idx`);
  }
}
