import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching by name or case number without reading every row (issue 17: the case list's search read
 * all 4.8 million workers and a million cases with ILIKE '%…%', twice, on every search).
 *
 * Names: a Chinese name is two or three characters, too short for trigrams (pg_trgm finds nothing to
 * look up in '%王伟%'), and a clerk types a surname, a given name or a piece of a company's name. So each
 * name is indexed by its one- and two-character pieces, lower-cased: a search of two characters or more
 * looks up its two-character pieces (all must be there), a search of one character that character, and
 * ILIKE then checks the order (src/common/database-helpers.ts `nameContains`, the one place that asks).
 * PL/pgSQL rather than a SQL function with generate_series: it is four times cheaper per name, which is
 * paid on every insert and once per row here. Repeated pieces are left in: GIN keeps each key once.
 *
 * Case numbers are ASCII ("D000001-2027-00123") and searched by their tail: trigrams (pg_trgm, in
 * PostgreSQL's contrib and in PGlite's, loaded by src/database/open-database.ts) fit them.
 */
export class AddNameSearchIndexes1766100000000 implements MigrationInterface {
  name = 'AddNameSearchIndexes1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION search_grams(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        lowered text := lower(name);
        characters integer := char_length(name);
        grams text[] := '{}';
      BEGIN
        FOR i IN 1..characters LOOP
          grams := grams || substr(lowered, i, 1);
          IF i < characters THEN grams := grams || substr(lowered, i, 2); END IF;
        END LOOP;
        RETURN grams;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_query_grams(query text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE WHEN char_length(query) < 2 THEN ARRAY[lower(query)]
                    ELSE ARRAY(SELECT substr(lower(query), i, 2) FROM generate_series(1, char_length(query) - 1) AS i) END
      $$`);
    await queryRunner.query(`CREATE INDEX workers_name_grams_idx ON workers USING gin (search_grams(name))`);
    await queryRunner.query(`CREATE INDEX employers_name_grams_idx ON employers USING gin (search_grams(name))`);
    await queryRunner.query(`CREATE INDEX projects_name_grams_idx ON projects USING gin (search_grams(name))`);
    await queryRunner.query(`CREATE INDEX cases_case_number_trgm_idx ON cases USING gin (case_number gin_trgm_ops)`);
    // A name found, its cases: from the index alone (a common name is on thousands of claims)
    await queryRunner.query(`CREATE INDEX claims_worker_case_idx ON claims (worker_id) INCLUDE (case_id)`);
    await queryRunner.query(`DROP INDEX claims_worker_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX claims_worker_idx ON claims (worker_id)`);
    await queryRunner.query(`DROP INDEX claims_worker_case_idx`);
    await queryRunner.query(`DROP INDEX cases_case_number_trgm_idx`);
    await queryRunner.query(`DROP INDEX projects_name_grams_idx`);
    await queryRunner.query(`DROP INDEX employers_name_grams_idx`);
    await queryRunner.query(`DROP INDEX workers_name_grams_idx`);
    await queryRunner.query(`DROP FUNCTION search_query_grams(text)`);
    await queryRunner.query(`DROP FUNCTION search_grams(text)`);
    // pg_trgm stays: another database object may have come to use it
  }
}
