import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 14): the day each event happened. */
export class AddEventDays1765400000000 implements MigrationInterface {
  name = 'AddEventDays1765400000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
