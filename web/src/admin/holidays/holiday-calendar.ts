/**
 * A year's holiday schedule as the calendar edits it. Each day is one of: an ordinary day (a working
 * weekday, a resting weekend), a statutory day off (放假), or a make-up working day (调休上班), which the
 * State Council only ever puts on a Saturday or Sunday (the API refuses one on a weekday). A click moves
 * a day to the next kind it can be. Pure, tested in holiday-calendar.spec.ts.
 */
import { weekdayOf } from '../duty/duty-grid';

export type DayKind = 'ordinary' | 'dayOff' | 'makeUp';

export interface YearSchedule {
  daysOff: readonly string[];
  makeUpWorkdays: readonly string[];
}

export const isWeekend = (day: string) => weekdayOf(day) === 0 || weekdayOf(day) === 6;

export function kindOf(schedule: YearSchedule, day: string): DayKind {
  if (schedule.daysOff.includes(day)) return 'dayOff';
  if (schedule.makeUpWorkdays.includes(day)) return 'makeUp';
  return 'ordinary';
}

/** Whether people work that day under the schedule. */
export function isWorkingDay(schedule: YearSchedule, day: string): boolean {
  const kind = kindOf(schedule, day);
  return kind === 'makeUp' || (kind === 'ordinary' && !isWeekend(day));
}

/** working → day off → make-up working day (weekends only) → back to ordinary. */
export function nextKind(kind: DayKind, day: string): DayKind {
  if (kind === 'ordinary') return 'dayOff';
  if (kind === 'dayOff' && isWeekend(day)) return 'makeUp';
  return 'ordinary';
}

/** The schedule with the day moved to its next kind; both lists kept sorted. */
export function cycled(schedule: YearSchedule, day: string): YearSchedule {
  const next = nextKind(kindOf(schedule, day), day);
  const without = (days: readonly string[]) => days.filter((other) => other !== day);
  const daysOff = without(schedule.daysOff);
  const makeUpWorkdays = without(schedule.makeUpWorkdays);
  if (next === 'dayOff') daysOff.push(day);
  if (next === 'makeUp') makeUpWorkdays.push(day);
  return { daysOff: daysOff.sort(), makeUpWorkdays: makeUpWorkdays.sort() };
}

/** The weeks of a month (1-12) as a wall calendar shows them, Monday first; null pads the edges. */
export function weeksOf(year: number, month: number): (string | null)[][] {
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  const days = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
  const lead = (weekdayOf(days[0]) + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** The name a notice of the State Council has, as the source of a year entered from it. */
export const noticeOf = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;
