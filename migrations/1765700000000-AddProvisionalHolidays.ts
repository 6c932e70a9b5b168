import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 14): the provisional holiday calendar, if it needs a table change. */
export class AddProvisionalHolidays1765700000000 implements MigrationInterface {
  name = 'AddProvisionalHolidays1765700000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
