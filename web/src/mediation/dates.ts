/**
 * Business days and times of the mediator's pages: Asia/Shanghai, whatever the phone's own time zone.
 * Pure: the current time comes in as an argument.
 */

export { shanghaiDate } from '../common/format/shanghai-day';

/** YYYY-MM-DD plus (or minus) whole days, by the calendar. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A day and a wall-clock time in Shanghai as the API takes it: 2027-01-12T09:30:00+08:00. */
export function shanghaiTimestamp(date: string, time: string): string {
  return `${date}T${time.slice(0, 5)}:00+08:00`;
}

/** The API's Shanghai timestamps (…+08:00) read as their day and their HH:MM, without the phone's zone. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

export function timeOf(timestamp: string): string {
  return timestamp.slice(11, 16);
}

/** HH:MM plus minutes, within the day (a session does not run past midnight). */
export function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number);
  const total = Math.min(hours * 60 + mins + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
