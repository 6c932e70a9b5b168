import { Inject, Injectable } from '@nestjs/common';
import { Page, PageQuery } from '../common/http/pagination';
import { AppError } from '../common/errors/app-error';
import { labelOf } from '../common/labels/labels';
import { fenFromDb, sumFen } from '../common/money/money';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { daysBetween } from '../common/time/calendar-days';
import { groupBy } from '../common/collections';
import { ClaimsService } from '../claims/claims.service';
import type { CaseTotals } from '../cases/domain/case-totals';
import { CaseClockSet, LegalClocksService } from '../legal-clocks/legal-clocks.service';
import type { Deadline } from '../legal-clocks/domain/legal-clocks';
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
  caseRecipients,
  CountdownReminder,
  ReminderKind,
  ReminderRule,
  deadlineReminders,
  digestReminders,
  festivalReminders,
} from './domain/reminder-policy';
import { festivalEve, seasonFestivalYear } from '../campaign/domain/spring-festival';
import { RemindersRepository } from './reminders.repository';

/** An open case as the sweep sees it on its day: its people, its organisation and its money then. */
interface OpenCase {
  id: string;
  caseNumber: string;
  lawyerId: string | null;
  mediatorId: string | null;
  organisationId: string;
  money: CaseTotals;
}

/** Per open case id. */
type OpenCases = Map<string, OpenCase>;

/** The legal clocks of the open cases on the sweep's day, computed only when a rule needs them. */
type ClocksOnDay = () => Promise<CaseClockSet[]>;

