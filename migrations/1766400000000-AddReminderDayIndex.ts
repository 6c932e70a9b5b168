import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminders of a day, by kind, from the index alone: a sweep reads which of the day's reminders are
 * written already before wording any (issue 17: a second run of a countdown day, 179,000 reminders,
 * looked each one up by its unique key, which starts with the kind and the subject, not the day).
 */
export class AddReminderDayIndex1766400000000 implements MigrationInterface {
  name = 'AddReminderDayIndex1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX reminders_day_idx ON reminders (due_on, kind) INCLUDE (subject, recipient_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX reminders_day_idx`);
  }
}
