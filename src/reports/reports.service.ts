import { Injectable } from '@nestjs/common';
import type { Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { chineseLabelOf } from '../common/errors/labels';
import { checkCreditCode, normalizeCreditCode } from '../common/identifiers/credit-code';
import { fenFromDb } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { ReportsDatabase } from '../database/reports-database';
import type { EmployerKind, Industry } from '../employers/employer.entity';
import { CriminalThresholdInput, LOWEST_THRESHOLDS, ProvinceThresholds, monthsOwed } from '../legal-clocks/domain/criminal-threshold';
import { SeasonService } from '../campaign/season.service';
import { CaseFigures, MAX_PERIOD_DAYS, Period, caseFigures, cutByMonth, defaultPeriod, periodDays } from './domain/figures';
import { JointPunishmentFlag, jointPunishmentFlags } from './domain/joint-punishment';
import { BreakdownQuery, EmployerHistoryQuery, ReportQuery } from './dto/report.dto';
import {
  BreakdownRow,
  CaseFiguresRow,
  DIMENSION_NAMES,
  DimensionName,
  EMPLOYER_CASES_SQL,
  EmployerCaseRow,
  FESTIVAL_SQL,
  FestivalRow,
  SUMMARY_SPEED_SQL,
  SUMMARY_SQL,
  SpeedRow,
  SummaryRow,
  breakdownSpeedSql,
  breakdownSql,
  isRolledUp,
  speedByKeys,
} from './reports.sql';

/** The organisation a report covers: the caller's own, or one below it that they asked for. */
export interface ReportScope {
  organisationId: string;
  code: string;
  name: string;
  path: string;
}

export interface Summary {
  scope: ReportScope;
  period: Period;
  figures: CaseFigures;
  casesClosedInPeriod: number;
  consultations: number;
  outreachVisits: number;
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
 * scope, read from the reports database (a replica when configured).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly database: ReportsDatabase,
    private readonly season: SeasonService,
    private readonly clock: Clock,
  ) {}

  async summary(query: ReportQuery, scope: Scope): Promise<Summary> {
    const reportScope = await this.scopeOf(query.organisationId, scope);
    const period = await this.periodOf(query);
    const params = rollupParams(reportScope, period);
    // two independent reads, at once (each may also use parallel workers on a server)
    const [[sums], speed] = await Promise.all([
      this.database.query<SummaryRow>(SUMMARY_SQL, params),
      this.database.query<SpeedRow>(SUMMARY_SPEED_SQL, params),
    ]);
    return {
      scope: reportScope,
      period,
      figures: caseFigures(sumsOf(sums), speed),
      casesClosedInPeriod: sums.concluded_in_period,
      consultations: sums.consultations,
      outreachVisits: sums.outreach_visits,
    };
  }

  /** One page of a breakdown, or with `everyRow` all of them (exports). */
  async breakdown(
    requested: string,
    query: BreakdownQuery,
    scope: Scope,
    everyRow = false,
  ): Promise<{ dimension: DimensionName; scope: ReportScope; period: Period; items: BreakdownItem[]; total: number }> {
    if (!(DIMENSION_NAMES as string[]).includes(requested)) {
      throw AppError.invalidField('dimension', 'NOT_ONE_OF', { allowed: DIMENSION_NAMES.join(', ') });
    }
    const dimension = requested as DimensionName;
    const reportScope = await this.scopeOf(query.organisationId, scope);
    const period = await this.periodOf(query);
    const rollups = rollupParams(reportScope, period);
    // case_facts over the period: the employers' figures, and the speed of the page's groups where there are many
    const facts = isRolledUp(dimension) && !speedByKeys(dimension) ? null : await this.periodParams(reportScope, period);
    const params = facts && !isRolledUp(dimension) ? facts : rollups;
    const page = everyRow ? [null, 0] : [query.pageSize, (query.page - 1) * query.pageSize];
    const rows = isRolledUp(dimension)
      ? await this.database.serialQuery<BreakdownRow>(breakdownSql(dimension), [...params, ...page])
      : await this.database.query<BreakdownRow>(breakdownSql(dimension, everyRow), [...params, ...page]);
    const speed = rows.length === 0 ? [] : await this.speedOf(dimension, rows, rollups, facts);
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
        label: dimension === 'industry' ? chineseLabelOf(row.key) : row.label,
        detail: row.detail,
        figures: caseFigures(sumsOf(row), speedByKey.get(row.group_key) ?? []),
        consultations: row.consultations,
        outreachVisits: row.outreach_visits,
      })),
      total: rows[0]?.total_groups ?? (await this.groupCount(dimension, params)),
    };
  }

  /**
   * The speed of payment of a breakdown's groups: of every group from the rollups, or where there are
   * many groups, of the page's groups from case_facts.
   */
  private speedOf(dimension: DimensionName, rows: BreakdownRow[], rollups: unknown[], facts: unknown[] | null): Promise<SpeedRow[]> {
    if (!facts) return this.database.query<SpeedRow>(breakdownSpeedSql(dimension), rollups);
    const keys = rows.map((row) => row.group_key).filter((key): key is string => key !== null);
    return this.database.query<SpeedRow>(breakdownSpeedSql(dimension), [
      ...facts,
      keys,
      rows.some((row) => row.group_key === null),
    ]);
  }

  /** Before the festival: open cases and what they still owe, per organisation, with the days left. */
  async festival(organisationId: string | undefined, scope: Scope) {
    const reportScope = await this.scopeOf(organisationId, scope);
    const season = await this.season.current();
    const rows = await this.database.query<FestivalRow>(FESTIVAL_SQL, [reportScope.path, reportScope.organisationId]);
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
      season: { festival: season.festival, eve: season.eve, daysToEve: season.daysToEve, nextTarget: season.nextTarget },
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
    const [[employer], thresholds] = await Promise.all([
      this.database.query<EmployerHistory['employer']>(
        `SELECT id, name, credit_code AS "creditCode", kind, industry, district FROM employers WHERE credit_code = $1`,
        [creditCode],
      ),
      this.thresholdsOf(query.province),
    ]);
    if (!employer) throw new AppError('EMPLOYER_NOT_FOUND');
    const rows = await this.database.query<EmployerCaseRow>(EMPLOYER_CASES_SQL, [scope.path, scope.organisationId, employer.id]);
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
    const [found] = await this.database.query<ReportScope>(
      `SELECT id AS "organisationId", code, name, path FROM organisations WHERE id = $1 AND path LIKE $2 || '%'`,
      [organisationId ?? scope.organisationId, scope.path],
    );
    if (!found) throw new AppError('ORGANISATION_NOT_FOUND');
    return found;
  }

  private async periodOf(query: { from?: string; to?: string }): Promise<Period> {
    const today = shanghaiDate(this.clock.now());
    const fallback = query.from && query.to ? null : defaultPeriod(today, (await this.season.current()).startsOn);
    const period = { from: query.from ?? fallback!.from, to: query.to ?? fallback!.to };
    if (period.to < period.from) throw AppError.invalidField('to', 'PERIOD_ENDS_BEFORE_START');
    if (periodDays(period) > MAX_PERIOD_DAYS) throw AppError.invalidField('to', 'TOO_LARGE', { max: MAX_PERIOD_DAYS });
    return period;
  }

  /** The figures of a province, or the lowest the law lets any province set (the most cautious reading). */
  private async thresholdsOf(province: string | undefined): Promise<ProvinceThresholds> {
    if (!province) return LOWEST_THRESHOLDS;
    const [row] = await this.database.query<{ individual_fen: string; group_fen: string }>(
      `SELECT individual_fen, group_fen FROM criminal_thresholds WHERE province = $1`,
      [province.trim()],
    );
    if (!row) throw AppError.invalidField('province', 'NOT_FOUND');
    return { individualFen: fenFromDb(row.individual_fen), groupFen: fenFromDb(row.group_fen) };
  }

  /**
   * The parameters of a query over case_facts for a period (reports.sql.ts): the days, and the ids of
   * the scope organisation and every one below it.
   */
  private async periodParams(reportScope: ReportScope, period: Period): Promise<unknown[]> {
    const [{ ids }] = await this.database.query<{ ids: string[] }>(
      `SELECT array_agg(id)::text[] AS ids FROM organisations WHERE path LIKE $1 || '%'`,
      [reportScope.path],
    );
    return [period.from, period.to, ids];
  }

  /** A page past the last one has no rows to carry the count; ask for it separately. */
  private async groupCount(dimension: DimensionName, params: unknown[]): Promise<number> {
    const rows = await this.database.query<BreakdownRow>(breakdownSql(dimension), [...params, 1, 0]);
    return rows[0]?.total_groups ?? 0;
  }
}

/** The parameters of a query over the monthly rollups: the whole months, and the days on either side. */
function rollupParams(scope: ReportScope, period: Period): unknown[] {
  const { months, before, after } = cutByMonth(period);
  return [
    scope.path,
    scope.organisationId,
    months?.from ?? null,
    months?.to ?? null,
    before?.from ?? null,
    before?.to ?? null,
    after?.from ?? null,
    after?.to ?? null,
  ];
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
  };
}
