/**
 * The pay-day form's arithmetic: a line per worker still owed, prefilled with what he is owed; what a
 * line can be at most; the exact total of the ticked lines; the request's items. Pure functions.
 */
import type { Schemas } from '../common/api/client';
import { fenToYuan, yuanToFen } from '../common/money';
import { normaliseAmount, tickedTotal, TickedTotal } from './bulk-lines';

type Claim = Pick<Schemas['ClaimView'], 'id' | 'worker' | 'amountConfirmed' | 'amountOutstanding'>;
type PayoutItem = Schemas['RecordPayoutsDto']['items'][number];

export interface PayLine {
  claimId: string;
  workerName: string;
  /** Masked, as the API shows it. */
  idNumber: string;
  /** Still owed to him when the form opened (yuan): the most this line can be. */
  outstanding: string;
  /** What is typed for him (yuan); prefilled with what he is owed. */
  amount: string;
  /** Bank slip, transfer reference or signed receipt number; optional. */
  receiptReference: string;
}

/**
 * The lines of a pay day: every worker with a confirmed amount still owed, the amount prefilled with
 * that. Workers whose amount is not confirmed cannot be paid yet (the API refuses them) and are
 * counted apart, so the form can say how many wait for confirmation.
 */
export function payDayLines(claims: readonly Claim[]): { lines: PayLine[]; unconfirmed: number } {
  const lines: PayLine[] = [];
  let unconfirmed = 0;
  for (const claim of claims) {
    const owed = yuanToFen(claim.amountOutstanding) ?? 0n;
    if (owed <= 0n) continue;
    if (claim.amountConfirmed === null) {
      unconfirmed += 1;
      continue;
    }
    const outstanding = fenToYuan(owed);
    lines.push({ claimId: claim.id, workerName: claim.worker.name, idNumber: claim.worker.idNumber, outstanding, amount: outstanding, receiptReference: '' });
  }
  return { lines, unconfirmed };
}

/** The most a line can be, in fen: what the worker is still owed. */
export function maxOfLine(line: Pick<PayLine, 'outstanding'>): bigint {
  return yuanToFen(line.outstanding) ?? 0n;
}

/** The amount typed is more than the worker is owed (the API will refuse it; the form says so first). */
export function isOverMax(line: Pick<PayLine, 'outstanding' | 'amount'>): boolean {
  const amount = yuanToFen(normaliseAmount(line.amount));
  return amount !== null && amount > maxOfLine(line);
}

/** The exact total of the ticked lines. */
export function payDayTotal(lines: readonly PayLine[], ticked: ReadonlySet<string>): TickedTotal {
  return tickedTotal(lines, ticked);
}

/**
 * The request's items, one per ticked line in the order shown. The amount goes as typed (full-width
 * digits and grouping commas read), so a wrong one comes back with the API's own words on its line.
 */
export function payoutItems(lines: readonly PayLine[], ticked: ReadonlySet<string>): PayoutItem[] {
  return lines
    .filter((line) => ticked.has(line.claimId))
    .map((line) => {
      const receiptReference = line.receiptReference.trim();
      return { claimId: line.claimId, amount: normaliseAmount(line.amount), ...(receiptReference && { receiptReference }) };
    });
}
