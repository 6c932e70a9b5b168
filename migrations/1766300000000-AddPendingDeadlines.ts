import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statuses a case ends in, as they were when this migration was written. */
const FINAL_STATUSES_SQL = `('closed', 'withdrawn', 'rejected')`;

/** The tables whose rows the legal clocks are computed from, each with the column that leads to its case. */
const CLOCK_SOURCES: [table: string, caseOf: string][] = [
  ['cases', 'id'],
  ['case_events', 'case_id'],
  ['claims', 'case_id'],
  ['payouts', 'case_id'],
  ['agreements', 'case_id'],
];

/**
 * The deadlines still running on the open cases, stored so that what is due across a city is read,
 * not computed (issue 17: GET /deadlines for the city took 28 s, computing every open case's clocks).
 *
 * The clocks are still computed in one place (LegalClocksService, the pure domain/legal-clocks.ts);
 * this table only remembers their answer. `pending_deadlines` holds, per case, each clock that is
 * running, due today or overdue and not stopped, with its day; `case_clocks` says per case whether
 * that answer is still good:
 *   - `stale`: something the clocks read changed since (set by the triggers below, in the writing
 *     transaction, so no write is ever missed); `mark` changes with every such write, so a refresh that
 *     read the facts before a write does not clear the flag the write set;
 *   - `holds_from` / `holds_until`: the answer is the same for any day from `holds_from` up to the day
 *     before `holds_until` (null: open). Between two dated facts of a case (a payment, a step, the end of
 *     an employment still to come) nothing but the days left changes, and those are computed on reading.
 * A holiday schedule entered or changed moves counted days, so it makes every open case stale; so does a
 * change of the calendar that is not in rows (`case_clocks_calendar`: the refresh compares fingerprints).
 * `reset_case_clocks()` starts over (here, and after the seed generator's bulk load with triggers off):
 * open cases stale, concluded ones holding nothing from the day they were concluded.
 */
export class AddPendingDeadlines1766300000000 implements MigrationInterface {
  name = 'AddPendingDeadlines1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE case_clock_marks`);
    await queryRunner.query(`
      CREATE TABLE case_clocks (
        case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        stale boolean NOT NULL DEFAULT true,
        mark bigint NOT NULL DEFAULT nextval('case_clock_marks'),
        holds_from date,
        holds_until date
      )`);
    await queryRunner.query(`CREATE INDEX case_clocks_stale_idx ON case_clocks (case_id) WHERE stale`);
    // the few cases whose answer does not hold on the day read: one with a fact dated later (an employment
    // ending next month), or computed for a later day than the one read (a back-dated reading)
    await queryRunner.query(`CREATE INDEX case_clocks_holds_until_idx ON case_clocks (holds_until) WHERE holds_until IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX case_clocks_holds_from_idx ON case_clocks (holds_from)`);
    await queryRunner.query(`
      CREATE TABLE pending_deadlines (
        -- not a reference to cases: storing a case's deadlines must not take a lock on the case's row, which
        -- its writers hold while their triggers wait for the case's row here (a deadlock, found by the bench)
        case_id uuid NOT NULL REFERENCES case_clocks (case_id) ON DELETE CASCADE,
        position integer NOT NULL,
        clock text NOT NULL,
        subject text NOT NULL,
        due_on date NOT NULL,
        CONSTRAINT pending_deadlines_pkey PRIMARY KEY (case_id, position)
      )`);
    await queryRunner.query(`CREATE INDEX pending_deadlines_due_idx ON pending_deadlines (due_on, clock) INCLUDE (case_id, position)`);
    // The working calendar the stored deadlines were counted with (its fingerprint): part of it is code and
    // packaged data (a release with the next year's schedule), not rows, so no trigger sees it change.
    await queryRunner.query(`
      CREATE TABLE case_clocks_calendar (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        fingerprint text NOT NULL
      )`);

