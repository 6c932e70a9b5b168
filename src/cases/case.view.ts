import { ApiProperty } from '@nestjs/swagger';
import { OrganisationRefView, UserRefView } from '../common/http/api-responses';
import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { EMPLOYER_KINDS, EmployerKind } from '../employers/employer.record';
import type { SeasonView } from '../campaign/season.view';
import { CHAIN_ROLES, ChainRole } from './case-employer.record';
import { EVIDENCE_KINDS, EvidenceKind } from './case-evidence.record';
import { INTAKE_CHANNELS, IntakeChannel } from './case.record';
import type { CaseDetail, CaseListItem } from './cases.service';
import {
  CASE_STATUSES,
  CLOSING_OUTCOMES,
  CaseStatus,
  ClosingOutcome,
  isFinal,
  movesForPerson,
} from './domain/case-status';
import { CaseTotals } from './domain/case-totals';

// A property naming a shared enum (enumName) has its note in a comment, not a description: @nestjs/swagger
// copies the description onto the shared enum schema, where it would be wrong for every other use.

/** A case's workers and money, in yuan. */
export class CaseTotalsView {
  @ApiProperty({ description: 'Workers with a claim on the case', example: 700 })
  workers: number;
  @ApiProperty({ description: 'Workers whose confirmed amount is paid in full', example: 120 })
  workersFullyPaid: number;
  @ApiProperty({ description: 'Workers still owed money', example: 580 })
  workersOwed: number;
  @ApiProperty({ description: 'Claims whose amount is not confirmed yet', example: 0 })
  unconfirmed: number;
  @ApiProperty({ example: '12000000.00' })
  claimed: string;
  @ApiProperty({ example: '11800000.00' })
  confirmed: string;
  @ApiProperty({ example: '2000000.00' })
  paid: string;
  @ApiProperty({ example: '9800000.00' })
  outstanding: string;
}

/** Days left to the Spring Festival's eve (除夕). */
export class FestivalCountdownView {
  @ApiProperty({ format: 'date', example: '2027-02-05' })
  eve: string;
  @ApiProperty({ description: '0 on the eve, negative after it', example: 42 })
  daysToEve: number;
}

export class ProjectRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '顺义区某安置房项目' })
  name: string;
}

/** An employer on the case, with its role in this dispute's subcontracting chain. */
export class CaseEmployerView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '北京某建筑劳务有限公司' })
  name: string;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码; none for an individual contractor' })
  creditCode: string | null;
  @ApiProperty({ enum: EMPLOYER_KINDS, enumName: 'EmployerKind' })
  kind: EmployerKind;
  /** Its role in this dispute's subcontracting chain. */
  @ApiProperty({ enum: CHAIN_ROLES, enumName: 'EmployerRole' })
  role: ChainRole;
}

export class CaseEvidenceView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: EVIDENCE_KINDS, enumName: 'EvidenceKind' })
  kind: EvidenceKind;
  @ApiProperty({ example: '2026年3-10月考勤表复印件' })
  description: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  receivedOn: string | null;
}

/** One case with its people, employers, evidence and totals. */
export class CaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SY-2026-00042' })
  caseNumber: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  status: CaseStatus;
  /** Set once closed. */
  @ApiProperty({ enum: CLOSING_OUTCOMES, enumName: 'CaseOutcome', nullable: true })
  outcome: ClosingOutcome | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the case was rejected, withdrawn or closed partly paid' })
  statusReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where the worker was sent (rejected or referred)' })
  referredTo: string | null;
  /** The moves a person may choose from here (their guards are checked when one is asked for); agreed comes by recording the agreement. */
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus', isArray: true })
  allowedTransitions: readonly CaseStatus[];
  @ApiProperty({ type: OrganisationRefView })
  organisation: OrganisationRefView;
  @ApiProperty({ enum: INTAKE_CHANNELS, enumName: 'IntakeChannel' })
  intakeChannel: IntakeChannel;
  @ApiProperty({ format: 'date', example: '2026-11-22' })
  intakeDate: string;
  @ApiProperty({ example: '某园林公司拖欠700余名农民工工资及劳务费' })
  summary: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The consultation the case was opened from' })
  consultationId: string | null;
  @ApiProperty({ type: ProjectRefView, nullable: true })
  project: ProjectRefView | null;
  @ApiProperty({ type: UserRefView, nullable: true })
  lawyer: UserRefView | null;
  @ApiProperty({ type: UserRefView, nullable: true })
  mediator: UserRefView | null;
  @ApiProperty({ type: [CaseEmployerView] })
  employers: CaseEmployerView[];
  @ApiProperty({ type: [CaseEvidenceView] })
  evidence: CaseEvidenceView[];
  @ApiProperty({ type: CaseTotalsView })
  totals: CaseTotalsView;
  @ApiProperty({ type: FestivalCountdownView, nullable: true, description: 'On open cases only' })
  festivalCountdown: FestivalCountdownView | null;
  @ApiProperty({ description: 'Send it back with a change', example: 3 })
  version: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T15:08:05+08:00' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the final status was recorded' })
  closedAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the case reached its final status' })
  closedOn: string | null;
}

export const CASE_WARNING_CODES = ['LAWYER_ACTED_FOR_EMPLOYER'] as const;
export type CaseWarningCode = (typeof CASE_WARNING_CODES)[number];

/** A flag for the people to weigh, not a refusal: the lawyer has acted for one of the case's employers. */
export class CaseWarningView {
  @ApiProperty({ enum: CASE_WARNING_CODES, enumName: 'CaseWarningCode' })
  code: CaseWarningCode;
  @ApiProperty({ example: '北京某建筑劳务有限公司' })
  employerName: string;
  @ApiProperty({ type: String, nullable: true, example: '2025年曾担任该公司常年法律顾问' })
  note: string | null;
}

