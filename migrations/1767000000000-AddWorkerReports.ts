import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

const KINDS_BEFORE = `'festival_countdown', 'leader_digest', 'mediation_limit', 'instalment_due', 'instalment_overdue', 'session_tomorrow', 'arbitration_deadline', 'limitation_deadline', 'callback_due', 'callback_unsatisfied'`;

/**
 * The workers' own channel (issue 19): a worker reports his arrears from a phone without an account,
 * gets a receipt number and a lookup code, and follows his case with them.
 *
 * - `worker_reports`: what he typed, his id number and mobile sealed like every worker's (AES-256-GCM,
 *   found by keyed hash), the lookup code kept only as a keyed hash, and what the union did with it:
 *   accepted into a new case or joined to one (with his own claim line, which is all the lookup shows of
 *   the case's money), or declined with a reason he reads. After closing he rates how it went.
 * - `worker_report_photos`: the photos he sent, append-only like the evidence files they become, audited
 *   without their bytes.
 * - `worker_report_policy`: the days a report may wait before the overdue reminder (an administrator sets).
 * - `public_challenges_spent`: the proof-of-work challenges already used, so one is not used twice (a
 *   retry of the same form gets the receipt it already had, not a second report).
 * - `public_throttles`: failed lookups per client address and per receipt number.
 * - reminder kind `worker_report_overdue`: every day a report waits past its days.
 * - `case_callbacks.answered_online`: a worker's own rating after closing answers his case's callback
 *   when it still waits (no staff member answered it, so `answered_by_id` stays empty).
 */
export class AddWorkerReports1767000000000 implements MigrationInterface {
  name = 'AddWorkerReports1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE worker_report_policy (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        days_to_handle integer NOT NULL CHECK (days_to_handle BETWEEN 1 AND 30),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO worker_report_policy (days_to_handle) VALUES (3)`);
    await auditTable(queryRunner, 'worker_report_policy', 'id');

    await queryRunner.query(`
      CREATE TABLE worker_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_number text NOT NULL CONSTRAINT worker_reports_receipt_number_key UNIQUE CHECK (receipt_number ~ '^[0-9]{12}$'),
        lookup_code_hash text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        worker_name text NOT NULL CHECK (btrim(worker_name) <> ''),
        id_number_sealed text NOT NULL,
        id_number_hash text NOT NULL,
        mobile_sealed text NOT NULL,
        employer_name text NOT NULL CHECK (btrim(employer_name) <> ''),
        project_name text,
        site_address text,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        amount_owed_fen bigint NOT NULL CHECK (amount_owed_fen > 0),
        co_workers integer NOT NULL CHECK (co_workers BETWEEN 0 AND 10000),
        description text,
        consent_version text NOT NULL,
        client_address text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_on date NOT NULL,
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'joined', 'declined')),
        case_id uuid REFERENCES cases (id),
        claim_id uuid REFERENCES claims (id),
        decline_reason text,
        handled_by_id uuid REFERENCES users (id),
        handled_at timestamptz,
        satisfaction text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'not_satisfied')),
        rating_note text,
        rated_at timestamptz,
        CONSTRAINT worker_reports_handled_whole CHECK (
          CASE status
            WHEN 'submitted' THEN case_id IS NULL AND claim_id IS NULL AND decline_reason IS NULL AND handled_by_id IS NULL
            WHEN 'declined' THEN case_id IS NULL AND claim_id IS NULL AND btrim(decline_reason) <> '' AND handled_by_id IS NOT NULL
            ELSE case_id IS NOT NULL AND claim_id IS NOT NULL AND decline_reason IS NULL AND handled_by_id IS NOT NULL
          END),
        CONSTRAINT worker_reports_rated_with_case CHECK ((satisfaction IS NULL) = (rated_at IS NULL) AND (satisfaction IS NULL OR case_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX worker_reports_waiting_idx ON worker_reports (submitted_on) WHERE status = 'submitted'`);
    await queryRunner.query(`CREATE INDEX worker_reports_organisation_idx ON worker_reports (organisation_id, submitted_at)`);
    await queryRunner.query(`CREATE INDEX worker_reports_id_number_idx ON worker_reports (id_number_hash, submitted_at)`);
    await queryRunner.query(`CREATE INDEX worker_reports_address_idx ON worker_reports (client_address, submitted_at)`);
    await queryRunner.query(`CREATE INDEX worker_reports_case_idx ON worker_reports (case_id) WHERE case_id IS NOT NULL`);
    await auditTable(queryRunner, 'worker_reports', 'id');

