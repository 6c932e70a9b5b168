import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breakdown by employer ranks a year's hundred thousand employers by cases alone, then orders
 * the few that can reach the page by what they still owe. This index answers "what does this
 * employer still owe in the period and scope" from the index alone. It leads with the employer, so
 * it also serves every lookup the plain employer index served, which it replaces.
 */
export class AddEmployerRankingIndex1765200000000 implements MigrationInterface {
  name = 'AddEmployerRankingIndex1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX case_facts_employer_ranking_idx ON case_facts (employer_id, intake_date) INCLUDE (organisation_id, status, owed_fen, paid_fen)`,
    );
    await queryRunner.query(`DROP INDEX case_facts_employer_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX case_facts_employer_idx ON case_facts (employer_id)`);
    await queryRunner.query(`DROP INDEX case_facts_employer_ranking_idx`);
  }
}
