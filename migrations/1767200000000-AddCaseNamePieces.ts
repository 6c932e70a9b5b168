import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases by the two-character pieces of their workers' names (issue 17: a given name alone, 丽华,
 * took 470 ms at a million cases). The name index (migrations/1766100000000) finds the 11,500 workers
 * so named, but each is then a row of workers, an entry of the claims index and a row of cases read
 * at random, some 35,000 pages, before the list can count them and sort them by intake day.
 *
 * Here each case is one row per piece of its workers' names, with what the list counts and sorts by
 * (its organisation and intake day) in the key's index: a search of two characters reads its cases
 * in one stretch of one index, counts them in the caller's scope, and reads the cases of its page
 * only. A search of two characters is exact here, since a name holds the text exactly when it holds
 * that piece; longer texts are specific enough for the name index, and one character is nearly always
 * too broad. `names`: how many of the case's workers' names hold the piece, so a search counts its
 * matches as before (a case once per worker found) and a piece leaves when its last name does.
 *
 * Kept by triggers on claims (added, removed, moved), on a worker's name and on a case's organisation
 * and intake day; `case_name_pieces_source` is what they must add up to (every e2e suite compares).
 */
export class AddCaseNamePieces1767200000000 implements MigrationInterface {
  name = 'AddCaseNamePieces1767200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The same pieces as search_query_grams looks up for a text of two characters (lower-cased), each once.
    // PL/pgSQL, as search_grams: a third of the cost of a SQL function with generate_series, paid per claim.
    await queryRunner.query(`
      CREATE FUNCTION name_pieces(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        lowered text := lower(name);
        piece text;
        pieces text[] := '{}';
      BEGIN
        FOR i IN 1..char_length(lowered) - 1 LOOP
          piece := substr(lowered, i, 2);
          IF NOT piece = ANY(pieces) THEN pieces := pieces || piece; END IF;
        END LOOP;
        RETURN pieces;
      END
      $$`);
    await queryRunner.query(`
      CREATE TABLE case_name_pieces (
        piece text NOT NULL,
        case_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        intake_date date NOT NULL,
        names integer NOT NULL CHECK (names > 0)
      )`);
    await queryRunner.query(`
      CREATE VIEW case_name_pieces_source AS
      SELECT piece, cl.case_id, c.organisation_id, c.intake_date, count(*)::int AS names
        FROM claims cl
        JOIN workers w ON w.id = cl.worker_id
        JOIN cases c ON c.id = cl.case_id
       CROSS JOIN LATERAL unnest(name_pieces(w.name)) AS piece
       GROUP BY piece, cl.case_id, c.organisation_id, c.intake_date`);
    await queryRunner.query(`
      ALTER TABLE case_name_pieces ADD PRIMARY KEY (piece, case_id) INCLUDE (organisation_id, intake_date, names)`);
    // Filled from the claims here, and again after a load that skips the triggers (the seed's replica
    // mode): the key is built after the rows, several times faster than kept row by row.
    await queryRunner.query(`
      CREATE FUNCTION rebuild_case_name_pieces() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        TRUNCATE case_name_pieces;
        ALTER TABLE case_name_pieces DROP CONSTRAINT case_name_pieces_pkey;
        INSERT INTO case_name_pieces SELECT * FROM case_name_pieces_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        ALTER TABLE case_name_pieces ADD PRIMARY KEY (piece, case_id) INCLUDE (organisation_id, intake_date, names);
        RETURN rebuilt;
      END
      $$`);
    await queryRunner.query(`SELECT rebuild_case_name_pieces()`);

