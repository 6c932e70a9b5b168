import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two facts about a user that the pages need: the language they chose (remembered on the server, so
 * the phone and the desk agree), and whether the password was set by someone else (an administrator
 * creating the account or resetting it, or the printed one of a first start), which the user must
 * replace at the next login. Existing users chose theirs already, as far as anyone can tell.
 */
export class AddUserPreferences1765300000000 implements MigrationInterface {
  name = 'AddUserPreferences1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en'))`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN password_change_required`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN locale`);
  }
}
