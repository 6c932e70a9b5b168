import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from '../auth/domain/actor';
import { ReportsDatabase } from '../database/reports-database';
import type { EmployerKind, Industry } from '../employers/employer.record';
import { Period, cutPeriod } from './domain/figures';
import {
  BreakdownRow,
  DimensionName,
  EMPLOYER_CANDIDATES_SQL,
  EMPLOYER_CASES_SQL,
  EmployerCandidatesRow,
  EmployerCaseRow,
  FESTIVAL_OWED_NOW_SQL,
  FESTIVAL_PAID_AFTER_SQL,
  FESTIVAL_SQL,
  FestivalOwedNowRow,
  FestivalPaidAfterRow,
  FestivalRow,
  SUMMARY_SPEED_SQL,
  SUMMARY_SQL,
  SpeedRow,
  SummaryRow,
  breakdownSpeedSql,
  keylessSpeedSql,
  breakdownSql,
  isRolledUp,
  readsWholeYears,
  speedByKeys,
} from './reports.sql';

/** The organisation a report covers: the caller's own, or one below it that they asked for. */
export interface ReportScope {
  organisationId: string;
  code: string;
  name: string;
  path: string;
}

export interface EmployerRow {
  id: string;
  name: string;
  creditCode: string;
  kind: EmployerKind;
  industry: Industry | null;
  district: string | null;
}

export interface ThresholdsRow {
  individual_fen: string;
  group_fen: string;
}

/** A page of a breakdown's groups (limit and offset), or null for every group (exports). */
export type BreakdownPage = { limit: number; offset: number } | null;

/**
 * A page of employers: how many pages' worth of the employers with the most cases ever are counted
 * first, to find the fewest cases a candidate needs; and beyond how many candidates counting every
 * employer of the period is as quick (BENCHMARKS.md, "a page of employers counts its candidates only").
 */
const FIRST_COUNTED_PAGES = 4;
const MOST_CANDIDATES = 5_000;

const limitsOf = (page: BreakdownPage) => (page === null ? [null, 0] : [page.limit, page.offset]);

/**
 * Every read of the reports, through ReportsDatabase (a replica when configured), and the folding of
 * the rollups on the primary. The SQL and how it is put together live in reports.sql.ts; this decides
 * which statement runs with which parameters. No method takes a unit of work: reports read another
 * connection (perhaps another server) than the writers' transactions, so there is none to join.
 */
@Injectable()
export class ReportsRepository {
  constructor(
    private readonly database: ReportsDatabase,
    private readonly primary: DataSource,
  ) {}

  /** The organisation with this id, if it lies under the path (the caller's subtree). */
  async organisationUnder(organisationId: string, scopePath: string): Promise<ReportScope | undefined> {
    const [found] = await this.database.query<ReportScope>(
      `SELECT id AS "organisationId", code, name, path FROM organisations WHERE id = $1 AND path LIKE $2 || '%'`,
      [organisationId, scopePath],
    );
    return found;
  }

  /** The headline sums of the period and the speed-of-payment histogram (`today`: see cutPeriod). */
  async summary(scope: ReportScope, period: Period, today: string): Promise<{ sums: SummaryRow; speed: SpeedRow[] }> {
    const params = rollupParams(scope, period, today);
    // two independent reads, at once (on a server; the embedded database runs one after the other)
    const [[sums], speed] = await Promise.all([
      this.database.query<SummaryRow>(SUMMARY_SQL, params),
      this.database.query<SpeedRow>(SUMMARY_SPEED_SQL, params),
    ]);
    return { sums, speed };
  }

