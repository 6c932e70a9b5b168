import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsPositiveYuan, NestedObjects } from '../../common/http/validators';
import { MAX_CLAIMS_PER_REQUEST } from '../../claims/dto/claim.dto';
import { HELD_PLACES, HeldPlace, PAYER_KINDS, PAYOUT_CHANNELS, PayerKind, PayoutChannel } from '../payout.record';

export class PayoutItemDto {
  @ApiProperty()
  @IsUUID()
  claimId: string;

  @ApiProperty({ example: '10000.00', description: 'Yuan; no more than the worker is still owed' })
  @IsPositiveYuan()
  amount: string;

  @ApiPropertyOptional({ example: 'ICBC-20270204-0001', description: 'Bank slip, transfer reference or signed receipt number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptReference?: string;
}

export class RecordPayoutsDto {
  @ApiProperty({ example: '2027-02-04', description: 'Day the money was paid; not in the future' })
  @IsCalendarDate()
  paidOn: string;

  @ApiProperty({ enum: PAYER_KINDS })
  @IsIn(PAYER_KINDS)
  payerKind: PayerKind;

  @ApiProperty({ enum: PAYOUT_CHANNELS })
  @IsIn(PAYOUT_CHANNELS)
  channel: PayoutChannel;

  @ApiPropertyOptional({
    enum: HELD_PLACES,
    description: 'The employer paid into this account for workers who could not be reached (代管): recorded as paid, held until handed over',
  })
  @IsOptional()
  @IsIn(HELD_PLACES)
  heldIn?: HeldPlace;

  @ApiProperty({ type: [PayoutItemDto], description: 'One line per worker paid; all are recorded or none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLAIMS_PER_REQUEST)
  @NestedObjects(() => PayoutItemDto)
  items: PayoutItemDto[];
}

export class PayoutListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @ApiPropertyOptional({ example: '2027-02-04' })
  @IsOptional()
  @IsCalendarDate()
  paidOn?: string;
}

export const CORRECTION_ACTIONS = ['void', 'replace'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

export class RequestCorrectionDto {
  @ApiProperty({
    enum: CORRECTION_ACTIONS,
    description:
      'void: no money was paid at all (recorded by mistake); replace: it was paid, but to another worker of the case, ' +
      'another amount or on another day (the fields not given stay as recorded)',
  })
  @IsIn(CORRECTION_ACTIONS)
  action: CorrectionAction;

  @ApiProperty({ example: '误将张建国的工资登记在李明名下', description: 'Why the payout is wrong; shown to the approver and on the timeline' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ description: 'replace: the worker (claim) actually paid' })
  @IsOptional()
  @IsUUID()
  claimId?: string;

  @ApiPropertyOptional({ example: '6000.00', description: 'replace: the amount actually paid' })
  @IsOptional()
  @IsPositiveYuan()
  amount?: string;

  @ApiPropertyOptional({ example: '2027-01-20', description: 'replace: the day it was actually paid' })
  @IsOptional()
  @IsCalendarDate()
  paidOn?: string;

  @ApiPropertyOptional({ description: 'replace: the receipt of the corrected payout, when it has another' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptReference?: string;
}

export class ApproveCorrectionDto {
  @ApiPropertyOptional({ example: '已核对银行回单', description: "The approver's note" })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RejectCorrectionDto {
  @ApiProperty({ example: '银行回单显示原记录无误', description: 'Why the correction is refused; the requester reads it' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note: string;
}

export class HandoverDto {
  @ApiProperty({ example: '2027-01-25', description: 'The day the worker was given the money held for him; not in the future' })
  @IsCalendarDate()
  handedOverOn: string;

  @ApiProperty({ enum: PAYOUT_CHANNELS })
  @IsIn(PAYOUT_CHANNELS)
  channel: PayoutChannel;

  @ApiPropertyOptional({ example: 'ICBC-20270125-0007', description: 'Bank slip or the worker’s signed receipt' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  receiptReference?: string;
}

export class HeldMoneyQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Narrow to this organisation and those below it (within your own)' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
