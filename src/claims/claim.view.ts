import { formatYuan } from '../common/money/money';
import { ClaimRow } from './claims.service';

export function toClaimView(claim: ClaimRow) {
  return {
    id: claim.id,
    worker: claim.worker,
    kind: claim.kind,
    periodStart: claim.periodStart,
    periodEnd: claim.periodEnd,
    amountClaimed: formatYuan(claim.claimedFen),
    amountConfirmed: claim.confirmedFen === null ? null : formatYuan(claim.confirmedFen),
    amountPaid: formatYuan(claim.paidFen),
    amountOutstanding: formatYuan(claim.outstandingFen),
    fullyPaid: claim.confirmedFen !== null && claim.confirmedFen > 0n && claim.outstandingFen <= 0n,
    note: claim.note,
    version: claim.version,
  };
}
