import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { AppError } from '../common/errors/app-error';
import { fenFromDb } from '../common/money/money';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { caseLink, festivalMessage } from './domain/messages';
import { CountdownReminder, ReminderKind, ReminderRule, festivalReminders } from './domain/reminder-policy';
import { festivalEve, seasonFestivalYear } from './domain/spring-festival';
import { FESTIVAL_CANDIDATES_SQL, INSERT_REMINDERS_SQL } from './reminders.sql';

export interface PlannedReminder extends CountdownReminder {
  caseId: string | null;
  title: string;
  body: string;
  link: string | null;
}

export interface SweepResult {
  on: string;
  dryRun: boolean;
  planned: number;
  created: number;
  reminders: PlannedReminder[];
}

/**
 * The reminder sweep: what the rules make due on a day, found with one query per rule and written
 * with one statement; the unique key of each reminder makes a second sweep of the same day (a retry,
 * a restart, another instance) write nothing. Time is an argument, so any day of a season can be swept.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(on: string, dryRun: boolean): Promise<SweepResult> {
    const rules = await this.rules();
    const planned = [...(await this.festivalCountdown(on, rules.get('festival_countdown')))];
    if (dryRun || planned.length === 0) return { on, dryRun, planned: planned.length, created: 0, reminders: planned };
    const inserted: { id: string }[] = await this.dataSource.query(INSERT_REMINDERS_SQL, [
      planned.map((r) => r.kind),
      planned.map((r) => r.subject),
      planned.map((r) => r.dueOn),
      planned.map((r) => r.recipientId),
      planned.map((r) => r.caseId),
      planned.map((r) => r.urgency),
      planned.map((r) => r.title),
      planned.map((r) => r.body),
      planned.map((r) => r.link),
    ]);
    return { on, dryRun, planned: planned.length, created: inserted.length, reminders: planned };
  }

  async rules(): Promise<Map<ReminderKind, ReminderRule>> {
    const rows: { kind: ReminderKind; enabled: boolean; days_before: number[] }[] = await this.dataSource.query(
      `SELECT kind, enabled, days_before FROM reminder_rules ORDER BY kind`,
    );
    return new Map(rows.map((row) => [row.kind, { kind: row.kind, enabled: row.enabled, daysBefore: row.days_before }]));
  }

  async setRule(kind: ReminderKind, enabled: boolean, daysBefore: number[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `UPDATE reminder_rules SET enabled = $2, days_before = $3, updated_at = now() WHERE kind = $1 RETURNING kind`,
        [kind, enabled, [...new Set(daysBefore)].sort((a, b) => b - a)],
      );
      if (updated[1] === 0) throw AppError.invalidField('kind', 'NOT_FOUND');
    });
  }

  async inbox(userId: string, query: PageQuery, unreadOnly: boolean): Promise<Page<Record<string, unknown>>> {
    const where = `recipient_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM reminders WHERE ${where}`, [userId]);
    const items = await this.dataSource.query(
      `SELECT id, kind, subject, due_on AS "dueOn", case_id AS "caseId", urgency, title, body, link,
              created_at AS "createdAt", read_at AS "readAt"
         FROM reminders WHERE ${where} ORDER BY created_at DESC, id LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      [userId],
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM reminders WHERE recipient_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return unread;
  }

  async markRead(userId: string, reminderId: string): Promise<void> {
    const [, count] = await this.dataSource.query(
      `UPDATE reminders SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2`,
      [reminderId, userId],
    );
    if (count === 0) throw new AppError('REMINDER_NOT_FOUND');
  }

  /** 30, 14, 7, 3 and 1 days before the festival's eve, every open case still owing money reminds its people. */
  private async festivalCountdown(on: string, rule: ReminderRule | undefined): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const eve = festivalEve(seasonFestivalYear(on));
    const rows: { case_id: string; case_number: string; lawyer_id: string | null; mediator_id: string | null; outstanding_fen: string; workers_owed: number }[] =
      await this.dataSource.query(FESTIVAL_CANDIDATES_SQL);
    const byCase = new Map(rows.map((row) => [row.case_id, row]));
    const due = festivalReminders({
      today: on,
      eve,
      rule,
      cases: rows.map((row) => ({
        caseId: row.case_id,
        lawyerId: row.lawyer_id,
        mediatorId: row.mediator_id,
        outstandingFen: fenFromDb(row.outstanding_fen),
      })),
    });
    return due.map((reminder) => {
      const row = byCase.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, row.case_id);
      const message = festivalMessage({
        caseNumber: row.case_number,
        workersOwed: row.workers_owed,
        outstandingFen: fenFromDb(row.outstanding_fen),
        daysToEve: reminder.daysLeft,
        link,
      });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link };
    });
  }
}
