export const CLAIM_KINDS = ['wages', 'labour_fees', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * One worker's claim in one case: always his own line. Paid and outstanding are not stored; they
 * are summed from the payout ledger, so they can never disagree with it. A row of `claims`; dates are
 * 'YYYY-MM-DD', money is fen (bigint in the database too).
 */
export interface Claim {
  id: string;
  caseId: string;
  workerId: string;
  kind: ClaimKind;
  periodStart: string | null;
  periodEnd: string | null;
  claimedFen: bigint;
  /** Set during verification; payouts count against it. */
  confirmedFen: bigint | null;
  note: string | null;
  /** When the worker knew his wages were not paid; the limitation year runs from it (LDMAA art. 27). */
  knewOn: string | null;
  employmentOngoing: boolean;
  employmentEndedOn: string | null;
  /**
   * Its place in the case (序号): the roster's rows in their order, later additions after them.
   * Unique in the case, assigned once on insert; only the order counts, there may be gaps.
   */
  position: number;
  /** 1 on insert; every write of the claim adds one (claims.repository.ts), and clients send it back. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
