/**
 * The winter campaign to clear wage arrears before the Spring Festival (根治欠薪冬季专项行动).
 *
 * The authorities announce it in early November and it runs to the festival; counties may add
 * intermediate targets, such as New Year's Day (元旦) for cases whose arrears are already verified
 * (已核实). Window and targets are settings per season, so the defaults here are only a starting point.
 *
 * Pure: no framework, no database, no clock. Dates are Asia/Shanghai calendar days, 'YYYY-MM-DD'.
 */
import { assertCalendarDate, compare, daysBetween, isCalendarDate } from '../../common/time/calendar-days';
import { festivalEve, seasonFestivalYear } from './spring-festival';

/** Which cases a target date binds: only cases whose arrears are verified (已核实), or every open case. */
export const TARGET_SCOPES = ['verified_cases', 'all_cases'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

export interface SeasonTarget {
  /** Shown to people, e.g. '元旦前结清已核实欠薪'. */
  name: string;
  on: string;
  appliesTo: TargetScope;
}

export interface SeasonSettings {
  /** Default: 1 November of the year before the festival. */
  startsOn: string;
  /** Default: the festival's eve (除夕), the last day before the holiday and the journey home. */
  endsOn: string;
  /** Intermediate targets, e.g. New Year's Day for verified cases; none by default. */
  targets: SeasonTarget[];
}

export interface NextTarget {
  name: string;
  on: string;
  appliesTo: TargetScope;
  /** Calendar days from today to the target: 0 on the day. */
  daysLeft: number;
}

export interface SeasonStatus {
  inSeason: boolean;
  /** The festival's eve the season leads up to. */
  eve: string;
  /** Calendar days from today to the eve: 0 on the eve, negative after it. */
  daysToEve: number;
  /** The earliest target on or after today, or null when none is left. */
  nextTarget: NextTarget | null;
}

/**
 * The default window: 1 November (the campaign is announced early in the month and starts by the 15th,
 * so the 1st never misses its start) to the festival's eve. No intermediate targets, because only some
 * counties set them; `newYearsDayTarget` builds the common one.
 */
export function defaultSeason(festivalYear: number): SeasonSettings {
  return {
    startsOn: `${festivalYear - 1}-11-01`,
    endsOn: festivalEve(festivalYear),
    targets: [],
  };
}

/** 元旦: the target some counties set for clearing verified arrears, 1 January of the festival's year. */
export function newYearsDayTarget(festivalYear: number): SeasonTarget {
  return { name: '元旦前结清已核实欠薪', on: `${festivalYear}-01-01`, appliesTo: 'verified_cases' };
}

/**
 * What is wrong with edited settings, as messages for the administrator; empty when they are usable.
 * A season must start before it ends and lead up to one festival; a target outside it would never be
 * counted down to.
 */
export function seasonProblems(settings: SeasonSettings): string[] {
  const problems: string[] = [];
  const dates = [settings.startsOn, settings.endsOn, ...settings.targets.map((target) => target.on)];
  const invalid = dates.filter((date) => !isCalendarDate(date));
  if (invalid.length > 0) return invalid.map((date) => `not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  // a season of one day is no season: the database holds ends_on > starts_on (seasons_window), so refuse it here in words
  if (compare(settings.startsOn, settings.endsOn) >= 0) problems.push('the season must start before the day it ends');
  for (const target of settings.targets) {
    if (target.name.trim() === '') problems.push(`the target on ${target.on} has no name`);
    if (!isWithin(target.on, settings.startsOn, settings.endsOn)) {
      problems.push(`the target "${target.name}" on ${target.on} is outside the season`);
    }
  }
  return problems;
}

/**
 * Where `today` stands in a season. The eve is the festival's, found from the start of the season
 * rather than from `endsOn`: a county may end its season at another date, but the season is always
 * about the festival that follows its start.
 */
export function seasonStatus(today: string, settings: SeasonSettings): SeasonStatus {
  assertCalendarDate(today);
  const eve = seasonEve(settings);
  return {
    inSeason: isWithin(today, settings.startsOn, settings.endsOn),
    eve,
    daysToEve: daysBetween(today, eve),
    nextTarget: nextTarget(today, settings.targets),
  };
}

/** The festival's eve a season leads up to. */
export function seasonEve(settings: SeasonSettings): string {
  return festivalEve(seasonFestivalYear(settings.startsOn));
}

/** The earliest target on or after `today` (a target counts on its own day); ties keep the settings' order. */
function nextTarget(today: string, targets: SeasonTarget[]): NextTarget | null {
  const ahead = targets.filter((target) => compare(target.on, today) >= 0);
  if (ahead.length === 0) return null;
  const first = ahead.reduce((best, target) => (compare(target.on, best.on) < 0 ? target : best));
  return { name: first.name, on: first.on, appliesTo: first.appliesTo, daysLeft: daysBetween(today, first.on) };
}

function isWithin(day: string, first: string, last: string): boolean {
  return compare(first, day) <= 0 && compare(day, last) <= 0;
}