/** A deadline still to be met: running, due today or overdue (not satisfied, not stopped). */
function isPending(deadline: Deadline): deadline is Deadline & { dueOn: string } {
  return deadline.dueOn !== null && (deadline.state === 'running' || deadline.state === 'due_today' || deadline.state === 'overdue');
}

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
    private readonly transactions: Transactions,
    private readonly repository: RemindersRepository,
    private readonly delivery: DeliveryService,
    private readonly clocks: LegalClocksService,
    private readonly claims: ClaimsService,
    private readonly season: SeasonService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(on: string, dryRun: boolean): Promise<SweepResult> {
    const rules = await this.rules();
    const open = await this.openCases(on);
    let clocks: Promise<CaseClockSet[]> | null = null;
    const clocksOnDay: ClocksOnDay = () => (clocks ??= this.clocks.clocksOf([...open.keys()], on));
    const planned = [
      ...(await this.festivalCountdown(on, open, rules.get('festival_countdown'))),
      ...(await this.instalments(on, open, clocksOnDay, rules.get('instalment_due'), rules.get('instalment_overdue'))),
      ...(await this.sessionsTomorrow(on, open, rules.get('session_tomorrow'))),
      ...(await this.mediationLimits(on, open, clocksOnDay, rules.get('mediation_limit'))),
      ...(await this.digests(on, open, rules.get('leader_digest'))),
      ...(await this.arbitrations(on, open, clocksOnDay, rules.get('arbitration_deadline'))),
      ...(await this.limitations(on, open, clocksOnDay, rules.get('limitation_deadline'))),
    ];
    if (dryRun || planned.length === 0) return { on, dryRun, planned: planned.length, created: 0, reminders: planned };
    // The reminders and their deliveries commit together: no reminder without its outbox rows.
    const inserted = await this.transactions.run(async (tx) => {
      const rows = await this.repository.insertReminders(tx, planned);
      await this.delivery.enqueue(tx, rows.map((row) => row.id));
      return rows;
    });
    return { on, dryRun, planned: planned.length, created: inserted.length, reminders: planned };
  }

  /** The open cases with their money as it stood at the end of the sweep's day, loaded once per sweep. */
  private async openCases(on: string): Promise<OpenCases> {
    const rows = await this.repository.openCases(this.transactions.none);
    const money = await this.claims.totals(this.transactions.none, rows.map((row) => row.id), on);
    return new Map(
      rows.map((row) => [
        row.id,
        { id: row.id, caseNumber: row.case_number, lawyerId: row.lawyer_id, mediatorId: row.mediator_id, organisationId: row.organisation_id, money: money.get(row.id)! },
      ]),
    );
  }

  /** What a deadline message says about its case: who is still owed how much, the link, the days to the eve. */
  private summaryOf(open: OpenCases, caseId: string, caseNumber: string, on: string) {
    const money = open.get(caseId)?.money;
    return {
      caseNumber,
      workersOwed: money?.workersOwed ?? 0,
      outstandingFen: money?.outstandingFen ?? 0n,
      link: caseLink(this.config.publicBaseUrl, caseId),
      daysToEve: this.daysToEve(on),
    };
  }

  async rules(): Promise<Map<ReminderKind, ReminderRule>> {
    const rows = await this.repository.rules(this.transactions.none);
    return new Map(rows.map((row) => [row.kind, { kind: row.kind, enabled: row.enabled, daysBefore: row.days_before }]));
  }

  async setRule(kind: ReminderKind, enabled: boolean, daysBefore: number[]): Promise<void> {
    await this.transactions.run(async (tx) => {
      const updated = await this.repository.updateRule(tx, kind, enabled, [...new Set(daysBefore)].sort((a, b) => b - a));
      if (updated === 0) throw AppError.invalidField('kind', 'NOT_FOUND');
    });
  }

  async inbox(userId: string, query: PageQuery, unreadOnly: boolean): Promise<Page<InboxReminderView>> {
    const total = await this.repository.inboxTotal(this.transactions.none, userId, unreadOnly);
    const items = await this.repository.inboxPage(this.transactions.none, userId, unreadOnly, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.repository.unreadCount(this.transactions.none, userId);
  }

  async markRead(userId: string, reminderId: string): Promise<void> {
    const count = await this.repository.markRead(this.transactions.none, userId, reminderId);
    if (count === 0) throw new AppError('REMINDER_NOT_FOUND');
  }

  /** Marks every unread reminder of the user read; how many that was. */
  async markAllRead(userId: string): Promise<number> {
    return this.repository.markAllRead(this.transactions.none, userId);
  }

  private daysToEve(on: string): number {
    return daysBetween(on, festivalEve(seasonFestivalYear(on)));
  }

  /** Instalments due soon (instalment_due) and those overdue, every day until paid (instalment_overdue). */
  private async instalments(on: string, open: OpenCases, clocksOnDay: ClocksOnDay, dueRule?: ReminderRule, overdueRule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!dueRule?.enabled && !overdueRule?.enabled) return [];
    const unpaid = new Map(
      (await clocksOnDay()).flatMap((clocks) =>
        clocks.instalments
          .filter((instalment) => instalment.paidFen < instalment.amountFen)
          .map((instalment) => [instalment.id, { clocks, instalment }] as const),
      ),
    );
    // The instalments' deadlines, as the legal clocks name them.
    const deadlines = [...unpaid.values()].flatMap(({ clocks, instalment }) =>
      clocks.deadlines
        .filter((deadline) => deadline.clock === 'instalment' && deadline.subject === instalment.id)
        .filter(isPending)
        .map((deadline) => ({ subject: instalment.id, dueOn: deadline.dueOn, recipients: caseRecipients('instalment_due', clocks) })),
    );
    const due = [
      ...(dueRule ? deadlineReminders({ today: on, rule: dueRule, deadlines }) : []),
      ...(overdueRule ? deadlineReminders({ today: on, rule: overdueRule, deadlines }) : []),
    ];
    return due.map((reminder) => {
      const { clocks, instalment } = unpaid.get(reminder.subject)!;
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message =
        reminder.kind === 'instalment_due'
          ? instalmentDueMessage({ ...summary, instalmentFen: instalment.amountFen, dueOn: instalment.dueOn, daysLeft: reminder.daysLeft })
          : instalmentOverdueMessage({ ...summary, unpaidFen: instalment.amountFen - instalment.paidFen, dueOn: instalment.dueOn, daysOverdue: -reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  private async sessionsTomorrow(on: string, open: OpenCases, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const rows = await this.repository.sessionsTomorrow(this.transactions.none, on);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: rows.map((row) => ({
        subject: row.id,
        dueOn: shanghaiTimestamp(new Date(row.starts_at)).slice(0, 10),
        recipients: caseRecipients('session_tomorrow', { lawyerId: row.lawyer_id, mediatorId: row.mediator_id }),
      })),
    });
    return due.map((reminder) => {
      const row = byId.get(reminder.subject)!;
      const startsAt = shanghaiTimestamp(new Date(row.starts_at));
      const summary = this.summaryOf(open, row.case_id, row.case_number, on);
      const message = sessionTomorrowMessage({
        ...summary,
        sessionOn: startsAt.slice(0, 10),
        startsAt: startsAt.slice(11, 16),
        place: row.room_name ?? row.place,
      });
      return { ...reminder, caseId: row.case_id, title: message.title, body: message.body, link: summary.link };
    });
  }

  /** The 15 days of mediation (LDMAA art. 14), as the legal clocks count them. */
  private async mediationLimits(on: string, open: OpenCases, clocksOnDay: ClocksOnDay, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const limits = new Map(
      (await clocksOnDay()).flatMap((clocks) =>
        clocks.deadlines
          .filter((deadline) => deadline.clock === 'mediation')
          .filter(isPending)
          .map((deadline) => [clocks.caseId, { clocks, limitOn: deadline.dueOn }] as const),
      ),
    );
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...limits.values()].map(({ clocks, limitOn }) => ({
        subject: clocks.caseId,
        dueOn: limitOn,
        recipients: caseRecipients('mediation_limit', clocks),
      })),
    });
    return due.map((reminder) => {
      const { clocks, limitOn } = limits.get(reminder.subject)!;
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message = mediationLimitMessage({ ...summary, limitOn, daysLeft: reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  /** The arbitration commission's 5 days to accept and 45 (+15) days to award (LDMAA arts. 29, 43). */
  private async arbitrations(on: string, open: OpenCases, clocksOnDay: ClocksOnDay, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const names: Partial<Record<Deadline['clock'], { suffix: string; name: string }>> = {
      arbitration_acceptance: { suffix: 'acceptance', name: labelOf('clockKind', 'arbitration_acceptance') },
      arbitration_award: { suffix: 'award', name: labelOf('clockKind', 'arbitration_award') },
    };
    const pending = new Map<string, { clocks: CaseClockSet; name: string; dueOn: string }>(
      (await clocksOnDay()).flatMap((clocks) =>
        clocks.deadlines.filter(isPending).flatMap((deadline) => {
          const named = names[deadline.clock];
          return named ? [[`${clocks.caseId}:${named.suffix}`, { clocks, name: named.name, dueOn: deadline.dueOn }] as const] : [];
        }),
      ),
    );
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...pending.entries()].map(([subject, { clocks, dueOn }]) => ({
        subject,
        dueOn,
        recipients: caseRecipients('arbitration_deadline', clocks),
      })),
    });
    return due.map((reminder) => {
      const { clocks, name, dueOn } = pending.get(reminder.subject)!;
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message = arbitrationDeadlineMessage({ ...summary, deadlineName: name, dueOn, daysLeft: reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  /** Each worker's limitation year (LDMAA art. 27), for the lawyer: apply or interrupt it in time. */
  private async limitations(on: string, open: OpenCases, clocksOnDay: ClocksOnDay, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const pending = new Map(
      (await clocksOnDay()).flatMap((clocks) =>
        clocks.claims
          .filter((claim) => isPending(claim.limitation))
          .map((claim) => [claim.claimId, { clocks, workerName: claim.workerName, dueOn: claim.limitation.dueOn! }] as const),
      ),
    );
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...pending.entries()].map(([subject, { clocks, dueOn }]) => ({ subject, dueOn, recipients: caseRecipients('limitation_deadline', clocks) })),
    });
    return due.map((reminder) => {
      const { clocks, workerName, dueOn } = pending.get(reminder.subject)!;
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message = limitationDeadlineMessage({
        ...summary,
        caseNumber: `${clocks.caseNumber}（${workerName}）`,
        dueOn,
        daysLeft: reminder.daysLeft,
      });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  /**
   * Every day of the season, each leader's digest of what is still unpaid in their scope, by
   * organisation, from the same open-case money as every other reminder.
   */
  private async digests(on: string, open: OpenCases, rule?: ReminderRule): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const { settings: season } = await this.season.settings(seasonFestivalYear(on));
    const leaders = await this.repository.leaders(this.transactions.none);
    if (leaders.length === 0) return [];
    const organisations = await this.repository.organisations(this.transactions.none);
    const paidRows = await this.repository.paidSinceYesterday(this.transactions.none, on);
    const paidSinceYesterday = new Map(paidRows.map((row) => [row.organisation_id, fenFromDb(row.paid_fen)]));
    const owingByOrganisation = groupBy(
      [...open.values()].filter((openCase) => openCase.money.outstandingFen > 0n),
      (openCase) => openCase.organisationId,
    );
    const digestOf = new Map(
      leaders.map((leader) => {
        const inScope = organisations.filter((organisation) => organisation.path.startsWith(leader.scope_path));
        const rows = inScope
          .filter((organisation) => owingByOrganisation.has(organisation.id))
          .map((organisation) => {
            const owing = owingByOrganisation.get(organisation.id)!;
            return {
              organisationName: organisation.name,
              cases: owing.length,
              workers: owing.reduce((sum, openCase) => sum + openCase.money.workersOwed, 0),
              outstandingFen: sumFen(owing.map((openCase) => openCase.money.outstandingFen)),
            };
          });
        const paidFen = sumFen(inScope.map((organisation) => paidSinceYesterday.get(organisation.id) ?? 0n));
        return [`${leader.leader_id}/${leader.scope_id}`, { leader, rows, paidFen }] as const;
      }),
    );
    // A leader whose scope owes nothing has no digest to read.
    const owing = [...digestOf.values()].filter((digest) => digest.rows.length > 0);
    const due = digestReminders({
      today: on,
      rule,
      season,
      leaders: owing.map(({ leader }) => ({ leaderId: leader.leader_id, scopeId: leader.scope_id })),
    });
    return due.map((reminder) => {
      const { leader, rows, paidFen } = digestOf.get(`${reminder.recipientId}/${reminder.subject}`)!;
      const message = digestMessage({ scopeName: leader.scope_name, rows, paidSinceYesterdayFen: paidFen, daysToEve: reminder.daysLeft });
      return { ...reminder, caseId: null, title: message.title, body: message.body, link: this.config.publicBaseUrl };
    });
  }

  /** 30, 14, 7, 3 and 1 days before the festival's eve, every open case still owing money reminds its people. */
  private async festivalCountdown(on: string, open: OpenCases, rule: ReminderRule | undefined): Promise<PlannedReminder[]> {
    if (!rule?.enabled) return [];
    const { eve } = await this.season.on(on);
    const owing = [...open.values()].filter((openCase) => openCase.money.outstandingFen > 0n && (openCase.lawyerId || openCase.mediatorId));
    const due = festivalReminders({
      today: on,
      eve,
      rule,
      cases: owing.map((openCase) => ({
        caseId: openCase.id,
        lawyerId: openCase.lawyerId,
        mediatorId: openCase.mediatorId,
        outstandingFen: openCase.money.outstandingFen,
      })),
    });
    return due.map((reminder) => {
      const openCase = open.get(reminder.subject)!;
      const link = caseLink(this.config.publicBaseUrl, openCase.id);
      const message = festivalMessage({
        caseNumber: openCase.caseNumber,
        workersOwed: openCase.money.workersOwed,
        outstandingFen: openCase.money.outstandingFen,
        daysToEve: reminder.daysLeft,
        link,
      });
      return { ...reminder, caseId: openCase.id, title: message.title, body: message.body, link };
    });
  }
}
