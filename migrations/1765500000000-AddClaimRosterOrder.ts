import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 14): claims keep the roster's order. */
export class AddClaimRosterOrder1765500000000 implements MigrationInterface {
  name = 'AddClaimRosterOrder1765500000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
