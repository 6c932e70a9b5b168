import { ApiProperty } from '@nestjs/swagger';
import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { PAYER_KINDS, PAYOUT_CHANNELS, PayerKind, PayoutChannel } from './payout.record';
import type { PayoutRow } from './payouts.service';

export const PAYOUT_ENTRY_KINDS = ['payment', 'reversal', 'replacement'] as const;
export type PayoutEntryKind = (typeof PAYOUT_ENTRY_KINDS)[number];

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

export function toPayoutView({ payout, workerName, reversedByCorrectionId }: PayoutRow): PayoutView {
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
  };
}
