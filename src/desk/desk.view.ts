import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus } from '../cases/domain/case-status';
import { fenFromDb, formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import {
  CONSULTATION_CHANNELS,
  CONSULTATION_TOPICS,
  ConsultationChannel,
  ConsultationTopic,
  EARLY_WARNING_STATUSES,
  EarlyWarningStatus,
  FINDINGS,
  FINDINGS_OR_NA,
  Finding,
  FindingOrNa,
} from './dto/desk.dto';

/** A row as pg returns it: snake_case columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are read by name just below
type Row = Record<string, any>;

/** A lawyer on duty at a service center for a day. */
export class DutyShiftView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The service center' })
  organisationId: string;
  @ApiProperty({ format: 'uuid' })
  lawyerId: string;
  @ApiProperty({ format: 'date', example: '2027-01-11' })
  day: string;
}

/** A day of the roster: who is on duty, and how to reach them. */
export class RosterEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The service center' })
  organisationId: string;
  @ApiProperty({ format: 'date', example: '2027-01-11' })
  day: string;
  @ApiProperty({ format: 'uuid' })
  lawyerId: string;
  @ApiProperty({ example: '王律师' })
  lawyerName: string;
  @ApiProperty({ type: String, nullable: true, example: '13800138000' })
  phone: string | null;
}

export class ConsultationView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The service center' })
  organisationId: string;
  @ApiProperty({ format: 'uuid' })
  lawyerId: string;
  @ApiProperty({ format: 'date-time', example: '2027-01-11T10:20:00+08:00' })
  consultedAt: string;
  @ApiProperty({ enum: CONSULTATION_CHANNELS, enumName: 'ConsultationChannel' })
  channel: ConsultationChannel;
  @ApiProperty({ enum: CONSULTATION_TOPICS, enumName: 'ConsultationTopic' })
  topic: ConsultationTopic;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the worker stayed anonymous' })
  workerName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  workerId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  employerId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The employer as the worker named it' })
  employerName: string | null;
  @ApiProperty()
  advice: string;
  @ApiProperty({ example: 15 })
  durationMinutes: number;
  @ApiProperty()
  followUpNeeded: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case opened from it' })
  caseId: string | null;
}

export class ConsultationCountsView {
  @ApiProperty({ example: 12 })
  total: number;
  @ApiProperty({ example: 3 })
  followUpNeeded: number;
  @ApiProperty({ example: 1 })
  openedCases: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Consultations by topic (ConsultationTopic); topics with none are left out',
    example: { unpaid_wages: 9, work_injury: 3 },
  })
  byTopic: Record<string, number>;
}

/** A lawyer's consultations of a day, with counts. */
export class ConsultationDayView {
  @ApiProperty({ format: 'date', example: '2027-01-11' })
  day: string;
  @ApiProperty({ type: [ConsultationView] })
  items: ConsultationView[];
  @ApiProperty({ type: ConsultationCountsView })
  counts: ConsultationCountsView;
}

/** An outreach visit (送法进企业) and what was found. */
export class VisitView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  @ApiProperty({ format: 'uuid' })
  lawyerId: string;
  @ApiProperty({ format: 'date', example: '2026-11-20' })
  visitedOn: string;
  @ApiProperty({ format: 'uuid' })
  employerId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  projectId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '顺义区某工地' })
  site: string | null;
  @ApiProperty({ example: 120 })
  workersReached: number;
  /** 工资表 */
  @ApiProperty({ enum: FINDINGS, enumName: 'VisitFinding' })
  wageSheets: Finding;
  /** 工资专用账户 */
  @ApiProperty({ enum: FINDINGS_OR_NA, enumName: 'VisitFindingOrNa' })
  dedicatedWageAccount: FindingOrNa;
  /** 工资保证金 */
  @ApiProperty({ enum: FINDINGS_OR_NA, enumName: 'VisitFindingOrNa' })
  guaranteeDeposit: FindingOrNa;
  /** 实名制管理 */
  @ApiProperty({ enum: FINDINGS_OR_NA, enumName: 'VisitFindingOrNa' })
  realNameRecords: FindingOrNa;
  @ApiProperty()
  arrearsFound: boolean;
  @ApiProperty({ type: String, nullable: true })
  findings: string | null;
}

