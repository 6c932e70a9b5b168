import { MigrationInterface, QueryRunner } from 'typeorm';

/** The roles as they stood when this migration landed (src/auth/domain/roles.ts may grow later; a new role needs a new migration). */
const ROLES_SQL = `ARRAY['admin', 'leader', 'lawyer', 'mediator', 'intake_clerk']::text[]`;

/**
 * A user may hold several roles (in a district union the on-duty lawyer often mediates, the clerk often
 * opens cases): `users.roles` replaces `users.role`, one source of truth. Each user keeps the role they
 * had. The database itself refuses an empty list, an unknown role, a repeat, or a null.
 *
 * The users table is audited (AddAccessAndAudit): filling the new column writes one audit row per user,
 * with no actor, showing the roles they start with; that trace of the change is wanted.
 */
export class AddUserRoles1765600000000 implements MigrationInterface {
  name = 'AddUserRoles1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No subquery may stand in a CHECK constraint; an immutable function may.
    await queryRunner.query(`
      CREATE FUNCTION text_array_has_repeats(items text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT count(*) <> count(DISTINCT item) FROM unnest(items) AS item
      $$`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN roles text[]`);
    await queryRunner.query(`UPDATE users SET roles = ARRAY[role]`);
    await queryRunner.query(`
      ALTER TABLE users
        ALTER COLUMN roles SET NOT NULL,
        ADD CONSTRAINT users_roles_not_empty CHECK (cardinality(roles) > 0 AND array_ndims(roles) = 1),
        -- <@ counts a null element as unknown, so a null is refused too
        ADD CONSTRAINT users_roles_known CHECK (roles <@ ${ROLES_SQL}),
        ADD CONSTRAINT users_roles_once CHECK (NOT text_array_has_repeats(roles))`);
    // drops users_organisation_idx (organisation_id, role) with it
    await queryRunner.query(`ALTER TABLE users DROP COLUMN role`);
    await queryRunner.query(`CREATE INDEX users_organisation_idx ON users (organisation_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // One role cannot hold what several did: rather than take permissions away silently, refuse.
    const [{ several }]: { several: number }[] = await queryRunner.query(
      `SELECT count(*)::int AS several FROM users WHERE cardinality(roles) > 1`,
    );
    if (several > 0) {
      throw new Error(`${several} user(s) hold several roles; leave each with one before reverting AddUserRoles`);
    }
    await queryRunner.query(`DROP INDEX users_organisation_idx`);
    await queryRunner.query(
      `ALTER TABLE users ADD COLUMN role text CHECK (role IN ('admin', 'leader', 'lawyer', 'mediator', 'intake_clerk'))`,
    );
    await queryRunner.query(`UPDATE users SET role = roles[1]`);
    await queryRunner.query(`ALTER TABLE users ALTER COLUMN role SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN roles`);
    await queryRunner.query(`DROP FUNCTION text_array_has_repeats(text[])`);
    await queryRunner.query(`CREATE INDEX users_organisation_idx ON users (organisation_id, role)`);
  }
}