    // The pieces of the names of claims (a case's id and its worker's name, side by side) counted in, or out.
    await queryRunner.query(`
      CREATE FUNCTION add_case_name_pieces(case_ids uuid[], worker_names text[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_name_pieces AS p (piece, case_id, organisation_id, intake_date, names)
        SELECT piece, x.case_id, c.organisation_id, c.intake_date, count(*)
          FROM unnest(case_ids, worker_names) AS x (case_id, name)
          JOIN cases c ON c.id = x.case_id
         CROSS JOIN LATERAL unnest(name_pieces(x.name)) AS piece
         GROUP BY piece, x.case_id, c.organisation_id, c.intake_date
        ON CONFLICT (piece, case_id) DO UPDATE SET names = p.names + excluded.names
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION remove_case_name_pieces(case_ids uuid[], worker_names text[]) RETURNS void LANGUAGE sql AS $$
        WITH gone AS (
          SELECT piece, x.case_id, count(*)::int AS names
            FROM unnest(case_ids, worker_names) AS x (case_id, name)
           CROSS JOIN LATERAL unnest(name_pieces(x.name)) AS piece
           GROUP BY piece, x.case_id
        ), emptied AS (
          DELETE FROM case_name_pieces p USING gone
           WHERE p.piece = gone.piece AND p.case_id = gone.case_id AND p.names <= gone.names
        )
        UPDATE case_name_pieces p SET names = p.names - gone.names FROM gone
         WHERE p.piece = gone.piece AND p.case_id = gone.case_id AND p.names > gone.names
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION claims_name_pieces() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM add_case_name_pieces(array_agg(cl.case_id), array_agg(w.name)) FROM new_claims cl JOIN workers w ON w.id = cl.worker_id;
        ELSE
          PERFORM remove_case_name_pieces(array_agg(cl.case_id), array_agg(w.name)) FROM old_claims cl JOIN workers w ON w.id = cl.worker_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claims_name_pieces_added AFTER INSERT ON claims
      REFERENCING NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION claims_name_pieces()`);
    await queryRunner.query(`
      CREATE TRIGGER claims_name_pieces_removed AFTER DELETE ON claims
      REFERENCING OLD TABLE AS old_claims FOR EACH STATEMENT EXECUTE FUNCTION claims_name_pieces()`);
    // no code moves a claim to another case or worker; if anything ever does, its pieces move with it
    await queryRunner.query(`
      CREATE FUNCTION claim_moved_name_pieces() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM remove_case_name_pieces(ARRAY[OLD.case_id], ARRAY[(SELECT name FROM workers WHERE id = OLD.worker_id)]);
        PERFORM add_case_name_pieces(ARRAY[NEW.case_id], ARRAY[(SELECT name FROM workers WHERE id = NEW.worker_id)]);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER claim_moved_name_pieces AFTER UPDATE OF case_id, worker_id ON claims
      FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.worker_id IS DISTINCT FROM NEW.worker_id)
      EXECUTE FUNCTION claim_moved_name_pieces()`);
    // a worker's name corrected: the old name's pieces leave each of his cases and the new one's come
    await queryRunner.query(`
      CREATE FUNCTION worker_renamed_name_pieces() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM remove_case_name_pieces(array_agg(case_id), array_agg(OLD.name)) FROM claims WHERE worker_id = OLD.id;
        PERFORM add_case_name_pieces(array_agg(case_id), array_agg(NEW.name)) FROM claims WHERE worker_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER worker_renamed_name_pieces AFTER UPDATE OF name ON workers
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION worker_renamed_name_pieces()`);
    // a case moved to another organisation or its intake day corrected: its pieces follow, found by their key
    await queryRunner.query(`
      CREATE FUNCTION case_moved_name_pieces() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_name_pieces p SET organisation_id = NEW.organisation_id, intake_date = NEW.intake_date
          FROM (SELECT DISTINCT piece FROM claims cl JOIN workers w ON w.id = cl.worker_id
                 CROSS JOIN LATERAL unnest(name_pieces(w.name)) AS piece WHERE cl.case_id = NEW.id) mine
         WHERE p.piece = mine.piece AND p.case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_moved_name_pieces AFTER UPDATE OF organisation_id, intake_date ON cases
      FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.intake_date IS DISTINCT FROM NEW.intake_date)
      EXECUTE FUNCTION case_moved_name_pieces()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_moved_name_pieces ON cases`);
    await queryRunner.query(`DROP TRIGGER worker_renamed_name_pieces ON workers`);
    await queryRunner.query(`DROP TRIGGER claim_moved_name_pieces ON claims`);
    await queryRunner.query(`DROP TRIGGER claims_name_pieces_removed ON claims`);
    await queryRunner.query(`DROP TRIGGER claims_name_pieces_added ON claims`);
    await queryRunner.query(`DROP FUNCTION case_moved_name_pieces()`);
    await queryRunner.query(`DROP FUNCTION worker_renamed_name_pieces()`);
    await queryRunner.query(`DROP FUNCTION claim_moved_name_pieces()`);
    await queryRunner.query(`DROP FUNCTION claims_name_pieces()`);
    await queryRunner.query(`DROP FUNCTION remove_case_name_pieces(uuid[], text[])`);
    await queryRunner.query(`DROP FUNCTION add_case_name_pieces(uuid[], text[])`);
    await queryRunner.query(`DROP FUNCTION rebuild_case_name_pieces()`);
    await queryRunner.query(`DROP VIEW case_name_pieces_source`);
    await queryRunner.query(`DROP TABLE case_name_pieces`);
    await queryRunner.query(`DROP FUNCTION name_pieces(text)`);
  }
}
