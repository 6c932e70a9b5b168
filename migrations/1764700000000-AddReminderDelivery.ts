import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * Delivery beyond the in-app inbox: each user's channels (e-mail, WeCom group robot, a webhook), and
 * the outbox: one row per reminder and channel, retried with backoff until it is delivered, so a
 * channel that is down loses nothing and delivers once when it is back.
 */
export class AddReminderDelivery1764700000000 implements MigrationInterface {
  name = 'AddReminderDelivery1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_channels (
        user_id uuid NOT NULL REFERENCES users (id),
        channel text NOT NULL CHECK (channel IN ('email', 'wecom', 'webhook')),
        address text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_channels_pkey PRIMARY KEY (user_id, channel)
      )`);
    await queryRunner.query(`
      CREATE TABLE reminder_deliveries (
        reminder_id uuid NOT NULL REFERENCES reminders (id),
        channel text NOT NULL,
        address text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        delivered_at timestamptz,
        CONSTRAINT reminder_deliveries_pkey PRIMARY KEY (reminder_id, channel)
      )`);
    await queryRunner.query(
      `CREATE INDEX reminder_deliveries_due_idx ON reminder_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await auditTable(queryRunner, 'notification_channels', 'user_id');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reminder_deliveries, notification_channels`);
  }
}
