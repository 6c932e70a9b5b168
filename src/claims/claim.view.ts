import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatYuan } from '../common/money/money';
import type { ClaimInput } from './claim-input';
import { CLAIM_KINDS, ClaimKind } from './claim.record';
import type { ClaimRow } from './claims.service';

/** The worker of a claim, his id number and mobile masked. */
export class ClaimWorkerView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '张建国' })
  name: string;
  @ApiProperty({ description: 'Masked', example: '110105********1234' })
  idNumber: string;
  @ApiProperty({ type: String, nullable: true, description: 'Masked', example: '138****5678' })
  mobile: string | null;
  @ApiProperty({ type: String, nullable: true, example: '河南省' })
  homeProvince: string | null;
}

/** One worker's claim with what has been paid against it. */
export class ClaimView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    example: 1,
    description:
      "Its place in the case (序号): the roster's rows in their order (its 序号 column, if it has one), later " +
      'additions after them. Lists come in this order; numbers may skip, never repeat',
  })
  position: number;
  @ApiProperty({ type: ClaimWorkerView })
  worker: ClaimWorkerView;
  @ApiProperty({ enum: CLAIM_KINDS, enumName: 'ClaimKind' })
  kind: ClaimKind;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  periodStart: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  periodEnd: string | null;
  @ApiProperty({ example: '12000.50' })
  amountClaimed: string;
  @ApiProperty({ type: String, nullable: true, example: '12000.50', description: 'Null until verified' })
  amountConfirmed: string | null;
  @ApiProperty({ example: '6000.00' })
  amountPaid: string;
  @ApiProperty({ example: '6000.50', description: 'Of the confirmed amount, or of the claimed one before confirmation' })
  amountOutstanding: string;
  @ApiProperty({ description: 'Confirmed, and paid in full' })
  fullyPaid: boolean;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ description: 'Send it back with a correction', example: 1 })
  version: number;
}

/** A worker of this case who is also a claimant in another open case: a flag, not a refusal. */
export class ClaimingElsewhereView {
  @ApiProperty({ example: '张建国' })
  workerName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SY-2026-00017',
    description: "Null when the other case is outside your scope: then only that the worker claims elsewhere is told",
  })
  caseNumber: string | null;
}

export class ClaimsAddedView {
  @ApiProperty({ example: 3 })
  added: number;
  @ApiProperty({ type: [ClaimingElsewhereView] })
  alsoClaimingElsewhere: ClaimingElsewhereView[];
}

export class RosterImportedView {
  @ApiProperty({ example: 700 })
  imported: number;
  @ApiProperty({ example: '12000000.00', description: 'The sum of the imported claims' })
  claimedTotal: string;
  @ApiProperty({ type: [ClaimingElsewhereView] })
  alsoClaimingElsewhere: ClaimingElsewhereView[];
}

export class ClaimsConfirmedView {
  @ApiProperty({ example: 700 })
  confirmed: number;
  @ApiProperty({ example: '11800000.00', description: 'The sum of the confirmed amounts' })
  confirmedTotal: string;
}

export function toClaimView(claim: ClaimRow): ClaimView {
  return {
    id: claim.id,
    position: claim.position,
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

/** A worker as a roster row gave him: the fields of a claim's `worker` in a new case. */
export class RosterWorkerView {
  @ApiProperty({ example: '李建国' })
  name: string;
  @ApiProperty({ example: '11010519491231002X', description: 'As the uploader’s own file has it: the form sends it back with the new case' })
  idNumber: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  mobile?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  homeProvince?: string | null;
}

/** One roster row read as the claim a new case takes (POST /cases `claims[]`). */
export class RosterClaimView {
  @ApiProperty({ description: 'Its row number in the file', example: 2 })
  row: number;
  @ApiProperty({ type: RosterWorkerView })
  worker: RosterWorkerView;
  @ApiProperty({ enum: CLAIM_KINDS, enumName: 'ClaimKind' })
  kind: ClaimKind;
  @ApiPropertyOptional({ type: String, format: 'date' })
  periodStart?: string;
  @ApiPropertyOptional({ type: String, format: 'date' })
  periodEnd?: string;
  @ApiProperty({ example: '12000.50' })
  amountClaimed: string;
  @ApiPropertyOptional({ example: '12000.50' })
  amountConfirmed?: string;
  @ApiPropertyOptional()
  note?: string;
}

/** A roster read and checked, nothing saved: every row as a claim, and their total. */
export class RosterCheckedView {
  @ApiProperty({ type: [RosterClaimView] })
  claims: RosterClaimView[];
  @ApiProperty({ example: '12000000.00' })
  claimedTotal: string;
}

export function toRosterClaimView(input: ClaimInput): RosterClaimView {
  return {
    row: input.row,
    worker: { name: input.worker.name, idNumber: input.worker.idNumber, mobile: input.worker.mobile ?? null, homeProvince: input.worker.homeProvince ?? null },
    kind: input.kind,
    ...(input.periodStart && { periodStart: input.periodStart }),
    ...(input.periodEnd && { periodEnd: input.periodEnd }),
    amountClaimed: formatYuan(input.claimedFen),
    ...(input.confirmedFen !== null && { amountConfirmed: formatYuan(input.confirmedFen) }),
    ...(input.note && { note: input.note }),
  };
}
