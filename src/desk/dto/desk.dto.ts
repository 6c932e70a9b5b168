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
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CaseEmployerDto } from '../../cases/dto/case.dto';
import { ClaimInputDto, MAX_CLAIMS_PER_REQUEST } from '../../claims/dto/claim.dto';
import { IsCalendarDate, IsYuan, NestedObjects } from '../../common/http/validators';
import { MAX_SHIFTS_PER_REQUEST } from '../domain/duty-roster';

/** A month of a roster, 'YYYY-MM', in the years PostgreSQL and the calendar tables can hold (a year 0000 was a 500). */
const CALENDAR_MONTH = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/;

export class DutyShiftDto {
  @ApiProperty({ description: 'The service center' })
  @IsUUID()
  organisationId: string;

  @ApiProperty()
  @IsUUID()
  lawyerId: string;

  @ApiProperty({ example: '2027-01-11' })
  @IsCalendarDate()
  day: string;
}

/** Many shifts at once: all saved, or none and every wrong line named (shifts.3.day …). */
export class DutyShiftsDto {
  @ApiProperty({ type: [DutyShiftDto], description: `1 to ${MAX_SHIFTS_PER_REQUEST} lines` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SHIFTS_PER_REQUEST)
  @NestedObjects(() => DutyShiftDto)
  shifts: DutyShiftDto[];
}

/** A shift of a month's roster: the center and the month are the roster's. */
export class MonthShiftDto {
  @ApiProperty()
  @IsUUID()
  lawyerId: string;

  @ApiProperty({ example: '2027-01-11' })
  @IsCalendarDate()
  day: string;
}

/** A service center's roster for a month, as a whole: it replaces what the month had. */
export class MonthRosterDto {
  @ApiProperty({ description: 'The service center' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ example: '2027-01' })
  @Matches(CALENDAR_MONTH)
  month: string;

  @ApiProperty({ type: [MonthShiftDto], description: `Every shift of the month (0 to ${MAX_SHIFTS_PER_REQUEST}); none clears it` })
  @IsArray()
  @ArrayMaxSize(MAX_SHIFTS_PER_REQUEST)
  @NestedObjects(() => MonthShiftDto)
  shifts: MonthShiftDto[];
}

/** One service center's shifts in a month, as a part of several centers' month. */
export class CenterMonthDto {
  @ApiProperty({ description: 'The service center' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ type: [MonthShiftDto], description: 'Every shift of the center in the month; none clears it' })
  @IsArray()
  @ArrayMaxSize(MAX_SHIFTS_PER_REQUEST)
  @NestedObjects(() => MonthShiftDto)
  shifts: MonthShiftDto[];
}

/** Several service centers' rosters for a month, each as a whole: the duty roster's month grid saved at once. */
export class MonthRostersDto {
  @ApiProperty({ example: '2027-01' })
  @Matches(CALENDAR_MONTH)
  month: string;

