import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims keep the roster's order (issue 14). A group case's workers are known by their place on the
 * roster (序号): the clerk, the workers and the signed agreement all count them that way, and a list
 * sorted by name loses it.
 *
 * `claims.position` is a claim's place in its case: the roster's rows in their order, later additions
 * after them. It is assigned on insert as the case's largest position plus one, while the case row is
 * locked (every path that adds claims locks it first), and the unique key keeps two claims of a case
 * from ever sharing a place. Positions need not be consecutive: only their order is read.
 *
 * Existing claims had no order of their own beyond when they were added; within one addition (which
 * shares its created_at) the lists showed them by name, so that is the order they keep.
 */
export class AddClaimRosterOrder1765500000000 implements MigrationInterface {
  name = 'AddClaimRosterOrder1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE claims ADD COLUMN position integer`);
    // Filling a new column is not a change anyone made to a claim, and no figure depends on it: the
    // audit trail and the case facts (statement triggers on claims) have nothing to record or redo.
    await queryRunner.query(`ALTER TABLE claims DISABLE TRIGGER USER`);
    await queryRunner.query(`
      UPDATE claims SET position = ranked.position
        FROM (SELECT cl.id, row_number() OVER (PARTITION BY cl.case_id ORDER BY cl.created_at, w.name, cl.id)::int AS position
                FROM claims cl JOIN workers w ON w.id = cl.worker_id) ranked
       WHERE claims.id = ranked.id`);
    await queryRunner.query(`ALTER TABLE claims ENABLE TRIGGER USER`);
    await queryRunner.query(`ALTER TABLE claims ALTER COLUMN position SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE claims ADD CONSTRAINT claims_position_positive CHECK (position > 0)`);
    // Also the index that answers "the case's claims in order" and "the case's last position".
    await queryRunner.query(`ALTER TABLE claims ADD CONSTRAINT claims_case_position_key UNIQUE (case_id, position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE claims DROP COLUMN position`);
  }
}
