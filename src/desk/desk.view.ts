import { fenFromDb, formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';

/** A row as pg returns it: snake_case columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are read by name just below
type Row = Record<string, any>;

export function toConsultationView(row: Row) {
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

export function toVisitView(row: Row) {
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

export function toWarningView(row: Row) {
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
