import { addDays } from '../../common/time/calendar-days';

/**
 * What the reports say about a set of cases, from the sums the database returns. Pure: amounts in
 * fen (bigint), rates as fractions rounded to four places, no clock.
 */

export interface CaseFigureSums {
  opened: number;
  concluded: number;
  closed: number;
  workers: number;
  claimedFen: bigint;
  confirmedFen: bigint;
  owedFen: bigint;
  recoveredFen: bigint;
  unpaidFen: bigint;
  paidInFull: number;
  /** The same amounts, of wages (工资) and of labour fees (劳务费) only. */
  owedWagesFen: bigint;
  owedLabourFeesFen: bigint;
  recoveredWagesFen: bigint;
  recoveredLabourFeesFen: bigint;
  unpaidWagesFen: bigint;
  unpaidLabourFeesFen: bigint;
  /** Paid in the period, on any case of the group, whenever it was opened: in all, of wages, of labour fees. */
  paidInPeriodFen: bigint;
  paidInPeriodWagesFen: bigint;
  paidInPeriodLabourFeesFen: bigint;
}

/**
 * An amount split by the kind of claim it is for: wages (工资), labour fees (劳务费) and other
 * claims (其他). The three add up to the total.
 */
export interface MoneyByKind {
  totalFen: bigint;
  wagesFen: bigint;
  labourFeesFen: bigint;
  otherFen: bigint;
}

/** The split of a total of which the wages and labour fees are known: other claims are the rest. */
export function byKind(totalFen: bigint, wagesFen: bigint, labourFeesFen: bigint): MoneyByKind {
  return { totalFen, wagesFen, labourFeesFen, otherFen: totalFen - wagesFen - labourFeesFen };
}

/** How many cases paid in full took a given number of whole days from intake to the last payment. */
export interface DaysCount {
  days: number;
  cases: number;
}

export interface CaseFigures {
  /** Cases opened (受理) in the period. */
  casesOpened: number;
  /** Of those, the cases that reached a final status: closed, withdrawn or not accepted. */
  casesConcluded: number;
  /** 办结率: concluded ÷ opened; null when nothing was opened. */
  completionRate: number | null;
  /** Workers' claim lines on the cases opened (人次: a worker in two cases counts twice). */
  workersHelped: number;
  claimedFen: bigint;
  confirmedFen: bigint;
  /** What the workers are owed: confirmed amounts, and claimed amounts where none is confirmed yet. */
  owedFen: bigint;
  /** Paid to the workers of those cases so far. */
  recoveredFen: bigint;
  /** 追回率: recovered ÷ owed; null when nothing is owed. */
  recoveryRate: number | null;
  /** Still owed on the cases among them that are not concluded. */
  unpaidFen: bigint;
  /** Owed, recovered and still owed, by kind of claim. */
  owedByKind: MoneyByKind;
  recoveredByKind: MoneyByKind;
  unpaidByKind: MoneyByKind;
  /**
   * Paid in the period (by the day it was paid), on any case of the group whenever it was opened; not
   * a figure of the cases opened in the period like the others.
   */
  paidInPeriod: MoneyByKind;
  casesPaidInFull: number;
  /** Days from intake to the payment that settled the case, over the cases paid in full. */
  medianDaysToFullPayment: number | null;
  p90DaysToFullPayment: number | null;
}

export function caseFigures(sums: CaseFigureSums, daysToFullPayment: readonly DaysCount[]): CaseFigures {
  return {
    casesOpened: sums.opened,
    casesConcluded: sums.concluded,
    completionRate: rate(BigInt(sums.concluded), BigInt(sums.opened)),
    workersHelped: sums.workers,
    claimedFen: sums.claimedFen,
    confirmedFen: sums.confirmedFen,
    owedFen: sums.owedFen,
    recoveredFen: sums.recoveredFen,
    recoveryRate: rate(sums.recoveredFen, sums.owedFen),
    unpaidFen: sums.unpaidFen,
    owedByKind: byKind(sums.owedFen, sums.owedWagesFen, sums.owedLabourFeesFen),
    recoveredByKind: byKind(sums.recoveredFen, sums.recoveredWagesFen, sums.recoveredLabourFeesFen),
    unpaidByKind: byKind(sums.unpaidFen, sums.unpaidWagesFen, sums.unpaidLabourFeesFen),
    paidInPeriod: byKind(sums.paidInPeriodFen, sums.paidInPeriodWagesFen, sums.paidInPeriodLabourFeesFen),
    casesPaidInFull: sums.paidInFull,
    medianDaysToFullPayment: roundDays(percentileOf(daysToFullPayment, 0.5)),
    p90DaysToFullPayment: roundDays(percentileOf(daysToFullPayment, 0.9)),
  };
}

