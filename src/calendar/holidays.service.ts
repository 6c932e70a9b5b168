import { Injectable } from '@nestjs/common';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { isWeekend } from '../common/time/calendar-days';
import { Transactions } from '../database/transactions';
import { CalendarRepository } from './calendar.repository';
import { PROVISIONAL_YEARS, REGULATION_SOURCE, isProvisionalYear, statutoryDays } from './domain/statutory-holidays';
import { WorkingCalendar } from './domain/working-calendar';
import { YearScheduleDto } from './dto/holidays.dto';
import type { HolidayYearView } from './holidays.view';
import { LAST_PACKAGE_YEAR, YearSchedule, packageSchedule } from './package-holidays';

/** The years the calendar is built for: far enough back for old disputes, ahead for long periods. */
const FIRST_YEAR = 2018;
const YEARS_AHEAD = 2;

type EnteredSchedules = Map<number, YearSchedule & { source: string }>;

/**
 * The working calendar for counting legal periods, year by year from the first source that has it:
 * 1. the schedule an administrator entered (the State Council publishes each year's late in the
 *    year before, often before the package is updated);
 * 2. the maintained `chinese-days` package;
 * 3. provisionally, the statutory festivals the regulation itself fixes (statutory-holidays.ts), for a
 *    year nobody has announced yet: its festivals are skipped, its swaps are not known, and every
 *    date counted on it says so. Entering the year, or a package that brings it, replaces it.
 */
@Injectable()
export class HolidaysService {
  private cached: WorkingCalendar | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly repository: CalendarRepository,
    private readonly transactions: Transactions,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    if (this.cached) return this.cached;
    const entered = await this.enteredSchedules();
    const lastAnnounced = lastAnnouncedYear(entered);
    const lastYear = Math.max(this.clock.now().getUTCFullYear() + YEARS_AHEAD, lastAnnounced + PROVISIONAL_YEARS, ...entered.keys());
    const daysOff = new Set<string>();
    const makeUpWorkdays = new Set<string>();
    const coveredYears = new Set<number>();
    const provisionalYears = new Set<number>();
    for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
      const schedule = scheduleOf(year, entered, lastAnnounced);
      if (!schedule.covered) continue;
      coveredYears.add(year);
      if (schedule.provisional) provisionalYears.add(year);
      schedule.daysOff.forEach((day) => daysOff.add(day));
      schedule.makeUpWorkdays.forEach((day) => makeUpWorkdays.add(day));
    }
    this.cached = new WorkingCalendar({ daysOff, makeUpWorkdays, coveredYears, provisionalYears });
    return this.cached;
  }

  /** A year's schedule, where it comes from, and whether it is only provisional. */
  async year(year: number): Promise<HolidayYearView> {
    const entered = await this.enteredSchedules();
    return scheduleOf(year, entered, lastAnnouncedYear(entered));
  }

  /** Enters (or replaces) a whole year's schedule, as the State Council published it. */
  async setYear(year: number, dto: YearScheduleDto): Promise<void> {
    const problems: FieldProblem[] = [];
    dto.daysOff.forEach((day, i) => {
      if (!day.startsWith(`${year}-`)) problems.push({ field: `daysOff.${i}`, code: 'INVALID_DATE' });
    });
    dto.makeUpWorkdays.forEach((day, i) => {
      if (!day.startsWith(`${year}-`) || !isWeekend(day)) problems.push({ field: `makeUpWorkdays.${i}`, code: 'INVALID_DATE' });
      if (dto.daysOff.includes(day)) problems.push({ field: `makeUpWorkdays.${i}`, code: 'DUPLICATE_IN_REQUEST' });
    });
    if (problems.length > 0) throw AppError.invalid(problems);
    await this.transactions.run((tx) =>
      this.repository.replaceYear(tx, year, dto.source.trim(), [...new Set(dto.daysOff)], [...new Set(dto.makeUpWorkdays)]),
    );
    this.cached = null;
  }

  private async enteredSchedules(): Promise<EnteredSchedules> {
    const rows = await this.repository.enteredDays(this.transactions.none);
    const schedules: EnteredSchedules = new Map();
    for (const row of rows) {
      const schedule = schedules.get(row.year) ?? { year: row.year, source: row.source, daysOff: [], makeUpWorkdays: [] };
      if (row.day) (row.kind === 'day_off' ? schedule.daysOff : schedule.makeUpWorkdays).push(row.day);
      schedules.set(row.year, schedule);
    }
    return schedules;
  }
}

/** The last year whose schedule the State Council announced, as the package or an administrator has it. */
function lastAnnouncedYear(entered: EnteredSchedules): number {
  return Math.max(LAST_PACKAGE_YEAR, ...entered.keys());
}

function scheduleOf(year: number, entered: EnteredSchedules, lastAnnounced: number): HolidayYearView {
  const fromAdministrator = entered.get(year);
  if (fromAdministrator) return { ...fromAdministrator, covered: true, provisional: false };
  const fromPackage = packageSchedule(year);
  if (fromPackage) return { ...fromPackage, source: 'chinese-days', covered: true, provisional: false };
  if (isProvisionalYear(year, lastAnnounced)) {
    const daysOff = statutoryDays(year).map(({ day }) => day);
    return { year, daysOff, makeUpWorkdays: [], source: REGULATION_SOURCE, covered: true, provisional: true };
  }
  return { year, daysOff: [], makeUpWorkdays: [], source: null, covered: false, provisional: false };
}
