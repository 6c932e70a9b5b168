/**
 * How a legal period is counted (期间的计算).
 *
 * Civil Procedure Law art. 85: the day a period starts is not counted (期间开始的时和日，不计算在
 * 期间内); when the last day of a period is a statutory day off, the period ends on the first day
 * after the holiday (期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期).
 * Labour arbitration counts its periods the same way, so the clocks of the LDMAA use this too.
 *
 * Pure: no framework, no database, no clock.
 */
import { addDays, addYears } from '../../common/time/calendar-days';
import { WorkingCalendar } from '../../calendar/domain/working-calendar';

/** A period of whole days (日) or whole years (年). */
export type PeriodLength = { days: number } | { years: number };

export interface PeriodEnd {
  /** The last day of the period, after moving off a day off. */
  lastDay: string;
  /** The nominal last day when it fell on a day off and was moved; null when it was not moved. */
  movedFrom: string | null;
  /**
   * False when the holiday schedule of the year of the nominal last day (or of the day it moved
   * to) is not in the data yet: weekends are still skipped, but a festival of that year would
   * be missed, so callers should warn that the date may still move.
   */
  calendarCovered: boolean;
  /**
   * True when that year's days off are only the statutory festivals of the regulation (the State
   * Council has not announced the year yet): no festival is missed, but an announced swap may still
   * move the date.
   */
  calendarProvisional: boolean;
}

/**
 * The last day of a period of `length` starting on `start`. The start day is not counted, so
 * N days from S end on S + N; N years from S end on the same month and day N years later.
 */
export function endOfPeriod(start: string, length: PeriodLength, calendar: WorkingCalendar): PeriodEnd {
  const nominal = nominalLastDay(start, length);
  const lastDay = calendar.nextWorkingDay(nominal);
  return {
    lastDay,
    movedFrom: lastDay === nominal ? null : nominal,
    calendarCovered: calendar.covers(nominal) && calendar.covers(lastDay),
    calendarProvisional: calendar.isProvisional(nominal) || calendar.isProvisional(lastDay),
  };
}

/**
 * S + N: with the start day not counted, day 1 of the period is S + 1 and day N is S + N.
 * A make-up working day (调休上班) is a working day, so a period ending on one is not moved.
 */
function nominalLastDay(start: string, length: PeriodLength): string {
  if ('days' in length) {
    assertPeriodLength(length.days, 'days');
    return addDays(start, length.days);
  }
  assertPeriodLength(length.years, 'years');
  return addYears(start, length.years);
}

function assertPeriodLength(value: number, unit: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`a period is a positive whole number of ${unit}: ${value}`);
  }
}
