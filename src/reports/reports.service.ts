import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { chineseLabel } from '../common/labels/labels';
import { checkCreditCode, normalizeCreditCode } from '../common/identifiers/credit-code';
import { fenFromDb } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import type { EmployerKind, Industry } from '../employers/employer.record';
import { CriminalThresholdInput, LOWEST_THRESHOLDS, ProvinceThresholds, monthsOwed } from '../legal-clocks/domain/criminal-threshold';
import { SeasonService } from '../campaign/season.service';
import { CallbackCounts, CaseFigures, MAX_PERIOD_DAYS, Period, callbackRates, caseFigures, defaultPeriod, periodDays } from './domain/figures';
import { CallbacksService } from '../callbacks/callbacks.service';
import { PayoutsService } from '../payouts/payouts.service';
import type { CallbackFiguresRow } from '../callbacks/callback.record';
import { JointPunishmentFlag, jointPunishmentFlags } from './domain/joint-punishment';
import { BreakdownQuery, CallbackGrouping, CallbackReportQuery, EmployerHistoryQuery, FestivalQuery, ReportQuery } from './dto/report.dto';
import { ReportScope, ReportsRepository } from './reports.repository';
import { CaseFiguresRow, DIMENSION_NAMES, DimensionName, EmployerCaseRow, SpeedRow } from './reports.sql';


export interface Summary {
  scope: ReportScope;
  period: Period;
  figures: CaseFigures;
  casesClosedInPeriod: number;
  consultations: number;
  outreachVisits: number;
  /** Of the money recovered on the period's cases, what is held for workers not yet reached (代管). */
  recoveredHeldFen: bigint;
}

export interface BreakdownItem {
  key: string | null;
  label: string | null;
  detail: string | null;
  figures: CaseFigures;
  consultations: number | null;
  outreachVisits: number | null;
}

export interface FestivalItem {
  key: string;
  label: string;
  detail: string;
  openCases: number;
  casesOwing: number;
  workersOwed: number;
  unpaidFen: bigint;
  casesUnverified: number;
}

/** A case of the employer's record: its row, what it still owes, and each worker it still owes. */
export type CallbackFigures = CallbackCounts & {
  /** The organisation's, mediator's or lawyer's id; null for the total, or for cases without one. */
  key: string | null;
  label: string | null;
  callbackRate: number | null;
  satisfactionRate: number | null;
};

export interface CallbackReport {
  scope: ReportScope;
  period: Period;
  by: CallbackGrouping;
  total: CallbackFigures;
  items: CallbackFigures[];
}

export type EmployerCase = Omit<EmployerCaseRow, 'owed_workers_outstanding_fen' | 'owed_workers_period_start' | 'owed_workers_period_end'> & {
  outstandingFen: bigint;
  owedWorkers: CriminalThresholdInput['workers'];
};

export interface EmployerHistory {
  employer: { id: string; name: string; creditCode: string; kind: EmployerKind; industry: Industry | null; district: string | null };
  thresholds: { province: string | null; individualFen: bigint; groupFen: bigint };
  cases: EmployerCase[];
  totals: { cases: number; workers: number; claimedFen: bigint; owedFen: bigint; paidFen: bigint; outstandingFen: bigint };
  outcomes: Record<string, number>;
  meetsListingCriteria: boolean;
  flags: JointPunishmentFlag[];
}

