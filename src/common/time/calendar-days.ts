/**
 * Calendar days, on 'YYYY-MM-DD' strings: validity, arithmetic and order.
 *
 * Every date here is an Asia/Shanghai calendar day that the caller has already worked out; nothing in
 * this file reads the clock or knows about time zones. Arithmetic runs on UTC midnights only because
 * UTC has no daylight saving, so one day is always 86,400,000 ms and no date can slip by an hour.
 *
 * Pure: no framework, no database, no clock.
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The days already converted, both ways. The legal clocks and the reminder sweep count over the same
 * few thousand days millions of times at a city's size (issue 17: the conversions were a fifth of the
 * sweep); a day's number never changes, and the bound keeps a stream of odd input from growing them.
 */
const DAY_NUMBERS = new Map<string, number>();
const DAY_TEXTS = new Map<number, string>();
const REMEMBERED_DAYS = 50_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' calendar day; throws for text that is not a real day. */
function dayNumber(date: string): number {
  const known = DAY_NUMBERS.get(date);
  if (known !== undefined) return known;
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC quietly rolls 2026-02-30 over into March; a round trip catches that.
    if (formatDayNumber(ms / MS_PER_DAY) === date) {
      if (DAY_NUMBERS.size < REMEMBERED_DAYS) DAY_NUMBERS.set(date, ms / MS_PER_DAY);
      return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
}

function formatDayNumber(days: number): string {
  const known = DAY_TEXTS.get(days);
  if (known !== undefined) return known;
  const text = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
  if (DAY_TEXTS.size < REMEMBERED_DAYS) DAY_TEXTS.set(days, text);
  return text;
}

/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2026-02-30 and 2025-02-29). */
export function isCalendarDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError unless `date` is a real calendar day written 'YYYY-MM-DD'. */
export function assertCalendarDate(date: string): void {
  dayNumber(date);
}

export function yearOf(date: string): number {
  assertCalendarDate(date);
  return Number(date.slice(0, 4));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  return formatDayNumber(dayNumber(date) + days);
}

/**
 * The same month and day `years` later. A period counted in years from 29 February ends on
 * 28 February in a year that has no 29th: when the last month has no matching day, the period
 * ends on that month's last day (Civil Code art. 202, 没有对应日的，月末日为期间的最后一日);
 * rolling over into 1 March would lengthen the period by a day.
 */
export function addYears(date: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`years must be a whole number: ${years}`);
  assertCalendarDate(date);
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/** Calendar days from `from` to `to`: positive when `to` is later, negative when earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b`; usable as an Array.sort comparator. */
export function compare(a: string, b: string): -1 | 0 | 1 {
  const difference = dayNumber(a) - dayNumber(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** The later of two days. */
export function later(a: string, b: string): string {
  return compare(a, b) >= 0 ? a : b;
}

/** Saturday or Sunday (周末), whatever the holiday schedule says about it. */
export function isWeekend(date: string): boolean {
  // 1970-01-01 was a Thursday: day number 0 → weekday 4 (Sunday = 0).
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}
