import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

const FINAL = `('closed', 'withdrawn', 'rejected')`;

/**
 * Corrections to the payout ledger (冲正, issue 18), with four eyes.
 *
 * A payout recorded against the wrong worker, with the wrong amount or on the wrong day stays in the
 * ledger. A correction is first a request (`payout_corrections`: what the payout should have been, or
 * nothing when no money was paid at all; the reason; who asked) that counts nowhere; when a second
 * person approves it, two entries are appended to the ledger in the same transaction: a reversal (冲销)
 * that takes back exactly the original (its negative, on the same claim and the same day), and, unless
 * the payout should not have been recorded at all, the payout as it should have been. Both carry the
 * correction's id. The ledger stays append-only; the database checks that a reversal mirrors its
 * original, that a payout is reversed once, and that nobody approves his own request.
 *
 * Because a reversal sits on its original's claim and day, the money paid to a claim on any day stays
 * what its standing payouts add up to, never below zero: the per-claim-per-day sums the reports and the
 * festival view are built on (AddClaimsSettledByDay1765900000000) keep their meaning. Only two columns
 * of case_facts read single payouts rather than sums — the day of a claim's last payment and the case's
 * pay days — and they now count a day only when the money paid on it, net of reversals, is more than
 * zero, so a payout taken back leaves no pay day behind. case_facts_source is written out again with
 * those two changes (as AddClaimsSettledByDay1765900000000 left it otherwise); no case has a reversal
 * yet, so nothing needs recomputing.
 */