/** Arrears found on a visit, before anyone has come to the union. */
export class EarlyWarningView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The visit that raised it' })
  visitId: string;
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  @ApiProperty({ format: 'uuid' })
  employerId: string;
  @ApiPropertyOptional({ description: 'In the list of warnings; absent in the answer to the visit that raised it' })
  employerName?: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  projectId: string | null;
  @ApiProperty({ format: 'date' })
  raisedOn: string;
  @ApiProperty({ type: Number, nullable: true, example: 40 })
  estimatedWorkers: number | null;
  @ApiProperty({ type: String, nullable: true, example: '600000.00' })
  estimatedAmount: string | null;
  @ApiProperty({ enum: EARLY_WARNING_STATUSES, enumName: 'EarlyWarningStatus' })
  status: EarlyWarningStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case opened from it' })
  caseId: string | null;
}

export class VisitLoggedView {
  @ApiProperty({ type: VisitView })
  visit: VisitView;
  @ApiProperty({ type: EarlyWarningView, nullable: true, description: 'Raised when arrears were found' })
  earlyWarning: EarlyWarningView | null;
}

/** A worker of the case who also claims in another open case. */
export class WorkerInOtherCaseView {
  @ApiProperty({ format: 'uuid' })
  workerId: string;
  @ApiProperty({ example: '张建国' })
  workerName: string;
  @ApiProperty({ type: String, nullable: true, example: 'CY-2026-00007', description: 'Null when the other case is outside your scope' })
  caseNumber: string | null;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus', nullable: true, description: 'Null when the other case is outside your scope' })
  status: CaseStatus | null;
  @ApiProperty({ description: 'The other case lies in your scope; outside it, one entry for all such cases, telling only that the worker claims elsewhere' })
  visible: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null when the other case is outside your scope' })
  caseId: string | null;
}

/** The case's lawyer has declared acting for one of its employers. */
export class LawyerActedForEmployerView {
  @ApiProperty({ format: 'uuid' })
  lawyerId: string;
  @ApiProperty({ example: '王律师' })
  lawyerName: string;
  @ApiProperty({ format: 'uuid' })
  employerId: string;
  @ApiProperty({ example: '北京某建筑劳务有限公司' })
  employerName: string;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

/** An employer a lawyer has declared acting for (a past engagement), flagged when assigned against it. */
export class LawyerEngagementView {
  @ApiProperty({ format: 'uuid' })
  employerId: string;
  @ApiProperty({ example: '北京某建筑劳务有限公司' })
  employerName: string;
  @ApiProperty({ type: String, nullable: true, example: '91110113MA01ABCD1X' })
  creditCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2025年曾担任该公司常年法律顾问' })
  note: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the lawyer declared it' })
  recordedAt: string;
}

/** What should make a clerk stop and look: flags, not refusals. */
export class CaseConflictsView {
  @ApiProperty({ type: [WorkerInOtherCaseView] })
  workersInOtherOpenCases: WorkerInOtherCaseView[];
  @ApiProperty({ type: [LawyerActedForEmployerView] })
  lawyerActedForEmployer: LawyerActedForEmployerView[];
}

export function toConsultationView(row: Row): ConsultationView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    lawyerId: row.lawyer_id,
    consultedAt: shanghaiTimestamp(new Date(row.consulted_at)),
    channel: row.channel,
    topic: row.topic,
    workerName: row.worker_name,
    workerId: row.worker_id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    advice: row.advice,
    durationMinutes: row.duration_minutes,
    followUpNeeded: row.follow_up_needed,
    caseId: row.case_id,
  };
}

export function toVisitView(row: Row): VisitView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    lawyerId: row.lawyer_id,
    visitedOn: row.visited_on,
    employerId: row.employer_id,
    projectId: row.project_id,
    site: row.site,
    workersReached: row.workers_reached,
    wageSheets: row.wage_sheets,
    dedicatedWageAccount: row.dedicated_wage_account,
    guaranteeDeposit: row.guarantee_deposit,
    realNameRecords: row.real_name_records,
    arrearsFound: row.arrears_found,
    findings: row.findings,
  };
}

export function toWarningView(row: Row): EarlyWarningView {
  return {
    id: row.id,
    visitId: row.visit_id,
    organisationId: row.organisation_id,
    employerId: row.employer_id,
    employerName: row.employer_name ?? undefined,
    projectId: row.project_id,
    raisedOn: row.raised_on,
    estimatedWorkers: row.estimated_workers,
    estimatedAmount: row.estimated_fen === null ? null : formatYuan(fenFromDb(row.estimated_fen)),
    status: row.status,
    caseId: row.case_id,
  };
}
