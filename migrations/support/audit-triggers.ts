import { QueryRunner } from 'typeorm';

/**
 * Puts a table under the audit trail: statement-level triggers (with transition tables, so a bulk
 * statement writes its audit rows in one go) that call the audit functions of AddAccessAndAudit.
 * `key` is the column that identifies a row in the log. Do not change what this creates: migrations
 * that have run used it; a new behaviour belongs in a new helper and a new migration.
 */
export async function auditTable(queryRunner: QueryRunner, table: string, key: string): Promise<void> {
  await queryRunner.query(`
    CREATE TRIGGER ${table}_audit_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_inserted('${key}')`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_audit_update AFTER UPDATE ON ${table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_updated('${key}')`);
  await queryRunner.query(`
    CREATE TRIGGER ${table}_audit_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_deleted('${key}')`);
}