export class AddPayoutCorrections1766600000000 implements MigrationInterface {
  name = 'AddPayoutCorrections1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payout_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        payout_id uuid NOT NULL REFERENCES payouts (id),
        -- the payout as it should have been; all three null when no money should have been recorded
        claim_id uuid REFERENCES claims (id),
        amount_fen bigint CHECK (amount_fen > 0),
        paid_on date,
        receipt_reference text,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        requested_by_id uuid NOT NULL REFERENCES users (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_by_id uuid REFERENCES users (id),
        decided_at timestamptz,
        decision_note text,
        CONSTRAINT payout_corrections_replacement_whole
          CHECK ((claim_id IS NULL) = (amount_fen IS NULL) AND (claim_id IS NULL) = (paid_on IS NULL)),
        CONSTRAINT payout_corrections_decided CHECK ((status = 'pending') = (decided_by_id IS NULL AND decided_at IS NULL)),
        CONSTRAINT payout_corrections_four_eyes CHECK (decided_by_id IS NULL OR decided_by_id <> requested_by_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX payout_corrections_one_pending ON payout_corrections (payout_id) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX payout_corrections_case_idx ON payout_corrections (case_id, requested_at)`);
    await queryRunner.query(`CREATE INDEX payout_corrections_pending_idx ON payout_corrections (requested_at) WHERE status = 'pending'`);
    // a decision is final: an approved or rejected request is part of the record
    await queryRunner.query(`
      CREATE TRIGGER payout_corrections_decided_stays BEFORE UPDATE ON payout_corrections
      FOR EACH ROW WHEN (OLD.status <> 'pending') EXECUTE FUNCTION refuse_rewrite()`);
    await queryRunner.query(`
      CREATE TRIGGER payout_corrections_no_delete BEFORE DELETE ON payout_corrections
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await auditTable(queryRunner, 'payout_corrections', 'id');

    await queryRunner.query(`
      ALTER TABLE payouts
        ADD COLUMN correction_id uuid REFERENCES payout_corrections (id),
        ADD COLUMN reverses_payout_id uuid REFERENCES payouts (id)`);
    await queryRunner.query(`ALTER TABLE payouts DROP CONSTRAINT payouts_amount_fen_check`);
    await queryRunner.query(`
      ALTER TABLE payouts ADD CONSTRAINT payouts_amount_sign CHECK (
        CASE WHEN reverses_payout_id IS NULL THEN amount_fen > 0 ELSE amount_fen < 0 AND correction_id IS NOT NULL END)`);
    await queryRunner.query(`CREATE UNIQUE INDEX payouts_reversed_once ON payouts (reverses_payout_id) WHERE reverses_payout_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX payouts_correction_idx ON payouts (correction_id) WHERE correction_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION payout_reversal_mirrors() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE original payouts;
      BEGIN
        SELECT * INTO original FROM payouts WHERE id = NEW.reverses_payout_id;
        IF original.reverses_payout_id IS NOT NULL OR NEW.amount_fen <> -original.amount_fen
           OR NEW.claim_id <> original.claim_id OR NEW.case_id <> original.case_id OR NEW.paid_on <> original.paid_on THEN
          RAISE EXCEPTION 'a reversal must take back exactly its payout, on its claim and its day'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payouts_reversal_mirrors';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER payouts_reversal_mirrors BEFORE INSERT ON payouts
      FOR EACH ROW WHEN (NEW.reverses_payout_id IS NOT NULL) EXECUTE FUNCTION payout_reversal_mirrors()`);

    await queryRunner.query(caseFactsSource(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(caseFactsSource(false));
    await queryRunner.query(`DROP TRIGGER payouts_reversal_mirrors ON payouts`);
    await queryRunner.query(`DROP FUNCTION payout_reversal_mirrors()`);
    await queryRunner.query(`DROP INDEX payouts_correction_idx`);
    await queryRunner.query(`DROP INDEX payouts_reversed_once`);
    await queryRunner.query(`ALTER TABLE payouts DROP CONSTRAINT payouts_amount_sign`);
    await queryRunner.query(`ALTER TABLE payouts ADD CONSTRAINT payouts_amount_fen_check CHECK (amount_fen > 0)`);
    await queryRunner.query(`ALTER TABLE payouts DROP COLUMN reverses_payout_id, DROP COLUMN correction_id`);
    await queryRunner.query(`DROP TABLE payout_corrections`);
  }
}

/**
 * case_facts_source as AddClaimsSettledByDay1765900000000 left it; with `netOfReversals`, a claim's last
 * pay day and the case's pay days are the days on which the money paid, net of reversals, is more than zero.
 */
function caseFactsSource(netOfReversals: boolean): string {
  const claimPaid = netOfReversals
    ? `SELECT SUM(d.fen) AS paid_fen, max(d.paid_on) FILTER (WHERE d.fen > 0) AS last_paid_on
                               FROM (SELECT paid_on, SUM(amount_fen) AS fen FROM payouts WHERE claim_id = cl.id GROUP BY paid_on) d`
    : `SELECT SUM(amount_fen) AS paid_fen, max(paid_on) AS last_paid_on
                               FROM payouts WHERE claim_id = cl.id`;
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
           COALESCE(pay_days.paid_days_labour_fees_fen, '{}') AS paid_days_labour_fees_fen,
           COALESCE(pay_days.paid_days_settled, '{}') AS paid_days_settled
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
          LEFT JOIN LATERAL (${claimPaid}) p ON true
         WHERE cl.case_id = c.id) money ON true
      -- each day money was paid on the case (the day it was paid, as recorded), in day order
      LEFT JOIN LATERAL (
        SELECT array_agg(d.paid_on ORDER BY d.paid_on) AS paid_days,
               array_agg(d.fen ORDER BY d.paid_on) AS paid_days_fen,
               array_agg(d.wages_fen ORDER BY d.paid_on) AS paid_days_wages_fen,
               array_agg(d.labour_fees_fen ORDER BY d.paid_on) AS paid_days_labour_fees_fen,
               array_agg(d.settled ORDER BY d.paid_on) AS paid_days_settled
          FROM (SELECT cd.paid_on, SUM(cd.fen)::bigint AS fen,
                       COALESCE(SUM(cd.fen) FILTER (WHERE cd.kind = 'wages'), 0)::bigint AS wages_fen,
                       COALESCE(SUM(cd.fen) FILTER (WHERE cd.kind = 'labour_fees'), 0)::bigint AS labour_fees_fen,
                       count(*) FILTER (WHERE cd.owed > 0 AND cd.paid_by_then >= cd.owed AND cd.paid_by_then - cd.fen < cd.owed)::int AS settled
                  FROM (SELECT by_day.*, SUM(by_day.fen) OVER (PARTITION BY by_day.claim_id ORDER BY by_day.paid_on) AS paid_by_then
                          FROM (SELECT p.claim_id, p.paid_on, cl.kind, COALESCE(cl.confirmed_fen, cl.claimed_fen) AS owed,
                                       SUM(p.amount_fen) AS fen
                                  FROM payouts p JOIN claims cl ON cl.id = p.claim_id
                                 WHERE p.case_id = c.id
                                 GROUP BY p.claim_id, p.paid_on, cl.kind, cl.confirmed_fen, cl.claimed_fen) by_day) cd
                 GROUP BY cd.paid_on${netOfReversals ? '\n                HAVING SUM(cd.fen) > 0' : ''}) d) pay_days ON true`;
}