/**
 * Figures for union leaders. Each report is one explicit query (reports.sql.ts) over the caller's
 * scope, read from the reports database (a replica when configured) by the reports repository.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly season: SeasonService,
    private readonly clock: Clock,
    private readonly callbackCounts: CallbacksService,
    private readonly payouts: PayoutsService,
  ) {}

  /**
   * 回访率 and 满意率 of the callbacks due in the period on the cases of the scope, in all and per
   * organisation, mediator or lawyer of the case (callbackRates).
   */
  async callbacks(query: CallbackReportQuery, scope: Scope): Promise<CallbackReport> {
    const reportScope = await this.scopeOf(query.organisationId, scope);
    const period = await this.periodOf(query, shanghaiDate(this.clock.now()));
    const by = query.by ?? 'organisation';
    const [[total], rows] = await Promise.all([
      this.callbackCounts.counts(reportScope.path, period, 'total'),
      this.callbackCounts.counts(reportScope.path, period, by),
    ]);
    return { scope: reportScope, period, by, total: callbackFigures(total), items: rows.map(callbackFigures) };
  }

  async summary(query: ReportQuery, scope: Scope): Promise<Summary> {
    const reportScope = await this.scopeOf(query.organisationId, scope);
    // one reading of the clock: the default period ends today, and the rollups are read up to it
    const today = shanghaiDate(this.clock.now());
    const period = await this.periodOf(query, today);
    const [{ sums, speed }, recoveredHeldFen] = await Promise.all([
      this.repository.summary(reportScope, period, today),
      this.payouts.heldOfCasesOpened(reportScope.path, period),
    ]);
    return {
      scope: reportScope,
      period,
      figures: caseFigures(sumsOf(sums), speed),
      casesClosedInPeriod: sums.concluded_in_period,
      consultations: sums.consultations,
      outreachVisits: sums.outreach_visits,
      recoveredHeldFen,
    };
  }

  /** One page of a breakdown, or with `everyRow` all of them (exports). */
  async breakdown(
    requested: string,
    query: BreakdownQuery,
    scope: Scope,
    everyRow = false,
  ): Promise<{ dimension: DimensionName; scope: ReportScope; period: Period; items: BreakdownItem[]; total: number | null; more: boolean }> {
    if (!(DIMENSION_NAMES as string[]).includes(requested)) {
      throw AppError.invalidField('dimension', 'NOT_ONE_OF', { allowed: DIMENSION_NAMES.join(', ') });
    }
    const dimension = requested as DimensionName;
    const reportScope = await this.scopeOf(query.organisationId, scope);
    const today = shanghaiDate(this.clock.now());
    const period = await this.periodOf(query, today);
    const page = everyRow ? null : { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const { rows, speed, total, more } = await this.repository.breakdown(dimension, reportScope, period, page, today);
    const speedByKey = new Map<string | null, SpeedRow[]>();
    for (const entry of speed) {
      const list = speedByKey.get(entry.key);
      if (list) list.push(entry);
      else speedByKey.set(entry.key, [entry]);
    }
    return {
      dimension,
      scope: reportScope,
      period,
      items: rows.map((row) => ({
        key: row.key,
        label: dimension === 'industry' ? chineseLabel('industry', row.key) : row.label,
        detail: row.detail,
        figures: caseFigures(sumsOf(row), speedByKey.get(row.group_key) ?? []),
        consultations: row.consultations,
        outreachVisits: row.outreach_visits,
      })),
      total,
      more,
    };
  }

  /**
   * Before the festival: open cases and what they still owe, per organisation, with the days left; of
   * the current season, or of the season of `festivalYear`. A season is shown as it stands today until
   * its eve has passed, then as it stood at the end of its eve (除夕), the day the season is judged by.
   */
  async festival(query: FestivalQuery, scope: Scope) {
    const reportScope = await this.scopeOf(query.organisationId, scope);
    const today = shanghaiDate(this.clock.now());
    const current = await this.season.current();
    // a season still to come has no figures yet
    if (query.festivalYear !== undefined && query.festivalYear > current.festivalYear) {
      throw AppError.invalidField('festivalYear', 'TOO_LARGE', { max: current.festivalYear });
    }
    const season = query.festivalYear === undefined ? current : await this.season.ofFestivalYear(query.festivalYear);
    const evePassed = season.eve < today;
    const asOf = evePassed ? season.eve : today;
    const rows = await this.repository.festival(reportScope, evePassed ? season.eve : null);
    const items: FestivalItem[] = rows.map((row) => ({
      key: row.key,
      label: row.label,
      detail: row.detail,
      openCases: row.open_cases,
      casesOwing: row.cases_owing,
      workersOwed: row.workers_owed,
      unpaidFen: fenFromDb(row.unpaid_fen),
      casesUnverified: row.cases_unverified,
    }));
    const total = (pick: (item: FestivalItem) => number) => items.reduce((sum, item) => sum + pick(item), 0);
    return {
      scope: reportScope,
      season: {
        festivalYear: season.festivalYear,
        festival: season.festival,
        eve: season.eve,
        daysToEve: season.daysToEve,
        nextTarget: season.nextTarget,
      },
      asOf,
      totals: {
        openCases: total((item) => item.openCases),
        casesOwing: total((item) => item.casesOwing),
        workersOwed: total((item) => item.workersOwed),
        unpaidFen: items.reduce((sum, item) => sum + item.unpaidFen, 0n),
        casesUnverified: total((item) => item.casesUnverified),
      },
      items,
    };
  }

  /** All cases of one employer in the caller's scope, in any role of the chain, with the joint-punishment flags. */
  async employerHistory(rawCreditCode: string, query: EmployerHistoryQuery, scope: Scope): Promise<EmployerHistory> {
    const creditCode = normalizeCreditCode(rawCreditCode);
    const problem = checkCreditCode(creditCode);
    if (problem) throw AppError.invalidField('creditCode', problem === 'FORMAT' ? 'CREDIT_CODE_FORMAT' : 'CREDIT_CODE_CHECK_CHARACTER');
    const [employer, thresholds] = await Promise.all([
      this.repository.employerByCreditCode(creditCode),
      this.thresholdsOf(query.province),
    ]);
    if (!employer) throw new AppError('EMPLOYER_NOT_FOUND');
    const rows = await this.repository.employerCases(scope, employer.id);
    const cases = rows.map(({ owed_workers_outstanding_fen, owed_workers_period_start, owed_workers_period_end, ...row }) => ({
      ...row,
      outstandingFen: fenFromDb(row.owed_fen) - fenFromDb(row.paid_fen),
      owedWorkers: owed_workers_outstanding_fen.map((outstanding, i) => ({
        outstandingFen: fenFromDb(outstanding),
        monthsOwed: monthsOwed(owed_workers_period_start[i], owed_workers_period_end[i]),
      })),
    }));
    const { meetsListingCriteria, flags } = jointPunishmentFlags(
      cases.map((row) => ({
        caseNumber: row.case_number,
        role: row.role,
        intakeDate: row.intake_date,
        status: row.status,
        referredTo: row.referred_to,
        bureauOrderPayBy: row.bureau_order_pay_by,
        paidInFull: row.outstandingFen === 0n && fenFromDb(row.paid_fen) > 0n,
        workers: row.owedWorkers,
      })),
      thresholds,
      shanghaiDate(this.clock.now()),
    );
    const sum = (pick: (row: (typeof cases)[number]) => bigint) => cases.reduce((total, row) => total + pick(row), 0n);
    const outcomes: Record<string, number> = {};
    for (const row of cases) {
      const key = row.status === 'closed' ? `closed_${row.outcome}` : row.status;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    return {
      employer,
      thresholds: { province: query.province ?? null, ...thresholds },
      cases,
      totals: {
        cases: cases.length,
        workers: cases.reduce((total, row) => total + row.workers, 0),
        claimedFen: sum((row) => fenFromDb(row.claimed_fen)),
        owedFen: sum((row) => fenFromDb(row.owed_fen)),
        paidFen: sum((row) => fenFromDb(row.paid_fen)),
        outstandingFen: sum((row) => row.outstandingFen),
      },
      outcomes,
      meetsListingCriteria,
      flags,
    };
  }

  /** The organisation asked for, if it lies in the caller's subtree; anything else is "not found". */
  private async scopeOf(organisationId: string | undefined, scope: Scope): Promise<ReportScope> {
    const found = await this.repository.organisationUnder(organisationId ?? scope.organisationId, scope.path);
    if (!found) throw new AppError('ORGANISATION_NOT_FOUND');
    return found;
  }

  private async periodOf(query: { from?: string; to?: string }, today: string): Promise<Period> {
    const fallback = query.from && query.to ? null : defaultPeriod(today, (await this.season.current()).startsOn);
    const period = { from: query.from ?? fallback!.from, to: query.to ?? fallback!.to };
    if (period.to < period.from) throw AppError.invalidField('to', 'PERIOD_ENDS_BEFORE_START');
    if (periodDays(period) > MAX_PERIOD_DAYS) throw AppError.invalidField('to', 'TOO_LARGE', { max: MAX_PERIOD_DAYS });
    return period;
  }

  /** The figures of a province, or the lowest the law lets any province set (the most cautious reading). */
  private async thresholdsOf(province: string | undefined): Promise<ProvinceThresholds> {
    if (!province) return LOWEST_THRESHOLDS;
    const row = await this.repository.criminalThresholds(province.trim());
    if (!row) throw AppError.invalidField('province', 'NOT_FOUND');
    return { individualFen: fenFromDb(row.individual_fen), groupFen: fenFromDb(row.group_fen) };
  }

}

/** A group's callback counts with their rates; a group without a row counted nothing. */
function callbackFigures(row: CallbackFiguresRow | undefined): CallbackFigures {
  const counts = {
    due: row?.due ?? 0,
    answered: row?.answered ?? 0,
    reached: row?.reached ?? 0,
    satisfied: row?.satisfied ?? 0,
    basicallySatisfied: row?.basically_satisfied ?? 0,
    notSatisfied: row?.not_satisfied ?? 0,
  };
  return { key: row?.key ?? null, label: row?.label ?? null, ...counts, ...callbackRates(counts) };
}

function sumsOf(row: CaseFiguresRow) {
  return {
    opened: row.opened,
    concluded: row.concluded,
    closed: row.closed,
    workers: row.workers,
    claimedFen: fenFromDb(row.claimed_fen),
    confirmedFen: fenFromDb(row.confirmed_fen),
    owedFen: fenFromDb(row.owed_fen),
    recoveredFen: fenFromDb(row.recovered_fen),
    unpaidFen: fenFromDb(row.unpaid_fen),
    paidInFull: row.paid_in_full,
    owedWagesFen: fenFromDb(row.owed_wages_fen),
    owedLabourFeesFen: fenFromDb(row.owed_labour_fees_fen),
    recoveredWagesFen: fenFromDb(row.recovered_wages_fen),
    recoveredLabourFeesFen: fenFromDb(row.recovered_labour_fees_fen),
    unpaidWagesFen: fenFromDb(row.unpaid_wages_fen),
    unpaidLabourFeesFen: fenFromDb(row.unpaid_labour_fees_fen),
    paidInPeriodFen: fenFromDb(row.paid_in_period_fen),
    paidInPeriodWagesFen: fenFromDb(row.paid_in_period_wages_fen),
    paidInPeriodLabourFeesFen: fenFromDb(row.paid_in_period_labour_fees_fen),
  };
}
