import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

const KINDS_BEFORE = `'festival_countdown', 'leader_digest', 'mediation_limit', 'instalment_due', 'instalment_overdue', 'session_tomorrow', 'arbitration_deadline', 'limitation_deadline'`;

/**
 * Callbacks after closing (回访, issue 18): closing a case schedules a call to the worker (or the group's
 * representative) by its mediator, else its lawyer, `callback_policy.days_after_closing` days later; the
 * call records whether he was reached and how satisfied he is, and a "not satisfied" answer waits for a
 * leader's follow-up. Two reminder kinds join the rules: the callback due (to whoever must call) and
 * the answer "not satisfied" (to the leaders whose scope holds the case, on days after the answer until
 * a leader follows it up). Cases closed before this migration have no callback: they were closed
 * without one being asked for.
 */
export class AddCaseCallbacks1766700000000 implements MigrationInterface {
  name = 'AddCaseCallbacks1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE callback_policy (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        days_after_closing integer NOT NULL CHECK (days_after_closing BETWEEN 1 AND 365),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO callback_policy (days_after_closing) VALUES (7)`);
    await auditTable(queryRunner, 'callback_policy', 'id');

    await queryRunner.query(`
      CREATE TABLE case_callbacks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        -- who must call: the case's mediator, else its lawyer, when it was closed; null when it had neither
        assignee_id uuid REFERENCES users (id),
        closed_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on > closed_on),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'cancelled')),
        reached boolean,
        spoke_with text,
        satisfaction text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'not_satisfied')),
        note text,
        called_on date,
        answered_by_id uuid REFERENCES users (id),
        answered_at timestamptz,
        follow_up_note text,
        followed_up_by_id uuid REFERENCES users (id),
        followed_up_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_callbacks_answer_whole CHECK (
          CASE status
            WHEN 'answered' THEN reached IS NOT NULL AND called_on IS NOT NULL AND answered_by_id IS NOT NULL
                                 AND (satisfaction IS NOT NULL) = reached
            ELSE reached IS NULL AND satisfaction IS NULL AND called_on IS NULL
          END),
        CONSTRAINT case_callbacks_follow_up_of_not_satisfied CHECK (followed_up_by_id IS NULL OR satisfaction = 'not_satisfied')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX case_callbacks_one_open ON case_callbacks (case_id) WHERE status = 'open'`);
    await queryRunner.query(`CREATE INDEX case_callbacks_case_idx ON case_callbacks (case_id)`);
    await queryRunner.query(`CREATE INDEX case_callbacks_open_due_idx ON case_callbacks (due_on) WHERE status = 'open'`);
    await queryRunner.query(`
      CREATE INDEX case_callbacks_unsatisfied_idx ON case_callbacks (called_on)
       WHERE satisfaction = 'not_satisfied' AND followed_up_by_id IS NULL`);
    await auditTable(queryRunner, 'case_callbacks', 'id');

    await queryRunner.query(`ALTER TABLE reminder_rules DROP CONSTRAINT reminder_rules_kind_check`);
    await queryRunner.query(`
      ALTER TABLE reminder_rules ADD CONSTRAINT reminder_rules_kind_check
      CHECK (kind IN (${KINDS_BEFORE}, 'callback_due', 'callback_unsatisfied'))`);
    await queryRunner.query(`
      INSERT INTO reminder_rules (kind, enabled, days_before) VALUES
        ('callback_due', true, '{1,0}'),
        ('callback_unsatisfied', true, '{1,3,7}')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reminder_rules WHERE kind IN ('callback_due', 'callback_unsatisfied')`);
    await queryRunner.query(`ALTER TABLE reminder_rules DROP CONSTRAINT reminder_rules_kind_check`);
    await queryRunner.query(`ALTER TABLE reminder_rules ADD CONSTRAINT reminder_rules_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    await queryRunner.query(`DROP TABLE case_callbacks, callback_policy`);
  }
}
