import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { CaseDetail, CaseListItem } from './cases.service';
import { TRANSITIONS, isFinal } from './domain/case-status';
import type { SeasonView } from '../reminders/season.service';
import { CaseTotals } from './domain/case-totals';

export function toTotalsView(totals: CaseTotals) {
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

export function toCaseView(detail: CaseDetail, season: SeasonView) {
  const { record } = detail;
  return {
    id: record.id,
    caseNumber: record.caseNumber,
    status: record.status,
    outcome: record.outcome,
    statusReason: record.statusReason,
    referredTo: record.referredTo,
    /** The moves the lifecycle allows from here (their guards are checked when one is asked for). */
    allowedTransitions: TRANSITIONS[record.status],
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
  };
}

export function toCaseListItemView({ row, totals }: CaseListItem, season: SeasonView) {
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
    lawyer: row.lawyer_id ? { id: row.lawyer_id, displayName: row.lawyer_name } : null,
    mediator: row.mediator_id ? { id: row.mediator_id, displayName: row.mediator_name } : null,
    totals: toTotalsView(totals),
    festivalCountdown: countdown(row.status as CaseDetail['record']['status'], season),
    version: row.version,
    createdAt: shanghaiTimestamp(new Date(row.created_at)),
  };
}

/** Days left to the Spring Festival's eve, on every open case: the day the season is about. */
function countdown(status: CaseDetail['record']['status'], season: SeasonView) {
  return isFinal(status) ? null : { eve: season.eve, daysToEve: season.daysToEve };
}
