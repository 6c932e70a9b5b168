import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, type CaseStatus } from '../cases/domain/case-status';
import { SATISFACTIONS, type Satisfaction } from '../callbacks/domain/callback-rules';
import { UserRefView } from '../common/http/api-responses';
import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { REPORT_STATUSES, WORKER_STAGES, type ReportStatus, type WorkerStage } from './domain/report-rules';
import type { ReportPhotoRow, WorkerReportRow } from './worker-report.record';

// ---- the public side ----

export class DistrictView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '顺义区总工会' })
  name: string;
  @ApiProperty({ example: '顺义区', description: 'The place it stands for, as an address names it' })
  place: string;
  @ApiProperty({ description: 'The city federation: for a worker who does not know the district' })
  city: boolean;
}

export class ReportLimitsView {
  @ApiProperty({ example: 6 })
  photosPerReport: number;
  @ApiProperty({ example: 5242880 })
  photoBytes: number;
}

export class ReceiptView {
  @ApiProperty({ example: '372504189163' })
  receiptNumber: string;
  @ApiProperty({ example: 'K7PQ3XWA', description: 'Shown once: the service keeps only a keyed hash of it' })
  lookupCode: string;
  @ApiProperty({ example: '顺义区总工会' })
  organisationName: string;
  @ApiProperty({ format: 'date-time' })
  submittedAt: string;
  @ApiProperty({ example: '2026-12-08', description: 'The day by which the union says it handles reports' })
  handleByOn: string;
  @ApiProperty({ type: ReportLimitsView })
  limits: ReportLimitsView;
}

export class PhotoAddedView {
  @ApiProperty({ example: 2, description: 'Photos the report now has' })
  photos: number;
}

export class NextSessionView {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ type: String, nullable: true, example: '顺义区职工服务中心调解室一' })
  place: string | null;
}

export class WorkerMoneyView {
  @ApiProperty({ example: '18600.00' })
  claimed: string;
  @ApiProperty({ type: String, nullable: true, example: '18000.00', description: 'Null until the union has confirmed it' })
  confirmed: string | null;
  @ApiProperty({ example: '9000.00' })
  paid: string;
  @ApiProperty({ example: '9000.00' })
  outstanding: string;
}

export class WorkerRatingView {
  @ApiProperty({ enum: SATISFACTIONS, enumName: 'Satisfaction' })
  satisfaction: Satisfaction;
  @ApiProperty({ type: String, nullable: true })
  comment: string | null;
}

/** What a worker sees of his report and case with his receipt number and code: his own line only, masked. */
export class FollowView {
  @ApiProperty({ example: '372504189163' })
  receiptNumber: string;
  @ApiProperty({ example: '2026-12-04' })
  submittedOn: string;
  @ApiProperty({ example: '李*国', description: 'Masked: whoever holds the receipt sees no more than this' })
  workerName: string;
  @ApiProperty({ example: '北京某某建筑劳务有限公司' })
  employerName: string;
  @ApiProperty({ example: '顺义区总工会', description: 'Who handles it: the case’s organisation once there is a case' })
  organisationName: string;
  @ApiProperty({ enum: WORKER_STAGES, enumName: 'WorkerStage' })
  stage: WorkerStage;
  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'SY-2026-00012' })
  caseNumber: string | null;
  @ApiProperty({ type: WorkerMoneyView, nullable: true, description: 'His own claim: claimed, confirmed, paid, still owed' })
  money: WorkerMoneyView | null;
  @ApiProperty({ type: NextSessionView, nullable: true })
  nextSession: NextSessionView | null;
  @ApiProperty({ description: 'He may rate how it went: his case is concluded and he has not rated it' })
  canRate: boolean;
  @ApiProperty({ type: WorkerRatingView, nullable: true })
  rating: WorkerRatingView | null;
  @ApiProperty({ example: 2 })
  photos: number;
  @ApiProperty({ description: 'He may still add photos (the report waits, and came in less than a day ago)' })
  canAddPhotos: boolean;
}

// ---- the union's side ----

export class ReportCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SY-2026-00012' })
  caseNumber: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  status: CaseStatus;
}

