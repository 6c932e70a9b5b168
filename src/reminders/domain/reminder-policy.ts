/**
 * Which reminders are due on a day, as data. The service stores each one under `reminderKey`, a unique
 * key, so a sweep that runs twice, after a restart or on two instances at once still produces it once.
 *
 * Every rule counts calendar days from `today` to a date: the festival's eve (除夕), a deadline from the
 * legal clocks, an instalment's due date, a mediation session. `daysBefore` lists the days on which it
 * fires; for the overdue instalment and the unsatisfied callback the numbers count days after the date
 * instead (AFTER_KINDS, `ruleFiresOn`).
 *
 * Pure: no framework, no database, no clock. Dates are Asia/Shanghai calendar days, 'YYYY-MM-DD'.
 */
import { addDays, daysBetween } from '../../common/time/calendar-days';
import { SeasonSettings, seasonStatus } from '../../campaign/domain/season';

export const REMINDER_KINDS = [
  'festival_countdown', // 春节倒计时：除夕前提醒承办律师和调解员
  'leader_digest', // 领导每日欠薪汇总
  'mediation_limit', // 调解期限（收到调解申请之日起十五日）
  'instalment_due', // 调解协议分期款到期
  'instalment_overdue', // 分期款逾期未付
  'session_tomorrow', // 明天开调解会
  'arbitration_deadline', // 仲裁期限（受理、裁决）
  'limitation_deadline', // 仲裁时效
  'callback_due', // 结案回访到期
  'callback_unsatisfied', // 回访不满意，待领导跟进
  'worker_report_overdue', // 工人网上反映超期未处理
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const URGENCIES = ['info', 'warning', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface ReminderRule {
  kind: ReminderKind;
  enabled: boolean;
  /**
   * Days before the date on which the rule fires, e.g. [30, 14, 7, 3, 1] for the festival, [3, 1, 0] for a
   * deadline (0 = on the day). Empty means every day: every day of the season for the digest, every day
   * while overdue for an overdue instalment. For `instalment_overdue` the numbers are days after the date.
   */
  daysBefore: number[];
}

/** Defaults until an administrator edits the rules; each reminder gets one more chance as the date nears. */
export const DEFAULT_RULES: ReminderRule[] = [
  { kind: 'festival_countdown', enabled: true, daysBefore: [30, 14, 7, 3, 1] },
  { kind: 'leader_digest', enabled: true, daysBefore: [] },
  { kind: 'mediation_limit', enabled: true, daysBefore: [3, 1, 0] },
  { kind: 'instalment_due', enabled: true, daysBefore: [1, 0] },
  { kind: 'instalment_overdue', enabled: true, daysBefore: [] },
  { kind: 'session_tomorrow', enabled: true, daysBefore: [1] },
  { kind: 'arbitration_deadline', enabled: true, daysBefore: [7, 3, 1, 0] },
  { kind: 'limitation_deadline', enabled: true, daysBefore: [7, 3, 1, 0] },
  { kind: 'callback_due', enabled: true, daysBefore: [1, 0] },
  { kind: 'callback_unsatisfied', enabled: true, daysBefore: [1, 3, 7] },
  { kind: 'worker_report_overdue', enabled: true, daysBefore: [] },
];

/**
 * Rules that count days after their date rather than before it: an instalment overdue, a callback
 * answered "not satisfied" that no leader has followed up yet, a worker's online report still waiting
 * after the days it may wait.
 */
const AFTER_KINDS: ReadonlySet<ReminderKind> = new Set<ReminderKind>(['instalment_overdue', 'callback_unsatisfied', 'worker_report_overdue']);

/**
 * Who receives each kind of reminder: the case's lawyer and its mediator (whoever of them the case
 * has), or every leader whose scope has owing cases (the digest). Fixed by what each reminder is for,
 * so administrators see it beside the rule rather than set it: the one who must act on the date.
 */
export const RECIPIENT_ROLES = ['lawyer', 'mediator', 'leader', 'intake_clerk'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RULE_RECIPIENTS: Record<ReminderKind, readonly RecipientRole[]> = {
  festival_countdown: ['lawyer', 'mediator'],
  leader_digest: ['leader'],
  mediation_limit: ['mediator', 'lawyer'],
  instalment_due: ['mediator', 'lawyer'],
  instalment_overdue: ['mediator', 'lawyer'],
  session_tomorrow: ['mediator', 'lawyer'],
  arbitration_deadline: ['lawyer', 'mediator'],
  // the limitation year is the worker's right to claim: his lawyer's to guard
  limitation_deadline: ['lawyer'],
  // whoever the callback was given to when the case was closed: its mediator, else its lawyer
  callback_due: ['mediator', 'lawyer'],
  // every leader whose scope holds the case, until one follows it up
  callback_unsatisfied: ['leader'],
  // whoever may take it: the lawyers and intake clerks where it was sent, above it and below it
  worker_report_overdue: ['intake_clerk', 'lawyer'],
};

/** The people of a case who receive a kind of reminder, in the rule's order, each once. */
export function caseRecipients(kind: ReminderKind, people: { lawyerId: string | null; mediatorId: string | null }): string[] {
  const ids = RULE_RECIPIENTS[kind].map((role) => (role === 'lawyer' ? people.lawyerId : role === 'mediator' ? people.mediatorId : null));
  return distinctRecipients(ids);
}

/** The kinds that count down to a dated deadline of one subject, handled by `deadlineReminders`. */
const DEADLINE_KINDS: ReadonlySet<ReminderKind> = new Set<ReminderKind>([
  'mediation_limit',
  'instalment_due',
  'instalment_overdue',
  'session_tomorrow',
  'arbitration_deadline',
  'limitation_deadline',
  'callback_due',
  'callback_unsatisfied',
  'worker_report_overdue',
]);

export interface DueReminder {
  kind: ReminderKind;
  /**
   * What the reminder is about: case id, instalment id, session id, the leader's scope for the digest,
   * or the person himself for the festival countdown (his owing cases).
   */
  subject: string;
  /**
   * The day the reminder is for, i.e. the day of the sweep that produces it. Not the deadline: the
   * 7-, 3- and 1-day reminders of one deadline must have different keys or only the first would be kept.
   */
  dueOn: string;
  recipientId: string;
  urgency: Urgency;
}

/** A due reminder with the date it counts towards, for the message text. */
export interface CountdownReminder extends DueReminder {
  /** The festival's eve, the deadline, the instalment's due date or the session day. */
  targetOn: string;
  /** Calendar days from `dueOn` to `targetOn`: 0 on the day, negative when overdue. */
  daysLeft: number;
}

export interface FestivalCase {
  caseId: string;
  lawyerId: string | null;
  mediatorId: string | null;
  outstandingFen: bigint;
}

export interface DatedDeadline {
  subject: string;
  dueOn: string;
  recipients: string[];
}

export interface DigestLeader {
  leaderId: string;
  /** The organisation or region whose cases the leader oversees. */
  scopeId: string;
}

/**
 * The unique key that makes a reminder exactly-once: rule kind, subject, due date, recipient. Each part
 * is percent-encoded so that a ':' inside an id cannot make two different reminders share a key.
 */
export function reminderKey(r: DueReminder): string {
  return [r.kind, r.subject, r.dueOn, r.recipientId].map(encodeURIComponent).join(':');
}

/** The rule of a kind among the stored rules; a kind missing from them does not fire. */
export function ruleFor(rules: readonly ReminderRule[], kind: ReminderKind): ReminderRule {
  return rules.find((rule) => rule.kind === kind) ?? { kind, enabled: false, daysBefore: [] };
}

/**
 * Whether a rule fires with `daysLeft` calendar days to its date (negative once the date has passed).
 * Overdue reminders fire only after the date, the others only up to and on it: a countdown that fired
 * after its deadline would tell people something already too late.
 */
export function ruleFiresOn(rule: ReminderRule, daysLeft: number): boolean {
  if (!rule.enabled) return false;
  const after = AFTER_KINDS.has(rule.kind);
  const daysCounted = after ? -daysLeft : daysLeft;
  const inWindow = after ? daysCounted > 0 : daysCounted >= 0;
  return inWindow && (rule.daysBefore.length === 0 || rule.daysBefore.includes(daysCounted));
}

/**
 * The dates a rule can fire for on `today`, as `ruleFiresOn` decides: the deadlines the sweep must
 * look at, so it can leave the others alone. Null when the rule is off. An end is null when the rule
 * fires every day (its list is empty): every day up to the date, or every day after it for overdue
 * instalments.
 */
export function ruleDueWindow(rule: ReminderRule, today: string): { from: string | null; to: string | null } | null {
  if (!rule.enabled) return null;
  const overdue = AFTER_KINDS.has(rule.kind);
  // the days counted that fire: days before the date, or for the rules counting after it, days after it (from 1)
  const counted = rule.daysBefore.filter((days) => (overdue ? days > 0 : days >= 0));
  if (rule.daysBefore.length > 0 && counted.length === 0) return null;
  const nearest = counted.length === 0 ? (overdue ? 1 : 0) : Math.min(...counted);
  const furthest = counted.length === 0 ? null : Math.max(...counted);
  return overdue
    ? { from: furthest === null ? null : addDays(today, -furthest), to: addDays(today, -nearest) }
    : { from: addDays(today, nearest), to: furthest === null ? null : addDays(today, furthest) };
}

/**
 * Urgency rising as the date nears. One day or less (including overdue) is urgent: there is no working
 * day left to act in. Up to a week is a warning: the last full working week, enough to get an employer
 * or a project's general contractor (总包) to pay if someone starts now. Anything further is information.
 */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft <= 1) return 'urgent';
  if (daysLeft <= 7) return 'warning';
  return 'info';
}

/** Whether the festival countdown reminds anyone on `today` (one of the rule's days before the eve). */
export function festivalCountdownFires(rule: ReminderRule, today: string, eve: string): boolean {
  assertRuleKind(rule, 'festival_countdown');
  return ruleFiresOn(rule, daysBetween(today, eve));
}

/**
 * 春节倒计时: on the days of the rule before the eve, every lawyer and mediator with open cases still
 * owing money gets one reminder of them all, about himself (the subject is his own id): a mediator with
 * eighty owing cases reads one list, most owed first, not eighty reminders saying the same thing. Each
 * person once a day, whether lawyer or mediator of his cases or both. Who is reminded is who has a
 * worklist (`festivalWorklists`): a case paid in full has nothing left to chase, so it is on nobody's.
 */
export function festivalReminders(input: {
  today: string;
  eve: string;
  rule: ReminderRule;
  worklists: ReadonlyMap<string, FestivalCase[]>;
}): CountdownReminder[] {
  if (!festivalCountdownFires(input.rule, input.today, input.eve)) return [];
  return [...input.worklists.keys()].map((personId) => countdownReminder(input.rule.kind, personId, input.today, input.eve, personId));
}

/**
 * Each person's owing cases, the most owed first (then by case id, so the same every time): what his
 * festival countdown lists. A person is in the map when he is lawyer or mediator of an owing case.
 */
export function festivalWorklists(cases: FestivalCase[]): Map<string, FestivalCase[]> {
  const worklists = new Map<string, FestivalCase[]>();
  for (const festivalCase of cases) {
    if (festivalCase.outstandingFen <= 0n) continue;
    for (const personId of caseRecipients('festival_countdown', festivalCase)) {
      if (!worklists.has(personId)) worklists.set(personId, []);
      worklists.get(personId)!.push(festivalCase);
    }
  }
  const mostOwedFirst = (a: FestivalCase, b: FestivalCase) =>
    a.outstandingFen === b.outstandingFen ? a.caseId.localeCompare(b.caseId) : a.outstandingFen > b.outstandingFen ? -1 : 1;
  for (const list of worklists.values()) list.sort(mostOwedFirst);
  return worklists;
}

/** Reminders of dated deadlines (legal clocks, instalments, sessions) that the rule makes due today. */
export function deadlineReminders(input: {
  today: string;
  rule: ReminderRule;
  deadlines: DatedDeadline[];
}): CountdownReminder[] {
  if (!DEADLINE_KINDS.has(input.rule.kind)) {
    throw new RangeError(`deadlineReminders takes a deadline rule, not '${input.rule.kind}'`);
  }
  return input.deadlines
    .filter((deadline) => ruleFiresOn(input.rule, daysBetween(input.today, deadline.dueOn)))
    .flatMap((deadline) =>
      distinctRecipients(deadline.recipients).map((recipientId) =>
        countdownReminder(input.rule.kind, deadline.subject, input.today, deadline.dueOn, recipientId),
      ),
    );
}

/**
 * 每日汇总: each leader gets a digest of his scope on the days of the rule (every day by default) while
 * the season runs. Outside the season there is no campaign to report on.
 */
export function digestReminders(input: {
  today: string;
  rule: ReminderRule;
  season: SeasonSettings;
  leaders: DigestLeader[];
}): CountdownReminder[] {
  assertRuleKind(input.rule, 'leader_digest');
  const status = seasonStatus(input.today, input.season);
  if (!status.inSeason || !ruleFiresOn(input.rule, status.daysToEve)) return [];
  const seen = new Set<string>();
  return input.leaders
    .filter((leader) => firstTime(seen, `${leader.scopeId}\u0000${leader.leaderId}`))
    .map((leader) => countdownReminder(input.rule.kind, leader.scopeId, input.today, status.eve, leader.leaderId));
}

/** What is wrong with an edited rule, for the administrator; empty when it is usable. */
export function ruleProblems(rule: ReminderRule): string[] {
  const problems: string[] = [];
  if (rule.daysBefore.some((days) => !Number.isInteger(days) || days < 0)) {
    problems.push('days must be whole numbers of 0 or more');
  }
  if (AFTER_KINDS.has(rule.kind) && rule.daysBefore.includes(0)) {
    problems.push('this rule counts days after its date: count them from 1');
  }
  if (new Set(rule.daysBefore).size !== rule.daysBefore.length) problems.push('a day is listed twice');
  return problems;
}

function countdownReminder(
  kind: ReminderKind,
  subject: string,
  today: string,
  targetOn: string,
  recipientId: string,
): CountdownReminder {
  const daysLeft = daysBetween(today, targetOn);
  return { kind, subject, dueOn: today, recipientId, urgency: urgencyOf(daysLeft), targetOn, daysLeft };
}

/** Recipients without the unassigned (null) and without repeats, in their first order. */
function distinctRecipients(ids: (string | null)[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id): id is string => id !== null && firstTime(seen, id));
}

function firstTime(seen: Set<string>, value: string): boolean {
  if (seen.has(value)) return false;
  seen.add(value);
  return true;
}

function assertRuleKind(rule: ReminderRule, kind: ReminderKind): void {
  if (rule.kind !== kind) throw new RangeError(`expected a '${kind}' rule, not '${rule.kind}'`);
}
