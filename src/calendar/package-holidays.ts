import { getHolidaysInRange, isWorkday } from 'chinese-days';

export interface YearSchedule {
  year: number;
  daysOff: string[];
  makeUpWorkdays: string[];
}

/**
 * The statutory holidays the maintained `chinese-days` package knows, year by year: days off from
 * its holiday list, make-up working days as the Saturdays and Sundays it marks as working days. A
 * year it has no holidays for is not covered, and administrators enter it (HolidaysService).
 */
export function packageSchedule(year: number): YearSchedule | null {
  const daysOff = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
  if (daysOff.length === 0) return null;
  const makeUpWorkdays: string[] = [];
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    const text = day.toISOString().slice(0, 10);
    if ((weekday === 0 || weekday === 6) && isWorkday(text)) makeUpWorkdays.push(text);
  }
  return { year, daysOff, makeUpWorkdays };
}
