import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  ValidateIf,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsPositiveYuan, IsYuan, NestedObject, NestedObjects } from '../../common/http/validators';
import { WorkerInputDto } from '../../workers/dto/worker.dto';
import { CLAIM_KINDS, ClaimKind } from '../claim.record';

/** The most workers one request may carry; the largest known group cases have about a thousand. */
export const MAX_CLAIMS_PER_REQUEST = 2000;

export class ClaimInputDto {
  @ApiProperty({ type: WorkerInputDto })
  @IsDefined()
  @NestedObject(() => WorkerInputDto)
  worker: WorkerInputDto;

  @ApiPropertyOptional({ enum: CLAIM_KINDS, default: 'wages' })
  @IsOptional()
  @IsIn(CLAIM_KINDS)
  kind?: ClaimKind;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day of the unpaid period' })
  @IsOptional()
  @IsCalendarDate()
  periodStart?: string;

  @ApiPropertyOptional({ example: '2026-10-31', description: 'Last day of the unpaid period' })
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiProperty({ example: '17142.86', description: 'Amount the worker claims, in yuan, more than zero' })
  @IsPositiveYuan()
  amountClaimed: string;

  @ApiPropertyOptional({ example: '17142.86', description: 'Amount confirmed on verification, in yuan' })
  @IsOptional()
  @IsYuan()
  amountConfirmed?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AddClaimsDto {
  @ApiProperty({ type: [ClaimInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLAIMS_PER_REQUEST)
  @NestedObjects(() => ClaimInputDto)
  claims: ClaimInputDto[];
}

/** A field left out is left as it is; null is refused where the claim cannot be without a value (not IsOptional, which lets null through). */
export class UpdateClaimDto {
  @ApiProperty({ description: 'The version of the claim you read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: CLAIM_KINDS })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(CLAIM_KINDS)
  kind?: ClaimKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  periodStart?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiPropertyOptional({ example: '17142.86' })
  @ValidateIf((_, value) => value !== undefined)
  @IsPositiveYuan()
  amountClaimed?: string;

  @ApiPropertyOptional({ example: '17000.00', description: 'Cannot be less than what has already been paid' })
  @ValidateIf((_, value) => value !== undefined)
  @IsYuan()
  amountConfirmed?: string;

  @ApiPropertyOptional({ example: '2026-07-15', description: 'When the worker knew his wages were not paid (limitation starts)' })
  @IsOptional()
  @IsCalendarDate()
  knewOn?: string;

  @ApiPropertyOptional({ description: 'Still employed: wage arrears are not time-barred while employment lasts (LDMAA art. 27)' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  employmentOngoing?: boolean;

  @ApiPropertyOptional({ nullable: true, example: '2026-10-31', description: 'The day his employment ended' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  employmentEndedOn?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ConfirmationDto {
  @ApiProperty()
  @IsUUID()
  claimId: string;

  @ApiProperty({ example: '17142.86' })
  @IsYuan()
  amountConfirmed: string;
}

export class ConfirmClaimsDto {
  @ApiPropertyOptional({
    example: '2019-01-25',
    description: 'The day the amounts were checked and confirmed (Asia/Shanghai); today when omitted',
  })
  @IsOptional()
  @IsCalendarDate()
  confirmedOn?: string;

  @ApiProperty({ type: [ConfirmationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLAIMS_PER_REQUEST)
  @NestedObjects(() => ConfirmationDto)
  items: ConfirmationDto[];
}

export const CLAIM_STANDINGS = ['unconfirmed', 'owed', 'paid'] as const;
export type ClaimStanding = (typeof CLAIM_STANDINGS)[number];

export class ClaimListQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Part of the worker's name, or a whole id number" })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: CLAIM_STANDINGS, description: 'unconfirmed, still owed money, or fully paid' })
  @IsOptional()
  @IsIn(CLAIM_STANDINGS)
  standing?: ClaimStanding;
}
