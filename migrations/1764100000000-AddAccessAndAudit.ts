import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';
import { PersonalDataCipher1764100000000, loadPersonalDataKey1764100000000 } from './support/personal-data-1764100000000';

/** Tables whose every change is written to the audit log, with the column that identifies a row. */
const AUDITED_TABLES: [table: string, key: string][] = [
  ['case_employers', 'case_id'],
  ['case_evidence', 'id'],
  ['cases', 'id'],
  ['claims', 'id'],
  ['employers', 'id'],
  ['lawyer_profiles', 'user_id'],
  ['organisations', 'id'],
  ['payouts', 'id'],
  ['project_subcontracts', 'project_id'],
  ['projects', 'id'],
  ['users', 'id'],
  ['workers', 'id'],
];

/**
 * Login and sessions, the login throttle, idempotency keys, the audit trail, and encryption of
 * workers' id numbers and phone numbers at rest.
 *
 * The audit trail is written by the database itself (statement-level triggers with transition
 * tables), so no code path can change a row without leaving a trace; the acting user comes from
 * the transaction setting `app.actor_id`, which the service sets at the start of every transaction.
 * The log refuses UPDATE, DELETE and TRUNCATE, whoever asks.
 */
export class AddAccessAndAudit1764100000000 implements MigrationInterface {
  name = 'AddAccessAndAudit1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN password_hash text, ADD COLUMN password_changed_at timestamptz`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        access_token_hash text NOT NULL CONSTRAINT sessions_access_token_hash_key UNIQUE,
        access_expires_at timestamptz NOT NULL,
        refresh_token_hash text NOT NULL CONSTRAINT sessions_refresh_token_hash_key UNIQUE,
        -- every refresh token this session has already used: presenting one again means it was copied
        used_refresh_token_hashes text[] NOT NULL DEFAULT '{}',
        refresh_expires_at timestamptz NOT NULL,
        client_address text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(`CREATE INDEX sessions_used_refresh_idx ON sessions USING gin (used_refresh_token_hashes)`);

    await queryRunner.query(`
      CREATE TABLE login_throttles (
        -- 'account:<username>' or 'address:<client address>'
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id),
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        client_address text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at)`);

    await queryRunner.query(`
      CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: TRUNCATE is not allowed', TG_TABLE_NAME USING ERRCODE = 'P0001';
      END
      $$`);
    for (const table of ['audit_log', 'case_events', 'payouts']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
      );
    }
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);

    // A row as the audit log keeps it: password hashes are replaced by a short fingerprint, enough to
    // see that a password changed and nothing more.
    await queryRunner.query(`
      CREATE FUNCTION audit_document(row_document jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN row_document ? 'password_hash'
                    THEN row_document || jsonb_build_object('password_hash',
                           CASE WHEN row_document ->> 'password_hash' IS NULL THEN NULL
                                ELSE 'set:' || left(md5(row_document ->> 'password_hash'), 8) END)
                    ELSE row_document END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_log (actor_id, client_address, action, entity_type, entity_id, after)
        SELECT nullif(current_setting('app.actor_id', true), '')::uuid,
               nullif(current_setting('app.client_address', true), ''),
               'insert', TG_TABLE_NAME, to_jsonb(n) ->> TG_ARGV[0], audit_document(to_jsonb(n))
          FROM new_rows n;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_log (actor_id, client_address, action, entity_type, entity_id, before, after)
        SELECT nullif(current_setting('app.actor_id', true), '')::uuid,
               nullif(current_setting('app.client_address', true), ''),
               'update', TG_TABLE_NAME, o.key,
               (SELECT jsonb_object_agg(k, o.doc -> k) FROM jsonb_object_keys(n.doc) k
                 WHERE k NOT IN ('updated_at', 'version') AND (o.doc -> k) IS DISTINCT FROM (n.doc -> k)),
               (SELECT jsonb_object_agg(k, n.doc -> k) FROM jsonb_object_keys(n.doc) k
                 WHERE k NOT IN ('updated_at', 'version') AND (o.doc -> k) IS DISTINCT FROM (n.doc -> k))
          FROM (SELECT audit_document(to_jsonb(x)) AS doc, to_jsonb(x) ->> TG_ARGV[0] AS key FROM old_rows x) o
          JOIN (SELECT audit_document(to_jsonb(x)) AS doc, to_jsonb(x) ->> TG_ARGV[0] AS key FROM new_rows x) n
            ON n.key = o.key
         WHERE (o.doc - 'updated_at' - 'version') IS DISTINCT FROM (n.doc - 'updated_at' - 'version');
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_log (actor_id, client_address, action, entity_type, entity_id, before)
        SELECT nullif(current_setting('app.actor_id', true), '')::uuid,
               nullif(current_setting('app.client_address', true), ''),
               'delete', TG_TABLE_NAME, to_jsonb(o) ->> TG_ARGV[0], audit_document(to_jsonb(o))
          FROM old_rows o;
        RETURN NULL;
      END
      $$`);

    // Workers' id numbers and mobile numbers: sealed with AES-256-GCM, found by keyed hash.
    await queryRunner.query(`
      ALTER TABLE workers
        ADD COLUMN id_number_sealed text,
        ADD COLUMN id_number_hash text,
        ADD COLUMN mobile_sealed text`);
    await this.sealExistingWorkers(queryRunner);
    await queryRunner.query(`ALTER TABLE workers DROP COLUMN id_number, DROP COLUMN mobile`);
    await queryRunner.query(`ALTER TABLE workers ALTER COLUMN id_number_sealed SET NOT NULL, ALTER COLUMN id_number_hash SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE workers ADD CONSTRAINT workers_id_number_hash_key UNIQUE (id_number_hash)`);

    for (const [table, key] of AUDITED_TABLES) {
      await auditTable(queryRunner, table, key);
    }
  }

  /** Rows written before this migration are sealed with the key the service will use. */
  private async sealExistingWorkers(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; id_number: string; mobile: string | null }[] = await queryRunner.query(
      `SELECT id, id_number, mobile FROM workers`,
    );
    if (rows.length === 0) return;
    // The sealing as it was when this migration landed (frozen in support/), not today's src/personal-data.
    const cipher = new PersonalDataCipher1764100000000(loadPersonalDataKey1764100000000(process.env));
    for (const row of rows) {
      await queryRunner.query(
        `UPDATE workers SET id_number_sealed = $2, id_number_hash = $3, mobile_sealed = $4 WHERE id = $1`,
        [row.id, cipher.encrypt(row.id_number), cipher.lookupHash(row.id_number), row.mobile && cipher.encrypt(row.mobile)],
      );
    }
  }

  async down(): Promise<void> {
    // Sealed personal data cannot be turned back into clear text by SQL, and the audit trail is not
    // to be dropped: going back means restoring a backup taken before this migration.
    throw new Error('AddAccessAndAudit cannot be reverted; restore a backup taken before it');
  }
}
