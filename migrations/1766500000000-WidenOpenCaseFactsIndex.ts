import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open cases with their people, from the index alone (issue 17): on a festival countdown day the
 * sweep reads every open case's money and its lawyer and mediator, and every day the leaders' digest
 * adds up what each organisation's open cases owe. case_facts_open_idx carried the money but not the
 * case or its people, so both visited the table: 33,000 blocks for a city's 88,000 open cases, 0.4-0.8 s
 * each. Widened, the same index serves them and the festival report (which reads it by organisation).
 */
export class WidenOpenCaseFactsIndex1766500000000 implements MigrationInterface {
  name = 'WidenOpenCaseFactsIndex1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_facts_open_idx`);
    await queryRunner.query(
      `CREATE INDEX case_facts_open_idx ON case_facts (organisation_id)
       INCLUDE (workers_owed, owed_fen, paid_fen, unconfirmed, case_id, lawyer_id, mediator_id)
       WHERE status NOT IN ('closed', 'withdrawn', 'rejected')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_facts_open_idx`);
    await queryRunner.query(
      `CREATE INDEX case_facts_open_idx ON case_facts (organisation_id) INCLUDE (workers_owed, owed_fen, paid_fen, unconfirmed)
       WHERE status NOT IN ('closed', 'withdrawn', 'rejected')`,
    );
  }
}
