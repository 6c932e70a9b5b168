/**
 * Calendar arithmetic for the generator on plain day numbers (days since 1970-01-01), which are
 * cheap to add and compare a few million times; text only at the edge. Every day is an
 * Asia/Shanghai calendar day and every time a Shanghai wall-clock time (UTC+8 all year).
 */
import { springFestival } from '../../src/campaign/domain/spring-festival';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(isoDate: string): number {
  const match = ISO_DAY.exec(isoDate);
  if (!match) throw new RangeError(`not a 'YYYY-MM-DD' date: ${isoDate}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / MS_PER_DAY;
  if (isoDayUncached(day) !== isoDate) throw new RangeError(`not a calendar date: ${isoDate}`);
  return day;
}

const isoCache = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (memoised: the generator formats the same few thousand days millions of times). */
export function isoDay(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = isoDayUncached(day);
    isoCache.set(day, text);
  }
  return text;
}

function isoDayUncached(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return Number(isoDay(day).slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const festivalCache = new Map<number, number>();

/** 春节 (正月初一) of a Gregorian year, as a day number, from the same calendar package the service uses. */
export function festivalDay(year: number): number {
  let day = festivalCache.get(year);
  if (day === undefined) {
    day = dayNumber(springFestival(year));
    festivalCache.set(year, day);
  }
  return day;
}

/**
 * The winter campaign a day belongs to, if any: 1 November before the festival up to its eve (除夕).
 * Returns the eve's day number, or null outside a campaign.
 */
export function campaignEve(day: number): number | null {
  const year = yearOfDay(day);
  for (const festivalYear of [year, year + 1]) {
    const eve = festivalDay(festivalYear) - 1;
    const start = dayNumber(`${festivalYear - 1}-11-01`);
    if (day >= start && day <= eve) return eve;
  }
  return null;
}

/**
 * Offices are shut at weekends, over the Spring Festival holiday (eve to the sixth day) and the
 * National Day week. Make-up working days (调休) are ignored: this is synthetic data, not a legal clock.
 */
export function isWorkingDay(day: number): boolean {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return false;
  const iso = isoDay(day);
  const festival = festivalDay(Number(iso.slice(0, 4)));
  if (day >= festival - 1 && day <= festival + 6) return false;
  const monthDay = iso.slice(5);
  return !(monthDay >= '10-01' && monthDay <= '10-07');
}

/** The day itself if offices are open, else the next day they are. */
export function workingDayOnOrAfter(day: number): number {
  let current = day;
  while (!isWorkingDay(current)) current += 1;
  return current;
}

/** The day itself if offices are open, else the last day before it that they were. */
export function workingDayOnOrBefore(day: number): number {
  let current = day;
  while (!isWorkingDay(current)) current -= 1;
  return current;
}

/** 'THH:MM:00+08:00' for every minute of a day, so an instant is one concatenation. */
const MINUTE_SUFFIXES = Array.from(
  { length: 1440 },
  (_, m) => `T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`,
);

/**
 * A Shanghai wall-clock instant as a number (minutes since 1970-01-01 00:00 Shanghai time), which the
 * row buffers write as a timestamptz: cheaper than text for a generator that makes tens of millions.
 */
export function stamp(day: number, minuteOfDay: number): number {
  return day * 1440 + (minuteOfDay < 0 ? 0 : minuteOfDay > 1439 ? 1439 : Math.floor(minuteOfDay));
}

/** A stamp() as text for PostgreSQL: '2026-11-22T09:30:00+08:00'. */
export function stampText(value: number): string {
  const day = Math.floor(value / 1440);
  return shanghaiInstant(day, value - day * 1440);
}

/** A Shanghai wall-clock instant written for PostgreSQL's timestamptz: '2026-11-22T09:30:00+08:00'. */
export function shanghaiInstant(day: number, minuteOfDay: number): string {
  const minute = minuteOfDay < 0 ? 0 : minuteOfDay > 1439 ? 1439 : Math.floor(minuteOfDay);
  return isoDay(day) + MINUTE_SUFFIXES[minute];
}

/**
 * How busy the unions are on a day, relative to an ordinary weekday: the winter campaign builds up to
 * the festival (workers want their money before they travel home), the holiday itself is quiet, and
 * workers who came back unpaid arrive in the weeks after it. Weekends see hotline and online requests only.
 */
export function intakeWeight(day: number): number {
  const dow = weekday(day);
  let weight = dow === 0 ? 0.25 : dow === 6 ? 0.35 : 1;
  const year = yearOfDay(day);
  const festival = festivalDay(year);
  const eve = campaignEve(day);
  if (eve !== null) {
    const start = dayNumber(`${yearOfDay(eve) - 1}-11-01`);
    const progress = Math.min(1, Math.max(0, (day - start) / Math.max(1, eve - start)));
    weight *= 1.8 + 2.6 * progress;
  } else if (day >= festival && day <= festival + 6) {
    weight *= 0.15;
  } else if (day > festival + 6 && day <= festival + 27) {
    weight *= 1.4;
  } else {
    const month = Number(isoDay(day).slice(5, 7));
    if (month >= 6 && month <= 8) weight *= 0.85;
  }
  return weight;
}
