import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (issue 18): photos and scans of IOUs, wage sheets, contracts, attendance records and
 * chat screenshots, attached to a case or to one worker's claim. The bytes live in the database, in
 * `case_files.content`: so the documented backup (pg_dump of the server, or the embedded data
 * directory: docs/BACKUP.md) carries them with the case they prove, an upload is one INSERT that
 * commits whole or not at all, and the case's scope guards them as it guards the case. Files are at most
 * the request body limit (10 MB by default); a photo is some megabytes. A file, once attached, is part
 * of the record: the table refuses UPDATE and DELETE like the ledger. The audit trail records each
 * upload with the file's metadata but not its bytes (a trigger of its own, like audit_inserted of
 * AddAccessAndAudit1764100000000 less `content`), and the service records each download.
 */
export class AddCaseFiles1766900000000 implements MigrationInterface {
  name = 'AddCaseFiles1766900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        claim_id uuid REFERENCES claims (id),
        kind text NOT NULL CHECK (kind IN ('contract', 'attendance', 'wage_sheet', 'iou', 'chat_records', 'witness', 'bank_records', 'other')),
        description text,
        file_name text NOT NULL CHECK (btrim(file_name) <> ''),
        media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf')),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_files_case_idx ON case_files (case_id, created_at)`);
    // photos are already compressed: storing them out of line without trying again saves the work
    await queryRunner.query(`ALTER TABLE case_files ALTER COLUMN content SET STORAGE EXTERNAL`);
    await queryRunner.query(`
      CREATE TRIGGER case_files_append_only BEFORE UPDATE OR DELETE ON case_files
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_case_file_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_log (actor_id, client_address, action, entity_type, entity_id, after)
        SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid, NULLIF(current_setting('app.client_address', true), ''),
               'insert', 'case_files', n.id::text, to_jsonb(n) - 'content'
          FROM new_rows n;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_files_audit_insert AFTER INSERT ON case_files REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION audit_case_file_inserted()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_files`);
    await queryRunner.query(`DROP FUNCTION audit_case_file_inserted()`);
  }
}
