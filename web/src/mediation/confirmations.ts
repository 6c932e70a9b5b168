/**
 * Confirming amounts in bulk (the day the wage ledger is checked): a line per worker, prefilled with
 * what he claimed (or what was confirmed before), the unconfirmed ones ticked. Pure functions.
 */
import type { Schemas } from '../common/api/client';
import { normaliseAmount } from './bulk-lines';

type Claim = Pick<Schemas['ClaimView'], 'id' | 'worker' | 'amountClaimed' | 'amountConfirmed'>;
type ConfirmationItem = Schemas['ConfirmClaimsDto']['items'][number];

export interface ConfirmLine {
  claimId: string;
  workerName: string;
  idNumber: string;
  claimed: string;
  /** Confirmed before, or null. */
  confirmed: string | null;
  /** What is typed as his confirmed amount. */
  amount: string;
}

export function confirmationLines(claims: readonly Claim[]): ConfirmLine[] {
  return claims.map((claim) => ({
    claimId: claim.id,
    workerName: claim.worker.name,
    idNumber: claim.worker.idNumber,
    claimed: claim.amountClaimed,
    confirmed: claim.amountConfirmed,
    // what he claimed; a second confirmation starts from the amount confirmed the first time
    amount: claim.amountConfirmed ?? claim.amountClaimed,
  }));
}

/** The workers still to confirm are ticked when the form opens. */
export function initiallyTicked(lines: readonly ConfirmLine[]): Set<string> {
  return new Set(lines.filter((line) => line.confirmed === null).map((line) => line.claimId));
}

export function confirmationItems(lines: readonly ConfirmLine[], ticked: ReadonlySet<string>): ConfirmationItem[] {
  return lines.filter((line) => ticked.has(line.claimId)).map((line) => ({ claimId: line.claimId, amountConfirmed: normaliseAmount(line.amount) }));
}
