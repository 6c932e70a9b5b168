import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each case's moves into and out of mediation, which its mediation clock is computed from
 * (CASE_CLOCK_FACTS_SQL), read from the index alone: the legal clocks read them for thousands of
 * cases at a time (issue 17).
 */
export class AddClockStartIndexes1766200000000 implements MigrationInterface {
  name = 'AddClockStartIndexes1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX case_events_mediation_moves_idx ON case_events (case_id) INCLUDE (happened_on, from_status, to_status)
       WHERE kind = 'status_changed' AND (to_status = 'mediating' OR from_status = 'mediating')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_events_mediation_moves_idx`);
  }
}
