import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { isWeekend } from '../common/time/calendar-days';
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
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
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
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM holidays WHERE year = $1`, [year]);
      await manager.query(
        `INSERT INTO holiday_years (year, source) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, recorded_at = now()`,
        [year, dto.source.trim()],
      );
      await manager.query(
        `INSERT INTO holidays (day, year, kind, name)
         SELECT d, $1::integer, 'day_off', '法定节假日' FROM unnest($2::date[]) AS d
         UNION ALL SELECT d, $1::integer, 'workday', '调休上班' FROM unnest($3::date[]) AS d`,
        [year, [...new Set(dto.daysOff)], [...new Set(dto.makeUpWorkdays)]],
      );
    });
    this.cached = null;
  }

  private async enteredSchedules(): Promise<Map<number, YearSchedule & { source: string }>> {
    const rows: { year: number; source: string; day: string | null; kind: string | null }[] = await this.dataSource.query(
      `SELECT y.year, y.source, h.day, h.kind FROM holiday_years y LEFT JOIN holidays h ON h.year = y.year ORDER BY h.day`,
    );
    const schedules = new Map<number, YearSchedule & { source: string }>();
    for (const row of rows) {
      const schedule = schedules.get(row.year) ?? { year: row.year, source: row.source, daysOff: [], makeUpWorkdays: [] };
      if (row.day) (row.kind === 'day_off' ? schedule.daysOff : schedule.makeUpWorkdays).push(row.day);
      schedules.set(row.year, schedule);
    }
    return schedules;
  }
}
