import { Injectable } from '@nestjs/common';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { isWeekend } from '../common/time/calendar-days';
import { Transactions } from '../database/transactions';
import { CalendarRepository } from './calendar.repository';
import { WorkingCalendar } from './domain/working-calendar';
import { YearScheduleDto } from './dto/holidays.dto';
import type { HolidayYearView } from './holidays.view';
import { YearSchedule, packageSchedule } from './package-holidays';

/** The years the calendar is built for: far enough back for old disputes, ahead for long periods. */
const FIRST_YEAR = 2018;
const YEARS_AHEAD = 2;

/**
 * The working calendar for counting legal periods: the holiday schedules from the maintained
 * `chinese-days` package, and the years administrators have entered (which take precedence: the
 * State Council publishes each year's schedule late in the year before, often before the package
 * is updated).
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
    const daysOff = new Set<string>();
    const makeUpWorkdays = new Set<string>();
    const coveredYears = new Set<number>();
    const lastYear = this.clock.now().getUTCFullYear() + YEARS_AHEAD;
    for (let year = FIRST_YEAR; year <= lastYear; year += 1) {
      const schedule = entered.get(year) ?? packageSchedule(year);
      if (!schedule) continue;
      coveredYears.add(year);
      schedule.daysOff.forEach((day) => daysOff.add(day));
      schedule.makeUpWorkdays.forEach((day) => makeUpWorkdays.add(day));
    }
    for (const [year, schedule] of entered) {
      if (year > lastYear) {
        coveredYears.add(year);
        schedule.daysOff.forEach((day) => daysOff.add(day));
        schedule.makeUpWorkdays.forEach((day) => makeUpWorkdays.add(day));
      }
    }
    this.cached = new WorkingCalendar({ daysOff, makeUpWorkdays, coveredYears });
    return this.cached;
  }

  /** A year's schedule and where it comes from. */
  async year(year: number): Promise<HolidayYearView> {
    const entered = (await this.enteredSchedules()).get(year);
    if (entered) return { ...entered, covered: true };
    const fromPackage = packageSchedule(year);
    return fromPackage
      ? { ...fromPackage, source: 'chinese-days', covered: true }
      : { year, daysOff: [], makeUpWorkdays: [], source: null, covered: false };
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

  private async enteredSchedules(): Promise<Map<number, YearSchedule & { source: string }>> {
    const rows = await this.repository.enteredDays(this.transactions.none);
    const schedules = new Map<number, YearSchedule & { source: string }>();
    for (const row of rows) {
      const schedule = schedules.get(row.year) ?? { year: row.year, source: row.source, daysOff: [], makeUpWorkdays: [] };
      if (row.day) (row.kind === 'day_off' ? schedule.daysOff : schedule.makeUpWorkdays).push(row.day);
      schedules.set(row.year, schedule);
    }
    return schedules;
  }
}
