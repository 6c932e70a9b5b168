/**
 * The legal clocks of a case and of each worker: which deadline runs, when it falls due, and what
 * missing it opens for the workers.
 *
 * Everything is computed as of `today`, an Asia/Shanghai calendar day passed in by the caller: an
 * event dated after `today` has not happened yet, so the same facts can be replayed as of any day.
 * Periods are counted under Civil Procedure Law art. 85 (see periods.ts); dates fixed in an
 * agreement or an order are taken as written.
 *
 * Pure: no framework, no database, no clock.
 */
import { compare, daysBetween } from '../../common/time/calendar-days';
import { WorkingCalendar } from '../../calendar/domain/working-calendar';
import { endOfPeriod, PeriodEnd, PeriodLength } from './periods';

export const CLOCK_KINDS = [
  'mediation', // 调解期限
  'arbitration_acceptance', // 仲裁受理
  'arbitration_award', // 仲裁裁决期限
  'limitation', // 仲裁时效
  'instalment', // 调解协议分期履行
  'payment_order_acceptance', // 支付令受理
  'payment_order_issue', // 发出支付令
  'payment_order_objection', // 支付令异议期
  'labour_bureau_order', // 劳动行政部门责令限期支付
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/**
 * The length of each clock counted as a period (Civil Procedure Law art. 85), stated once: the clocks
 * below count with it. The award's period is 45 days, or 60 once
 * extended (LDMAA art. 43); the instalments and the labour-bureau order end on dates fixed by others.
 */
export const CLOCK_PERIODS = {
  mediation: [{ days: 15 }], // LDMAA art. 14
  arbitration_acceptance: [{ days: 5 }], // LDMAA art. 29
  arbitration_award: [{ days: 45 }, { days: 45 + 15 }], // LDMAA art. 43
  payment_order_acceptance: [{ days: 5 }], // Civil Procedure Law art. 226
  payment_order_issue: [{ days: 15 }], // Civil Procedure Law art. 227
  payment_order_objection: [{ days: 15 }], // Civil Procedure Law art. 227
  limitation: [{ years: 1 }], // LDMAA art. 27
} as const satisfies Partial<Record<ClockKind, readonly PeriodLength[]>>;
export type CountedClock = keyof typeof CLOCK_PERIODS;

/** A range of days, either end open (null). */
export interface DayRange {
  from: string | null;
  to: string | null;
}

/**
 * The days on which clocks computed as of `today` from facts dated `factDays` give the same answer,
 * but for the days left: from the latest fact dated by `today` (null: any day before) up to, not
 * including, the first one dated later (null: any day after). Every date a clock reads is compared
 * with the day asked about and with nothing else that moves, so between two such dates only the
 * count of days changes. This is what lets the running deadlines be stored and read for a day other
 * than the one they were computed for (migrations/1766300000000-AddPendingDeadlines.ts).
 */
export function daysTheClocksHold(factDays: Iterable<string>, today: string): HoldingDays {
  let from: string | null = null;
  let until: string | null = null;
  for (const day of factDays) {
    if (compare(day, today) <= 0) {
      if (from === null || compare(day, from) > 0) from = day;
    } else if (until === null || compare(day, until) < 0) {
      until = day;
    }
  }
  return { from, until };
}

/** Days from `from` (included) up to `until` (not included); either end null when open. */
export interface HoldingDays {
  from: string | null;
  until: string | null;
}

/** A deadline that still asks something of someone: counting down to its day or past it, and not stopped. */
export function isRunning(deadline: Deadline): deadline is Deadline & { dueOn: string } {
  return (
    deadline.dueOn !== null &&
    deadline.endedOn === undefined &&
    (deadline.state === 'running' || deadline.state === 'due_today' || deadline.state === 'overdue')
  );
}

/**
 * - running, due_today, overdue: the deadline still matters and counts down (or past) to its day;
 * - satisfied: what it waited for happened (the step was taken, the money paid): nothing counts down;
 * - not_running: it has not started (wage arrears while the employment continues);
 * - concluded: the case is over (closed, withdrawn, rejected) and the union no longer acts on it,
 *   so the deadline is shown for the record but no longer counts down.
 */
export const CLOCK_STATES = ['running', 'due_today', 'overdue', 'satisfied', 'not_running', 'concluded'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** How a concluded case ended: closed paid in full or partly paid, withdrawn, or not accepted. */
export const CASE_CONCLUSIONS = ['paid_in_full', 'partly_paid', 'withdrawn', 'rejected'] as const;
export type CaseConclusion = (typeof CASE_CONCLUSIONS)[number];

/** The day a case reached its final status, and which. */
export interface Conclusion {
  on: string;
  as: CaseConclusion;
}

export interface Deadline {
  clock: ClockKind;
  /** 'case', or the worker id or instalment id the clock belongs to. */
  subject: string;
  startedOn: string;
  /** Null while the clock is not running (wage arrears during employment). */
  dueOn: string | null;
  state: ClockState;
  /**
   * Calendar days from today to dueOn, negative when overdue; null once satisfied, concluded or not
   * running. A step taken after its day keeps the (negative) days from that day, no longer growing.
   */
  daysLeft: number | null;
  /** The article of law, e.g. 'LDMAA art. 14'. */
  basis: string;
  /** What missing the deadline opens to the workers, e.g. ['arbitration'] or ['payment_order', 'arbitration']. */
  opens?: string[];
  /** For counted periods: the nominal last day when it fell on a day off and was moved. */
  movedFrom?: string | null;
  /**
   * For counted periods: false when the holidays of the year of the last day are not in the data at
   * all (weekends only); true when announced, or given provisionally by the regulation.
   */
  calendarCovered?: boolean;
  /** For counted periods: the last day's year has only the regulation's festivals, not yet the State Council's schedule. */
  calendarProvisional?: boolean;
  /** For a labour-bureau order not paid by its date: the additional compensation due (Labour Contract Law art. 85). */
  surcharge?: SurchargeRange;
  /**
   * Once the clock has stopped: the day of the step taken, of the payment that settled it, or of the
   * case's conclusion. Absent while it runs; null when it stopped on a day nobody recorded.
   */
  endedOn?: string | null;
  /** When the state is 'concluded': how the case ended. */
  concludedAs?: CaseConclusion;
}

export interface CaseFacts {
  /** The mediation organisation received the application (调解组织收到调解申请). */
  mediationAppliedOn: string | null;
  /** Agreement signed or mediation ended: stops the mediation clock. */
  mediationEndedOn: string | null;
  arbitrationAppliedOn: string | null;
  arbitrationAcceptedOn: string | null;
  /** The award period was extended once by up to 15 days (LDMAA art. 43). */
  arbitrationExtended: boolean;
  arbitrationAwardedOn: string | null;
  paymentOrderAppliedOn: string | null;
  /** The court accepted the application; when not recorded, the last day it could have is assumed. */
  paymentOrderAcceptedOn?: string | null;
  paymentOrderIssuedOn: string | null;
  /** The employer received the payment order (送达). */
  paymentOrderServedOn: string | null;
  /** The employer paid or filed a written objection (清偿或书面异议): stops the objection clock. */
  paymentOrderAnsweredOn?: string | null;
  labourBureauOrder: { orderedPayBy: string; amountDueFen: bigint; paidInFullOn: string | null } | null;
  instalments: { id: string; dueOn: string; amountFen: bigint; paidFen: bigint; paidInFullOn: string | null }[];
  /** The case reached a final status (closed, withdrawn, rejected): its clocks no longer count down from that day. */
  concluded?: Conclusion | null;
}

export interface WorkerFacts {
  workerId: string;
  /** The worker knew or should have known his wages were not paid (知道或者应当知道权利被侵害之日). */
  knewOn: string;
  employmentEndedOn: string | null;
  employmentOngoing: boolean;
  /** Days the worker claimed from the employer, sought help from an authority or the union, or the employer agreed to pay. */
  interruptions: string[];
  /** The worker applied for arbitration: the limitation has done its work and stops. */
  arbitrationAppliedOn?: string | null;
  /** His money on the case as it stood at the end of `today`. */
  balance?: WorkerBalance;
  /** The case reached a final status. */
  caseConcluded?: Conclusion | null;
}

export interface WorkerBalance {
  paidFen: bigint;
  /** What he is still owed: his confirmed amount (his claimed one while unconfirmed) less what he was paid. */
  outstandingFen: bigint;
  /** The day of his last payment. */
  lastPaidOn: string | null;
}

export interface SurchargeRange {
  minimumFen: bigint;
  maximumFen: bigint;
}

/** The clocks of a case that have started by `today`, in the order a case usually meets them. */
export function caseDeadlines(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline[] {
  const deadlines: (Deadline | null)[] = [
    mediationDeadline(facts, today, calendar),
    arbitrationAcceptanceDeadline(facts, today, calendar),
    arbitrationAwardDeadline(facts, today, calendar),
    paymentOrderAcceptanceDeadline(facts, today, calendar),
    paymentOrderIssueDeadline(facts, today, calendar),
    paymentOrderObjectionDeadline(facts, today, calendar),
    ...facts.instalments.map((instalment) => instalmentDeadline(instalment, today)),
    labourBureauOrderDeadline(facts.labourBureauOrder, today),
  ];
  return deadlines
    .filter((deadline): deadline is Deadline => deadline !== null)
    .map((deadline) => concludedWithCase(deadline, facts.concluded ?? null, today));
}

/**
 * Once the case has concluded (closed, withdrawn or not accepted), the union no longer acts on it:
 * a clock still waiting then stops counting and says why. A clock whose step was taken stays
 * satisfied, which says more. Replayed as of a day before the conclusion, the clock still runs.
 */
function concludedWithCase(deadline: Deadline, conclusion: Conclusion | null, today: string): Deadline {
  if (conclusion === null || happenedBy(conclusion.on, today) === null || deadline.state === 'satisfied') return deadline;
  return { ...deadline, state: 'concluded', daysLeft: null, endedOn: conclusion.on, concludedAs: conclusion.as };
}

/**
 * LDMAA art. 14: no agreement within 15 days of the mediation organisation receiving the
 * application, and the worker may apply for arbitration (调解不成或逾期未达成协议的，可以申请仲裁).
 */
function mediationDeadline(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline | null {
  return countedDeadline({
    clock: 'mediation',
    subject: 'case',
    start: happenedBy(facts.mediationAppliedOn, today),
    length: CLOCK_PERIODS.mediation[0],
    // Going to arbitration or to court for a payment order is taking the step the period opens.
    endedOn: firstStepSince(facts.mediationAppliedOn, [facts.mediationEndedOn, facts.arbitrationAppliedOn, facts.paymentOrderAppliedOn], today),
    basis: 'LDMAA art. 14',
    opens: ['arbitration'],
    today,
    calendar,
  });
}

/**
 * LDMAA art. 29: the commission decides within 5 days of receiving the application; when it
 * refuses or does not decide in time, the worker may sue in court directly.
 */
function arbitrationAcceptanceDeadline(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline | null {
  return countedDeadline({
    clock: 'arbitration_acceptance',
    subject: 'case',
    start: happenedBy(facts.arbitrationAppliedOn, today),
    length: CLOCK_PERIODS.arbitration_acceptance[0],
    // An award implies the application was accepted, even when the acceptance was never recorded.
    endedOn: earliestHappened([facts.arbitrationAcceptedOn, facts.arbitrationAwardedOn], today),
    basis: 'LDMAA art. 29',
    opens: ['litigation'],
    today,
    calendar,
  });
}

/**
 * LDMAA art. 43: the award within 45 days of acceptance, extendable once by at most 15 days with
 * the chairman's approval; no award in time and the parties may sue. The extension lengthens the
 * same period to 60 days from acceptance rather than starting a new one, so only the final last
 * day is moved off a holiday.
 */
function arbitrationAwardDeadline(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline | null {
  return countedDeadline({
    clock: 'arbitration_award',
    subject: 'case',
    start: happenedBy(facts.arbitrationAcceptedOn, today),
    length: CLOCK_PERIODS.arbitration_award[facts.arbitrationExtended ? 1 : 0],
    endedOn: facts.arbitrationAwardedOn,
    basis: 'LDMAA art. 43',
    opens: ['litigation'],
    today,
    calendar,
  });
}

/** Civil Procedure Law art. 226: the court tells the creditor within 5 days whether it accepts (受理). */
function paymentOrderAcceptanceDeadline(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline | null {
  return countedDeadline({
    clock: 'payment_order_acceptance',
    subject: 'case',
    start: happenedBy(facts.paymentOrderAppliedOn, today),
    length: CLOCK_PERIODS.payment_order_acceptance[0],
    // Issuing the order implies it was accepted, even when the acceptance was never recorded.
    endedOn: earliestHappened([facts.paymentOrderAcceptedOn ?? null, facts.paymentOrderIssuedOn, facts.paymentOrderServedOn], today),
    basis: 'Civil Procedure Law art. 226',
    today,
    calendar,
  });
}

/**
 * Civil Procedure Law art. 227: the court issues the payment order within 15 days of accepting.
 * Without a recorded acceptance, the clock starts on the last day the court could have accepted
 * (application + 5 days): the latest start, so the court is never shown as late too early. That
 * start is an estimate, not an event, so the clock shows from the application on, even while the
 * estimated start is still ahead.
 */
function paymentOrderIssueDeadline(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline | null {
  return countedDeadline({
    clock: 'payment_order_issue',
    subject: 'case',
    start: paymentOrderAcceptedOrAssumed(facts, today, calendar),
    length: CLOCK_PERIODS.payment_order_issue[0],
    // Serving the order implies it was issued.
    endedOn: earliestHappened([facts.paymentOrderIssuedOn, facts.paymentOrderServedOn], today),
    basis: 'Civil Procedure Law art. 227',
    today,
    calendar,
  });
}

function paymentOrderAcceptedOrAssumed(facts: CaseFacts, today: string, calendar: WorkingCalendar): string | null {
  const accepted = happenedBy(facts.paymentOrderAcceptedOn ?? null, today);
  if (accepted !== null) return accepted;
  const applied = happenedBy(facts.paymentOrderAppliedOn, today);
  return applied === null ? null : endOfPeriod(applied, CLOCK_PERIODS.payment_order_acceptance[0], calendar).lastDay;
}

/**
 * Civil Procedure Law art. 227: the employer pays or files a written objection within 15 days of
 * receiving the order; if it does neither, the worker may apply to the court for enforcement.
 */
function paymentOrderObjectionDeadline(facts: CaseFacts, today: string, calendar: WorkingCalendar): Deadline | null {
  return countedDeadline({
    clock: 'payment_order_objection',
    subject: 'case',
    start: happenedBy(facts.paymentOrderServedOn, today),
    length: CLOCK_PERIODS.payment_order_objection[0],
    endedOn: facts.paymentOrderAnsweredOn ?? null,
    basis: 'Civil Procedure Law art. 227',
    opens: ['enforcement'],
    today,
    calendar,
  });
}

/**
 * LDMAA arts. 15-16: an agreement on wage arrears not performed in its period lets the worker ask
 * the court for a payment order (支付令) or apply for arbitration. An instalment's due date is a
 * date the parties fixed in the agreement, not a period counted under art. 85, so it is not moved
 * off a holiday: unpaid at the end of its day, it is overdue the next.
 */
function instalmentDeadline(instalment: CaseFacts['instalments'][number], today: string): Deadline {
  const paidInFullOn = happenedBy(instalment.paidInFullOn, today);
  const paidInFull = paidInFullOn !== null || instalment.paidFen >= instalment.amountFen;
  return fixedDateDeadline({
    clock: 'instalment',
    subject: instalment.id,
    dueOn: instalment.dueOn,
    satisfied: paidInFull,
    endedOn: paidInFullOn,
    basis: 'LDMAA arts. 15-16',
    opens: ['payment_order', 'arbitration'],
    today,
  });
}

/**
 * Labour Contract Law art. 85: wages the labour bureau ordered paid by a date (责令限期支付) and not
 * paid by then earn the workers an additional compensation (加付赔偿金) of 50%-100% of the amount
 * due. The date is the one written in the order, taken as it is. Paying late still means the date
 * was missed, so the surcharge stays attached even when the clock is satisfied.
 */
function labourBureauOrderDeadline(order: CaseFacts['labourBureauOrder'], today: string): Deadline | null {
  if (order === null) return null;
  const paidOn = happenedBy(order.paidInFullOn, today);
  const deadline = fixedDateDeadline({
    clock: 'labour_bureau_order',
    subject: 'case',
    dueOn: order.orderedPayBy,
    satisfied: paidOn !== null,
    endedOn: paidOn,
    basis: 'Labour Contract Law art. 85',
    opens: ['additional_compensation'],
    today,
  });
  const missed = paidOn === null ? deadline.state === 'overdue' : compare(paidOn, order.orderedPayBy) > 0;
  return missed ? { ...deadline, surcharge: labourBureauSurcharge(order.amountDueFen) } : deadline;
}

/**
 * The additional compensation a labour bureau orders when wages are not paid by the ordered date:
 * not less than 50% and not more than 100% of the amount due (Labour Contract Law art. 85,
 * 按应付金额百分之五十以上百分之一百以下). Half of an odd number of fen is a half fen, which cannot be
 * paid; the minimum rounds it up, because rounding down would fall below the 50% the law requires.
 */
export function labourBureauSurcharge(amountDueFen: bigint): SurchargeRange {
  if (amountDueFen < 0n) throw new RangeError(`an amount due cannot be negative: ${amountDueFen}`);
  return { minimumFen: (amountDueFen + 1n) / 2n, maximumFen: amountDueFen };
}

/**
 * LDMAA art. 27, the one-year limitation on applying for arbitration (仲裁时效):
 * - para. 1: one year from the day the worker knew or should have known of the infringement;
 * - para. 2: interrupted when the worker claims from the employer, seeks help from an authority,
 *   or the employer agrees to pay; the year then starts again from the interruption;
 * - para. 4: wage arrears (拖欠劳动报酬) are not time-barred while the employment continues; once it
 *   ends, the claim must come within one year of the end.
 */
export function workerLimitation(facts: WorkerFacts, today: string, calendar: WorkingCalendar): Deadline {
  const counted = countedLimitation(facts, today, calendar);
  const paidOn = paidInFullOn(facts.balance, today);
  // Paid in full, he has nothing left to claim: whatever the year says, nothing is at stake any more.
  if (paidOn !== null) return { ...counted, state: 'satisfied', daysLeft: null, endedOn: paidOn };
  const filedOn = happenedBy(facts.arbitrationAppliedOn ?? null, today);
  if (filedOn !== null && counted.dueOn !== null && compare(filedOn, counted.dueOn) <= 0) {
    return { ...counted, state: 'satisfied', daysLeft: null, endedOn: filedOn };
  }
  const conclusion = facts.caseConcluded ?? null;
  if (conclusion !== null && happenedBy(conclusion.on, today) !== null) {
    return { ...counted, state: 'concluded', daysLeft: null, endedOn: conclusion.on, concludedAs: conclusion.as };
  }
  // A claim filed after the year ran out does not make the limitation satisfied: it stays overdue,
  // by the days it was late, which no longer grow.
  if (filedOn !== null && counted.dueOn !== null) {
    return { ...counted, state: 'overdue', daysLeft: daysBetween(filedOn, counted.dueOn), endedOn: filedOn };
  }
  return counted;
}

/** The limitation year as the dates alone count it, before anything that stops it. */
function countedLimitation(facts: WorkerFacts, today: string, calendar: WorkingCalendar): Deadline {
  if (employmentContinues(facts, today)) {
    return {
      clock: 'limitation',
      subject: facts.workerId,
      startedOn: facts.knewOn,
      dueOn: null,
      state: 'not_running',
      daysLeft: null,
      basis: 'LDMAA art. 27 para. 4',
    };
  }
  const endedOn = facts.employmentEndedOn;
  const firstStart = endedOn ?? facts.knewOn;
  const { start, end } = restartOnInterruptions(firstStart, facts.interruptions, today, calendar);
  return {
    clock: 'limitation',
    subject: facts.workerId,
    startedOn: start,
    dueOn: end.lastDay,
    state: clockState(end.lastDay, today, false),
    daysLeft: daysBetween(today, end.lastDay),
    basis: endedOn === null ? 'LDMAA art. 27' : 'LDMAA art. 27 para. 4',
    movedFrom: end.movedFrom,
    calendarCovered: end.calendarCovered,
    calendarProvisional: end.calendarProvisional,
  };
}

/**
 * The day a worker was paid in full, if he was by `today`: he was paid something and is owed nothing
 * more (his confirmed amount, or his claimed one while unconfirmed); the day of his last payment.
 */
export function paidInFullOn(balance: WorkerBalance | undefined, today: string): string | null {
  if (!balance || balance.paidFen <= 0n || balance.outstandingFen > 0n) return null;
  // A balance is taken as of `today`; a payment dated later cannot have settled it.
  return happenedBy(balance.lastPaidOn, today);
}

/**
 * The employment continues while the record says so, and also up to an end date that is still to
 * come (notice given, last day not reached): the arrears are not time-barred until then.
 */
function employmentContinues(facts: WorkerFacts, today: string): boolean {
  if (facts.employmentOngoing) return true;
  return facts.employmentEndedOn !== null && compare(facts.employmentEndedOn, today) > 0;
}

/**
 * Walks the interruptions in date order. Only an interruption while the year is still running
 * restarts it (LDMAA art. 27 para. 2): one before the start interrupts nothing, and one after the
 * year has run out cannot revive it. (An employer's promise to pay after that may still bar it
 * from pleading the limitation; that is a lawyer's call, not a date computation.) An interruption
 * dated after today has not happened yet.
 */
function restartOnInterruptions(
  firstStart: string,
  interruptions: readonly string[],
  today: string,
  calendar: WorkingCalendar,
): { start: string; end: PeriodEnd } {
  const oneYear = CLOCK_PERIODS.limitation[0];
  let start = firstStart;
  let end = endOfPeriod(start, oneYear, calendar);
  const happened = interruptions.filter((date) => compare(date, today) <= 0).sort(compare);
  for (const date of happened) {
    if (compare(date, start) <= 0) continue;
    if (compare(date, end.lastDay) > 0) break;
    start = date;
    end = endOfPeriod(start, oneYear, calendar);
  }
  return { start, end };
}

interface CountedDeadlineInput {
  clock: ClockKind;
  subject: string;
  /** The day the period starts (not itself counted); null: the clock has not started. */
  start: string | null;
  length: PeriodLength;
  /** The event that stops the clock; null or in the future: it has not happened. */
  endedOn: string | null;
  basis: string;
  opens?: string[];
  today: string;
  calendar: WorkingCalendar;
}

/** A clock counted as a period under Civil Procedure Law art. 85. */
function countedDeadline(input: CountedDeadlineInput): Deadline | null {
  const start = input.start;
  if (start === null) return null;
  const end = endOfPeriod(start, input.length, input.calendar);
  const endedOn = happenedBy(input.endedOn, input.today);
  const satisfied = endedOn !== null;
  return {
    clock: input.clock,
    subject: input.subject,
    startedOn: start,
    dueOn: end.lastDay,
    state: clockState(end.lastDay, input.today, satisfied),
    daysLeft: satisfied ? null : daysBetween(input.today, end.lastDay),
    basis: input.basis,
    ...(input.opens ? { opens: input.opens } : {}),
    movedFrom: end.movedFrom,
    calendarCovered: end.calendarCovered,
    calendarProvisional: end.calendarProvisional,
    ...(satisfied ? { endedOn } : {}),
  };
}

interface FixedDateDeadlineInput {
  clock: ClockKind;
  subject: string;
  dueOn: string;
  satisfied: boolean;
  /** The day it was satisfied, when known. */
  endedOn: string | null;
  basis: string;
  opens: string[];
  today: string;
}

/**
 * A clock that ends on a date someone fixed (an agreement, an order). Nothing is counted from a
 * start day, so the clock is reported as starting and ending on that date.
 */
function fixedDateDeadline(input: FixedDateDeadlineInput): Deadline {
  return {
    clock: input.clock,
    subject: input.subject,
    startedOn: input.dueOn,
    dueOn: input.dueOn,
    state: clockState(input.dueOn, input.today, input.satisfied),
    daysLeft: input.satisfied ? null : daysBetween(input.today, input.dueOn),
    basis: input.basis,
    opens: input.opens,
    ...(input.satisfied ? { endedOn: input.endedOn } : {}),
  };
}

/** The whole last day is still in time: overdue only from the day after it. */
function clockState(dueOn: string, today: string, satisfied: boolean): ClockState {
  if (satisfied) return 'satisfied';
  const order = compare(today, dueOn);
  return order < 0 ? 'running' : order === 0 ? 'due_today' : 'overdue';
}

/** The date when the event has happened by `today`; null when it has not (yet). */
function happenedBy(date: string | null, today: string): string | null {
  return date !== null && compare(date, today) <= 0 ? date : null;
}

/**
 * The first of `steps` taken by `today` and not before the clock started on `start`: a step dated
 * before the start belongs to an earlier round and does not stop this one.
 */
function firstStepSince(start: string | null, steps: (string | null)[], today: string): string | null {
  if (start === null) return null;
  return earliestHappened(steps.map((step) => (step !== null && compare(step, start) >= 0 ? step : null)), today);
}

function earliestHappened(dates: (string | null)[], today: string): string | null {
  const happened = dates.map((date) => happenedBy(date, today)).filter((date): date is string => date !== null);
  return happened.length === 0 ? null : happened.sort(compare)[0];
}
