/**
 * When money may be recorded against a claim, and how much. Pure: the balances come in as data.
 */
import { AppError, FieldProblem } from '../../common/errors/app-error';
import { formatYuan } from '../../common/money/money';
import type { CaseStatus } from '../../cases/domain/case-status';

/**
 * Money is counted once amounts are confirmed and the case is past verification: in mediation (an
 * employer paying before anything is signed), under an agreement, or through arbitration, court
 * enforcement or labour inspection.
 */
export const PAYOUT_STATUSES: readonly CaseStatus[] = [
  'mediating',
  'agreed',
  'paying',
  'arbitration',
  'litigation',
  'referred',
];

export interface PayoutLine {
  /** Item number in the request, from 1. */
  row: number;
  claimId: string;
  amountFen: bigint;
}

export interface ClaimBalanceForPayout {
  confirmedFen: bigint | null;
  paidFen: bigint;
}

/** Where a line's problem is shown: the batch's `items.<n>.<field>`, or a single form's own field. */
export type LineField = (line: PayoutLine, field: 'claimId' | 'amount') => string;

const BATCH_FIELD: LineField = (line, field) => `items.${line.row - 1}.${field}`;

/**
 * Refuses the whole batch if the case is not at a stage where money is counted (409) or any line is
 * wrong (checkPayoutLines).
 */
export function checkPayouts(
  status: CaseStatus,
  lines: PayoutLine[],
  balances: ReadonlyMap<string, ClaimBalanceForPayout>,
): void {
  if (!PAYOUT_STATUSES.includes(status)) throw new AppError('PAYOUT_NOT_ALLOWED_IN_STATUS', { status });
  checkPayoutLines(lines, balances, BATCH_FIELD);
}

/**
 * Refuses the lines if any is wrong: a claim not on this case (400), a claim not yet confirmed (409),
 * or more money than the worker is still owed, counting the other lines (409). Every wrong line is
 * listed.
 */
export function checkPayoutLines(
  lines: PayoutLine[],
  balances: ReadonlyMap<string, ClaimBalanceForPayout>,
  fieldOf: LineField = BATCH_FIELD,
): void {
  const unknown: FieldProblem[] = [];
  const unconfirmed: FieldProblem[] = [];
  const excessive: FieldProblem[] = [];
  const paidSoFar = new Map<string, bigint>();
  let firstExcess: { amount: string; outstanding: string } | null = null;

  for (const line of lines) {
    const balance = balances.get(line.claimId);
    if (!balance) {
      unknown.push({ row: line.row, field: fieldOf(line, 'claimId'), code: 'NOT_ON_CASE' });
      continue;
    }
    if (balance.confirmedFen === null) {
      unconfirmed.push({ row: line.row, field: fieldOf(line, 'claimId'), code: 'NOT_CONFIRMED' });
      continue;
    }
    const paid = paidSoFar.get(line.claimId) ?? balance.paidFen;
    const outstanding = balance.confirmedFen - paid;
    if (line.amountFen > outstanding) {
      const params = { amount: formatYuan(line.amountFen), outstanding: formatYuan(outstanding < 0n ? 0n : outstanding) };
      firstExcess ??= params;
      excessive.push({ row: line.row, field: fieldOf(line, 'amount'), code: 'EXCEEDS_OUTSTANDING', params });
    }
    paidSoFar.set(line.claimId, paid + line.amountFen);
  }

  if (unknown.length > 0) throw AppError.invalid(unknown);
  if (unconfirmed.length > 0) throw new AppError('CLAIM_NOT_CONFIRMED', { count: unconfirmed.length }, unconfirmed);
  if (firstExcess) throw new AppError('PAYOUT_EXCEEDS_OUTSTANDING', firstExcess, excessive);
}