  /**
   * One page of a breakdown's groups (or all of them), the speed histogram of those groups, how many
   * groups there are (null where they are not counted: the employers) and whether any comes after the page.
   */
  async breakdown(
    dimension: DimensionName,
    scope: ReportScope,
    period: Period,
    page: BreakdownPage,
    today: string,
  ): Promise<{ rows: BreakdownRow[]; speed: SpeedRow[]; total: number | null; more: boolean }> {
    const rollups = rollupParams(scope, period, today, readsWholeYears(dimension));
    // case_facts over the period: the employers' figures, and the speed of the page's groups where there are many
    const facts = isRolledUp(dimension) && !speedByKeys(dimension) ? null : await this.periodParams(scope, period);
    const reading = isRolledUp(dimension)
      ? this.database.query<BreakdownRow>(breakdownSql(dimension), [...rollups, ...limitsOf(page)])
      : this.factsPage(dimension, facts!, page);
    // a histogram from the rollups needs nothing from the page, of every group or of the group without a
    // key (on the first page, as a rule): both are read at once (on a server; the embedded database runs
    // one after the other); the service keeps the page's groups
    const keyless = keylessSpeedSql(dimension);
    const besidePage = facts ? keyless : breakdownSpeedSql(dimension);
    const [rows, speedBeside] = await Promise.all([
      reading,
      besidePage === null ? [] : this.database.query<SpeedRow>(besidePage, rollups),
    ]);
    const speed = !facts
      ? speedBeside
      : [
          ...(rows.length === 0 ? [] : await this.speedOfPage(dimension, rows, facts, keyless === null)),
          ...(rows.some((row) => row.group_key === null) ? speedBeside : []),
        ];
    if (!isRolledUp(dimension)) return { rows, speed, total: page === null ? rows.length : null, more: rows[0]?.more ?? false };
    const total = rows[0]?.total_groups ?? (await this.groupCount(dimension, rollups));
    return { rows, speed, total, more: page !== null && page.offset + rows.length < total };
  }

  /**
   * A page of a breakdown counted from case_facts (the employers): among its candidates when they are
   * few enough (EMPLOYER_CANDIDATES_SQL), else among every group of the period; every row for an export.
   */
  private async factsPage(dimension: DimensionName, params: unknown[], page: BreakdownPage): Promise<BreakdownRow[]> {
    if (page === null) return this.database.query<BreakdownRow>(breakdownSql(dimension, 'every row'), [...params, ...limitsOf(page)]);
    const through = page.offset + page.limit;
    const [{ fewest_cases, candidates }] = await this.database.query<EmployerCandidatesRow>(EMPLOYER_CANDIDATES_SQL, [
      ...params,
      FIRST_COUNTED_PAGES * through,
      through,
      MOST_CANDIDATES,
    ]);
    return candidates <= MOST_CANDIDATES
      ? this.database.query<BreakdownRow>(breakdownSql(dimension, 'page of candidates'), [...params, page.limit, page.offset, fewest_cases])
      : this.database.query<BreakdownRow>(breakdownSql(dimension, 'page'), [...params, page.limit, page.offset]);
  }

  /**
   * Before the festival: the open cases of the scope and what they still owe, per group; now, or with
   * `asOf` (a past eve) as it stood at the end of that day.
   */
  async festival(scope: Pick<ReportScope, 'path' | 'organisationId'>, asOf: string | null): Promise<FestivalRow[]> {
    if (asOf === null) return this.database.query<FestivalRow>(FESTIVAL_SQL, [scope.path, scope.organisationId]);
    const params = [scope.path, scope.organisationId, asOf];
    const [owedNow, paidAfter] = await this.database.readTogether<FestivalOwedNowRow, FestivalPaidAfterRow>(
      { sql: FESTIVAL_OWED_NOW_SQL, params },
      { sql: FESTIVAL_PAID_AFTER_SQL, params },
    );
    return asOfTheEve(owedNow, paidAfter);
  }

  async employerByCreditCode(creditCode: string): Promise<EmployerRow | undefined> {
    const [employer] = await this.database.query<EmployerRow>(
      `SELECT id, name, credit_code AS "creditCode", kind, industry, district FROM employers WHERE credit_code = $1`,
      [creditCode],
    );
    return employer;
  }

