import { fenFromDb } from '../../common/money/money';
import type { CaseTotalsRow } from '../../claims/claim-money.sql';
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

export function caseTotalsFromRow(row: CaseTotalsRow | undefined): CaseTotals {
  if (!row) return NO_CLAIMS;
  return {
    count: row.workers,
    unconfirmedCount: row.unconfirmed,
    claimedFen: fenFromDb(row.claimed_fen),
    confirmedFen: fenFromDb(row.confirmed_fen),
    paidFen: fenFromDb(row.paid_fen),
    outstandingFen: fenFromDb(row.outstanding_fen),
    workersOwed: row.workers_owed,
    workersFullyPaid: row.workers_fully_paid,
  };
}
