import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 14): money by the day it was paid, split by kind. */
export class AddPaidInPeriod1765800000000 implements MigrationInterface {
  name = 'AddPaidInPeriod1765800000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