/** A case just opened or assigned, with what the clerk should look at. */
export class CaseWithWarningsView extends CaseView {
  @ApiProperty({ type: [CaseWarningView] })
  warnings: CaseWarningView[];
}

/** A case handed to another organisation (派单). */
export class DispatchedCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that has the case now' })
  organisationId: string;
}

/** An employer as the case list names it: its name opens its record by the credit code (none for an individual contractor). */
export class CaseListEmployerView {
  @ApiProperty({ example: '北京某某园林绿化有限公司' })
  name: string;
  @ApiProperty({ type: String, nullable: true, example: '91110113MA01ABCD1X' })
  creditCode: string | null;
}

/** A row of the case list. */
export class CaseListItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SY-2026-00042' })
  caseNumber: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  status: CaseStatus;
  @ApiProperty({ enum: CLOSING_OUTCOMES, enumName: 'CaseOutcome', nullable: true })
  outcome: ClosingOutcome | null;
  @ApiProperty({ type: OrganisationRefView })
  organisation: OrganisationRefView;
  @ApiProperty({ enum: INTAKE_CHANNELS, enumName: 'IntakeChannel' })
  intakeChannel: IntakeChannel;
  @ApiProperty({ format: 'date' })
  intakeDate: string;
  @ApiProperty()
  summary: string;
  @ApiProperty({ type: String, nullable: true, description: 'The employers’ names joined by 、', example: '甲公司、乙公司' })
  employerNames: string | null;
  @ApiProperty({ type: [CaseListEmployerView], description: 'Each employer of the chain once, by name' })
  employers: CaseListEmployerView[];
  @ApiProperty({ type: UserRefView, nullable: true })
  lawyer: UserRefView | null;
  @ApiProperty({ type: UserRefView, nullable: true })
  mediator: UserRefView | null;
  @ApiProperty({ type: CaseTotalsView })
  totals: CaseTotalsView;
  @ApiProperty({ type: FestivalCountdownView, nullable: true, description: 'On open cases only' })
  festivalCountdown: FestivalCountdownView | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toTotalsView(totals: CaseTotals): CaseTotalsView {
  return {
    workers: totals.count,
    workersFullyPaid: totals.workersFullyPaid,
    workersOwed: totals.workersOwed,
    unconfirmed: totals.unconfirmedCount,
    claimed: formatYuan(totals.claimedFen),
    confirmed: formatYuan(totals.confirmedFen),
    paid: formatYuan(totals.paidFen),
    outstanding: formatYuan(totals.outstandingFen),
  };
}

export function toCaseView(detail: CaseDetail, season: SeasonView): CaseView {
  const { record } = detail;
  return {
    id: record.id,
    caseNumber: record.caseNumber,
    status: record.status,
    outcome: record.outcome,
    statusReason: record.statusReason,
    referredTo: record.referredTo,
    // `agreed` is reached by recording the agreement, never chosen
    allowedTransitions: movesForPerson(record.status),
    organisation: { id: detail.organisation.id, code: detail.organisation.code, name: detail.organisation.name },
    intakeChannel: record.intakeChannel,
    intakeDate: record.intakeDate,
    summary: record.summary,
    consultationId: record.consultationId,
    project: detail.project ? { id: detail.project.id, name: detail.project.name } : null,
    lawyer: detail.lawyer ? { id: detail.lawyer.id, displayName: detail.lawyer.displayName } : null,
    mediator: detail.mediator ? { id: detail.mediator.id, displayName: detail.mediator.displayName } : null,
    employers: detail.employers.map((employer) => ({
      id: employer.id,
      name: employer.name,
      creditCode: employer.creditCode,
      kind: employer.kind,
      role: employer.role,
    })),
    evidence: detail.evidence.map((item) => ({
      id: item.id,
      kind: item.kind,
      description: item.description,
      receivedOn: item.receivedOn,
    })),
    totals: toTotalsView(detail.totals),
    festivalCountdown: countdown(record.status, season),
    version: record.version,
    createdAt: shanghaiTimestamp(record.createdAt),
    updatedAt: shanghaiTimestamp(record.updatedAt),
    closedAt: record.closedAt ? shanghaiTimestamp(record.closedAt) : null,
    closedOn: record.closedOn,
  };
}

export function toCaseListItemView({ row, totals }: CaseListItem, season: SeasonView): CaseListItemView {
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    outcome: row.outcome,
    organisation: { id: row.organisation_id, code: row.organisation_code, name: row.organisation_name },
    intakeChannel: row.intake_channel,
    intakeDate: row.intake_date,
    summary: row.summary,
    employerNames: row.employer_names,
    employers: row.employers,
    lawyer: userRef(row.lawyer_id, row.lawyer_name),
    mediator: userRef(row.mediator_id, row.mediator_name),
    totals: toTotalsView(totals),
    festivalCountdown: countdown(row.status, season),
    version: row.version,
    createdAt: shanghaiTimestamp(new Date(row.created_at)),
  };
}

/** A person joined by a LEFT JOIN: both columns are set, or neither. */
function userRef(id: string | null, displayName: string | null): UserRefView | null {
  return id ? { id, displayName: displayName as string } : null;
}

/** Days left to the Spring Festival's eve, on every open case: the day the season is about. */
function countdown(status: CaseStatus, season: SeasonView): FestivalCountdownView | null {
  return isFinal(status) ? null : { eve: season.eve, daysToEve: season.daysToEve };
}