    await queryRunner.query(`
      CREATE TABLE worker_report_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES worker_reports (id),
        media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/heic', 'image/heif')),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- the same photo sent twice (a retry on a bad connection) is kept once
        CONSTRAINT worker_report_photos_once UNIQUE (report_id, sha256)
      )`);
    await queryRunner.query(`ALTER TABLE worker_report_photos ALTER COLUMN content SET STORAGE EXTERNAL`);
    await queryRunner.query(`
      CREATE TRIGGER worker_report_photos_append_only BEFORE UPDATE OR DELETE ON worker_report_photos
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_worker_report_photo_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_log (actor_id, client_address, action, entity_type, entity_id, after)
        SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid, NULLIF(current_setting('app.client_address', true), ''),
               'insert', 'worker_report_photos', n.id::text, to_jsonb(n) - 'content'
          FROM new_rows n;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER worker_report_photos_audit_insert AFTER INSERT ON worker_report_photos REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION audit_worker_report_photo_inserted()`);

    await queryRunner.query(`
      CREATE TABLE public_challenges_spent (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        -- the report it was spent on, for a retry after a dropped connection: the same worker (keyed hash of
        -- his id number) sending the same form again gets the same receipt (sealed: it holds the lookup code)
        id_number_hash text NOT NULL,
        receipt_sealed text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX public_challenges_spent_expiry_idx ON public_challenges_spent (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE public_throttles (
        key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await queryRunner.query(`ALTER TABLE reminder_rules DROP CONSTRAINT reminder_rules_kind_check`);
    await queryRunner.query(`
      ALTER TABLE reminder_rules ADD CONSTRAINT reminder_rules_kind_check
      CHECK (kind IN (${KINDS_BEFORE}, 'worker_report_overdue'))`);
    await queryRunner.query(`INSERT INTO reminder_rules (kind, enabled, days_before) VALUES ('worker_report_overdue', true, '{}')`);

    await queryRunner.query(`ALTER TABLE case_callbacks ADD COLUMN answered_online boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE case_callbacks DROP CONSTRAINT case_callbacks_answer_whole`);
    await queryRunner.query(`
      ALTER TABLE case_callbacks ADD CONSTRAINT case_callbacks_answer_whole CHECK (
        CASE status
          WHEN 'answered' THEN reached IS NOT NULL AND called_on IS NOT NULL AND (answered_by_id IS NOT NULL) <> answered_online
                               AND (satisfaction IS NOT NULL) = reached
          ELSE reached IS NULL AND satisfaction IS NULL AND called_on IS NULL AND NOT answered_online
        END)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_callbacks DROP CONSTRAINT case_callbacks_answer_whole`);
    await queryRunner.query(`DELETE FROM case_callbacks WHERE answered_online`);
    await queryRunner.query(`ALTER TABLE case_callbacks DROP COLUMN answered_online`);
    await queryRunner.query(`
      ALTER TABLE case_callbacks ADD CONSTRAINT case_callbacks_answer_whole CHECK (
        CASE status
          WHEN 'answered' THEN reached IS NOT NULL AND called_on IS NOT NULL AND answered_by_id IS NOT NULL
                               AND (satisfaction IS NOT NULL) = reached
          ELSE reached IS NULL AND satisfaction IS NULL AND called_on IS NULL
        END)`);
    await queryRunner.query(`DELETE FROM reminder_rules WHERE kind = 'worker_report_overdue'`);
    await queryRunner.query(`ALTER TABLE reminder_rules DROP CONSTRAINT reminder_rules_kind_check`);
    await queryRunner.query(`ALTER TABLE reminder_rules ADD CONSTRAINT reminder_rules_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    await queryRunner.query(`DROP TABLE public_throttles, public_challenges_spent, worker_report_photos, worker_reports, worker_report_policy`);
    await queryRunner.query(`DROP FUNCTION audit_worker_report_photo_inserted()`);
  }
}
