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
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsPositiveYuan, NestedObjects } from '../../common/http/validators';
import { MAX_CLAIMS_PER_REQUEST } from '../../claims/dto/claim.dto';
import { PAYER_KINDS, PAYOUT_CHANNELS, PayerKind, PayoutChannel } from '../payout.record';

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
