import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsName, IsPositiveYuan, NestedObjects } from '../../common/http/validators';
import { MAX_CLAIMS_PER_REQUEST } from '../../claims/dto/claim.dto';

export class CreateRoomDto {
  @ApiProperty()
  @IsUUID()
  organisationId: string;

  @ApiProperty({ example: '第一调解室' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(100)
  name: string;
}

export const ATTENDANCE_PARTIES = ['worker_representative', 'worker', 'employer', 'lawyer', 'other'] as const;

export class AttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_PARTIES })
  @IsIn(ATTENDANCE_PARTIES)
  party: (typeof ATTENDANCE_PARTIES)[number];

  @ApiProperty({ example: '张建国' })
  @IsString()
  @IsNotEmpty()
  @IsName()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  workerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiProperty()
  @IsBoolean()
  present: boolean;
}

export class ScheduleSessionDto {
  @ApiProperty({ example: '2027-01-12T09:30:00+08:00', description: 'With its offset; Asia/Shanghai is +08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2027-01-12T11:30:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ description: "Defaults to the case's mediator" })
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional({ description: 'A mediation room; it cannot hold two sessions at once' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ example: '项目部会议室', description: 'Where, when not in one of the rooms' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;
}

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_OUTCOMES = ['agreement', 'no_agreement', 'adjourned'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export class SessionOutcomeDto {
  @ApiProperty({ description: 'The version of the session you read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ enum: SESSION_OUTCOMES })
  @IsIn(SESSION_OUTCOMES)
  outcome: SessionOutcome;

  @ApiPropertyOptional({ example: '2027-01-19', description: 'Required when adjourned' })
  @ValidateIf((dto: SessionOutcomeDto) => dto.outcome === 'adjourned')
  @IsCalendarDate()
  adjournedTo?: string;

  @ApiPropertyOptional({ type: [AttendanceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @NestedObjects(() => AttendanceDto)
  attendance?: AttendanceDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class RepresentativesDto {
  @ApiProperty({ description: "Workers of the case elected to speak for the group (LDMAA art. 7)" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  workerIds: string[];

  @ApiProperty({ example: '2027-01-05' })
  @IsCalendarDate()
  electedOn: string;
}

export class InstalmentDto {
  @ApiProperty({ example: '2027-02-03' })
  @IsCalendarDate()
  dueOn: string;

  @ApiProperty({ example: '6000000.00' })
  @IsPositiveYuan()
  amount: string;

  @ApiPropertyOptional({ description: "The worker's claim, on a per-worker schedule" })
  @IsOptional()
  @IsUUID()
  claimId?: string;
}

/** Instalments of the agreed total, or of each worker's amount. */
export const AGREEMENT_SCHEDULES = ['total', 'per_worker'] as const;
export type AgreementSchedule = (typeof AGREEMENT_SCHEDULES)[number];

export class AgreementDto {
  @ApiProperty({ example: '2027-01-20' })
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({ enum: AGREEMENT_SCHEDULES, description: 'Instalments of the total, or of each worker' })
  @IsIn(AGREEMENT_SCHEDULES)
  schedule: AgreementSchedule;

  @ApiProperty({ type: [InstalmentDto], description: 'The agreed total is their sum' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLAIMS_PER_REQUEST * 4)
  @NestedObjects(() => InstalmentDto)
  instalments: InstalmentDto[];

  @ApiPropertyOptional({ example: '被申请人承诺于春节前分两期支付全部拖欠工资' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  terms?: string;
}

export class AgendaQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiProperty({ example: '2027-01-12' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2027-01-18' })
  @IsCalendarDate()
  to: string;
}
