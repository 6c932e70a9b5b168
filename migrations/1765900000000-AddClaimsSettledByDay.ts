import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many workers each pay day paid in full, so a past festival's view is read from the per-case
 * tables instead of every claim and payout of the cases open on its eve (issue 14: about 2 s at a
 * million cases).
 *
 * What a case still owed at the end of a day is linear: what it owes now, plus what was paid on it
 * after that day. How many of its workers were still owed is not; but a payout is never negative
 * (payouts.amount_fen > 0), so a worker's balance only falls, and a worker owed on that day and not
 * today is one whose payments reached what he is owed on a later day. case_facts gains
 * `paid_days_settled`, parallel to `paid_days`: on each day money was paid on the case, how many of
 * its claims that day's payments paid in full (the claim's payouts up to the end of that day first
 * reach what it owes: confirmed, or claimed while unconfirmed; a claim that owes nothing is never
 * counted). case_pay_days carries it as `claims_settled`, and its day index carries the case and it,
 * so the days after an eve are read from the index alone; the index on the day a case concluded carries
 * what the view needs of the cases open on the eve. Then, for a case open at the end of day D:
 *   still owed  = owed − paid + Σ fen            over its pay days after D
 *   workers owed = workers_owed + Σ claims_settled over its pay days after D
 *   owing at all = owing today, or paid on a day after D (last_paid_on > D)
 * which is what claimBalancesOfCasesSql with `paidBy` D adds up, claim by claim. A correction that
 * takes money back (a negative entry) would break the second line; the e2e suites compare the
 * festival view with that definition (test/reports-seasons.e2e-spec.ts).
 *
 * Self-contained: case_facts_source is written out again with the new column at the end (as
 * AddPaidInPeriod1765800000000 left it otherwise), and down() puts that one back.
 */

const FINAL = `('closed', 'withdrawn', 'rejected')`;

/** The columns of case_facts as AddPaidInPeriod1765800000000 left them, in order. */
const EARLIER_FACTS = [
  'case_id',
  'organisation_id',
  'intake_date',
  'status',
  'outcome',
  'closed_on',
  'lawyer_id',
  'mediator_id',
  'project_id',
  'employer_id',
  'industry',
  'workers',
  'unconfirmed',
  'claimed_fen',
  'confirmed_fen',
  'owed_fen',
  'paid_fen',
  'workers_owed',
  'last_paid_on',
  'owed_wages_fen',
  'owed_labour_fees_fen',
  'paid_wages_fen',
  'paid_labour_fees_fen',
  'paid_days',
  'paid_days_fen',
  'paid_days_wages_fen',
  'paid_days_labour_fees_fen',
];
const FACTS = [...EARLIER_FACTS, 'paid_days_settled'];

/** The dimensions of a case that its pay days carry, as case_facts names them (AddPaidInPeriod1765800000000). */
const PAY_DAY_DIMENSIONS = ['organisation_id', 'lawyer_id', 'mediator_id', 'project_id', 'employer_id', 'industry'];
const DAY_SUMS = ['fen', 'wages_fen', 'labour_fees_fen'];

export class AddClaimsSettledByDay1765900000000 implements MigrationInterface {
  name = 'AddClaimsSettledByDay1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_facts ADD COLUMN paid_days_settled integer[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(caseFactsSource(true));
    await queryRunner.query(refreshCaseFacts(FACTS));

    await queryRunner.query(`DROP VIEW case_pay_days_source`);
    await queryRunner.query(`ALTER TABLE case_pay_days ADD COLUMN claims_settled integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE case_pay_days ALTER COLUMN claims_settled DROP DEFAULT`);
    await queryRunner.query(casePayDayRows(true));
    await queryRunner.query(`CREATE VIEW case_pay_days_source AS SELECT r.* FROM case_facts f, case_pay_day_rows(f) r`);
    await queryRunner.query(casePayDaysFollowed(true));
    await queryRunner.query(`DROP INDEX case_pay_days_day_idx`);
    await queryRunner.query(dayIndex(true));
    // The cases open at the end of a day: those open today and those concluded after it, with what they
    // owe, from the index alone (it served only the days cases concluded on, which it still does).
    await queryRunner.query(`DROP INDEX case_facts_closed_idx`);
    await queryRunner.query(`
      CREATE INDEX case_facts_closed_idx ON case_facts (closed_on)
      INCLUDE (intake_date, organisation_id, case_id, owed_fen, paid_fen, workers_owed, unconfirmed, last_paid_on)`);

    // Everything from scratch: case_facts from case_facts_source, then the rollups and the pay days from theirs.
    await queryRunner.query(`SELECT rebuild_case_facts()`);
    await queryRunner.query(`ALTER TABLE case_facts ALTER COLUMN paid_days_settled DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_facts_closed_idx`);
    await queryRunner.query(`CREATE INDEX case_facts_closed_idx ON case_facts (closed_on) INCLUDE (organisation_id) WHERE closed_on IS NOT NULL`);
    await queryRunner.query(`DROP INDEX case_pay_days_day_idx`);
    await queryRunner.query(dayIndex(false));
    await queryRunner.query(`DROP VIEW case_pay_days_source`);
    await queryRunner.query(`ALTER TABLE case_pay_days DROP COLUMN claims_settled`);
    await queryRunner.query(casePayDayRows(false));
    await queryRunner.query(`CREATE VIEW case_pay_days_source AS SELECT r.* FROM case_facts f, case_pay_day_rows(f) r`);
    await queryRunner.query(casePayDaysFollowed(false));

