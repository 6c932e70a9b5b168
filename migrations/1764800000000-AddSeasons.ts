import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * The winter campaign of each season as the authorities announced it: its window (it starts between
 * 1 and 15 November and ends at the festival by default) and intermediate targets, such as New Year's
 * Day for verified cases in some counties. A season without a row uses the defaults.
 */
export class AddSeasons1764800000000 implements MigrationInterface {
  name = 'AddSeasons1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE seasons (
        festival_year integer PRIMARY KEY CHECK (festival_year BETWEEN 2000 AND 2100),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        targets jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT seasons_window CHECK (ends_on > starts_on)
      )`);
    await auditTable(queryRunner, 'seasons', 'festival_year');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE seasons`);
  }
}
