import { addDays, compare } from '../../../common/time/calendar-days';
import { HolidayData } from '../working-calendar';

/** Every day from `first` to `last`, both included. */
export function range(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; compare(day, last) <= 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The State Council's 2026 schedule, typed in for the tests (independent of the calendar package):
 * New Year, Spring Festival and National Day with their make-up days.
 */
export const HOLIDAYS_2026: HolidayData = {
  daysOff: new Set([
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-10-01', '2026-10-07'),
  ]),
  makeUpWorkdays: new Set(['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']),
  coveredYears: new Set([2026]),
};
