import { addDays } from '../../common/time/calendar-days';
import { caseFigures, cutByMonth, defaultPeriod, percentileOf, rate } from './figures';

describe('report figures', () => {
  it('interpolates percentiles as percentile_cont does', () => {
    expect(percentileOf([{ days: 10, cases: 1 }, { days: 20, cases: 1 }], 0.5)).toBe(15);
    expect(percentileOf([{ days: 20, cases: 1 }, { days: 10, cases: 1 }], 0.9)).toBeCloseTo(19, 10);
    // 1, 2, 2, 2, 9: the median is the third value, the 90th percentile lies between 2 and 9
    const histogram = [{ days: 9, cases: 1 }, { days: 2, cases: 3 }, { days: 1, cases: 1 }];
    expect(percentileOf(histogram, 0.5)).toBe(2);
    expect(percentileOf(histogram, 0.9)).toBeCloseTo(2 + 0.6 * 7, 10);
    expect(percentileOf([], 0.5)).toBeNull();
    expect(percentileOf([{ days: 4, cases: 0 }], 0.5)).toBeNull();
  });

  it('rounds rates half up to four places, in integers', () => {
    expect(rate(1n, 3n)).toBe(0.3333);
    expect(rate(2n, 3n)).toBe(0.6667);
    expect(rate(1n, 8n)).toBe(0.125);
    expect(rate(123_456_789_012_345n, 123_456_789_012_346n)).toBe(1);
    expect(rate(5n, 0n)).toBeNull();
  });

  it('reads the completion and recovery rates and the speed of payment from the sums', () => {
    const figures = caseFigures(
      {
        opened: 3,
        concluded: 1,
        closed: 1,
        workers: 6,
        claimedFen: 2_100_000n,
        confirmedFen: 1_700_000n,
        owedFen: 2_000_000n,
        recoveredFen: 1_300_000n,
        unpaidFen: 700_000n,
        paidInFull: 2,
        owedWagesFen: 1_500_000n,
        owedLabourFeesFen: 400_000n,
        recoveredWagesFen: 1_000_000n,
        recoveredLabourFeesFen: 300_000n,
        unpaidWagesFen: 500_000n,
        unpaidLabourFeesFen: 100_000n,
        paidInPeriodFen: 900_000n,
        paidInPeriodWagesFen: 600_000n,
        paidInPeriodLabourFeesFen: 250_000n,
      },
      [{ days: 10, cases: 1 }, { days: 21, cases: 1 }],
    );
    expect(figures).toMatchObject({ completionRate: 0.3333, recoveryRate: 0.65, medianDaysToFullPayment: 15.5, p90DaysToFullPayment: 19.9 });
    // other claims are what wages and labour fees leave of the total
    expect(figures.owedByKind).toEqual({ totalFen: 2_000_000n, wagesFen: 1_500_000n, labourFeesFen: 400_000n, otherFen: 100_000n });
    expect(figures.recoveredByKind).toEqual({ totalFen: 1_300_000n, wagesFen: 1_000_000n, labourFeesFen: 300_000n, otherFen: 0n });
    expect(figures.unpaidByKind).toEqual({ totalFen: 700_000n, wagesFen: 500_000n, labourFeesFen: 100_000n, otherFen: 100_000n });
    expect(figures.paidInPeriod).toEqual({ totalFen: 900_000n, wagesFen: 600_000n, labourFeesFen: 250_000n, otherFen: 50_000n });
  });

  it('covers the current campaign by default, or the last twelve months outside it', () => {
    expect(defaultPeriod('2026-12-10', '2026-11-01')).toEqual({ from: '2026-11-01', to: '2026-12-10' });
    expect(defaultPeriod('2026-07-15', '2026-11-01')).toEqual({ from: '2025-07-16', to: '2026-07-15' });
  });

  it('cuts a period into months read whole and the days at either edge, never more than half a month of days', () => {
    // January from its 15th: whole, less its 1st-14th (14 days taken away rather than 17 added); April's first ten days
    expect(cutByMonth({ from: '2026-01-15', to: '2026-04-10' })).toEqual({
      months: { from: '2026-01-01', to: '2026-03-01' },
      before: { from: '2026-01-01', to: '2026-01-14' },
      after: { from: '2026-04-01', to: '2026-04-10' },
    });
    // from the 17th of a 31-day month: its 15 days in the period are added, as 16 outside it are more
    expect(cutByMonth({ from: '2026-01-17', to: '2026-02-28' })).toEqual({
      months: { from: '2026-02-01', to: '2026-02-01' },
      before: { from: '2026-01-17', to: '2026-01-31' },
      after: null,
    });
    // whole months only, across a year and a leap February
    expect(cutByMonth({ from: '2023-12-01', to: '2024-02-29' })).toEqual({
      months: { from: '2023-12-01', to: '2024-02-01' },
      before: null,
      after: null,
    });
    // inside one month: the month less a day, or its own days when those are fewer
    expect(cutByMonth({ from: '2026-01-02', to: '2026-01-31' })).toEqual({
      months: { from: '2026-01-01', to: '2026-01-01' },
      before: { from: '2026-01-01', to: '2026-01-01' },
      after: null,
    });
    expect(cutByMonth({ from: '2026-01-02', to: '2026-01-30' })).toEqual({
      months: { from: '2026-01-01', to: '2026-01-01' },
      before: { from: '2026-01-01', to: '2026-01-01' },
      after: { from: '2026-01-31', to: '2026-01-31' },
    });
    expect(cutByMonth({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      months: null,
      before: { from: '2026-03-01', to: '2026-03-01' },
      after: null,
    });
    expect(cutByMonth({ from: '2026-03-10', to: '2026-03-20' })).toEqual({
      months: null,
      before: { from: '2026-03-10', to: '2026-03-20' },
      after: null,
    });
    // two months, neither more than half covered: their days, with no whole month between
    expect(cutByMonth({ from: '2026-01-20', to: '2026-02-10' })).toEqual({
      months: null,
      before: { from: '2026-01-20', to: '2026-01-31' },
      after: { from: '2026-02-01', to: '2026-02-10' },
    });
    // a year from the 23rd: November's last eight days; November's first 22 days as November less its last 8
    expect(cutByMonth({ from: '2025-11-23', to: '2026-11-22' })).toEqual({
      months: { from: '2025-12-01', to: '2026-11-01' },
      before: { from: '2025-11-23', to: '2025-11-30' },
      after: { from: '2026-11-23', to: '2026-11-30' },
    });
    // a year to today (the reports' default outside the campaign): December whole less its first six days
    expect(cutByMonth({ from: '2025-12-07', to: '2026-12-06' })).toEqual({
      months: { from: '2025-12-01', to: '2026-11-01' },
      before: { from: '2025-12-01', to: '2025-12-06' },
      after: { from: '2026-12-01', to: '2026-12-06' },
    });
  });

  it('never reads more than half a month of days at either edge, and covers the period exactly', () => {
    const days = (p: { from: string; to: string } | null) => (p === null ? [] : range(p.from, p.to));
    for (const from of range('2025-12-20', '2026-03-05')) {
      for (const to of ['2026-03-14', '2026-03-15', '2026-03-16', '2026-03-31', '2026-04-01', from]) {
        if (to < from) continue;
        const cut = cutByMonth({ from, to });
        // each day counted once: the whole months' days, plus the edges' days in the period, less those outside it
        const counted = new Map<string, number>();
        const add = (day: string, by: number) => counted.set(day, (counted.get(day) ?? 0) + by);
        if (cut.months) for (const day of range(cut.months.from, lastDayOf(cut.months.to))) add(day, 1);
        for (const edge of [cut.before, cut.after]) {
          for (const day of days(edge)) add(day, day >= from && day <= to ? 1 : -1);
          expect(days(edge).length).toBeLessThanOrEqual(15);
        }
        const inPeriod = [...counted].filter(([, times]) => times !== 0);
        expect(inPeriod.every(([day, times]) => times === 1 && day >= from && day <= to)).toBe(true);
        expect(inPeriod).toHaveLength(range(from, to).length);
      }
    }
  });
});

/** Every day from one to another, both included. */
function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function lastDayOf(firstOfMonth: string): string {
  return addDays(`${addDays(firstOfMonth, 31).slice(0, 7)}-01`, -1);
}
