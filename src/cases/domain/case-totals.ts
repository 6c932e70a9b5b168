import type { ClaimTotals } from './case-status';

/** A case's money in fen, as the guards and the case view use it. */
export interface CaseTotals extends ClaimTotals {
  claimedFen: bigint;
  confirmedFen: bigint;
  workersFullyPaid: number;
}

export const NO_CLAIMS: CaseTotals = {
  count: 0,
  unconfirmedCount: 0,
  claimedFen: 0n,
  confirmedFen: 0n,
  paidFen: 0n,
  outstandingFen: 0n,
  workersOwed: 0,
  workersFullyPaid: 0,
};