    await queryRunner.query(refreshCaseFacts(EARLIER_FACTS));
    // a view cannot lose columns in place
    await queryRunner.query(`DROP VIEW case_facts_source`);
    await queryRunner.query(caseFactsSource(false));
    await queryRunner.query(`ALTER TABLE case_facts DROP COLUMN paid_days_settled`);
    await queryRunner.query(`SELECT rebuild_case_facts()`);
  }
}

/**
 * case_facts_source as AddPaidInPeriod1765800000000 left it, and with `settled` the claims each pay
 * day paid in full, at the end.
 */
function caseFactsSource(settled: boolean): string {
  return `
    CREATE OR REPLACE VIEW case_facts_source AS
    SELECT c.id AS case_id, c.organisation_id, c.intake_date, c.status, c.outcome,
           CASE WHEN c.status IN ${FINAL} THEN c.closed_on END AS closed_on,
           c.lawyer_id, c.mediator_id, c.project_id,
           direct.employer_id, direct.industry,
           COALESCE(money.workers, 0) AS workers,
           COALESCE(money.unconfirmed, 0) AS unconfirmed,
           COALESCE(money.claimed_fen, 0) AS claimed_fen,
           COALESCE(money.confirmed_fen, 0) AS confirmed_fen,
           COALESCE(money.owed_fen, 0) AS owed_fen,
           COALESCE(money.paid_fen, 0) AS paid_fen,
           COALESCE(money.workers_owed, 0) AS workers_owed,
           money.last_paid_on,
           COALESCE(money.owed_wages_fen, 0) AS owed_wages_fen,
           COALESCE(money.owed_labour_fees_fen, 0) AS owed_labour_fees_fen,
           COALESCE(money.paid_wages_fen, 0) AS paid_wages_fen,
           COALESCE(money.paid_labour_fees_fen, 0) AS paid_labour_fees_fen,
           COALESCE(pay_days.paid_days, '{}') AS paid_days,
           COALESCE(pay_days.paid_days_fen, '{}') AS paid_days_fen,
           COALESCE(pay_days.paid_days_wages_fen, '{}') AS paid_days_wages_fen,
           COALESCE(pay_days.paid_days_labour_fees_fen, '{}') AS paid_days_labour_fees_fen${
             settled
               ? `,
           COALESCE(pay_days.paid_days_settled, '{}') AS paid_days_settled`
               : ''
           }
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
               max(p.last_paid_on) AS last_paid_on,
               SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'wages')::bigint AS owed_wages_fen,
               SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FILTER (WHERE cl.kind = 'labour_fees')::bigint AS owed_labour_fees_fen,
               SUM(COALESCE(p.paid_fen, 0)) FILTER (WHERE cl.kind = 'wages')::bigint AS paid_wages_fen,
               SUM(COALESCE(p.paid_fen, 0)) FILTER (WHERE cl.kind = 'labour_fees')::bigint AS paid_labour_fees_fen
          FROM claims cl
          LEFT JOIN LATERAL (SELECT SUM(amount_fen) AS paid_fen, max(paid_on) AS last_paid_on
                               FROM payouts WHERE claim_id = cl.id) p ON true
         WHERE cl.case_id = c.id) money ON true
      -- each day money was paid on the case (the day it was paid, as recorded), in day order
      LEFT JOIN LATERAL (
        SELECT array_agg(d.paid_on ORDER BY d.paid_on) AS paid_days,
               array_agg(d.fen ORDER BY d.paid_on) AS paid_days_fen,
               array_agg(d.wages_fen ORDER BY d.paid_on) AS paid_days_wages_fen,
               array_agg(d.labour_fees_fen ORDER BY d.paid_on) AS paid_days_labour_fees_fen${
                 settled ? `,\n               array_agg(d.settled ORDER BY d.paid_on) AS paid_days_settled` : ''
               }
          FROM (${settled ? payDaysWithSettled() : payDays()}) d) pay_days ON true`;
}

/** A case's pay days, each with its amount in all, of wages and of labour fees (AddPaidInPeriod1765800000000). */
function payDays(): string {
  return `SELECT p.paid_on, SUM(p.amount_fen)::bigint AS fen,
                       COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'wages'), 0)::bigint AS wages_fen,
                       COALESCE(SUM(p.amount_fen) FILTER (WHERE cl.kind = 'labour_fees'), 0)::bigint AS labour_fees_fen
                  FROM payouts p JOIN claims cl ON cl.id = p.claim_id
                 WHERE p.case_id = c.id
                 GROUP BY p.paid_on`;
}

