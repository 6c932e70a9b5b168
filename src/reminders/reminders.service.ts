import { Inject, Injectable } from '@nestjs/common';
import { Page, PageQuery } from '../common/http/pagination';
import { AppError } from '../common/errors/app-error';
import { labelOf } from '../common/labels/labels';
import { fenFromDb, sumFen } from '../common/money/money';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { daysBetween } from '../common/time/calendar-days';
import { CaseClockSet, LegalClocksService, StoredDeadline } from '../legal-clocks/legal-clocks.service';
import type { CaseTotals } from '../cases/domain/case-totals';
import { ClockKind, DayRange, isRunning } from '../legal-clocks/domain/legal-clocks';
import { DeliveryService } from './delivery.service';
import { InboxReminderView } from './reminders.view';
import { SeasonService } from '../campaign/season.service';
import { shanghaiTimestamp } from '../common/time/shanghai';
import {
  arbitrationDeadlineMessage,
  callbackDueMessage,
  callbackUnsatisfiedMessage,
  workerReportLink,
  workerReportOverdueMessage,
  caseLink,
  digestMessage,
  limitationDeadlineMessage,
  festivalMessage,
  FESTIVAL_CASES_NAMED,
  owingCasesLink,
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
  festivalCountdownFires,
  festivalReminders,
  festivalWorklists,
  ruleDueWindow,
} from './domain/reminder-policy';
import { FIRST_SEASON_DAY, LAST_SEASON_DAY, festivalEve, seasonFestivalYear } from '../campaign/domain/spring-festival';
import { RemindersRepository } from './reminders.repository';
import type { CallbackReminderRow } from '../callbacks/callback.record';
import { CallbacksService } from '../callbacks/callbacks.service';
import { WorkerReportsService } from '../worker-reports/worker-reports.service';

/** An open case as the sweep sees it on its day: its people, its organisation and its money then. */
interface OpenCase {
  id: string;
  lawyerId: string | null;
  mediatorId: string | null;
  organisationId: string;
  /** What the case owed at the end of the sweep's day, and to how many of its workers. */
  money: Pick<CaseTotals, 'outstandingFen' | 'workersOwed'>;
}

/** Per open case id. */
type OpenCases = Map<string, OpenCase>;

/** Reminders written per statement: a city's day is tens of thousands (a countdown day, over a hundred thousand). */
const REMINDERS_PER_STATEMENT = 5_000;

export interface PlannedReminder extends CountdownReminder {
  caseId: string | null;
  title: string;
  body: string;
  link: string | null;
}

/**
 * What a rule makes due on the sweep's day, and how its reminders read: worded only for those to be
 * written (a second run of a day writes none) or shown (a dry run shows the most pressing).
 */
interface DueReminders {
  due: CountdownReminder[];
  /** The case a reminder is about, whose money as of the day its words give; null for none. */
  caseOf: (reminder: CountdownReminder) => string | null;
  /** The words of these reminders, with the money of their cases. */
  worded: (reminders: CountdownReminder[], open: OpenCases) => PlannedReminder[] | Promise<PlannedReminder[]>;
}

const NOTHING_DUE: DueReminders = { due: [], caseOf: () => null, worded: () => [] };

/** The ends of a window a rule leaves open (it fires every day before, or after, its date). */
const FAR_PAST = '1900-01-01';
const FAR_FUTURE = '9999-12-31';

export interface SweepResult {
  on: string;
  dryRun: boolean;
  planned: number;
  created: number;
  /** Of a dry run, how many of each kind it would make. */
  byKind: Map<ReminderKind, number>;
  /** Of a dry run, the most pressing of them (PREVIEW_SHOWN at most, `mostPressingFirst`); none of a real run. */
  reminders: PlannedReminder[];
}

/**
 * The reminders a preview shows: a city's busy day makes some 50,000, which would take the service's
 * memory and the browser's table with them; the counts per kind say how many there are of each.
 */
export const PREVIEW_SHOWN = 500;

