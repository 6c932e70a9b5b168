import { addDays } from '../../common/time/calendar-days';
import { PeriodPiece, caseFigures, cutPeriod, defaultPeriod, percentileOf, rate } from './figures';

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

  it('cuts a period into years and months read whole and the days at the edges, never more than half a month of past days', () => {
    const today = '2026-12-06';
    const month = (from: string, to = from, sign = 1) => ({ grain: 'month', from, to, sign });
    const day = (from: string, to = from, sign = 1) => ({ grain: 'day', from, to, sign });
    const year = (from: string, to = from) => ({ grain: 'year', from, to, sign: 1 });
    // January from its 15th: whole, less its 1st-14th (14 days taken away rather than 17 added); April's first ten days
    expect(cutPeriod({ from: '2026-01-15', to: '2026-04-10' }, today)).toEqual([
      month('2026-01-01', '2026-03-01'),
      day('2026-01-01', '2026-01-14', -1),
      day('2026-04-01', '2026-04-10'),
    ]);
    // from the 17th of a 31-day month: its 15 days in the period are added, as 16 outside it are more
    expect(cutPeriod({ from: '2026-01-17', to: '2026-02-28' }, today)).toEqual([month('2026-02-01'), day('2026-01-17', '2026-01-31')]);
    // whole months only, across a year (neither read whole) and a leap February
    expect(cutPeriod({ from: '2023-12-01', to: '2024-02-29' }, today)).toEqual([month('2023-12-01', '2024-02-01')]);
    // inside one month: the month less a day, or its own days when those are fewer
    expect(cutPeriod({ from: '2026-01-02', to: '2026-01-31' }, today)).toEqual([month('2026-01-01'), day('2026-01-01', '2026-01-01', -1)]);
    expect(cutPeriod({ from: '2026-03-10', to: '2026-03-20' }, today)).toEqual([day('2026-03-10', '2026-03-20')]);
    // a year to today (the reports' default outside the campaign): 2026 whole less its days after today, which
    // nothing is dated on (read day by day: no rows), and December 2025 whole less its first six days
    expect(cutPeriod({ from: '2025-12-07', to: today }, today)).toEqual([
      month('2025-12-01'),
      day('2025-12-01', '2025-12-06', -1),
      year('2026-01-01'),
      day('2026-12-07', '2026-12-31', -1),
    ]);
    // most of a year: the year less its first two months
    expect(cutPeriod({ from: '2025-03-01', to: '2025-12-31' }, today)).toEqual([year('2025-01-01'), month('2025-01-01', '2025-02-01', -1)]);
    // all seasons: whole years, and the months of the first
    expect(cutPeriod({ from: '2019-11-01', to: today }, today)).toEqual([
      month('2019-11-01', '2019-12-01'),
      year('2020-01-01', '2026-01-01'),
      day('2026-12-07', '2026-12-31', -1),
    ]);
    // the days after today cost nothing to read: this month to its 20th is the month less its 21st-31st
    expect(cutPeriod({ from: '2026-12-01', to: '2026-12-20' }, today)).toEqual([month('2026-12-01'), day('2026-12-21', '2026-12-31', -1)]);
  });

  it('counts every day of the period once and no other, reading never more than half a month of past days at an edge', () => {
    for (const today of ['2026-12-06', '2026-02-10', '2027-06-30']) {
      const ends = ['2026-03-14', '2026-03-16', '2026-03-31', '2026-04-01', '2026-12-06', '2026-12-31', '2027-01-01', '2027-02-15', '2027-11-30'];
      for (const from of [...range('2025-12-20', '2026-03-05'), '2024-02-29', '2025-01-01', '2025-07-02', '2025-07-03']) {
        for (const to of [...ends, from]) {
          if (to < from) continue;
          const counted = new Map<string, number>();
          for (const piece of cutPeriod({ from, to }, today)) {
            const days = daysOf(piece);
            for (const covered of days) counted.set(covered, (counted.get(covered) ?? 0) + piece.sign);
            if (piece.grain === 'day') expect(days.filter((covered) => covered <= today).length).toBeLessThanOrEqual(15);
          }
          const inPeriod = [...counted].filter(([, times]) => times !== 0);
          expect(inPeriod.every(([covered, times]) => times === 1 && covered >= from && covered <= to)).toBe(true);
          expect(inPeriod).toHaveLength(range(from, to).length);
        }
      }
    }
  });
});

/** The days a piece stands for: every day of its years or months, or its days. */
function daysOf(piece: PeriodPiece): string[] {
  if (piece.grain === 'day') return range(piece.from, piece.to);
  const last = piece.grain === 'year' ? `${piece.to.slice(0, 4)}-12-31` : lastDayOf(piece.to);
  return range(piece.from, last);
}

/** Every day from one to another, both included. */
function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function lastDayOf(firstOfMonth: string): string {
  return addDays(`${addDays(firstOfMonth, 31).slice(0, 7)}-01`, -1);
}
