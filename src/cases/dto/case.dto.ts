import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../../common/export/tabular-export';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsQueryBoolean, IsUuidOrNone, NONE, NestedObjects } from '../../common/http/validators';
import { INDUSTRIES, Industry } from '../../employers/employer.record';
import { ClaimInputDto, MAX_CLAIMS_PER_REQUEST } from '../../claims/dto/claim.dto';
import { CHAIN_ROLES, ChainRole } from '../case-employer.record';
import { EVIDENCE_KINDS, EvidenceKind } from '../case-evidence.record';
import { INTAKE_CHANNELS, IntakeChannel } from '../case.record';
import { CASE_STATUSES, CLOSING_OUTCOMES, CaseStatus, ClosingOutcome } from '../domain/case-status';

export class CaseEmployerDto {
  @ApiProperty()
  @IsUUID()
  employerId: string;

  @ApiProperty({ enum: CHAIN_ROLES, description: 'Its role in this dispute’s subcontracting chain' })
  @IsIn(CHAIN_ROLES)
  role: ChainRole;
}

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiProperty({ example: '2026年3-10月考勤表复印件' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ example: '2026-11-20' })
  @IsOptional()
  @IsCalendarDate()
  receivedOn?: string;
}

export class CreateCaseDto {
  @ApiProperty({ description: 'The organisation handling the case; its code starts the case number' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  intakeChannel: IntakeChannel;

  @ApiProperty({ example: '2026-11-22', description: 'Day the request was received (Asia/Shanghai); not in the future' })
  @IsCalendarDate()
  intakeDate: string;

  @ApiProperty({ example: '某园林公司拖欠700余名农民工工资及劳务费' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary: string;

  @ApiProperty({ type: [CaseEmployerDto], description: 'At least the employer that owes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedObjects(() => CaseEmployerDto)
  employers: CaseEmployerDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ description: 'A user with the lawyer role' })
  @IsOptional()
  @IsUUID()
  lawyerId?: string;

  @ApiPropertyOptional({ description: 'A user with the mediator role' })
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedObjects(() => EvidenceDto)
  evidence?: EvidenceDto[];

  @ApiPropertyOptional({ type: [ClaimInputDto], description: 'Workers and their claims; large rosters can be imported later' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CLAIMS_PER_REQUEST)
  @NestedObjects(() => ClaimInputDto)
  claims?: ClaimInputDto[];
}

export class UpdateCaseDto {
  @ApiProperty({ description: 'The version of the case you read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ enum: INTAKE_CHANNELS })
  @IsOptional()
  @IsIn(INTAKE_CHANNELS)
  intakeChannel?: IntakeChannel;

  @ApiPropertyOptional({ description: 'A project id, or null to unlink' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  projectId?: string | null;
}

export class AssignmentDto {
  @ApiPropertyOptional({ description: 'The version you read; omit to assign whatever the current version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'A lawyer, or null to unassign', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  lawyerId?: string | null;

  @ApiPropertyOptional({ description: 'A mediator, or null to unassign', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  mediatorId?: string | null;
}

export class TransitionDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  to: CaseStatus;

  @ApiPropertyOptional({
    example: '2019-02-03',
    description:
      'The day the move happened (Asia/Shanghai); today when omitted. Not after today, not before the case was opened, ' +
      'not before the previous status change.',
  })
  @IsOptional()
  @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional({ description: 'The version you read; omit to move whatever the current version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ enum: CLOSING_OUTCOMES, description: 'Required when closing' })
  @IsOptional()
  @IsIn(CLOSING_OUTCOMES)
  outcome?: ClosingOutcome;

  @ApiPropertyOptional({ description: 'Required when rejecting, withdrawing, or closing partly paid' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'Rejected: where the worker was sent (free text). Referred: labour_inspection or police',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  referredTo?: string;

  @ApiPropertyOptional({ description: 'A note for the timeline' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DispatchDto {
  @ApiProperty({ description: 'The organisation that takes the case over' })
  @IsUUID()
  organisationId: string;

  @ApiPropertyOptional({ description: 'The version you read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: '属顺义区管辖，转顺义区总工会职工服务中心办理' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class NoteDto {
  @ApiProperty({ example: '已电话联系项目经理，承诺周五前提供工资表' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;
}

export const CASE_SORT_KEYS = ['intakeDate', 'caseNumber', 'createdAt', 'status'] as const;

/** The industries a case list filters by: those of the register, or `none` for a direct employer without one. */
export const CASE_LIST_INDUSTRIES = [...INDUSTRIES, NONE] as const;

/**
 * The case list's filters. Besides the clerk's own (status, people, dates, search), each figure of the
 * reports has filters that find exactly the cases behind it (the drill-down), each by the rule the
 * reports count by: see caseListFilter and the conditions in cases.sql.ts.
 */
export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'One status or several separated by commas', example: 'mediating,agreed' })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ description: 'Cases of this organisation and those below it (see organisationOnly)' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    description:
      "With organisationId: only that organisation's own cases, not those of the organisations below it " +
      "(the breakdown by organisation's row of the report's own organisation)",
  })
  @IsOptional()
  @IsQueryBoolean()
  organisationOnly?: boolean;

  @ApiPropertyOptional({ description: 'Cases with this employer in any role of the chain' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({
    description:
      "Cases whose direct employer (role employer, else the lowest link of the chain) is this one, as the " +
      "breakdown by employer counts them; none: cases without any employer",
  })
  @IsOptional()
  @IsUuidOrNone()
  directEmployerId?: string;

  @ApiPropertyOptional({
    enum: CASE_LIST_INDUSTRIES,
    description:
      "The industry of the case's direct employer, as the breakdown by industry counts it: other includes " +
      'direct employers with no industry recorded (and cases without an employer); none: only those',
  })
  @IsOptional()
  // `none` is a filter word, not an industry: a wrong value is told the industries, in words
  @ValidateIf((query: CaseListQuery) => query.industry !== NONE)
  @IsIn(INDUSTRIES)
  industry?: Industry | typeof NONE;

  @ApiPropertyOptional({ description: 'The case’s project; none: cases without a project' })
  @IsOptional()
  @IsUuidOrNone()
  projectId?: string;

  @ApiPropertyOptional({ description: 'The case’s lawyer; none: cases without a lawyer' })
  @IsOptional()
  @IsUuidOrNone()
  lawyerId?: string;

  @ApiPropertyOptional({ description: 'The case’s mediator; none: cases without a mediator' })
  @IsOptional()
  @IsUuidOrNone()
  mediatorId?: string;

  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsCalendarDate()
  intakeFrom?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @IsCalendarDate()
  intakeTo?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Cases concluded (closed, withdrawn or not accepted) on this day or later, as the reports count "concluded in the period"',
  })
  @IsOptional()
  @IsCalendarDate()
  concludedFrom?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Cases concluded on this day or earlier' })
  @IsOptional()
  @IsCalendarDate()
  concludedTo?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Cases with money paid to a worker on a day from this one (the reports’ “paid in the period”, by the day it was paid)',
  })
  @IsOptional()
  @IsCalendarDate()
  paidFrom?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Cases with money paid on a day up to this one' })
  @IsOptional()
  @IsCalendarDate()
  paidTo?: string;

  @ApiPropertyOptional({ description: 'true: cases still owing someone (owed more than paid); false: the others' })
  @IsOptional()
  @IsQueryBoolean()
  owing?: boolean;

  @ApiPropertyOptional({ description: 'true: cases not concluded (not closed, withdrawn or rejected); false: concluded ones' })
  @IsOptional()
  @IsQueryBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: 'true: cases paid in full as the reports count them (every worker’s confirmed amount paid); false: the others' })
  @IsOptional()
  @IsQueryBoolean()
  paidInFull?: boolean;

  @ApiPropertyOptional({ description: 'true: cases with claims not yet confirmed (the festival view’s unverified cases); false: the others' })
  @IsOptional()
  @IsQueryBoolean()
  unverified?: boolean;

  @ApiPropertyOptional({
    description: 'Part of the case number, a worker’s name or an employer’s name; or a worker’s whole id number',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'intakeDate:desc', description: `key:asc|desc; keys: ${CASE_SORT_KEYS.join(', ')}` })
  @IsOptional()
  @IsString()
  sort?: string;
}

export class CaseExportQuery extends CaseListQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'xlsx (Excel) or csv (UTF-8 with BOM)' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}