  /** Every case of the employer in the caller's scope (EMPLOYER_CASES_SQL). */
  employerCases(scope: Scope, employerId: string): Promise<EmployerCaseRow[]> {
    return this.database.query<EmployerCaseRow>(EMPLOYER_CASES_SQL, [scope.path, scope.organisationId, employerId]);
  }

  async criminalThresholds(province: string): Promise<ThresholdsRow | undefined> {
    const [row] = await this.database.query<ThresholdsRow>(
      `SELECT individual_fen, group_fen FROM criminal_thresholds WHERE province = $1`,
      [province],
    );
    return row;
  }

  /**
   * Folds every rollup change committed so far into the monthly rollups; returns the rollup rows
   * written. On the primary: it writes, and a replica is read-only.
   */
  async compactRollups(): Promise<number> {
    const [{ folded }] = await this.primary.query(`SELECT compact_report_rollups()::int AS folded`);
    return folded;
  }

  /**
   * The speed of payment of a page's groups, where there are many groups, from case_facts; with
   * `withoutKey`, the group without a key too if it is on the page.
   */
  private speedOfPage(dimension: DimensionName, rows: BreakdownRow[], facts: unknown[], withoutKey: boolean): Promise<SpeedRow[]> {
    const keys = rows.map((row) => row.group_key).filter((key): key is string => key !== null);
    return this.database.query<SpeedRow>(breakdownSpeedSql(dimension), [
      ...facts,
      keys,
      withoutKey && rows.some((row) => row.group_key === null),
    ]);
  }

  /**
   * The parameters of a query over case_facts for a period (reports.sql.ts): the days, and the ids of
   * the scope organisation and every one below it.
   */
  private async periodParams(scope: ReportScope, period: Period): Promise<unknown[]> {
    const [{ ids }] = await this.database.query<{ ids: string[] }>(
      `SELECT array_agg(id)::text[] AS ids FROM organisations WHERE path LIKE $1 || '%'`,
      [scope.path],
    );
    return [period.from, period.to, ids];
  }

  /** A page past the last one has no rows to carry the count; ask for it separately (the rolled-up breakdowns). */
  private async groupCount(dimension: DimensionName, params: unknown[]): Promise<number> {
    const rows = await this.database.query<BreakdownRow>(breakdownSql(dimension), [...params, 1, 0]);
    return rows[0]?.total_groups ?? 0;
  }
}

/** The parameters of a query over the rollups: the pieces of the period, and the period. */
function rollupParams(scope: ReportScope, period: Period, today: string, wholeYears = true): unknown[] {
  const pieces = cutPeriod(period, today, { wholeYears });
  return [
    scope.path,
    scope.organisationId,
    pieces.map((piece) => piece.grain),
    pieces.map((piece) => piece.from),
    pieces.map((piece) => piece.to),
    pieces.map((piece) => piece.sign),
    period.from,
    period.to,
  ];
}

/**
 * The groups as they stood at the end of the eve (FESTIVAL_OWED_NOW_SQL): what the cases open on it owe
 * now, plus what was paid on them since and the workers that paid in full; the most still owed first,
 * then in the order of the organisations' tree.
 */
function asOfTheEve(owedNow: FestivalOwedNowRow[], paidAfter: FestivalPaidAfterRow[]): FestivalRow[] {
  const paid = new Map(paidAfter.map((row) => [row.key, row]));
  const groups = owedNow.map(({ path, ...row }) => {
    const since = paid.get(row.key);
    const unpaid = BigInt(row.unpaid_fen) + BigInt(since?.fen ?? 0);
    return { path, unpaid, row: { ...row, workers_owed: row.workers_owed + (since?.claims_settled ?? 0), unpaid_fen: unpaid.toString() } };
  });
  groups.sort((a, b) => (a.unpaid === b.unpaid ? (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) : a.unpaid > b.unpaid ? -1 : 1));
  return groups.map((group) => group.row);
}
