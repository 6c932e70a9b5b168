import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 14): a user may hold several roles. */
export class AddUserRoles1765600000000 implements MigrationInterface {
  name = 'AddUserRoles1765600000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