    await queryRunner.query(`
      CREATE FUNCTION reset_case_clocks() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        open_cases bigint;
      BEGIN
        DELETE FROM pending_deadlines;
        DELETE FROM case_clocks;
        INSERT INTO case_clocks (case_id, stale, holds_from)
        SELECT id, status NOT IN ${FINAL_STATUSES_SQL} OR closed_on IS NULL, closed_on FROM cases;
        SELECT count(*) INTO open_cases FROM case_clocks WHERE stale;
        RETURN open_cases;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION case_clocks_touched() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO touched;
        ELSIF TG_OP = 'UPDATE' THEN
          EXECUTE format('SELECT array_agg(DISTINCT id) FROM (SELECT %1$I AS id FROM new_rows UNION SELECT %1$I FROM old_rows) t',
                         TG_ARGV[0]) INTO touched;
        ELSE
          EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO touched;
        END IF;
        IF touched IS NOT NULL THEN
          -- in the cases' order, as every writer of several cases' rows here locks them
          INSERT INTO case_clocks (case_id)
          SELECT id FROM cases WHERE id = ANY(touched) ORDER BY id
          ON CONFLICT (case_id) DO UPDATE SET stale = true, mark = nextval('case_clock_marks');
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const [table, caseOf] of CLOCK_SOURCES) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_clocks_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_clocks_touched('${caseOf}')`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_clocks_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_clocks_touched('${caseOf}')`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_clocks_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_clocks_touched('${caseOf}')`);
    }
    // An instalment leads to its case through its agreement.
    await queryRunner.query(`
      CREATE FUNCTION instalment_clocks_touched() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE case_clocks k SET stale = true, mark = nextval('case_clock_marks')
            FROM agreements a WHERE a.id IN (SELECT agreement_id FROM old_rows) AND k.case_id = a.case_id;
        ELSE
          UPDATE case_clocks k SET stale = true, mark = nextval('case_clock_marks')
            FROM agreements a WHERE a.id IN (SELECT agreement_id FROM new_rows) AND k.case_id = a.case_id;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER instalments_clocks_insert AFTER INSERT ON instalments REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION instalment_clocks_touched()`);
    await queryRunner.query(`
      CREATE TRIGGER instalments_clocks_update AFTER UPDATE ON instalments REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION instalment_clocks_touched()`);
    await queryRunner.query(`
      CREATE TRIGGER instalments_clocks_delete AFTER DELETE ON instalments REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION instalment_clocks_touched()`);
    // A holiday schedule moves the last day of every counted period: every open case is computed again
    // (a new mark also for those already stale, whose refresh in hand may have read the old schedule).
    await queryRunner.query(`
      CREATE FUNCTION calendar_clocks_touched() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_clocks k SET stale = true, mark = nextval('case_clock_marks')
          FROM (SELECT o.case_id FROM case_clocks o JOIN cases c ON c.id = o.case_id
                 WHERE c.status NOT IN ${FINAL_STATUSES_SQL} ORDER BY o.case_id FOR UPDATE OF o) open_cases
         WHERE k.case_id = open_cases.case_id;
        RETURN NULL;
      END
      $$`);
    for (const table of ['holidays', 'holiday_years']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_clocks_touched AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION calendar_clocks_touched()`);
    }
    await queryRunner.query(`SELECT reset_case_clocks()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['holidays', 'holiday_years']) await queryRunner.query(`DROP TRIGGER ${table}_clocks_touched ON ${table}`);
    await queryRunner.query(`DROP FUNCTION calendar_clocks_touched()`);
    for (const operation of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER instalments_clocks_${operation} ON instalments`);
      for (const [table] of CLOCK_SOURCES) await queryRunner.query(`DROP TRIGGER ${table}_clocks_${operation} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION instalment_clocks_touched()`);
    await queryRunner.query(`DROP FUNCTION case_clocks_touched()`);
    await queryRunner.query(`DROP FUNCTION reset_case_clocks()`);
    await queryRunner.query(`DROP TABLE case_clocks_calendar`);
    await queryRunner.query(`DROP TABLE pending_deadlines`);
    await queryRunner.query(`DROP TABLE case_clocks`);
    await queryRunner.query(`DROP SEQUENCE case_clock_marks`);
  }
}
