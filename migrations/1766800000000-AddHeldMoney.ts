import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable } from './support/audit-triggers';

/**
 * Money held for workers who have not collected it (代管, issue 18). When an employer pays into the
 * union's or the labour bureau's account for a worker who cannot be reached, the payout is recorded
 * as usual (the employer has paid: the worker's balance falls) and says where the money is held
 * (`payouts.held_in`); handing it to the worker later is a row of `payout_handovers` (the day, the
 * channel, the receipt), append-only like the ledger. Money held is then what the held payouts still
 * standing (no reversal took them back) and not handed over add up to. A reversal mirrors its
 * original's `held_in` too (the check of AddPayoutCorrections1766600000000, widened).
 */
export class AddHeldMoney1766800000000 implements MigrationInterface {
  name = 'AddHeldMoney1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE payouts ADD COLUMN held_in text CHECK (held_in IN ('union_account', 'labour_bureau_account'))`);
    await queryRunner.query(`CREATE INDEX payouts_held_idx ON payouts (case_id) WHERE held_in IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE payout_handovers (
        payout_id uuid PRIMARY KEY REFERENCES payouts (id),
        case_id uuid NOT NULL REFERENCES cases (id),
        handed_over_on date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('bank_transfer', 'dedicated_wage_account', 'cash_with_signature')),
        receipt_reference text,
        recorded_by_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX payout_handovers_case_idx ON payout_handovers (case_id)`);
    await queryRunner.query(`
      CREATE TRIGGER payout_handovers_append_only BEFORE UPDATE OR DELETE ON payout_handovers
      FOR EACH ROW EXECUTE FUNCTION refuse_rewrite()`);
    await auditTable(queryRunner, 'payout_handovers', 'payout_id');
    await queryRunner.query(mirrorCheck(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(mirrorCheck(false));
    await queryRunner.query(`DROP TABLE payout_handovers`);
    await queryRunner.query(`DROP INDEX payouts_held_idx`);
    await queryRunner.query(`ALTER TABLE payouts DROP COLUMN held_in`);
  }
}

/** payout_reversal_mirrors as AddPayoutCorrections1766600000000 wrote it; with `held`, the place money is held too. */
function mirrorCheck(held: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION payout_reversal_mirrors() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE original payouts;
    BEGIN
      SELECT * INTO original FROM payouts WHERE id = NEW.reverses_payout_id;
      IF original.reverses_payout_id IS NOT NULL OR NEW.amount_fen <> -original.amount_fen
         OR NEW.claim_id <> original.claim_id OR NEW.case_id <> original.case_id OR NEW.paid_on <> original.paid_on${
           held ? '\n         OR NEW.held_in IS DISTINCT FROM original.held_in' : ''
         } THEN
        RAISE EXCEPTION 'a reversal must take back exactly its payout, on its claim and its day'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'payouts_reversal_mirrors';
      END IF;
      RETURN NEW;
    END
    $$`;
}
