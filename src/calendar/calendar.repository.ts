import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';

/** One day of a year administrators entered (or the year alone, when it has no days). */
export interface EnteredDayRow {
  year: number;
  source: string;
  day: string | null;
  kind: string | null;
}

/** The `holiday_years` and `holidays` tables: the schedules administrators entered. */
@Injectable()
export class CalendarRepository {
  /** Every entered year with its days, day by day. */
  enteredDays(tx: Tx): Promise<EnteredDayRow[]> {
    return tx.query(
      `SELECT y.year, y.source, h.day, h.kind FROM holiday_years y LEFT JOIN holidays h ON h.year = y.year ORDER BY h.day`,
    );
  }

  /** Replaces a whole year's schedule: its source, its days off and its make-up working days. */
  async replaceYear(tx: Tx, year: number, source: string, daysOff: string[], makeUpWorkdays: string[]): Promise<void> {
    await tx.query(`DELETE FROM holidays WHERE year = $1`, [year]);
    await tx.query(
      `INSERT INTO holiday_years (year, source) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, recorded_at = now()`,
      [year, source],
    );
    await tx.query(
      `INSERT INTO holidays (day, year, kind, name)
       SELECT d, $1::integer, 'day_off', '法定节假日' FROM unnest($2::date[]) AS d
       UNION ALL SELECT d, $1::integer, 'workday', '调休上班' FROM unnest($3::date[]) AS d`,
      [year, daysOff, makeUpWorkdays],
    );
  }
}
