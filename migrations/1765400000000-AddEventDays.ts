import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day each thing happened, apart from when it was recorded (issue 14). Clerks record yesterday's
 * mediation, last week's payment or a whole season after the fact; the figures, the employer record
 * and the legal clocks must count the day it happened.
 *
 * - `case_events.happened_on`: the Asia/Shanghai day the event happened. `occurred_at` stays what it
 *   always was, the moment it was recorded. Existing events happened, as far as anyone knows, the day
 *   they were recorded.
 * - `cases.closed_on`: the day the case reached a final status (closed, withdrawn, rejected).
 *   `closed_at` stays the moment that was recorded. case_facts (and through it the rollups and every
 *   report) counts a case concluded on `closed_on`.
 */
export class AddEventDays1765400000000 implements MigrationInterface {
  name = 'AddEventDays1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_events ADD COLUMN happened_on date`);
    // The timeline is append-only; filling a new column is not rewriting history.
    await queryRunner.query(`ALTER TABLE case_events DISABLE TRIGGER case_events_append_only`);
    await queryRunner.query(`UPDATE case_events SET happened_on = (occurred_at AT TIME ZONE 'Asia/Shanghai')::date`);
    await queryRunner.query(`ALTER TABLE case_events ENABLE TRIGGER case_events_append_only`);
    await queryRunner.query(`ALTER TABLE case_events ALTER COLUMN happened_on SET NOT NULL`);
    // The clocks ask for the first entry into mediation, and a move for the day of the move before it.
    await queryRunner.query(
      `CREATE INDEX case_events_status_days_idx ON case_events (case_id, happened_on) WHERE kind = 'status_changed'`,
    );

    await queryRunner.query(`ALTER TABLE cases ADD COLUMN closed_on date`);
    await queryRunner.query(`
      UPDATE cases SET closed_on = (closed_at AT TIME ZONE 'Asia/Shanghai')::date
       WHERE status IN ('closed', 'withdrawn', 'rejected')`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_closed_on_when_final
        CHECK ((status IN ('closed', 'withdrawn', 'rejected')) = (closed_on IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE cases ADD CONSTRAINT cases_closed_on_after_intake CHECK (closed_on >= intake_date)`);

    await queryRunner.query(caseFactsSource(`c.closed_on`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(caseFactsSource(`(c.closed_at AT TIME ZONE 'Asia/Shanghai')::date`));
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_closed_on_after_intake`);
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_closed_on_when_final`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN closed_on`);
    await queryRunner.query(`DROP INDEX case_events_status_days_idx`);
    await queryRunner.query(`ALTER TABLE case_events DROP COLUMN happened_on`);
  }
}

/** case_facts_source as AddCaseFacts defined it, with the day a case concluded taken from `closedOn`. */
function caseFactsSource(closedOn: string): string {
  return `
    CREATE OR REPLACE VIEW case_facts_source AS
    SELECT c.id AS case_id, c.organisation_id, c.intake_date, c.status, c.outcome,
           CASE WHEN c.status IN ('closed', 'withdrawn', 'rejected') THEN ${closedOn} END AS closed_on,
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
         WHERE cl.case_id = c.id) money ON true`;
}
