/**
 * The Spring Festival (春节, 正月初一, the first day of the first lunar month) of a Gregorian year, and
 * its eve (除夕), the day the winter campaign against wage arrears is judged by.
 *
 * The date comes from the maintained Chinese-calendar package `chinese-days` (lunar tables 1900-2100),
 * never from a hand-typed table: the festival moves by up to a month from year to year.
 *
 * Pure: no framework, no database, no clock. Dates are Asia/Shanghai calendar days, 'YYYY-MM-DD'.
 */
import { getLunarDate, getSolarDateFromLunar } from 'chinese-days';
import { addDays, assertCalendarDate, compare } from '../../common/time/calendar-days';

/** The years the package's lunar tables cover (its README: lunar days 1900 to 2100). */
export const FIRST_FESTIVAL_YEAR = 1900;
export const LAST_FESTIVAL_YEAR = 2100;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_FESTIVAL_YEAR || year > LAST_FESTIVAL_YEAR) {
    throw new RangeError(`Spring Festival dates are known for ${FIRST_FESTIVAL_YEAR}-${LAST_FESTIVAL_YEAR}, not ${year}`);
  }
}

/**
 * 正月初一 of `lunarYear` as the package computes it.
 *
 * The lunar date is handed over as a local-time Date, not as the text 'YYYY-01-01': chinese-days 1.5.7
 * parses that text as UTC midnight but reads the year, month and day back with local-time getters, so
 * on a machine west of Greenwich it asks for lunar 12-31 of the year before and answers a day late
 * (2025-01-30 instead of 2025-01-29 under TZ=America/Los_Angeles). A local Date round-trips in every zone.
 */
function firstDayOfLunarYear(lunarYear: number): string {
  return getSolarDateFromLunar(new Date(lunarYear, 0, 1)).date;
}

/**
 * Guards against the package's two code paths drifting apart (or another time-zone slip): the
 * solar-to-lunar conversion, which counts from a fixed UTC instant and so does not depend on the
 * zone, must read the day back as 正月初一 of the same lunar year, and not of a leap month.
 */
function assertIsLunarNewYear(date: string, lunarYear: number): void {
  const lunar = getLunarDate(date);
  if (lunar.lunarYear !== lunarYear || lunar.lunarMon !== 1 || lunar.lunarDay !== 1 || lunar.isLeap) {
    throw new Error(`chinese-days disagrees with itself: ${date} is not 正月初一 of lunar year ${lunarYear}`);
  }
}

/** 春节: the Gregorian date of the first day of the first lunar month of `year`, e.g. 2027 → '2027-02-06'. */
export function springFestival(year: number): string {
  assertSupportedYear(year);
  const date = firstDayOfLunarYear(year);
  assertIsLunarNewYear(date, year);
  return date;
}

/**
 * 除夕: the day before the festival. Since 2025 the statutory Spring Festival holiday starts on the eve
 * (国务院 2024 年修订《全国年节及纪念日放假办法》), so workers travel home by then: it is the real deadline.
 */
export function festivalEve(year: number): string {
  return addDays(springFestival(year), -1);
}

/**
 * The festival that a winter campaign running on `today` leads up to: the first festival on or after
 * `today`. A day in November or December therefore belongs to next year's festival; a day in January or
 * February up to and including the festival belongs to this year's; a day after it to next year's.
 */
export function seasonFestivalYear(today: string): number {
  assertCalendarDate(today);
  const year = Number(today.slice(0, 4));
  return compare(today, springFestival(year)) <= 0 ? year : year + 1;
}

/**
 * The first and last days whose season is known: a season starts in the year before its festival (its
 * eve is found from its start), so the first one the tables cover is FIRST_FESTIVAL_YEAR + 1's, run on
 * days after FIRST_FESTIVAL_YEAR's festival; the last runs up to LAST_FESTIVAL_YEAR's festival.
 */
export const FIRST_SEASON_YEAR = FIRST_FESTIVAL_YEAR + 1;
export const FIRST_SEASON_DAY = addDays(springFestival(FIRST_FESTIVAL_YEAR), 1);
export const LAST_SEASON_DAY = springFestival(LAST_FESTIVAL_YEAR);
