import { execFileSync } from 'node:child_process';
import { getDayDetail, getLunarDate } from 'chinese-days';
import { addDays } from '../../common/time/calendar-days';
import { defaultSeason, seasonEve } from './season';
import { FIRST_SEASON_DAY, FIRST_SEASON_YEAR, LAST_SEASON_DAY, festivalEve, seasonFestivalYear, springFestival } from './spring-festival';

describe('springFestival (春节)', () => {
  // Independently known: Year of the Snake began 2025-01-29, the Horse 2026-02-17, the Goat 2027-02-06
  // (also the example in DOMAIN.md), the Monkey 2028-01-26; the Dragon 2024-02-10, the Rat 2020-01-25.
  it.each([
    [2020, '2020-01-25'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('falls in %i on %s', (year, date) => {
    expect(springFestival(year)).toBe(date);
  });

  it('is 正月初一 when converted back to the lunar calendar', () => {
    const lunar = getLunarDate(springFestival(2027));
    expect([lunar.lunarYear, lunar.lunarMon, lunar.lunarDay, lunar.isLeap]).toEqual([2027, 1, 1, false]);
  });

  it('moves by up to a month between consecutive years (2027-02-06, then 2028-01-26)', () => {
    expect(springFestival(2027).slice(5)).toBe('02-06');
    expect(springFestival(2028).slice(5)).toBe('01-26');
  });

  it('covers the ends of the lunar tables, 1900 and 2100', () => {
    expect(springFestival(1900)).toBe('1900-01-31');
    expect(springFestival(2100)).toBe('2100-02-09');
  });

  it('refuses years outside the lunar tables', () => {
    expect(() => springFestival(1899)).toThrow(RangeError);
    expect(() => springFestival(2101)).toThrow(RangeError);
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => springFestival(2026.5)).toThrow(RangeError);
  });

  it('gives the same dates on a machine west of Greenwich, where chinese-days read text dates a day early', () => {
    const script =
      "const f = require('./src/campaign/domain/spring-festival');" +
      'console.log([2025, 2026, 2027, 2028].map(f.springFestival).join(" "));';
    const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, TZ: 'America/Los_Angeles' },
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('2025-01-29 2026-02-17 2027-02-06 2028-01-26');
  });
});

describe('festivalEve (除夕)', () => {
  it.each([
    [2025, '2025-01-28'],
    [2026, '2026-02-16'],
    [2027, '2027-02-05'],
    [2028, '2028-01-25'],
  ])('falls in %i on %s', (year, date) => {
    expect(festivalEve(year)).toBe(date);
  });

  // A second source: the State Council's published holiday schedules (in chinese-days' holiday data, not
  // its lunar tables) start the Spring Festival holiday on the eve since 2025.
  it('is the first day of the statutory Spring Festival holiday in 2025', () => {
    expect(getDayDetail(festivalEve(2025)).name).toContain('春节');
    expect(getDayDetail(festivalEve(2025)).work).toBe(false);
  });

  it('is a day of the statutory Spring Festival holiday in 2026', () => {
    expect(getDayDetail(festivalEve(2026)).name).toContain('春节');
    expect(getDayDetail(festivalEve(2026)).work).toBe(false);
  });

  it('is the last day of the twelfth lunar month (腊月)', () => {
    const lunar = getLunarDate(festivalEve(2027));
    expect([lunar.lunarYear, lunar.lunarMon, lunar.lunarDayCN]).toEqual([2026, 12, '廿九']);
  });
});

describe('seasonFestivalYear', () => {
  it('sends November to next year’s festival', () => {
    expect(seasonFestivalYear('2026-11-01')).toBe(2027);
  });

  it('sends New Year’s Eve to next year’s festival', () => {
    expect(seasonFestivalYear('2026-12-31')).toBe(2027);
  });

  it('keeps a January day before the festival in this year’s season', () => {
    expect(seasonFestivalYear('2027-01-15')).toBe(2027);
  });

  it('keeps the eve in this year’s season', () => {
    expect(seasonFestivalYear('2027-02-05')).toBe(2027);
  });

  it('keeps the festival day itself in this year’s season', () => {
    expect(seasonFestivalYear('2027-02-06')).toBe(2027);
  });

  it('moves the day after the festival to next year’s festival', () => {
    expect(seasonFestivalYear('2027-02-07')).toBe(2028);
  });

  it('moves a February day after an early festival to next year’s (2028-01-26)', () => {
    expect(seasonFestivalYear('2028-02-01')).toBe(2029);
  });

  it('sends a summer day to next year’s festival', () => {
    expect(seasonFestivalYear('2027-07-01')).toBe(2028);
  });

  it('refuses text that is not a calendar day', () => {
    expect(() => seasonFestivalYear('2027-02-30')).toThrow(RangeError);
  });
});

describe('the days whose season is known (a request for another day is refused, not a 500)', () => {
  it('starts after the first festival of the tables, whose season would have begun before them', () => {
    expect(FIRST_SEASON_DAY).toBe('1900-02-01');
    expect(seasonFestivalYear(FIRST_SEASON_DAY)).toBe(FIRST_SEASON_YEAR);
    expect(seasonEve(defaultSeason(FIRST_SEASON_YEAR))).toBe(festivalEve(FIRST_SEASON_YEAR));
    expect(() => seasonEve(defaultSeason(FIRST_SEASON_YEAR - 1))).toThrow(RangeError);
  });

  it('ends on the last festival of the tables', () => {
    expect(seasonFestivalYear(LAST_SEASON_DAY)).toBe(2100);
    expect(() => springFestival(seasonFestivalYear(addDays(LAST_SEASON_DAY, 1)))).toThrow(RangeError);
  });
});
