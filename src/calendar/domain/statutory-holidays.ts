/**
 * The statutory holidays the law itself fixes, for a year whose schedule the State Council has not
 * published yet.
 *
 * 国务院《全国年节及纪念日放假办法》, as revised on 10 November 2024 and in force from 1 January 2025,
 * art. 2 (全体公民放假的节日):
 *   元旦 1 day (1 January); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日);
 *   劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日);
 *   国庆节 3 days (10月1日至3日).
 * What each year's notice adds is not guessed here: the weekdays swapped into a break and the
 * Saturdays or Sundays worked in exchange (调休), and the weekday given back for a holiday that falls
 * on a Saturday or Sunday (适逢周六、周日，应当在工作日补假), whose place the notice chooses. A year built
 * from this alone is therefore provisional: its festivals are certain, its bridges are not.
 *
 * The lunar dates and the Qingming solar term come from the maintained `chinese-days` package (lunar
 * tables and solar terms 1900-2100), never from hand-written astronomy.
 *
 * Pure: no framework, no database, no clock.
 */
import { getLunarDate, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { springFestival } from '../../campaign/domain/spring-festival';
import { addDays, compare } from '../../common/time/calendar-days';

/** Where a provisional year's days come from, as the holidays API names a schedule's source. */
export const REGULATION_SOURCE = '国务院《全国年节及纪念日放假办法》（2024年修订）';

/** The first year the 2024 revision governs (4 days at the Spring Festival, 2 on Labour Day). */
export const FIRST_REGULATION_YEAR = 2025;
/** The last year the package's lunar tables and solar terms cover. */
export const LAST_REGULATION_YEAR = 2100;

/**
 * How many years past the last announced year the regulation alone is trusted. The State Council
 * announces a year in October or November of the year before, so normally only the next year or
 * two are provisional; five years reach every deadline the clocks count from today (a limitation
 * year, restarted, ends within two) even when the package and the administrators lag behind, without
 * projecting today's regulation decades ahead (it was revised in 1999, 2007, 2013 and 2024).
 */
export const PROVISIONAL_YEARS = 5;

/**
 * Whether a year without an announced schedule is given the regulation's festivals provisionally:
 * a year the 2024 revision governs, no more than PROVISIONAL_YEARS past the last announced year.
 */
export function isProvisionalYear(year: number, lastAnnouncedYear: number): boolean {
  return year >= FIRST_REGULATION_YEAR && year <= Math.min(lastAnnouncedYear + PROVISIONAL_YEARS, LAST_REGULATION_YEAR);
}

export const STATUTORY_FESTIVALS = [
  'new_year', // 元旦
  'spring_festival', // 春节
  'qingming', // 清明节
  'labour_day', // 劳动节
  'dragon_boat', // 端午节
  'mid_autumn', // 中秋节
  'national_day', // 国庆节
] as const;
export type StatutoryFestival = (typeof STATUTORY_FESTIVALS)[number];

export interface StatutoryDay {
  day: string;
  festival: StatutoryFestival;
}

/**
 * The statutory days off of `year` under the 2024 revision, in date order. A day that belongs to two
 * festivals (Mid-Autumn on 3 October 2028, on 1 October 2031) is listed once, under the lunar one:
 * the extra day the law then gives is placed by the State Council's notice, like the weekday given
 * back for a festival on a weekend, and is not guessed here.
 */
export function statutoryDays(year: number): StatutoryDay[] {
  if (!Number.isInteger(year) || year < FIRST_REGULATION_YEAR || year > LAST_REGULATION_YEAR) {
    throw new RangeError(`the 2024 regulation's holidays are computed for ${FIRST_REGULATION_YEAR}-${LAST_REGULATION_YEAR}, not ${year}`);
  }
  const movable = movableFestivals(year);
  const days: StatutoryDay[] = [
    { day: `${year}-01-01`, festival: 'new_year' },
    ...[-1, 0, 1, 2].map((offset) => ({ day: addDays(movable.springFestival, offset), festival: 'spring_festival' as const })),
    { day: movable.qingming, festival: 'qingming' },
    { day: `${year}-05-01`, festival: 'labour_day' },
    { day: `${year}-05-02`, festival: 'labour_day' },
    { day: movable.dragonBoat, festival: 'dragon_boat' },
    { day: movable.midAutumn, festival: 'mid_autumn' },
    { day: `${year}-10-01`, festival: 'national_day' },
    { day: `${year}-10-02`, festival: 'national_day' },
    { day: `${year}-10-03`, festival: 'national_day' },
  ];
  const unique = new Map<string, StatutoryDay>();
  for (const entry of days) if (!unique.has(entry.day)) unique.set(entry.day, entry);
  return [...unique.values()].sort((a, b) => compare(a.day, b.day));
}

/** The Gregorian days of the festivals that move with the lunar calendar or the sun in `year`. */
export interface MovableFestivals {
  /** 正月初一 */
  springFestival: string;
  /** the solar term 清明 */
  qingming: string;
  /** 五月初五 */
  dragonBoat: string;
  /** 八月十五 */
  midAutumn: string;
}

/** The movable festivals of any year the package covers (1901-2100), whatever regulation governed it. */
export function movableFestivals(year: number): MovableFestivals {
  return {
    springFestival: springFestival(year),
    qingming: qingming(year),
    dragonBoat: lunarDay(year, 5, 5),
    midAutumn: lunarDay(year, 8, 15),
  };
}

/**
 * The Gregorian day of `month`/`day` of the lunar year `year`, in the ordinary (not the leap) month.
 * The lunar date goes in as a local-time Date, as spring-festival.ts explains: the package reads it
 * back with local getters, so a local Date round-trips in every time zone. The solar-to-lunar
 * conversion, which does not depend on the zone, must read the answer back as the same lunar day.
 */
function lunarDay(year: number, month: number, day: number): string {
  const date = getSolarDateFromLunar(new Date(year, month - 1, day)).date;
  const lunar = getLunarDate(date);
  if (lunar.lunarYear !== year || lunar.lunarMon !== month || lunar.lunarDay !== day || lunar.isLeap) {
    throw new Error(`chinese-days disagrees with itself: ${date} is not lunar ${month}/${day} of ${year}`);
  }
  return date;
}

/**
 * 清明: the day of the solar term 清明 (the sun at 15°), always 4, 5 or 6 April.
 *
 * chinese-days 1.5.7 builds the day as midnight UTC and prints it with local-time getters, so west of
 * Greenwich it prints the day before. The true day is the one whose midnight UTC the local clock
 * prints as the package's answer: the answer itself east of Greenwich, the day after it west of it.
 */
function qingming(year: number): string {
  const printed = getSolarTermDate(year, 4, 'pure_brightness');
  const day = [printed, addDays(printed, 1)].find((candidate) => localDayOf(new Date(`${candidate}T00:00:00Z`)) === printed);
  if (!day || !['04-04', '04-05', '04-06'].includes(day.slice(5))) {
    throw new Error(`chinese-days gave ${printed} as the Qingming solar term of ${year}`);
  }
  return day;
}

function localDayOf(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}