/** The callbacks after closing of a group, counted (callbacks.sql.ts). */
export interface CallbackCounts {
  /** Callbacks due in the period (not cancelled by a reopening). */
  due: number;
  /** Of them, answered: the worker or his representative reached, or not. */
  answered: number;
  reached: number;
  satisfied: number;
  basicallySatisfied: number;
  notSatisfied: number;
}

/**
 * 回访率: callbacks that reached the worker (or the group's representative) of those due; 满意率:
 * satisfied and basically satisfied of those reached, as the 12351 line counts them.
 */
export function callbackRates(counts: CallbackCounts): { callbackRate: number | null; satisfactionRate: number | null } {
  return {
    callbackRate: rate(BigInt(counts.reached), BigInt(counts.due)),
    satisfactionRate: rate(BigInt(counts.satisfied + counts.basicallySatisfied), BigInt(counts.reached)),
  };
}

/** A fraction rounded half up to four places (0.1234 = 12.34%), computed in integers so it is exact. */
export function rate(numerator: bigint, denominator: bigint): number | null {
  if (denominator <= 0n) return null;
  const tenThousandths = (numerator * 20000n + denominator) / (2n * denominator);
  return Number(tenThousandths) / 10000;
}

/**
 * A percentile of the cases in a histogram, as PostgreSQL's percentile_cont computes it: the value at
 * position fraction × (n − 1) of the sorted values, interpolated between its two neighbours. The
 * median of 10 and 20 days is 15; their 90th percentile 19.
 */
export function percentileOf(histogram: readonly DaysCount[], fraction: number): number | null {
  const sorted = histogram.filter((entry) => entry.cases > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, entry) => sum + entry.cases, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const below = Math.floor(position);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.cases;
      if (rank < seen) return entry.days;
    }
    return sorted[sorted.length - 1].days;
  };
  const low = valueAt(below);
  return low + (position - below) * (valueAt(Math.min(below + 1, total - 1)) - low);
}

/** Percentiles interpolate between whole days; one decimal is as precise as anyone reads them. */
function roundDays(days: number | null): number | null {
  return days === null ? null : Math.round(days * 10) / 10;
}

export interface Period {
  from: string;
  to: string;
}

/**
 * The period a report covers when none is asked for: the current winter campaign from its first day
 * to today, or, outside the campaign, the last twelve months.
 */
export function defaultPeriod(today: string, seasonStartsOn: string): Period {
  if (seasonStartsOn <= today) return { from: seasonStartsOn, to: today };
  const [year, month, day] = today.split('-').map(Number);
  const yearBefore = new Date(Date.UTC(year - 1, month - 1, day + 1));
  return { from: yearBefore.toISOString().slice(0, 10), to: today };
}

/** The longest period one report covers: ten years is every season anyone keeps. */
export const MAX_PERIOD_DAYS = 3660;

