import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * The amounts above which refusing to pay wages is a crime differ by province (set by each
 * provincial high court within the national range of the 2013 SPC interpretation): data that
 * administrators enter, not code.
 */
export class AddCriminalThresholds1764500000000 implements MigrationInterface {
  name = 'AddCriminalThresholds1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE criminal_thresholds (
        province text PRIMARY KEY,
        individual_fen bigint NOT NULL CHECK (individual_fen BETWEEN 500000 AND 2000000),
        group_fen bigint NOT NULL CHECK (group_fen BETWEEN 3000000 AND 10000000),
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await auditTable(queryRunner, 'criminal_thresholds', 'province');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE criminal_thresholds`);
  }
}