/**
 * The same, and how many claims each day paid in full: a claim's payments by day with what it had
 * been paid by the end of each; it is settled on the day that total first reaches what it owes.
 */
function payDaysWithSettled(): string {
  return `SELECT cd.paid_on, SUM(cd.fen)::bigint AS fen,
                       COALESCE(SUM(cd.fen) FILTER (WHERE cd.kind = 'wages'), 0)::bigint AS wages_fen,
                       COALESCE(SUM(cd.fen) FILTER (WHERE cd.kind = 'labour_fees'), 0)::bigint AS labour_fees_fen,
                       count(*) FILTER (WHERE cd.owed > 0 AND cd.paid_by_then >= cd.owed AND cd.paid_by_then - cd.fen < cd.owed)::int AS settled
                  FROM (SELECT by_day.*, SUM(by_day.fen) OVER (PARTITION BY by_day.claim_id ORDER BY by_day.paid_on) AS paid_by_then
                          FROM (SELECT p.claim_id, p.paid_on, cl.kind, COALESCE(cl.confirmed_fen, cl.claimed_fen) AS owed,
                                       SUM(p.amount_fen) AS fen
                                  FROM payouts p JOIN claims cl ON cl.id = p.claim_id
                                 WHERE p.case_id = c.id
                                 GROUP BY p.claim_id, p.paid_on, cl.kind, cl.confirmed_fen, cl.claimed_fen) by_day) cd
                 GROUP BY cd.paid_on`;
}

/** refresh_case_facts (a refresh that changes nothing writes nothing) over these columns. */
function refreshCaseFacts(columns: string[]): string {
  return `
    CREATE OR REPLACE FUNCTION refresh_case_facts(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO case_facts
      SELECT * FROM case_facts_source WHERE case_id = ANY(case_ids)
      ON CONFLICT (case_id) DO UPDATE SET
        ${columns
          .filter((column) => column !== 'case_id')
          .map((column) => `${column} = EXCLUDED.${column}`)
          .join(', ')}
      WHERE (case_facts.*) IS DISTINCT FROM (EXCLUDED.*)
    $$`;
}

/** The rows of case_pay_days of one case: its pay days with its dimensions (and with `settled`, the claims each paid in full). */
function casePayDayRows(settled: boolean): string {
  const arrays = ['f.paid_days', ...DAY_SUMS.map((sum) => `f.paid_days_${sum}`)];
  const names = ['paid_on', ...DAY_SUMS];
  if (settled) {
    arrays.push('f.paid_days_settled');
    names.push('claims_settled');
  }
  return `
    CREATE OR REPLACE FUNCTION case_pay_day_rows(f case_facts) RETURNS SETOF case_pay_days LANGUAGE sql IMMUTABLE AS $$
      SELECT f.case_id, d.paid_on, ${PAY_DAY_DIMENSIONS.map((column) => `f.${column}`).join(', ')}, ${names
        .slice(1)
        .map((name) => `d.${name}`)
        .join(', ')}
        FROM unnest(${arrays.join(', ')}) d(${names.join(', ')})
    $$`;
}

/**
 * The trigger that keeps case_pay_days (AddPaidInPeriod1765800000000's), reading the pay days'
 * columns of case_facts: a case whose pay days and dimensions a statement left alone keeps its rows.
 */
function casePayDaysFollowed(settled: boolean): string {
  const read = [...PAY_DAY_DIMENSIONS, 'paid_days', 'paid_days_fen', 'paid_days_wages_fen', 'paid_days_labour_fees_fen'];
  if (settled) read.push('paid_days_settled');
  const changed = `(${read.map((column) => `n.${column}`).join(', ')}) IS DISTINCT FROM (${read.map((column) => `o.${column}`).join(', ')})`;
  return `
    CREATE OR REPLACE FUNCTION case_pay_days_followed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('wages.rebuilding_rollups', true) = 'on' THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' THEN
        INSERT INTO case_pay_days SELECT r.* FROM new_rows n, case_pay_day_rows(ROW(n.*)::case_facts) r;
      ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM case_pay_days p USING new_rows n JOIN old_rows o ON o.case_id = n.case_id
         WHERE p.case_id = o.case_id AND ${changed};
        INSERT INTO case_pay_days
        SELECT r.* FROM new_rows n JOIN old_rows o ON o.case_id = n.case_id, case_pay_day_rows(ROW(n.*)::case_facts) r
         WHERE ${changed};
      ELSE
        DELETE FROM case_pay_days p USING old_rows o WHERE p.case_id = o.case_id;
      END IF;
      RETURN NULL;
    END
    $$`;
}

/**
 * The days of a period in every dimension, from the index alone; with `settled` it also carries the
 * case and the claims settled, so what was paid on the cases open on an eve after it is read from the
 * index too.
 */
function dayIndex(settled: boolean): string {
  return `
    CREATE INDEX case_pay_days_day_idx ON case_pay_days (paid_on)
    INCLUDE (${[...PAY_DAY_DIMENSIONS, ...DAY_SUMS, ...(settled ? ['case_id', 'claims_settled'] : [])].join(', ')})`;
}
