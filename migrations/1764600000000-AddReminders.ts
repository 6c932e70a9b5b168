import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * Reminders: the rules (editable, with the defaults of src/reminders/domain/reminder-policy.ts), and
 * one row per reminder with a unique key (rule, subject, day, recipient), so a sweep run twice, after
 * a restart or by two instances at once produces each reminder once.
 */
export class AddReminders1764600000000 implements MigrationInterface {
  name = 'AddReminders1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_rules (
        kind text PRIMARY KEY CHECK (kind IN ('festival_countdown', 'leader_digest', 'mediation_limit', 'instalment_due',
                                              'instalment_overdue', 'session_tomorrow', 'arbitration_deadline',
                                              'limitation_deadline')),
        enabled boolean NOT NULL,
        days_before integer[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO reminder_rules (kind, enabled, days_before) VALUES
        ('festival_countdown', true, '{30,14,7,3,1}'),
        ('leader_digest', true, '{}'),
        ('mediation_limit', true, '{3,1,0}'),
        ('instalment_due', true, '{1,0}'),
        ('instalment_overdue', true, '{}'),
        ('session_tomorrow', true, '{1}'),
        ('arbitration_deadline', true, '{7,3,1,0}'),
        ('limitation_deadline', true, '{7,3,1,0}')`);
    await queryRunner.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject text NOT NULL,
        -- the day the reminder is for (one per rule, subject and recipient a day)
        due_on date NOT NULL,
        recipient_id uuid NOT NULL REFERENCES users (id),
        case_id uuid REFERENCES cases (id),
        urgency text NOT NULL CHECK (urgency IN ('info', 'warning', 'urgent')),
        title text NOT NULL,
        body text NOT NULL,
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT reminders_key UNIQUE (kind, subject, due_on, recipient_id)
      )`);
    await queryRunner.query(`CREATE INDEX reminders_inbox_idx ON reminders (recipient_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX reminders_unread_idx ON reminders (recipient_id) WHERE read_at IS NULL`);
    await auditTable(queryRunner, 'reminder_rules', 'kind');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reminders, reminder_rules`);
  }
}
