import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GIN indexes the service searches write each new entry into the index itself (issue 17: search on
 * the embedded database).
 *
 * By default a GIN index gathers new entries in a pending list, unsorted, until a vacuum or 4 MB of
 * them moves them into the index; every search reads the whole list meanwhile. The embedded database
 * has no autovacuum, so the list is nearly always there: at a million cases, 471 pages of the workers'
 * name index, 303 of the case numbers' and 198 of the employers', read by every search even when it
 * finds nothing (a whole case number's three lookups took 520 pages more than on the server). Each name
 * or case number written now costs a few index insertions, at intake and in a roster, paid by every
 * write of the same rows alike; a search reads the same pages on both databases. The lists already
 * there are moved into the indexes here.
 */
const SEARCHED_GIN_INDEXES = [
  'workers_name_grams_idx',
  'employers_name_grams_idx',
  'projects_name_grams_idx',
  'cases_case_number_trgm_idx',
  'sessions_used_refresh_idx',
];

export class SearchIndexesWithoutPendingLists1767700000000 implements MigrationInterface {
  name = 'SearchIndexesWithoutPendingLists1767700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of SEARCHED_GIN_INDEXES) {
      await queryRunner.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
      await queryRunner.query(`SELECT gin_clean_pending_list('${index}'::regclass)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of SEARCHED_GIN_INDEXES) await queryRunner.query(`ALTER INDEX ${index} RESET (fastupdate)`);
  }
}
