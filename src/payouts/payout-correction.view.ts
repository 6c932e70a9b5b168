import { ApiProperty } from '@nestjs/swagger';
import { UserRefView } from '../common/http/api-responses';
import { formatYuan, fenFromDb } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { CORRECTION_STATUSES, CorrectionStatus } from './domain/correction-rules';
import { CORRECTION_ACTIONS, CorrectionAction } from './dto/payout.dto';
import type { CorrectionRow } from './payouts.repository';

/** A payout as recorded, or as a correction says it should have been. */
export class CorrectedPayoutView {
  @ApiProperty({ format: 'uuid' })
  claimId: string;
  @ApiProperty({ example: '张建国' })
  workerName: string;
  @ApiProperty({ example: '6000.00' })
  amount: string;
  @ApiProperty({ format: 'date', example: '2027-01-20' })
  paidOn: string;
}

/** A correction of the ledger (冲正): asked for by one person, approved or rejected by another. */
export class PayoutCorrectionView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ example: 'SY-2027-00012' })
  caseNumber: string;
  @ApiProperty({ format: 'uuid', description: 'The payout corrected' })
  payoutId: string;
  @ApiProperty({ type: CorrectedPayoutView, description: 'The payout as recorded' })
  original: CorrectedPayoutView;
  @ApiProperty({ enum: CORRECTION_ACTIONS, enumName: 'CorrectionAction' })
  action: CorrectionAction;
  @ApiProperty({ type: CorrectedPayoutView, nullable: true, description: 'What it should have been; null when voided' })
  replacement: CorrectedPayoutView | null;
  @ApiProperty({ type: String, nullable: true })
  receiptReference: string | null;
  @ApiProperty()
  reason: string;
  @ApiProperty({ enum: CORRECTION_STATUSES, enumName: 'CorrectionStatus' })
  status: CorrectionStatus;
  @ApiProperty({ type: UserRefView })
  requestedBy: UserRefView;
  @ApiProperty({ format: 'date-time' })
  requestedAt: string;
  @ApiProperty({ type: UserRefView, nullable: true })
  decidedBy: UserRefView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  decisionNote: string | null;
}

export function toPayoutCorrectionView(row: CorrectionRow): PayoutCorrectionView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    payoutId: row.payout_id,
    original: {
      claimId: row.original_claim_id,
      workerName: row.original_worker_name,
      amount: formatYuan(fenFromDb(row.original_amount_fen)),
      paidOn: row.original_paid_on,
    },
    action: row.claim_id === null ? 'void' : 'replace',
    replacement:
      row.claim_id === null
        ? null
        : {
            claimId: row.claim_id,
            workerName: row.worker_name ?? '',
            amount: formatYuan(fenFromDb(row.amount_fen!)),
            paidOn: row.paid_on!,
          },
    receiptReference: row.receipt_reference,
    reason: row.reason,
    status: row.status,
    requestedBy: { id: row.requested_by_id, displayName: row.requested_by_name },
    requestedAt: shanghaiTimestamp(new Date(row.requested_at)),
    decidedBy: row.decided_by_id ? { id: row.decided_by_id, displayName: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at ? shanghaiTimestamp(new Date(row.decided_at)) : null,
    decisionNote: row.decision_note,
  };
}
