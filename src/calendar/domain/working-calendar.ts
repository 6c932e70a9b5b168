/**
 * The working calendar: which days are statutory days off or make-up working days, for counting
 * legal periods (Civil Procedure Law art. 85) and anything else that must skip days off.
 *
 * Pure: no framework, no database, no clock.
 */
import { createHash } from 'node:crypto';
import { addDays, assertCalendarDate, isWeekend, yearOf } from '../../common/time/calendar-days';

/**
 * Statutory days off and make-up working days (调休) of the years the data covers.
 * The State Council publishes them each year (国务院办公厅关于某年部分节假日安排的通知), so they are
 * data administrators enter, never a formula.
 */
export interface HolidayData {
  /** Statutory days off (法定节假日 and the weekdays swapped into the break), 'YYYY-MM-DD'. */
  daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays that are working days because of a swap (调休上班), 'YYYY-MM-DD'. */
  makeUpWorkdays: ReadonlySet<string>;
  /** Years whose schedule has been entered in full; other years only know weekends. */
  coveredYears: ReadonlySet<number>;
  /**
   * Covered years whose days off are only the statutory festivals the regulation fixes, before the
   * State Council announced the year (statutory-holidays.ts): the swaps of that year are still unknown.
   */
  provisionalYears?: ReadonlySet<number>;
}

/**
 * A real schedule never has more than a couple of weeks off in a row, so a search for the next
 * working day that finds none within a year means broken holiday data, not a long holiday.
 */
const MAX_DAYS_OFF_IN_A_ROW = 366;

export class WorkingCalendar {
  private readonly daysOff: ReadonlySet<string>;
  private readonly makeUpWorkdays: ReadonlySet<string>;
  private readonly coveredYears: ReadonlySet<number>;
  private readonly provisionalYears: ReadonlySet<number>;

  constructor(data: HolidayData) {
    for (const date of data.daysOff) assertCalendarDate(date);
    for (const date of data.makeUpWorkdays) assertCalendarDate(date);
    const both = [...data.daysOff].filter((date) => data.makeUpWorkdays.has(date));
    if (both.length > 0) {
      throw new RangeError(`days listed both as day off and as make-up working day: ${both.join(', ')}`);
    }
    // Copies, so that a caller mutating its own Set later cannot change this calendar's answers.
    this.daysOff = new Set(data.daysOff);
    this.makeUpWorkdays = new Set(data.makeUpWorkdays);
    this.coveredYears = new Set(data.coveredYears);
    this.provisionalYears = new Set(data.provisionalYears ?? []);
    const uncovered = [...this.provisionalYears].filter((year) => !this.coveredYears.has(year));
    if (uncovered.length > 0) throw new RangeError(`provisional years must be covered years: ${uncovered.join(', ')}`);
  }

  /**
   * A digest of everything this calendar says: two calendars with the same fingerprint count every
   * period alike. What was counted with one is recounted when the fingerprint changes (a new release of
   * the holiday data, a new year covered), whatever made it change.
   */
  fingerprint(): string {
    const sorted = (values: Iterable<string | number>) => [...values].map(String).sort().join(',');
    return createHash('sha256')
      .update(`off:${sorted(this.daysOff)};work:${sorted(this.makeUpWorkdays)};covered:${sorted(this.coveredYears)};provisional:${sorted(this.provisionalYears)}`)
      .digest('hex');
  }

  /**
   * A listed statutory day off; or a Saturday/Sunday that is not a make-up working day. For period
   * counting (Civil Procedure Law art. 85) the weekly rest days (公休日) are treated as days off
   * like the festivals, while a Saturday or Sunday turned into a working day by 调休 is not.
   */
  isDayOff(date: string): boolean {
    if (this.daysOff.has(date)) return true;
    return isWeekend(date) && !this.makeUpWorkdays.has(date);
  }

  /** The first day on or after `date` that is not a day off. */
  nextWorkingDay(date: string): string {
    let day = date;
    for (let step = 0; step <= MAX_DAYS_OFF_IN_A_ROW; step += 1) {
      if (!this.isDayOff(day)) return day;
      day = addDays(day, 1);
    }
    throw new RangeError(`no working day within a year after ${date}: check the holiday data`);
  }

  /** Whether the holiday schedule of the year of `date` is in the data (announced or provisional). */
  covers(date: string): boolean {
    return this.coveredYears.has(yearOf(date));
  }

  /**
   * Whether the year of `date` is known only provisionally: its festivals are in, but the State
   * Council has not announced its swaps, so a day counted on it may still move.
   */
  isProvisional(date: string): boolean {
    return this.provisionalYears.has(yearOf(date));
  }
}