const URGENCY_RANK: Record<CountdownReminder['urgency'], number> = { urgent: 0, warning: 1, info: 2 };

/** The PREVIEW_SHOWN most pressing of these, most pressing first. */
function mostPressing<T extends CountdownReminder>(reminders: T[]): T[] {
  return reminders.sort(mostPressingFirst).slice(0, PREVIEW_SHOWN);
}

/** The most urgent first, then the fewest days left; the same order every time for the same reminders. */
function mostPressingFirst(a: CountdownReminder, b: CountdownReminder): number {
  return (
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    a.daysLeft - b.daysLeft ||
    a.kind.localeCompare(b.kind) ||
    a.subject.localeCompare(b.subject) ||
    a.recipientId.localeCompare(b.recipientId)
  );
}

/**
 * The reminder sweep: what the rules make due on a day, found with a few queries per rule (the legal
 * deadlines from those stored running per case, whose clocks are computed only for the reminders to be
 * written, so a second run of a day computes none) and written some thousands per statement; the unique key of each reminder makes a second sweep of the same day (a
 * retry, a restart, another instance) write nothing. Time is an argument, so any day of a season can
 * be swept.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: RemindersRepository,
    private readonly delivery: DeliveryService,
    private readonly clocks: LegalClocksService,
    private readonly season: SeasonService,
    private readonly callbacks: CallbacksService,
    private readonly workerReports: WorkerReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(on: string, dryRun: boolean): Promise<SweepResult> {
    // the sweep reads the season of its day (the festival countdown): only days whose festival the calendar knows have one
    if (on < FIRST_SEASON_DAY) throw AppError.invalidField('on', 'TOO_SMALL', { min: FIRST_SEASON_DAY });
    if (on > LAST_SEASON_DAY) throw AppError.invalidField('on', 'TOO_LARGE', { max: LAST_SEASON_DAY });
    const rules = await this.rules();
    const result: SweepResult = { on, dryRun, planned: 0, created: 0, byKind: new Map(), reminders: [] };
    // What an earlier run of the day wrote, read once per kind (what this run writes, it does not find again).
    const written = new Map<ReminderKind, Promise<Set<string>>>();
    const writtenOf = (kind: ReminderKind) => {
      if (!written.has(kind)) written.set(kind, this.repository.writtenOn(this.transactions.none, on, kind));
      return written.get(kind)!;
    };
    // A dry run counts the reminders and keeps the most pressing, worded; a real one writes those not yet written as they are found.
    const found = async (rulesDue: DueReminders[]) => {
      for (const rule of rulesDue) {
        result.planned += rule.due.length;
        if (dryRun) {
          for (const reminder of rule.due) result.byKind.set(reminder.kind, (result.byKind.get(reminder.kind) ?? 0) + 1);
          // worded: only those more pressing than the last of those kept so far
          const last = result.reminders.length < PREVIEW_SHOWN ? undefined : result.reminders[PREVIEW_SHOWN - 1];
          const contenders = mostPressing(last ? rule.due.filter((reminder) => mostPressingFirst(reminder, last) < 0) : rule.due);
          if (contenders.length > 0) result.reminders = mostPressing([...result.reminders, ...(await this.worded(on, rule, contenders))]);
        } else {
          const kinds = [...new Set(rule.due.map((reminder) => reminder.kind))];
          const writtenBefore = new Map(await Promise.all(kinds.map(async (kind) => [kind, await writtenOf(kind)] as const)));
          const fresh = rule.due.filter((reminder) => !writtenBefore.get(reminder.kind)!.has(`${reminder.subject} ${reminder.recipientId}`));
          // a part at a time: a countdown day words some 130,000 reminders, which held at once outgrow the heap
          for (let start = 0; start < fresh.length; start += REMINDERS_PER_STATEMENT) {
            result.created += await this.write(await this.worded(on, rule, fresh.slice(start, start + REMINDERS_PER_STATEMENT)));
          }
        }
      }
    };
    await found([
      await this.festivalCountdown(on, rules.get('festival_countdown')),
      await this.sessionsTomorrow(on, rules.get('session_tomorrow')),
      await this.digests(on, rules.get('leader_digest')),
      await this.callbacksDue(on, rules.get('callback_due')),
      await this.callbacksUnsatisfied(on, rules.get('callback_unsatisfied')),
      await this.workerReportsOverdue(on, rules.get('worker_report_overdue')),
    ]);
    // The deadline rules fire for the running deadlines stored per case; the clocks are computed only to word what is written.
    const stored = await this.clocks.pendingFallingDue(this.dueWindows(on, rules), on);
    await found([
      this.instalments(on, stored, rules.get('instalment_due'), rules.get('instalment_overdue')),
      this.mediationLimits(on, stored, rules.get('mediation_limit')),
      this.arbitrations(on, stored, rules.get('arbitration_deadline')),
      this.limitations(on, stored, rules.get('limitation_deadline')),
    ]);
    return result;
  }

  /**
   * Writes reminders with their deliveries, some thousands per statement; returns how many were new.
   * Each part commits its reminders with their outbox rows (no reminder without them); a sweep stopped
   * half way leaves the rest to the next run, which the unique keys keep from writing anything twice.
   */
  private async write(reminders: PlannedReminder[]): Promise<number> {
    let created = 0;
    for (let start = 0; start < reminders.length; start += REMINDERS_PER_STATEMENT) {
      const part = reminders.slice(start, start + REMINDERS_PER_STATEMENT);
      created += await this.transactions.run(async (tx) => {
        const rows = await this.repository.insertReminders(tx, part);
        await this.delivery.enqueue(tx, rows.map((row) => row.id));
        return rows.length;
      });
    }
    return created;
  }

  /** Reminders of a rule worded, with the money as of the day of the cases they are about (read for those cases only). */
  private async worded(on: string, rule: DueReminders, reminders: CountdownReminder[]): Promise<PlannedReminder[]> {
    const caseIds = [...new Set(reminders.map(rule.caseOf).filter((caseId): caseId is string => caseId !== null))];
    return rule.worded(reminders, caseIds.length === 0 ? new Map() : await this.openCases(on, caseIds));
  }

  /**
   * Open cases (these, or all) with their money as it stood at the end of the sweep's day, from the
   * per-case summary the reports keep exact (reminders.sql.ts says how a back-dated day is reckoned).
   */
  private async openCases(on: string, caseIds?: string[]): Promise<OpenCases> {
    const rows = await this.repository.openCases(this.transactions.none, on, caseIds);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          lawyerId: row.lawyer_id,
          mediatorId: row.mediator_id,
          organisationId: row.organisation_id,
          money: { outstandingFen: fenFromDb(row.outstanding_fen), workersOwed: row.workers_owed },
        },
      ]),
    );
  }

  /** The due days each legal clock's deadlines can fire for on the sweep's day, as each rule says (`ruleDueWindow`). */
  private dueWindows(on: string, rules: Map<ReminderKind, ReminderRule>): Partial<Record<ClockKind, DayRange>> {
    const window = (kind: ReminderKind) => {
      const rule = rules.get(kind);
      return rule ? (ruleDueWindow(rule, on) ?? undefined) : undefined;
    };
    const due = window('instalment_due');
    const overdue = window('instalment_overdue');
    const arbitration = window('arbitration_deadline');
    return {
      mediation: window('mediation_limit'),
      arbitration_acceptance: arbitration,
      arbitration_award: arbitration,
      limitation: window('limitation_deadline'),
      // the two instalment rules look at one span of due days: overdue ones before the day, due ones from it
      instalment: due && overdue ? spanOf(due, overdue) : (due ?? overdue),
    };
  }

  /**
   * The reminders of deadline rules for stored running deadlines (each under the subject its reminders
   * name), worded from the clocks of their cases computed then, with their workers' for a limitation
   * year. A deadline whose clock no longer says so (its case written to since it was read) is left
   * for the next run, which reads it again.
   */
  private storedDeadlineReminders(
    on: string,
    rules: (ReminderRule | undefined)[],
    deadlines: Map<string, StoredDeadline>,
    words: (reminder: CountdownReminder, clocks: CaseClockSet, stored: StoredDeadline, open: OpenCases) => PlannedReminder,
  ): DueReminders {
    const due = rules
      .filter((rule): rule is ReminderRule => rule?.enabled === true)
      .flatMap((rule) =>
        deadlineReminders({
          today: on,
          rule,
          deadlines: [...deadlines].map(([subject, stored]) => ({ subject, dueOn: stored.dueOn, recipients: caseRecipients(rule.kind, stored) })),
        }),
      );
    const caseOf = (reminder: CountdownReminder) => deadlines.get(reminder.subject)!.caseId;
    const limitation = [...deadlines.values()].some((stored) => stored.clock === 'limitation');
    return {
      due,
      caseOf,
      worded: async (reminders, open) => {
        const caseIds = [...new Set(reminders.map(caseOf))];
        const computed = await this.clocks.clocksOf(caseIds, on, { workersOf: limitation ? new Set(caseIds) : new Set() });
        const clocksOf = new Map(computed.map((clocks) => [clocks.caseId, clocks]));
        const running = new Set(
          computed.flatMap((clocks) =>
            [...clocks.deadlines, ...clocks.workers].filter(isRunning).map((deadline) => `${clocks.caseId}/${deadline.clock}/${deadline.subject}/${deadline.dueOn}`),
          ),
        );
        return reminders.flatMap((reminder) => {
          const stored = deadlines.get(reminder.subject)!;
          const stillRunning = running.has(`${stored.caseId}/${stored.clock}/${stored.subject}/${stored.dueOn}`);
          return stillRunning ? [words(reminder, clocksOf.get(stored.caseId)!, stored, open)] : [];
        });
      },
    };
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

  /** Days from `on` to its season's eve; remembered for the last day asked, as every reminder of a sweep asks it (the festival's date comes from the lunar calendar, not cheap). */
  private daysToEve(on: string): number {
    if (this.eveDays?.on !== on) this.eveDays = { on, days: daysBetween(on, festivalEve(seasonFestivalYear(on))) };
    return this.eveDays.days;
  }

  private eveDays: { on: string; days: number } | null = null;

  /** Instalments due soon (instalment_due) and those overdue, every day until paid (instalment_overdue). */
  private instalments(on: string, stored: StoredDeadline[], dueRule?: ReminderRule, overdueRule?: ReminderRule): DueReminders {
    if (!dueRule?.enabled && !overdueRule?.enabled) return NOTHING_DUE;
    const unpaid = new Map(stored.filter((deadline) => deadline.clock === 'instalment').map((deadline) => [deadline.subject, deadline]));
    return this.storedDeadlineReminders(on, [dueRule, overdueRule], unpaid, (reminder, clocks, deadline, open) => {
      const instalment = clocks.instalments.find((candidate) => candidate.id === deadline.subject)!;
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message =
        reminder.kind === 'instalment_due'
          ? instalmentDueMessage({ ...summary, instalmentFen: instalment.amountFen, dueOn: instalment.dueOn, daysLeft: reminder.daysLeft })
          : instalmentOverdueMessage({ ...summary, unpaidFen: instalment.amountFen - instalment.paidFen, dueOn: instalment.dueOn, daysOverdue: -reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  private async sessionsTomorrow(on: string, rule?: ReminderRule): Promise<DueReminders> {
    if (!rule?.enabled) return NOTHING_DUE;
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
    return {
      due,
      caseOf: (reminder) => byId.get(reminder.subject)!.case_id,
      worded: (reminders, open) =>
        reminders.map((reminder) => {
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
        }),
    };
  }

  /** 结案回访: the callbacks after closing falling due, to whoever must make each. */
  private async callbacksDue(on: string, rule?: ReminderRule): Promise<DueReminders> {
    const window = rule ? ruleDueWindow(rule, on) : null;
    if (!rule || !window) return NOTHING_DUE;
    const rows = await this.callbacks.fallingDue(window.from ?? on, window.to ?? FAR_FUTURE);
    return this.callbackReminders(on, rule, rows, (row, reminder, link) =>
      callbackDueMessage({ caseNumber: row.case_number, link, closedOn: row.closed_on, dueOn: row.on, daysLeft: reminder.daysLeft }),
    );
  }

  /** 回访不满意: answers "not satisfied" no leader has followed up, to every leader whose scope holds the case. */
  private async callbacksUnsatisfied(on: string, rule?: ReminderRule): Promise<DueReminders> {
    const window = rule ? ruleDueWindow(rule, on) : null;
    if (!rule || !window) return NOTHING_DUE;
    const rows = await this.callbacks.unsatisfiedForLeaders(window.from ?? FAR_PAST, window.to ?? on);
    return this.callbackReminders(on, rule, rows, (row, reminder, link) =>
      callbackUnsatisfiedMessage({ caseNumber: row.case_number, link, calledOn: row.on, daysSince: -reminder.daysLeft }),
    );
  }

  /** 网上反映超期: workers' online reports still waiting after their days, to whoever may take them. */
  private async workerReportsOverdue(on: string, rule?: ReminderRule): Promise<DueReminders> {
    const window = rule ? ruleDueWindow(rule, on) : null;
    if (!rule || !window) return NOTHING_DUE;
    const rows = await this.workerReports.overdue(window.from ?? FAR_PAST, window.to ?? on);
    return this.rowReminders(on, rule, rows, {
      dayOf: (row) => row.handle_by_on,
      caseOf: () => null,
      linkOf: (row) => workerReportLink(this.config.publicBaseUrl, row.id),
      words: (row, reminder, link) =>
        workerReportOverdueMessage({
          receiptNumber: row.receipt_number,
          organisationName: row.organisation_name,
          employerName: row.employer_name,
          coWorkers: row.co_workers,
          submittedOn: row.submitted_on,
          handleByOn: row.handle_by_on,
          daysOver: -reminder.daysLeft,
          link,
        }),
    });
  }

  /** The reminders of a callback rule: one subject per callback, its day the row's, to each recipient a row names. */
  private callbackReminders(
    on: string,
    rule: ReminderRule,
    rows: CallbackReminderRow[],
    words: (row: CallbackReminderRow, reminder: CountdownReminder, link: string) => { title: string; body: string },
  ): DueReminders {
    return this.rowReminders(on, rule, rows, {
      dayOf: (row) => row.on,
      caseOf: (row) => row.case_id,
      linkOf: (row) => caseLink(this.config.publicBaseUrl, row.case_id),
      words,
    });
  }

  /**
   * The reminders of a rule whose subjects come as rows, one per subject and recipient (a callback, a
   * worker's report): each subject counts to its row's day, and goes to every recipient its rows name.
   */
  private rowReminders<Row extends { id: string; recipient_id: string }>(
    on: string,
    rule: ReminderRule,
    rows: Row[],
    of: {
      dayOf: (row: Row) => string;
      caseOf: (row: Row) => string | null;
      linkOf: (row: Row) => string;
      words: (row: Row, reminder: CountdownReminder, link: string) => { title: string; body: string };
    },
  ): DueReminders {
    const byId = new Map(rows.map((row) => [row.id, row]));
    const recipients = new Map<string, string[]>();
    for (const row of rows) recipients.set(row.id, [...(recipients.get(row.id) ?? []), row.recipient_id]);
    const due = deadlineReminders({
      today: on,
      rule,
      deadlines: [...byId.values()].map((row) => ({ subject: row.id, dueOn: of.dayOf(row), recipients: recipients.get(row.id)! })),
    });
    return {
      due,
      caseOf: (reminder) => of.caseOf(byId.get(reminder.subject)!),
      worded: (reminders) =>
        reminders.map((reminder) => {
          const row = byId.get(reminder.subject)!;
          const link = of.linkOf(row);
          const message = of.words(row, reminder, link);
          return { ...reminder, caseId: of.caseOf(row), title: message.title, body: message.body, link };
        }),
    };
  }

  /** The 15 days of mediation (LDMAA art. 14), as the legal clocks count them. */
  private mediationLimits(on: string, stored: StoredDeadline[], rule?: ReminderRule): DueReminders {
    if (!rule?.enabled) return NOTHING_DUE;
    const limits = new Map(stored.filter((deadline) => deadline.clock === 'mediation').map((deadline) => [deadline.caseId, deadline]));
    return this.storedDeadlineReminders(on, [rule], limits, (reminder, clocks, deadline, open) => {
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message = mediationLimitMessage({ ...summary, limitOn: deadline.dueOn, daysLeft: reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  /** The arbitration commission's 5 days to accept and 45 (+15) days to award (LDMAA arts. 29, 43). */
  private arbitrations(on: string, stored: StoredDeadline[], rule?: ReminderRule): DueReminders {
    if (!rule?.enabled) return NOTHING_DUE;
    const suffixes: Partial<Record<ClockKind, string>> = { arbitration_acceptance: 'acceptance', arbitration_award: 'award' };
    const pending = new Map(
      stored.flatMap((deadline) => {
        const suffix = suffixes[deadline.clock];
        return suffix ? [[`${deadline.caseId}:${suffix}`, deadline] as const] : [];
      }),
    );
    return this.storedDeadlineReminders(on, [rule], pending, (reminder, clocks, deadline, open) => {
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message = arbitrationDeadlineMessage({ ...summary, deadlineName: labelOf('clockKind', deadline.clock), dueOn: deadline.dueOn, daysLeft: reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  /** Each worker's limitation year (LDMAA art. 27), for the lawyer: apply or interrupt it in time; a reminder per claim. */
  private limitations(on: string, stored: StoredDeadline[], rule?: ReminderRule): DueReminders {
    if (!rule?.enabled) return NOTHING_DUE;
    const pending = new Map(stored.filter((deadline) => deadline.clock === 'limitation' && deadline.claimId !== null).map((deadline) => [deadline.claimId!, deadline]));
    return this.storedDeadlineReminders(on, [rule], pending, (reminder, clocks, deadline, open) => {
      const workerName = clocks.claims.find((claim) => claim.claimId === deadline.claimId)!.workerName;
      const summary = this.summaryOf(open, clocks.caseId, clocks.caseNumber, on);
      const message = limitationDeadlineMessage({ ...summary, caseNumber: `${clocks.caseNumber}（${workerName}）`, dueOn: deadline.dueOn, daysLeft: reminder.daysLeft });
      return { ...reminder, caseId: clocks.caseId, title: message.title, body: message.body, link: summary.link };
    });
  }

  /**
   * Every day of the season, each leader's digest of what is still unpaid in their scope, by
   * organisation, from the same open-case money as every other reminder (added up by the database).
   */
  private async digests(on: string, rule?: ReminderRule): Promise<DueReminders> {
    if (!rule?.enabled) return NOTHING_DUE;
    const { settings: season } = await this.season.settings(seasonFestivalYear(on));
    const leaders = await this.repository.leaders(this.transactions.none);
    if (leaders.length === 0) return NOTHING_DUE;
    const organisations = await this.repository.organisations(this.transactions.none);
    const paidRows = await this.repository.paidSinceYesterday(this.transactions.none, on);
    const paidSinceYesterday = new Map(paidRows.map((row) => [row.organisation_id, fenFromDb(row.paid_fen)]));
    const owingByOrganisation = new Map((await this.repository.owingByOrganisation(this.transactions.none, on)).map((row) => [row.organisation_id, row]));
    const digestOf = new Map(
      leaders.map((leader) => {
        const inScope = organisations.filter((organisation) => organisation.path.startsWith(leader.scope_path));
        const rows = inScope
          .filter((organisation) => owingByOrganisation.has(organisation.id))
          .map((organisation) => {
            const owing = owingByOrganisation.get(organisation.id)!;
            return { organisationName: organisation.name, cases: owing.cases, workers: owing.workers, outstandingFen: fenFromDb(owing.outstanding_fen) };
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
    return {
      due,
      caseOf: () => null,
      worded: (reminders) =>
        reminders.map((reminder) => {
          const { leader, rows, paidFen } = digestOf.get(`${reminder.recipientId}/${reminder.subject}`)!;
          const message = digestMessage({ scopeName: leader.scope_name, rows, paidSinceYesterdayFen: paidFen, daysToEve: reminder.daysLeft });
          return { ...reminder, caseId: null, title: message.title, body: message.body, link: this.config.publicBaseUrl };
        }),
    };
  }

  /**
   * 30, 14, 7, 3 and 1 days before the festival's eve, every lawyer and mediator of open cases still
   * owing money gets one reminder listing them, the most owed first.
   */
  private async festivalCountdown(on: string, rule: ReminderRule | undefined): Promise<DueReminders> {
    if (!rule?.enabled) return NOTHING_DUE;
    const { eve } = await this.season.on(on);
    // every open case's money, on the few days the countdown runs
    if (!festivalCountdownFires(rule, on, eve)) return NOTHING_DUE;
    const open = await this.openCases(on);
    const cases = [...open.values()].map((openCase) => ({
      caseId: openCase.id,
      lawyerId: openCase.lawyerId,
      mediatorId: openCase.mediatorId,
      outstandingFen: openCase.money.outstandingFen,
    }));
    const worklists = festivalWorklists(cases);
    const due = festivalReminders({ today: on, eve, rule, worklists });
    return {
      due,
      // the money is in the worklists already
      caseOf: () => null,
      worded: async (reminders) => {
        const named = new Map(reminders.map((reminder) => [reminder.subject, worklists.get(reminder.subject)!.slice(0, FESTIVAL_CASES_NAMED)]));
        // the case numbers only of the cases named, on the few days the countdown runs
        const caseNumbers = await this.repository.caseNumbers(this.transactions.none, [...new Set([...named.values()].flat().map((line) => line.caseId))]);
        return reminders.map((reminder) => {
          const personId = reminder.subject;
          const cases = worklists.get(personId)!;
          const lists = (['lawyer', 'mediator'] as const)
            .filter((role) => cases.some((festivalCase) => (role === 'lawyer' ? festivalCase.lawyerId : festivalCase.mediatorId) === personId))
            .map((role) => ({ role, link: owingCasesLink(this.config.publicBaseUrl, role, personId) }));
          const message = festivalMessage({
            owing: cases.map((festivalCase) => open.get(festivalCase.caseId)!.money),
            named: named.get(personId)!.map((festivalCase) => ({
              caseNumber: caseNumbers.get(festivalCase.caseId)!,
              ...open.get(festivalCase.caseId)!.money,
              link: caseLink(this.config.publicBaseUrl, festivalCase.caseId),
            })),
            lists,
            daysToEve: reminder.daysLeft,
          });
          // one case: the case itself; more: the list of them where he has the most
          const link = cases.length === 1 ? caseLink(this.config.publicBaseUrl, cases[0].caseId) : lists[0].link;
          return { ...reminder, caseId: cases.length === 1 ? cases[0].caseId : null, title: message.title, body: message.body, link };
        });
      },
    };
  }
}

/** The smallest range holding both; an open end stays open. */
function spanOf(a: DayRange, b: DayRange): DayRange {
  const earlier = (x: string | null, y: string | null) => (x === null || y === null ? null : x < y ? x : y);
  const later = (x: string | null, y: string | null) => (x === null || y === null ? null : x > y ? x : y);
  return { from: earlier(a.from, b.from), to: later(a.to, b.to) };
}
