import holidayData from 'chinese-days/dist/chinese-days.json';
import { isWeekend } from '../common/time/calendar-days';

export interface YearSchedule {
  year: number;
  daysOff: string[];
  makeUpWorkdays: string[];
}

/**
 * The package's data as it ships it (dist/chinese-days.json, which its README offers for direct
 * use): every day off of the State Council's notices since 2004, and every make-up working day, keyed
 * 'YYYY-MM-DD'. Read as data rather than through the package's functions, whose answers slip by a day
 * on a machine west of Greenwich (they mix UTC and local-time dates); the same data either way.
 */
const PACKAGE_DAYS_OFF = Object.keys(holidayData.holidays).sort();
const PACKAGE_WORKDAYS = Object.keys(holidayData.workdays).sort();

/** The last year whose schedule the installed package carries (2026 for chinese-days 1.5.7). */
export const LAST_PACKAGE_YEAR = Math.max(...PACKAGE_DAYS_OFF.map((day) => Number(day.slice(0, 4))));

/**
 * The statutory holidays the maintained `chinese-days` package knows, year by year: its days off
 * (festivals, and the weekdays swapped into a break), and as make-up working days the Saturdays and
 * Sundays it marks as working days. A year it has no holidays for is not covered by it: an
 * administrator enters it, or the regulation gives it provisionally (HolidaysService).
 */
export function packageSchedule(year: number): YearSchedule | null {
  const prefix = `${year}-`;
  const daysOff = PACKAGE_DAYS_OFF.filter((day) => day.startsWith(prefix));
  if (daysOff.length === 0) return null;
  const makeUpWorkdays = PACKAGE_WORKDAYS.filter((day) => day.startsWith(prefix) && isWeekend(day));
  return { year, daysOff, makeUpWorkdays };
}
