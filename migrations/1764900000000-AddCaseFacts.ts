import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose changes alter a case's facts, and the expression giving the affected case ids from a transition table. */
const SOURCES: [table: string, caseIdColumn: string][] = [
  ['cases', 'id'],
  ['claims', 'case_id'],
  ['payouts', 'case_id'],
  ['case_employers', 'case_id'],
];

/**
 * One narrow row per case with what the reports count: its dimensions (organisation, dates, status,
 * people, direct employer and industry) and its money (claimed, confirmed, owed, paid, workers still
 * owed, last payment day). Reports over a million cases scan this table instead of joining five
 * million claims to their payouts.
 *
 * It stays exact because it is never computed twice: `case_facts_source` is the only definition,
 * statement-level triggers on every table it reads refresh the cases a statement touched (in the same
 * transaction), and `rebuild_case_facts()` recomputes everything (after a bulk load with triggers off).
 * It is derived data, so it is not audited; the rows it derives from are.
 */
export class AddCaseFacts1764900000000 implements MigrationInterface {
  name = 'AddCaseFacts1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_facts (
        case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        intake_date date NOT NULL,
        status text NOT NULL,
        outcome text,
        -- the Asia/Shanghai day the case reached a final status
        closed_on date,
        lawyer_id uuid,
        mediator_id uuid,
        project_id uuid,
        -- the employer that owes directly (role 'employer', else the lowest link of the chain) and its industry
        employer_id uuid,
        industry text,
        workers integer NOT NULL,
        unconfirmed integer NOT NULL,
        claimed_fen bigint NOT NULL,
        confirmed_fen bigint NOT NULL,
        -- confirmed where confirmed, claimed while not yet: what the workers are owed (as the case view says)
        owed_fen bigint NOT NULL,
        paid_fen bigint NOT NULL,
        workers_owed integer NOT NULL,
        last_paid_on date
      )`);
    // Reports read a period of cases straight from these indexes (index-only scans): the intake index
    // carries every column a figure or a breakdown needs, in intake order.
    await queryRunner.query(`
      CREATE INDEX case_facts_intake_idx ON case_facts (intake_date)
      INCLUDE (organisation_id, status, lawyer_id, mediator_id, project_id, employer_id, industry, workers, unconfirmed,
               claimed_fen, confirmed_fen, owed_fen, paid_fen, workers_owed, last_paid_on)`);
    await queryRunner.query(
      `CREATE INDEX case_facts_closed_idx ON case_facts (closed_on) INCLUDE (organisation_id) WHERE closed_on IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX case_facts_employer_idx ON case_facts (employer_id)`);
    await queryRunner.query(
      `CREATE INDEX case_facts_open_idx ON case_facts (organisation_id) INCLUDE (workers_owed, owed_fen, paid_fen, unconfirmed)
       WHERE status NOT IN ('closed', 'withdrawn', 'rejected')`,
    );

    await queryRunner.query(`
      CREATE VIEW case_facts_source AS
      SELECT c.id AS case_id, c.organisation_id, c.intake_date, c.status, c.outcome,
             CASE WHEN c.status IN ('closed', 'withdrawn', 'rejected')
                  THEN (c.closed_at AT TIME ZONE 'Asia/Shanghai')::date END AS closed_on,
             c.lawyer_id, c.mediator_id, c.project_id,
             direct.employer_id, direct.industry,
             COALESCE(money.workers, 0) AS workers,
             COALESCE(money.unconfirmed, 0) AS unconfirmed,
             COALESCE(money.claimed_fen, 0) AS claimed_fen,
             COALESCE(money.confirmed_fen, 0) AS confirmed_fen,
             COALESCE(money.owed_fen, 0) AS owed_fen,
             COALESCE(money.paid_fen, 0) AS paid_fen,
             COALESCE(money.workers_owed, 0) AS workers_owed,
             money.last_paid_on
        FROM cases c
        LEFT JOIN LATERAL (
          SELECT ce.employer_id, e.industry
            FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
           WHERE ce.case_id = c.id
           ORDER BY array_position(ARRAY['employer', 'individual_contractor', 'labour_subcontractor', 'subcontractor',
                                         'general_contractor', 'project_owner'], ce.role), ce.employer_id
           LIMIT 1) direct ON true
        LEFT JOIN LATERAL (
          SELECT count(*)::int AS workers,
                 count(*) FILTER (WHERE cl.confirmed_fen IS NULL)::int AS unconfirmed,
                 SUM(cl.claimed_fen)::bigint AS claimed_fen,
                 SUM(COALESCE(cl.confirmed_fen, 0))::bigint AS confirmed_fen,
                 SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen))::bigint AS owed_fen,
                 SUM(COALESCE(p.paid_fen, 0))::bigint AS paid_fen,
                 count(*) FILTER (WHERE COALESCE(cl.confirmed_fen, cl.claimed_fen) > COALESCE(p.paid_fen, 0))::int AS workers_owed,
                 max(p.last_paid_on) AS last_paid_on
            FROM claims cl
            LEFT JOIN LATERAL (SELECT SUM(amount_fen) AS paid_fen, max(paid_on) AS last_paid_on
                                 FROM payouts WHERE claim_id = cl.id) p ON true
           WHERE cl.case_id = c.id) money ON true`);

    await queryRunner.query(`
      CREATE FUNCTION refresh_case_facts(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO case_facts
        SELECT * FROM case_facts_source WHERE case_id = ANY(case_ids)
        ON CONFLICT (case_id) DO UPDATE SET
          organisation_id = EXCLUDED.organisation_id, intake_date = EXCLUDED.intake_date, status = EXCLUDED.status,
          outcome = EXCLUDED.outcome, closed_on = EXCLUDED.closed_on, lawyer_id = EXCLUDED.lawyer_id,
          mediator_id = EXCLUDED.mediator_id, project_id = EXCLUDED.project_id, employer_id = EXCLUDED.employer_id,
          industry = EXCLUDED.industry, workers = EXCLUDED.workers, unconfirmed = EXCLUDED.unconfirmed,
          claimed_fen = EXCLUDED.claimed_fen, confirmed_fen = EXCLUDED.confirmed_fen, owed_fen = EXCLUDED.owed_fen,
          paid_fen = EXCLUDED.paid_fen, workers_owed = EXCLUDED.workers_owed, last_paid_on = EXCLUDED.last_paid_on
      $$`);
    // After a bulk load with triggers off (the seed generator), or to repair: everything from scratch.
    await queryRunner.query(`
      CREATE FUNCTION rebuild_case_facts() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        rebuilt bigint;
      BEGIN
        DELETE FROM case_facts;
        INSERT INTO case_facts SELECT * FROM case_facts_source;
        GET DIAGNOSTICS rebuilt = ROW_COUNT;
        RETURN rebuilt;
      END
      $$`);

    // The transition tables a trigger has depend on the operation, so each operation gets its own
    // trigger; they all refresh the cases the statement touched.
    await queryRunner.query(`
      CREATE FUNCTION case_facts_touched() RETURNS trigger LANGUAGE plpgsql AS $$
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
          PERFORM refresh_case_facts(touched);
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const [table, caseId] of SOURCES) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_facts_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touched('${caseId}')`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_facts_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touched('${caseId}')`);
      if (table !== 'cases' && table !== 'payouts') {
        await queryRunner.query(`
          CREATE TRIGGER ${table}_facts_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION case_facts_touched('${caseId}')`);
      }
    }
    // An employer's industry is a dimension of the cases it owes directly.
    await queryRunner.query(`
      CREATE FUNCTION case_facts_employer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        touched uuid[];
      BEGIN
        SELECT array_agg(f.case_id ORDER BY f.case_id) INTO touched
          FROM case_facts f
          JOIN new_rows n ON n.id = f.employer_id
          JOIN old_rows o ON o.id = n.id
         WHERE n.industry IS DISTINCT FROM o.industry;
        IF touched IS NOT NULL THEN
          -- Lock the cases first, as every writer of a case's money does: a payout being recorded on one
          -- of them commits before the refresh reads, so the refresh cannot write back an older sum.
          PERFORM 1 FROM cases WHERE id = ANY(touched) ORDER BY id FOR UPDATE;
          PERFORM refresh_case_facts(touched);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER employers_facts_update AFTER UPDATE ON employers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION case_facts_employer_changed()`);

    // The desk's work of a period, counted the same way.
    await queryRunner.query(`CREATE INDEX consultations_time_idx ON consultations (consulted_at) INCLUDE (organisation_id, lawyer_id)`);
    await queryRunner.query(`CREATE INDEX outreach_visits_time_idx ON outreach_visits (visited_on) INCLUDE (organisation_id, lawyer_id)`);

    await queryRunner.query(`SELECT rebuild_case_facts()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER employers_facts_update ON employers`);
    for (const [table] of SOURCES) {
      for (const operation of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_facts_${operation} ON ${table}`);
      }
    }
    await queryRunner.query(`DROP FUNCTION case_facts_employer_changed()`);
    await queryRunner.query(`DROP FUNCTION case_facts_touched()`);
    await queryRunner.query(`DROP FUNCTION rebuild_case_facts()`);
    await queryRunner.query(`DROP FUNCTION refresh_case_facts(uuid[])`);
    await queryRunner.query(`DROP INDEX outreach_visits_time_idx`);
    await queryRunner.query(`DROP INDEX consultations_time_idx`);
    await queryRunner.query(`DROP VIEW case_facts_source`);
    await queryRunner.query(`DROP TABLE case_facts`);
  }
}
