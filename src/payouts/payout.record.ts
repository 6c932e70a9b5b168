export const PAYER_KINDS = [
  'employer',
  'general_contractor', // 先行清偿, 2020 Regulations art. 30
  'project_owner', // art. 29
  'guarantee_deposit', // 工资保证金
  'emergency_fund', // 应急周转金
  'court_enforcement',
] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

export const PAYOUT_CHANNELS = ['bank_transfer', 'dedicated_wage_account', 'cash_with_signature'] as const;
export type PayoutChannel = (typeof PAYOUT_CHANNELS)[number];

/** Where money paid for a worker who could not be reached is held until he collects it (代管). */
export const HELD_PLACES = ['union_account', 'labour_bureau_account'] as const;
export type HeldPlace = (typeof HELD_PLACES)[number];

/**
 * Money that reached one worker, or, as a negative entry, a correction taking a payout back. Append-only
 * ledger: the database refuses UPDATE and DELETE.
 */
export interface Payout {
  id: string;
  caseId: string;
  claimId: string;
  amountFen: bigint;
  /** 'YYYY-MM-DD' */
  paidOn: string;
  payerKind: PayerKind;
  channel: PayoutChannel;
  receiptReference: string | null;
  batchId: string | null;
  recordedById: string | null;
  createdAt: Date;
  /** On the entries an approved correction appended: that correction. */
  correctionId: string | null;
  /** On a reversal (a negative entry): the payout it takes back. */
  reversesPayoutId: string | null;
  /** Paid into an account that holds it for the worker (代管) rather than to him; null when he was paid. */
  heldIn: HeldPlace | null;
}
