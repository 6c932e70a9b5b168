import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily sweep computes the legal clocks only of the cases that may have one falling due on the
 * day's reminders (issue 17: computing all 96,000 open cases' clocks took most of its 13 minutes).
 * It finds them from the days the clocks count from (src/legal-clocks/legal-clocks.sql.ts,
 * CASES_WITH_CLOCKS_FALLING_DUE_SQL), each from an index on its day:
 *   - the moves into mediation (the mediation clock), a small partial index of the timeline; and a
 *     case's moves into and out of mediation, which its clock is computed from;
 *   - the arbitration, payment-order and labour-bureau dates of a case, which few cases have (partial);
 *   - the day a worker's limitation year first runs from: the end of his employment, or the day he
 *     knew (his period's end while that is not recorded), as clocksOfCase chooses it; the intake, an
 *     agreement signed and a day paid restart it, and have their indexes (the agreements' here);
 * each carrying the case, so the day's candidates are read from the indexes alone.
 */
export class AddClockStartIndexes1766200000000 implements MigrationInterface {
  name = 'AddClockStartIndexes1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX case_events_mediating_days_idx ON case_events (happened_on) INCLUDE (case_id)
       WHERE kind = 'status_changed' AND to_status = 'mediating'`);
    // and each case's moves into and out of mediation, for its clock (CASE_CLOCK_FACTS_SQL), from the index alone
    await queryRunner.query(`
      CREATE INDEX case_events_mediation_moves_idx ON case_events (case_id) INCLUDE (happened_on, from_status, to_status)
       WHERE kind = 'status_changed' AND (to_status = 'mediating' OR from_status = 'mediating')`);
    for (const column of ['arbitration_applied_on', 'arbitration_accepted_on', 'payment_order_applied_on', 'payment_order_served_on', 'bureau_order_pay_by']) {
      await queryRunner.query(`CREATE INDEX cases_${column}_idx ON cases (${column}) WHERE ${column} IS NOT NULL`);
    }
    await queryRunner.query(
      `CREATE INDEX claims_limitation_start_idx ON claims ((COALESCE(employment_ended_on, knew_on, period_end))) INCLUDE (case_id)`,
    );
    await queryRunner.query(`CREATE INDEX agreements_signed_idx ON agreements (signed_on) INCLUDE (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX agreements_signed_idx`);
    await queryRunner.query(`DROP INDEX claims_limitation_start_idx`);
    for (const column of ['arbitration_applied_on', 'arbitration_accepted_on', 'payment_order_applied_on', 'payment_order_served_on', 'bureau_order_pay_by']) {
      await queryRunner.query(`DROP INDEX cases_${column}_idx`);
    }
    await queryRunner.query(`DROP INDEX case_events_mediation_moves_idx`);
    await queryRunner.query(`DROP INDEX case_events_mediating_days_idx`);
  }
}
