import { ApiProperty } from '@nestjs/swagger';
import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { HELD_PLACES, HeldPlace, PAYER_KINDS, PAYOUT_CHANNELS, PayerKind, PayoutChannel } from './payout.record';
import type { HeldMoney, PayoutRow } from './payouts.service';

export const PAYOUT_ENTRY_KINDS = ['payment', 'reversal', 'replacement'] as const;
export type PayoutEntryKind = (typeof PAYOUT_ENTRY_KINDS)[number];

/** Money held for a worker, handed over to him. */
export class HandoverView {
  @ApiProperty({ format: 'date' })
  handedOverOn: string;
  @ApiProperty({ enum: PAYOUT_CHANNELS, enumName: 'PayoutChannel' })
  channel: PayoutChannel;
  @ApiProperty({ type: String, nullable: true })
  receiptReference: string | null;
}

/** Money that reached one worker: a line of the ledger. */
export class PayoutView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  claimId: string;
  @ApiProperty({ example: '张建国' })
  workerName: string;
  @ApiProperty({ example: '6000.00' })
  amount: string;
  @ApiProperty({ format: 'date', example: '2027-01-20' })
  paidOn: string;
  @ApiProperty({ enum: PAYER_KINDS, enumName: 'PayerKind' })
  payerKind: PayerKind;
  @ApiProperty({ enum: PAYOUT_CHANNELS, enumName: 'PayoutChannel' })
  channel: PayoutChannel;
  @ApiProperty({ type: String, nullable: true, description: 'Bank reference or receipt number' })
  receiptReference: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The pay day recorded in one request' })
  batchId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordedById: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({
    enum: PAYOUT_ENTRY_KINDS,
    enumName: 'PayoutEntryKind',
    description: 'payment: as recorded; reversal: a negative entry taking a payout back (冲销); replacement: the payout as a correction said it should have been',
  })
  entryKind: PayoutEntryKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'On a reversal: the payout it takes back' })
  reversesPayoutId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The approved correction that wrote this entry' })
  correctionId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The approved correction that took this payout back, if any' })
  reversedByCorrectionId: string | null;
  @ApiProperty({ enum: HELD_PLACES, enumName: 'HeldPlace', nullable: true, description: 'Paid into this account for the worker (代管); null: paid to him' })
  heldIn: HeldPlace | null;
  @ApiProperty({ type: HandoverView, nullable: true, description: 'Money held, once handed over to the worker' })
  handover: HandoverView | null;
}

/** A pay day recorded. */
export class PayoutsRecordedView {
  @ApiProperty({ format: 'uuid' })
  batchId: string;
  @ApiProperty({ description: 'Payouts recorded', example: 700 })
  recorded: number;
  @ApiProperty({ example: '2000000.00' })
  total: string;
}

export function toPayoutView({ payout, workerName, reversedByCorrectionId, handover }: PayoutRow): PayoutView {
  return {
    id: payout.id,
    claimId: payout.claimId,
    workerName,
    amount: formatYuan(payout.amountFen),
    paidOn: payout.paidOn,
    payerKind: payout.payerKind,
    channel: payout.channel,
    receiptReference: payout.receiptReference,
    batchId: payout.batchId,
    recordedById: payout.recordedById,
    createdAt: shanghaiTimestamp(payout.createdAt),
    entryKind: payout.reversesPayoutId ? 'reversal' : payout.correctionId ? 'replacement' : 'payment',
    reversesPayoutId: payout.reversesPayoutId,
    correctionId: payout.correctionId,
    reversedByCorrectionId,
    heldIn: payout.heldIn,
    handover,
  };
}

/** One organisation's money held for workers, by how long it has been held. */
export class HeldByAgeView {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  @ApiProperty({ example: '顺义区总工会' })
  organisationName: string;
  @ApiProperty({ type: 'integer', description: 'Workers with money held' })
  workers: number;
  @ApiProperty({ example: '36000.00' })
  total: string;
  @ApiProperty({ example: '6000.00', description: 'Held up to 30 days' })
  within30Days: string;
  @ApiProperty({ example: '0.00', description: 'Held 31 to 90 days' })
  within90Days: string;
  @ApiProperty({ example: '0.00', description: 'Held 91 to 180 days' })
  within180Days: string;
  @ApiProperty({ example: '30000.00', description: 'Held longer than 180 days' })
  older: string;
}

/** A sum held for one worker. */
export class HeldMoneyItemView {
  @ApiProperty({ format: 'uuid' })
  payoutId: string;
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ example: 'SY-2027-00012' })
  caseNumber: string;
  @ApiProperty({ example: '顺义区总工会' })
  organisationName: string;
  @ApiProperty({ format: 'uuid' })
  claimId: string;
  @ApiProperty({ example: '张建国' })
  workerName: string;
  @ApiProperty({ example: '6000.00' })
  amount: string;
  @ApiProperty({ format: 'date', description: 'The day the employer paid it in' })
  receivedOn: string;
  @ApiProperty({ enum: HELD_PLACES, enumName: 'HeldPlace' })
  heldIn: HeldPlace;
  @ApiProperty({ type: 'integer', description: 'Days held, to today' })
  daysHeld: number;
}

/** Money held for workers who have not collected it (代管): per organisation by age, and the sums, longest held first. */
export class HeldMoneyView {
  @ApiProperty({ type: [HeldByAgeView] })
  byOrganisation: HeldByAgeView[];
  @ApiProperty({ type: [HeldMoneyItemView] })
  items: HeldMoneyItemView[];
  @ApiProperty({ type: 'integer' })
  total: number;
  @ApiProperty({ type: 'integer' })
  page: number;
  @ApiProperty({ type: 'integer' })
  pageSize: number;
}

export function toHeldMoneyView({ byOrganisation, page }: HeldMoney): HeldMoneyView {
  const yuan = (fen: string) => formatYuan(BigInt(fen));
  return {
    byOrganisation: byOrganisation.map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      workers: row.workers,
      total: yuan(row.total_fen),
      within30Days: yuan(row.within_30_fen),
      within90Days: yuan(row.within_90_fen),
      within180Days: yuan(row.within_180_fen),
      older: yuan(row.older_fen),
    })),
    items: page.items.map((row) => ({
      payoutId: row.payout_id,
      caseId: row.case_id,
      caseNumber: row.case_number,
      organisationName: row.organisation_name,
      claimId: row.claim_id,
      workerName: row.worker_name,
      amount: yuan(row.amount_fen),
      receivedOn: row.paid_on,
      heldIn: row.held_in,
      daysHeld: row.days_held,
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
