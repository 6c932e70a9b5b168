import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each pay day knows when its case was opened and concluded (issue 17: the festival as of its eve).
 *
 * The report of a festival whose eve has passed adds to what the cases open on the eve owe today what
 * was paid on them after it. Which pay days those are was found by joining every pay day after the eve
 * (187,361 in the bench's city) to the 111,837 cases open then, by case: a hash of 187,361 rows, most of
 * the report's 190 ms. With the case's intake and closing days on its pay days, and in the index of the
 * days paid, the pay days of the cases open on the eve are a range of that index with a filter, added up
 * by organisation without a join.
 *
 * The cases open on the eve are read from case_facts_closed_idx, in two ranges (not concluded; concluded
 * after the eve) of which only those opened by the eve count: keyed by the day concluded and then the
 * day opened, the first range is read no further than the eve (43,082 index rows fewer in the city).
 *
 * A case's pay days are written again when its dates change (case_pay_days_followed watches them), as
 * they already were when its lawyer, mediator or project did: closing a case rewrites its few rows.
 *
 * The columns and indexes as AddClaimsSettledByDay1765900000000 left them.
 */
const PAY_DAY_DIMENSIONS = ['organisation_id', 'lawyer_id', 'mediator_id', 'project_id', 'employer_id', 'industry'];
const DAY_SUMS = ['fen', 'wages_fen', 'labour_fees_fen'];
const CASE_DATES = ['intake_date', 'closed_on'];
const CLOSED_INCLUDE = ['organisation_id', 'case_id', 'owed_fen', 'paid_fen', 'workers_owed', 'unconfirmed', 'last_paid_on'];

export class AddPayDayCaseDates1767400000000 implements MigrationInterface {
  name = 'AddPayDayCaseDates1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW case_pay_days_source`);
    // dropped while the rows are written again, and made once after
    await queryRunner.query(`DROP INDEX case_pay_days_day_idx`);
    await queryRunner.query(`ALTER TABLE case_pay_days ADD COLUMN intake_date date, ADD COLUMN closed_on date`);
    await queryRunner.query(casePayDayRows(true));
    await queryRunner.query(`CREATE VIEW case_pay_days_source AS SELECT r.* FROM case_facts f, case_pay_day_rows(f) r`);
    await queryRunner.query(casePayDaysFollowed(true));
    await queryRunner.query(`SELECT rebuild_case_pay_days()`);
    await queryRunner.query(`ALTER TABLE case_pay_days ALTER COLUMN intake_date SET NOT NULL`);
    await queryRunner.query(dayIndex(true));
    await queryRunner.query(`DROP INDEX case_facts_closed_idx`);
    await queryRunner.query(`CREATE INDEX case_facts_closed_idx ON case_facts (closed_on, intake_date) INCLUDE (${CLOSED_INCLUDE.join(', ')})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW case_pay_days_source`);
    await queryRunner.query(`DROP INDEX case_pay_days_day_idx`);
    await queryRunner.query(`ALTER TABLE case_pay_days DROP COLUMN intake_date, DROP COLUMN closed_on`);
    await queryRunner.query(casePayDayRows(false));
    await queryRunner.query(`CREATE VIEW case_pay_days_source AS SELECT r.* FROM case_facts f, case_pay_day_rows(f) r`);
    await queryRunner.query(casePayDaysFollowed(false));
    await queryRunner.query(dayIndex(false));
    await queryRunner.query(`DROP INDEX case_facts_closed_idx`);
    await queryRunner.query(`CREATE INDEX case_facts_closed_idx ON case_facts (closed_on) INCLUDE (intake_date, ${CLOSED_INCLUDE.join(', ')})`);
  }
}

/** The rows of case_pay_days of one case: its pay days with its dimensions, the claims each settled, and (`dated`) the case's days. */
function casePayDayRows(dated: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION case_pay_day_rows(f case_facts) RETURNS SETOF case_pay_days LANGUAGE sql IMMUTABLE AS $$
      SELECT f.case_id, d.paid_on, ${PAY_DAY_DIMENSIONS.map((column) => `f.${column}`).join(', ')},
             ${[...DAY_SUMS, 'claims_settled'].map((name) => `d.${name}`).join(', ')}${dated ? `, ${CASE_DATES.map((column) => `f.${column}`).join(', ')}` : ''}
        FROM unnest(f.paid_days, ${DAY_SUMS.map((sum) => `f.paid_days_${sum}`).join(', ')}, f.paid_days_settled)
             d(paid_on, ${DAY_SUMS.join(', ')}, claims_settled)
    $$`;
}

/** The trigger that keeps case_pay_days: a case whose pay days, dimensions and (`dated`) days a statement left alone keeps its rows. */
function casePayDaysFollowed(dated: boolean): string {
  const read = [...PAY_DAY_DIMENSIONS, 'paid_days', ...DAY_SUMS.map((sum) => `paid_days_${sum}`), 'paid_days_settled', ...(dated ? CASE_DATES : [])];
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
 * The days of a period in every dimension, from the index alone, with the case and the claims settled
 * (the reminders' balances as of a day); with `dated`, also the case's days, so the pay days after an
 * eve of the cases open on it are read from the index too.
 */
function dayIndex(dated: boolean): string {
  return `
    CREATE INDEX case_pay_days_day_idx ON case_pay_days (paid_on)
    INCLUDE (${[...PAY_DAY_DIMENSIONS, ...DAY_SUMS, 'case_id', 'claims_settled', ...(dated ? CASE_DATES : [])].join(', ')})`;
}
