import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * Holiday schedules that administrators enter for the years the calendar package does not cover,
 * and the dates the legal clocks run from: arbitration, payment order and labour-bureau order on
 * the case; when each worker knew of the arrears and whether his employment has ended on his claim.
 */
export class AddHolidaysAndLegalDates1764300000000 implements MigrationInterface {
  name = 'AddHolidaysAndLegalDates1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE holiday_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        -- where the schedule was taken from, e.g. the State Council notice (国办发明电〔2026〕X号)
        source text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE holidays (
        day date PRIMARY KEY,
        year integer NOT NULL REFERENCES holiday_years (year),
        kind text NOT NULL CHECK (kind IN ('day_off', 'workday')),
        name text NOT NULL,
        CONSTRAINT holidays_day_in_year CHECK (extract(year FROM day) = year)
      )`);
    await queryRunner.query(`
      ALTER TABLE cases
        ADD COLUMN arbitration_applied_on date,
        ADD COLUMN arbitration_accepted_on date,
        ADD COLUMN arbitration_extended boolean NOT NULL DEFAULT false,
        ADD COLUMN arbitration_awarded_on date,
        ADD COLUMN payment_order_applied_on date,
        ADD COLUMN payment_order_issued_on date,
        ADD COLUMN payment_order_served_on date,
        ADD COLUMN bureau_order_pay_by date,
        ADD COLUMN bureau_order_amount_fen bigint CHECK (bureau_order_amount_fen > 0)`);
    await queryRunner.query(`
      ALTER TABLE claims
        ADD COLUMN knew_on date,
        ADD COLUMN employment_ongoing boolean NOT NULL DEFAULT false,
        ADD COLUMN employment_ended_on date`);
    for (const [table, key] of [
      ['holiday_years', 'year'],
      ['holidays', 'day'],
    ]) {
      await auditTable(queryRunner, table, key);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE claims DROP COLUMN knew_on, DROP COLUMN employment_ongoing, DROP COLUMN employment_ended_on`);
    await queryRunner.query(`
      ALTER TABLE cases DROP COLUMN arbitration_applied_on, DROP COLUMN arbitration_accepted_on,
        DROP COLUMN arbitration_extended, DROP COLUMN arbitration_awarded_on, DROP COLUMN payment_order_applied_on,
        DROP COLUMN payment_order_issued_on, DROP COLUMN payment_order_served_on, DROP COLUMN bureau_order_pay_by,
        DROP COLUMN bureau_order_amount_fen`);
    await queryRunner.query(`DROP TABLE holidays, holiday_years`);
  }
}