export class ReportPhotoView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/heic', 'image/heif'] })
  mediaType: ReportPhotoRow['media_type'];
  @ApiProperty({ type: 'integer' })
  byteSize: number;
}

export class OrganisationRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '顺义区总工会' })
  name: string;
}

/** A worker's online report in the union's queue; his id number and mobile masked (a reveal is on the worker, once registered). */
export class WorkerReportView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '372504189163' })
  receiptNumber: string;
  @ApiProperty({ type: OrganisationRefView })
  organisation: OrganisationRefView;
  @ApiProperty({ example: '李建国' })
  workerName: string;
  @ApiProperty({ example: '110105********002X' })
  idNumber: string;
  @ApiProperty({ example: '138****8000' })
  mobile: string;
  @ApiProperty()
  employerName: string;
  @ApiProperty({ type: String, nullable: true })
  projectName: string | null;
  @ApiProperty({ type: String, nullable: true })
  siteAddress: string | null;
  @ApiProperty({ example: '2026-08-01' })
  periodStart: string;
  @ApiProperty({ example: '2026-11-30' })
  periodEnd: string;
  @ApiProperty({ example: '18600.00' })
  amountOwed: string;
  @ApiProperty({ type: 'integer' })
  coWorkers: number;
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty({ format: 'date-time' })
  submittedAt: string;
  @ApiProperty({ example: '2026-12-04' })
  submittedOn: string;
  @ApiProperty({ example: '2026-12-07', description: 'The last day before it is overdue (the policy’s days after it came in)' })
  handleByOn: string;
  @ApiProperty({ description: 'Still waiting after its last day' })
  overdue: boolean;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'WorkerReportStatus' })
  status: ReportStatus;
  @ApiProperty({ type: ReportCaseView, nullable: true })
  case: ReportCaseView | null;
  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;
  @ApiProperty({ type: UserRefView, nullable: true })
  handledBy: UserRefView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  handledAt: string | null;
  @ApiProperty({ type: WorkerRatingView, nullable: true })
  rating: WorkerRatingView | null;
  @ApiProperty({ type: 'integer' })
  photoCount: number;
}

export class WorkerReportDetailView extends WorkerReportView {
  @ApiProperty({ type: [ReportPhotoView] })
  photos: ReportPhotoView[];
}

export class WorkerReportPageView {
  @ApiProperty({ type: [WorkerReportView] })
  items: WorkerReportView[];
  @ApiProperty({ type: 'integer' })
  total: number;
  @ApiProperty({ type: 'integer' })
  page: number;
  @ApiProperty({ type: 'integer' })
  pageSize: number;
}

export class ReportPolicyView {
  @ApiProperty({ example: 3 })
  daysToHandle: number;
}

export function toWorkerReportView(
  row: WorkerReportRow,
  masked: { idNumber: string; mobile: string },
  handling: { handleByOn: string; today: string },
): WorkerReportView {
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    workerName: row.worker_name,
    idNumber: masked.idNumber,
    mobile: masked.mobile,
    employerName: row.employer_name,
    projectName: row.project_name,
    siteAddress: row.site_address,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    amountOwed: formatYuan(BigInt(row.amount_owed_fen)),
    coWorkers: row.co_workers,
    description: row.description,
    submittedAt: shanghaiTimestamp(new Date(row.submitted_at)),
    submittedOn: row.submitted_on,
    handleByOn: handling.handleByOn,
    overdue: row.status === 'submitted' && handling.today > handling.handleByOn,
    status: row.status,
    case: row.case_id && row.case_number && row.case_status ? { id: row.case_id, caseNumber: row.case_number, status: row.case_status } : null,
    declineReason: row.decline_reason,
    handledBy: row.handled_by_id ? { id: row.handled_by_id, displayName: row.handled_by_name ?? '' } : null,
    handledAt: row.handled_at ? shanghaiTimestamp(new Date(row.handled_at)) : null,
    rating: row.satisfaction ? { satisfaction: row.satisfaction, comment: row.rating_note } : null,
    photoCount: row.photo_count,
  };
}

export function toPhotoView(row: ReportPhotoRow): ReportPhotoView {
  return { id: row.id, mediaType: row.media_type, byteSize: row.byte_size };
}
