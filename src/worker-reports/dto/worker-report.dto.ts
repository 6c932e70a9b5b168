import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CaseEmployerDto } from '../../cases/dto/case.dto';
import { SATISFACTIONS, type Satisfaction } from '../../callbacks/domain/callback-rules';
import { PageQuery } from '../../common/http/pagination';
import { IsCalendarDate, IsMobile, IsName, IsPositiveYuan, IsResidentId, NestedObjects } from '../../common/http/validators';
import { DAYS_TO_HANDLE_RANGE } from '../domain/report-rules';

/** What a worker sends from the public form (no account); his photos follow, one request each. */
export class SubmitReportDto {
  @ApiProperty({ description: 'The proof of work: the challenge of GET /public/challenge and its solution (ALTCHA)' })
  @IsObject()
  proof: object;

  @ApiProperty({ example: '李建国', description: 'As on his ID card: Chinese characters or letters, "·" in minority names' })
  @IsString()
  @MaxLength(30)
  name: string;

  @ApiProperty({ example: '11010519491231002X' })
  @IsResidentId()
  idNumber: string;

  @ApiProperty({ example: '13800138000' })
  @IsMobile()
  mobile: string;

  @ApiProperty({ example: '北京某某建筑劳务有限公司', description: 'Who owes him: a company, or the labour-gang head’s name' })
  @IsName()
  @MaxLength(100)
  employerName: string;

  @ApiPropertyOptional({ example: '后沙峪安置房项目' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  projectName?: string;

  @ApiPropertyOptional({ example: '顺义区后沙峪镇安泰大街' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  siteAddress?: string;

  @ApiPropertyOptional({ description: 'The district union he sends it to (GET /public/districts); left out, the site address decides' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiProperty({ example: '2026-08-01', description: 'First day of the unpaid work' })
  @IsCalendarDate()
  periodStart: string;

  @ApiProperty({ example: '2026-11-30', description: 'Last day of the unpaid work' })
  @IsCalendarDate()
  periodEnd: string;

  @ApiProperty({ example: '18600.00', description: 'What he is owed, in yuan' })
  @IsPositiveYuan()
  amountOwed: string;

  @ApiProperty({ example: 12, description: 'How many others are owed by the same employer there (0: only him)' })
  @IsInt()
  @Min(0)
  @Max(10000)
  coWorkers: number;

  @ApiPropertyOptional({ description: 'What happened, in his words' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ description: 'He agreed to the handling of his personal information as the form explains it (PIPL art. 14)' })
  @IsBoolean()
  consent: boolean;
}

/** The receipt number and lookup code: what the worker follows his report with. */
export class LookupDto {
  @ApiProperty({ example: '3725 0418 9163', description: 'Twelve digits; spaces and dashes are forgiven' })
  @IsString()
  @MaxLength(40)
  receiptNumber: string;

  @ApiProperty({ example: 'K7PQ-3XWA', description: 'Eight letters and digits; case, spaces and dashes are forgiven' })
  @IsString()
  @MaxLength(40)
  lookupCode: string;
}

export class RateDto extends LookupDto {
  @ApiProperty({ enum: SATISFACTIONS, enumName: 'Satisfaction' })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @ApiPropertyOptional({ description: 'What he wants to say about it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export const QUEUE_FILTERS = ['waiting', 'handled', 'all'] as const;

export class ReportQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: QUEUE_FILTERS, default: 'waiting' })
  @IsOptional()
  @IsIn(QUEUE_FILTERS)
  status: (typeof QUEUE_FILTERS)[number] = 'waiting';
}

/** Opens a case from a report: what the worker typed is carried over; the clerk adds what a case needs. */
export class AcceptReportDto {
  @ApiProperty({ description: 'The organisation that takes the case (the report’s, or one below it)' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ type: [CaseEmployerDto], description: 'The employer he named, as registered (or registered on the spot)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedObjects(() => CaseEmployerDto)
  employers: CaseEmployerDto[];

  @ApiPropertyOptional({ description: 'Defaults to what he wrote' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  lawyerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  mediatorId?: string;
}

/** Joins a report to an open case of the same employer or project (a group reporting one by one). */
export class JoinReportDto {
  @ApiProperty()
  @IsUUID()
  caseId: string;
}

export class DeclineReportDto {
  @ApiProperty({ example: '您反映的是工程款纠纷，不属于欠薪，请向住建部门反映', description: 'He reads it on the lookup page' })
  @IsString()
  @MaxLength(500)
  reason: string;
}

export class ReportPolicyDto {
  @ApiProperty({ minimum: DAYS_TO_HANDLE_RANGE.min, maximum: DAYS_TO_HANDLE_RANGE.max, example: 3 })
  @IsInt()
  @Min(DAYS_TO_HANDLE_RANGE.min)
  @Max(DAYS_TO_HANDLE_RANGE.max)
  daysToHandle: number;
}
