/**
 * Corrections to the payout ledger (冲正): what a correction writes, and who may decide it. Pure: the
 * original payout, the balances and the day come in as data.
 *
 * A correction never edits the ledger. Approved, it appends a reversal that takes back the original
 * exactly (its negative, on its claim and its day), and, unless the payout should not have been
 * recorded at all, the payout as it should have been. Until then it counts nowhere.
 */
import { AppError } from '../../common/errors/app-error';
import { ClaimBalanceForPayout, checkPayoutLines } from './payout-rules';

export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** A ledger entry as far as a correction is concerned. */
export interface LedgerEntry {
  id: string;
  claimId: string;
  amountFen: bigint;
  paidOn: string;
  /** Set on a reversal: the payout it takes back. */
  reversesPayoutId: string | null;
  /** Whether a reversal already took this payout back. */
  reversed: boolean;
}

/** What the payout should have been: another worker, amount or day; null when no money was paid at all. */
export interface Replacement {
  claimId: string;
  amountFen: bigint;
  paidOn: string;
}

/** The entries an approved correction appends. */
export interface CorrectionEntries {
  reversal: { claimId: string; amountFen: bigint; paidOn: string; reversesPayoutId: string };
  replacement: Replacement | null;
}

/**
 * The entries that correct `original`, or the reason they cannot: a reversal cannot itself be
 * corrected, a payout is taken back once, a replacement must change something, and it must be money
 * the worker may still be paid once the original is taken back (his claim on this case, confirmed,
 * no more than he is owed). Asked when the correction is requested and again, under the case's lock,
 * when it is approved: the money may have moved in between.
 */
export function correctionEntries(
  original: LedgerEntry,
  replacement: Replacement | null,
  balances: ReadonlyMap<string, ClaimBalanceForPayout>,
): CorrectionEntries {
  if (original.reversesPayoutId !== null) throw new AppError('REVERSAL_NOT_CORRECTABLE');
  if (original.reversed) throw new AppError('PAYOUT_ALREADY_CORRECTED');
  if (
    replacement &&
    replacement.claimId === original.claimId &&
    replacement.amountFen === original.amountFen &&
    replacement.paidOn === original.paidOn
  ) {
    throw AppError.invalidField('action', 'CHANGES_NOTHING');
  }
  if (replacement) {
    const afterReversal = new Map(balances);
    const originalClaim = balances.get(original.claimId);
    if (originalClaim) afterReversal.set(original.claimId, { ...originalClaim, paidFen: originalClaim.paidFen - original.amountFen });
    checkPayoutLines([{ row: 1, claimId: replacement.claimId, amountFen: replacement.amountFen }], afterReversal, (_line, field) => field);
  }
  return {
    reversal: { claimId: original.claimId, amountFen: -original.amountFen, paidOn: original.paidOn, reversesPayoutId: original.id },
    replacement,
  };
}

/** Four eyes: a correction takes effect only when someone other than its requester approves it. */
export function assertMayApprove(requestedById: string, approverId: string): void {
  if (requestedById === approverId) throw new AppError('OWN_CORRECTION');
}

/** Only a pending correction is decided; a decision is final. */
export function assertPending(status: CorrectionStatus): void {
  if (status !== 'pending') throw new AppError('CORRECTION_NOT_PENDING', { status });
}
