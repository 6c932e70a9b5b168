import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { AppError } from '../common/errors/app-error';
import { fenFromDb } from '../common/money/money';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { endOfPeriod } from '../legal-clocks/domain/periods';
import { daysBetween } from '../common/time/calendar-days';
import { HolidaysService } from '../calendar/holidays.service';
import { DeliveryService } from './delivery.service';
import { InboxReminderView } from './reminders.view';
import { SeasonService } from '../campaign/season.service';
import { shanghaiTimestamp } from '../common/time/shanghai';
import {
  arbitrationDeadlineMessage,
  caseLink,
  digestMessage,
  limitationDeadlineMessage,
  festivalMessage,
  instalmentDueMessage,
  instalmentOverdueMessage,
  mediationLimitMessage,
  sessionTomorrowMessage,
} from './domain/messages';
import {
  CountdownReminder,
  ReminderKind,
  ReminderRule,
  deadlineReminders,
  digestReminders,
  festivalReminders,
} from './domain/reminder-policy';
import { festivalEve, seasonFestivalYear } from '../campaign/domain/spring-festival';
import { workerLimitation } from '../legal-clocks/domain/legal-clocks';
import {
  OPEN_CASE_MONEY_SQL,
  ARBITRATIONS_SQL,
  CASES_IN_MEDIATION_SQL,
  LIMITATIONS_SQL,
  DIGEST_SQL,
  FESTIVAL_CANDIDATES_SQL,
  INSERT_REMINDERS_SQL,
  SESSIONS_TOMORROW_SQL,
  UNPAID_INSTALMENTS_SQL,
} from './reminders.sql';