  @ApiProperty({ type: [CenterMonthDto], description: 'Each center once; a center not sent keeps its month' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @NestedObjects(() => CenterMonthDto)
  rosters: CenterMonthDto[];
}

export class RosterQuery {
  @ApiProperty()
  @IsUUID()
  organisationId: string;

  @ApiPropertyOptional({ example: '2027-01', description: 'A month view; without it, today' })
  @IsOptional()
  @Matches(CALENDAR_MONTH)
  month?: string;
}

export const CONSULTATION_CHANNELS = ['walk_in', 'hotline_12351', 'phone', 'online', 'outreach_visit'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];
export const CONSULTATION_TOPICS = [
  'unpaid_wages',
  'unpaid_labour_fees',
  'no_written_contract',
  'work_injury',
  'social_insurance',
  'dismissal',
  'other',
] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

export class ConsultationDto {
  @ApiProperty({ description: 'The service center where the consultation took place' })
  @IsUUID()
  organisationId: string;

  @ApiPropertyOptional({
    example: '2027-01-11T10:20:00+08:00',
    description: 'When it took place; defaults to now. Not later than now (a few minutes of clock drift are allowed)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  consultedAt?: string;

  @ApiProperty({ enum: CONSULTATION_CHANNELS })
  @IsIn(CONSULTATION_CHANNELS)
  channel: ConsultationChannel;

  @ApiProperty({ enum: CONSULTATION_TOPICS })
  @IsIn(CONSULTATION_TOPICS)
  topic: ConsultationTopic;

  @ApiPropertyOptional({ example: '王师傅', description: 'Leave out to stay anonymous' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  workerName?: string;

  @ApiPropertyOptional({ description: 'A registered worker' })
  @IsOptional()
  @IsUUID()
  workerId?: string;

  @ApiPropertyOptional({ description: 'A registered employer, if named' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '某建筑劳务公司', description: 'The employer as the worker named it, if not registered' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employerName?: string;

  @ApiProperty({ example: '告知可申请调解，需准备考勤记录和欠条' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  advice: string;

  @ApiProperty({ example: 15 })
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  followUpNeeded?: boolean;
}

export class ConsultationListQuery {
  @ApiPropertyOptional({ description: "A lawyer's list; yours by default" })
  @IsOptional()
  @IsUUID()
  lawyerId?: string;

  @ApiPropertyOptional({ example: '2027-01-11', description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  day?: string;
}

/** What a case opened from a consultation or an early warning needs beyond what they carry. */
export class OpenFromDeskDto {
  @ApiPropertyOptional({ type: [CaseEmployerDto], description: 'Defaults to the employer named before' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @NestedObjects(() => CaseEmployerDto)
  employers?: CaseEmployerDto[];

  @ApiPropertyOptional({ description: 'Defaults to what was recorded' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional({ type: [ClaimInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CLAIMS_PER_REQUEST)
  @NestedObjects(() => ClaimInputDto)
  claims?: ClaimInputDto[];
}

export const FINDINGS = ['in_order', 'incomplete', 'missing'] as const;
export type Finding = (typeof FINDINGS)[number];
export const FINDINGS_OR_NA = ['in_order', 'incomplete', 'missing', 'not_applicable'] as const;
export type FindingOrNa = (typeof FINDINGS_OR_NA)[number];

/** An early warning is open until a case is opened from it or it is dismissed. */
export const EARLY_WARNING_STATUSES = ['open', 'case_opened', 'dismissed'] as const;
export type EarlyWarningStatus = (typeof EARLY_WARNING_STATUSES)[number];

export class OutreachVisitDto {
  @ApiProperty()
  @IsUUID()
  organisationId: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsCalendarDate()
  visitedOn: string;

  @ApiProperty()
  @IsUUID()
  employerId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ example: '顺义区某工地' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  site?: string;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(100000)
  workersReached: number;

  @ApiProperty({ enum: FINDINGS, description: '工资表' })
  @IsIn(FINDINGS)
  wageSheets: Finding;

  @ApiProperty({ enum: FINDINGS_OR_NA, description: '工资专用账户' })
  @IsIn(FINDINGS_OR_NA)
  dedicatedWageAccount: FindingOrNa;

  @ApiProperty({ enum: FINDINGS_OR_NA, description: '工资保证金' })
  @IsIn(FINDINGS_OR_NA)
  guaranteeDeposit: FindingOrNa;

  @ApiProperty({ enum: FINDINGS_OR_NA, description: '实名制管理' })
  @IsIn(FINDINGS_OR_NA)
  realNameRecords: FindingOrNa;

  @ApiProperty({ description: 'Arrears found: raises an early warning' })
  @IsBoolean()
  arrearsFound: boolean;

  @ApiPropertyOptional({ example: 40 })
  @IsOptional()
  @IsInt()
  @Min(0)
  estimatedWorkers?: number;

  @ApiPropertyOptional({ example: '600000.00' })
  @IsOptional()
  @IsYuan()
  estimatedAmount?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  findings?: string;
}

export class EngagementListQuery {
  @ApiProperty({ description: 'The lawyer whose past engagements to list' })
  @IsUUID()
  lawyerId: string;
}

export class EngagementDto {
  @ApiProperty({ description: 'An employer you have acted for (a conflict when assigned against it)' })
  @IsUUID()
  employerId: string;

  @ApiPropertyOptional({ example: '2025年曾担任该公司常年法律顾问' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