export function periodDays(period: Period): number {
  return (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000 + 1;
}

/**
 * A part of a period as the rollups keep it: whole years or whole months from `from` to `to` (their
 * first days), or days, added (1) or taken away (-1).
 */
export interface PeriodPiece {
  grain: 'year' | 'month' | 'day';
  from: string;
  to: string;
  sign: 1 | -1;
}

/**
 * A period cut where the rollups can serve it in the fewest rows: years it covers most of read whole
 * from the year rows, the rest by month, and the days at the edges from the day rows; a year or month
 * read whole has its days outside the period taken away, cut the same way. A year or an edge month is
 * read whole when the days of it outside the period are fewer than those inside, counting only the days
 * up to `today`: nothing is dated later, so those cost nothing to read. "A year to today" from
 * 2025-12-07 is 2026 whole, less its days after today (none to read), and December 2025 whole less its
 * 1st-6th; its days before today at any edge are never more than half a month. Without `wholeYears`,
 * by month only (a breakdown by month cannot tell a year row's months apart).
 */
export function cutPeriod(period: Period, today: string, { wholeYears = true } = {}): PeriodPiece[] {
  if (!wholeYears) return cutByMonth(period, 1, today);
  const pieces: PeriodPiece[] = [];
  const firstYear = Number(period.from.slice(0, 4));
  const lastYear = Number(period.to.slice(0, 4));
  const yearOf = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
  // whether each year of the period is read whole, from the first
  const whole = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => {
    const inside = overlap(yearOf(firstYear + index), period)!;
    return daysUpTo(yearOf(firstYear + index), today) - daysUpTo(inside, today) < daysUpTo(inside, today);
  });
  // runs of consecutive years read whole, or not
  for (let start = 0; start < whole.length; ) {
    let end = start;
    while (end + 1 < whole.length && whole[end + 1] === whole[start]) end++;
    const run = { from: yearOf(firstYear + start).from, to: yearOf(firstYear + end).to };
    if (whole[start]) {
      pieces.push({ grain: 'year', from: run.from, to: yearOf(firstYear + end).from, sign: 1 });
      if (period.from > run.from) pieces.push(...cutByMonth({ from: run.from, to: addDays(period.from, -1) }, -1, today));
      if (period.to < run.to) pieces.push(...cutByMonth({ from: addDays(period.to, 1), to: run.to }, -1, today));
    } else {
      pieces.push(...cutByMonth(overlap(run, period)!, 1, today));
    }
    start = end + 1;
  }
  return pieces;
}

/**
 * Days cut by month, with `sign`: the months between read whole, and an edge month read whole less its
 * days outside the days cut when those are fewer than its days inside (up to `today`), or else by its
 * days inside.
 */
function cutByMonth(days: Period, sign: 1 | -1, today: string): PeriodPiece[] {
  const { from, to } = days;
  const firstMonth = firstOfMonth(from);
  const lastMonth = firstOfMonth(to);
  const outsideBefore = daysOfMonthBefore(from);
  const outsideAfter = daysOfMonthAfter(to);
  const fewer = (outside: Period | null, inside: Period) => daysUpTo(outside, today) < daysUpTo(inside, today);
  const pieces: PeriodPiece[] = [];
  const add = (grain: PeriodPiece['grain'], part: Period | null, partSign: 1 | -1) => {
    if (part) pieces.push({ grain, from: part.from, to: part.to, sign: partSign });
  };
  if (firstMonth === lastMonth) {
    if (daysUpTo(outsideBefore, today) + daysUpTo(outsideAfter, today) < daysUpTo(days, today)) {
      add('month', { from: firstMonth, to: firstMonth }, sign);
      add('day', outsideBefore, negate(sign));
      add('day', outsideAfter, negate(sign));
    } else {
      add('day', days, sign);
    }
    return pieces;
  }
  const inFirstMonth = { from, to: lastOfMonth(from) };
  const inLastMonth = { from: lastMonth, to };
  const firstWhole = fewer(outsideBefore, inFirstMonth);
  const lastWhole = fewer(outsideAfter, inLastMonth);
  const months = {
    from: firstWhole ? firstMonth : addDays(lastOfMonth(from), 1),
    to: lastWhole ? lastMonth : firstOfMonth(addDays(lastMonth, -1)),
  };
  add('month', months.from <= months.to ? months : null, sign);
  if (firstWhole) add('day', outsideBefore, negate(sign));
  else add('day', inFirstMonth, sign);
  if (lastWhole) add('day', outsideAfter, negate(sign));
  else add('day', inLastMonth, sign);
  return pieces;
}

/** The days of a day's month before it, or null on the first. */
function daysOfMonthBefore(day: string): Period | null {
  return day.endsWith('-01') ? null : { from: firstOfMonth(day), to: addDays(day, -1) };
}

/** The days of a day's month after it, or null on the last. */
function daysOfMonthAfter(day: string): Period | null {
  const last = lastOfMonth(day);
  return day === last ? null : { from: addDays(day, 1), to: last };
}

/** How many of the days are on or before `today`. */
function daysUpTo(days: Period | null, today: string): number {
  if (days === null || days.from > today) return 0;
  return periodDays({ from: days.from, to: days.to < today ? days.to : today });
}

/** The days two spans have in common, or null. */
function overlap(a: Period, b: Period): Period | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

function negate(sign: 1 | -1): 1 | -1 {
  return sign === 1 ? -1 : 1;
}

function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function lastOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