/** Per open case: workers still owed and the amount outstanding. */
type CaseMoney = Map<string, { workersOwed: number; outstandingFen: bigint }>;

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
    private readonly delivery: DeliveryService,
    private readonly holidays: HolidaysService,
    private readonly season: SeasonService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(on: string, dryRun: boolean): Promise<SweepResult> {
    const rules = await this.rules();
    const money = await this.caseMoney(on);
    const planned = [
      ...(await this.festivalCountdown(on, rules.get('festival_countdown'))),
      ...(await this.instalments(on, money, rules.get('instalment_due'), rules.get('instalment_overdue'))),
      ...(await this.sessionsTomorrow(on, money, rules.get('session_tomorrow'))),
      ...(await this.mediationLimits(on, money, rules.get('mediation_limit'))),
      ...(await this.digests(on, rules.get('leader_digest'))),
      ...(await this.arbitrations(on, money, rules.get('arbitration_deadline'))),
      ...(await this.limitations(on, money, rules.get('limitation_deadline'))),
    ];
    if (dryRun || planned.length === 0) return { on, dryRun, planned: planned.length, created: 0, reminders: planned };
    // The reminders and their deliveries commit together: no reminder without its outbox rows.
    const inserted: { id: string }[] = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(INSERT_REMINDERS_SQL, [
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
      await this.delivery.enqueue(manager, rows.map((row) => row.id));
      return rows;
    });
    return { on, dryRun, planned: planned.length, created: inserted.length, reminders: planned };
  }

  /** The money of every open case on the sweep's day, loaded once per sweep for all deadline messages. */
  private async caseMoney(on: string): Promise<CaseMoney> {
    const rows: { case_id: string; workers_owed: number; outstanding_fen: string }[] = await this.dataSource.query(OPEN_CASE_MONEY_SQL, [on]);
    return new Map(rows.map((row) => [row.case_id, { workersOwed: row.workers_owed, outstandingFen: fenFromDb(row.outstanding_fen) }]));
  }

  /** What a deadline message says about its case: who is still owed how much, the link, the days to the eve. */
  private summaryOf(money: CaseMoney, caseId: string, caseNumber: string, on: string) {
    const owed = money.get(caseId) ?? { workersOwed: 0, outstandingFen: 0n };
    return { caseNumber, ...owed, link: caseLink(this.config.publicBaseUrl, caseId), daysToEve: this.daysToEve(on) };
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

  async inbox(userId: string, query: PageQuery, unreadOnly: boolean): Promise<Page<InboxReminderView>> {
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

  private daysToEve(on: string): number {
    return daysBetween(on, festivalEve(seasonFestivalYear(on)));
  }

  /** Instalments due soon (instalment_due) and those overdue, every day until paid (instalment_overdue). */
  private async instalments(on: string, money: CaseMoney, dueRule?: ReminderRule, overdueRule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!dueRule?.enabled && !overdueRule?.enabled) return [];
    const rows: { id: string; due_on: string; case_id: string; case_number: string; lawyer_id: string | null; mediator_id: string | null; unpaid_fen: string; amount_fen: string }[] =
      await this.dataSource.query(UNPAID_INSTALMENTS_SQL, [on]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const deadlines = rows.map((row) => ({
      subject: row.id,
      dueOn: row.due_on,
      recipients: [row.mediator_id, row.lawyer_id].filter((id): id is string => !!id),
    }));
    const due = [
      ...(dueRule ? deadlineReminders({ today: on, rule: dueRule, deadlines }) : []),
      ...(overdueRule ? deadlineReminders({ today: on, rule: overdueRule, deadlines }) : []),
    ];
    return due.map((reminder) => {
      const row = byId.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, row.case_id);
      const summary = this.summaryOf(money, row.case_id, row.case_number, on);
      const message =
        reminder.kind === 'instalment_due'
          ? instalmentDueMessage({ ...summary, instalmentFen: fenFromDb(row.amount_fen), dueOn: row.due_on, daysLeft: reminder.daysLeft })
          : instalmentOverdueMessage({ ...summary, unpaidFen: fenFromDb(row.unpaid_fen), dueOn: row.due_on, daysOverdue: -reminder.daysLeft });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link };
    });
  }

  private async sessionsTomorrow(on: string, money: CaseMoney, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const rows: { id: string; starts_at: Date; place: string | null; room_name: string | null; case_id: string; case_number: string; mediator_id: string; lawyer_id: string | null }[] =
      await this.dataSource.query(SESSIONS_TOMORROW_SQL, [on]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: rows.map((row) => ({
        subject: row.id,
        dueOn: shanghaiTimestamp(new Date(row.starts_at)).slice(0, 10),
        recipients: [row.mediator_id, row.lawyer_id].filter((id): id is string => !!id),
      })),
    });
    return due.map((reminder) => {
      const row = byId.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, row.case_id);
      const startsAt = shanghaiTimestamp(new Date(row.starts_at));
      const message = sessionTomorrowMessage({
        ...this.summaryOf(money, row.case_id, row.case_number, on),
        sessionOn: startsAt.slice(0, 10),
        startsAt: startsAt.slice(11, 16),
        place: row.room_name ?? row.place,
      });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link };
    });
  }

  /** The 15 days of mediation (LDMAA art. 14), counted with the statutory holidays. */
  private async mediationLimits(on: string, money: CaseMoney, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const rows: { case_id: string; case_number: string; lawyer_id: string | null; mediator_id: string | null; mediating_since: string | null }[] =
      await this.dataSource.query(CASES_IN_MEDIATION_SQL);
    const calendar = await this.holidays.calendar();
    const limits = new Map(
      rows
        .filter((row) => row.mediating_since)
        .map((row) => [row.case_id, { row, limitOn: endOfPeriod(row.mediating_since!, { days: 15 }, calendar).lastDay }]),
    );
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...limits.values()].map(({ row, limitOn }) => ({
        subject: row.case_id,
        dueOn: limitOn,
        recipients: [row.mediator_id, row.lawyer_id].filter((id): id is string => !!id),
      })),
    });
    return due.map((reminder) => {
      const { row, limitOn } = limits.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, row.case_id);
      const message = mediationLimitMessage({
        ...this.summaryOf(money, row.case_id, row.case_number, on),
        limitOn,
        daysLeft: reminder.daysLeft,
      });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link };
    });
  }

  /** The arbitration commission's 5 days to accept and 45 (+15) days to award (LDMAA arts. 29, 43). */
  private async arbitrations(on: string, money: CaseMoney, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const rows: { case_id: string; case_number: string; lawyer_id: string | null; mediator_id: string | null; arbitration_applied_on: string; arbitration_accepted_on: string | null; arbitration_extended: boolean }[] =
      await this.dataSource.query(ARBITRATIONS_SQL);
    const calendar = await this.holidays.calendar();
    const clocks = new Map<string, { row: (typeof rows)[number]; name: string; dueOn: string }>();
    for (const row of rows) {
      const [subject, name, dueOn] = row.arbitration_accepted_on
        ? [`${row.case_id}:award`, '仲裁裁决期限', endOfPeriod(row.arbitration_accepted_on, { days: row.arbitration_extended ? 60 : 45 }, calendar).lastDay]
        : [`${row.case_id}:acceptance`, '仲裁受理期限', endOfPeriod(row.arbitration_applied_on, { days: 5 }, calendar).lastDay];
      clocks.set(subject, { row, name, dueOn });
    }
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...clocks.entries()].map(([subject, { row, dueOn }]) => ({
        subject,
        dueOn,
        recipients: [row.lawyer_id, row.mediator_id].filter((id): id is string => !!id),
      })),
    });
    return due.map((reminder) => {
      const { row, name, dueOn } = clocks.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, row.case_id);
      const message = arbitrationDeadlineMessage({
        ...this.summaryOf(money, row.case_id, row.case_number, on),
        deadlineName: name,
        dueOn,
        daysLeft: reminder.daysLeft,
      });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link };
    });
  }

  /** Each worker's limitation year (LDMAA art. 27), for the lawyer: apply or interrupt it in time. */
  private async limitations(on: string, money: CaseMoney, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const rows: { claim_id: string; worker_id: string; name: string; case_id: string; case_number: string; lawyer_id: string | null; mediator_id: string | null; knew_on: string; employment_ongoing: boolean; employment_ended_on: string | null; intake_date: string; signed_on: string | null; first_paid_on: string | null }[] =
      await this.dataSource.query(LIMITATIONS_SQL, [on]);
    const calendar = await this.holidays.calendar();
    const clocks = new Map<string, { row: (typeof rows)[number]; dueOn: string }>();
    for (const row of rows) {
      const deadline = workerLimitation(
        {
          workerId: row.worker_id,
          knewOn: row.knew_on,
          employmentEndedOn: row.employment_ended_on,
          employmentOngoing: row.employment_ongoing,
          interruptions: [row.intake_date, row.signed_on, row.first_paid_on].filter((d): d is string => !!d),
        },
        on,
        calendar,
      );
      if (deadline.dueOn) clocks.set(row.claim_id, { row, dueOn: deadline.dueOn });
    }
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...clocks.entries()].map(([subject, { row, dueOn }]) => ({
        subject,
        dueOn,
        recipients: [row.lawyer_id].filter((id): id is string => !!id),
      })),
    });
    return due.map((reminder) => {
      const { row, dueOn } = clocks.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, row.case_id);
      const message = limitationDeadlineMessage({
        ...this.summaryOf(money, row.case_id, row.case_number, on),
        caseNumber: `${row.case_number}（${row.name}）`,
        dueOn,
        daysLeft: reminder.daysLeft,
      });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link };
    });
  }

  /** Every day of the season, each leader's digest of what is still unpaid in their scope, by organisation. */
  private async digests(on: string, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const rows: { leader_id: string; scope_id: string; scope_name: string; organisation_name: string; cases: number; workers: number; outstanding_fen: string; paid_since_yesterday_fen: string }[] =
      await this.dataSource.query(DIGEST_SQL, [on]);
    const { settings: season } = await this.season.settings(seasonFestivalYear(on));
    const due = digestReminders({
      today: on,
      rule,
      season,
      leaders: [...new Map(rows.map((row) => [`${row.leader_id}/${row.scope_id}`, { leaderId: row.leader_id, scopeId: row.scope_id }])).values()],
    });
    return due.map((reminder) => {
      const mine = rows.filter((row) => row.leader_id === reminder.recipientId && row.scope_id === reminder.subject);
      const message = digestMessage({
        scopeName: mine[0].scope_name,
        rows: mine.map((row) => ({
          organisationName: row.organisation_name,
          cases: row.cases,
          workers: row.workers,
          outstandingFen: fenFromDb(row.outstanding_fen),
        })),
        paidSinceYesterdayFen: fenFromDb(mine[0].paid_since_yesterday_fen),
        daysToEve: reminder.daysLeft,
      });
      return { ...reminder, caseId: null, title: message.title, body: message.body, link: this.config.publicBaseUrl };
    });
  }

  /** 30, 14, 7, 3 and 1 days before the festival's eve, every open case still owing money reminds its people. */
  private async festivalCountdown(on: string, rule: ReminderRule | undefined): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const { eve } = await this.season.on(on);
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
