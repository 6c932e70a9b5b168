/**
 * The life of one synthetic case, planned from its intake day to its end and then cut at "today":
 * what happened before today is what the database shows. Every move is one the service allows
 * (src/cases/domain/case-status.ts TRANSITIONS) with the details its guards ask for, money only moves
 * while the service would accept a payout (src/payouts/domain/payout-rules.ts), and old cases are
 * therefore mostly closed while recent ones are still on their way. Pure: no database, no clock.
 */
import type { CaseStatus, ClosingOutcome } from '../../src/cases/domain/case-status';
import { campaignEve, isWorkingDay, workingDayOnOrAfter } from './days';
import { Prng, Weighted } from './prng';

/** Where a case is headed if nothing stops it (the cut at today may). */
type Destiny =
  | 'mediated_agreement'
  | 'mediated_payment'
  | 'mediated_partial'
  | 'arbitration'
  | 'litigation'
  | 'referred'
  | 'withdrawn'
  | 'rejected';

const DESTINIES = new Weighted<Destiny>([
  ['mediated_agreement', 44],
  ['mediated_payment', 15],
  ['mediated_partial', 9],
  ['arbitration', 8],
  ['litigation', 3],
  ['referred', 5],
  ['withdrawn', 9],
  ['rejected', 7],
]);

export const PARTLY_PAID_REASONS = [
  '用人单位资金链断裂，经调解工人同意按已支付金额结案',
  '用人单位已进入破产清算程序，剩余部分申报债权',
  '包工头下落不明，总承包单位先行垫付部分工资',
  '工资保证金及应急周转金已按规定比例支付，剩余部分另行主张',
  '双方对部分工时有争议，工人同意按确认部分结案',
  '法院强制执行到位部分款项，其余无可供执行财产',
] as const;

export const WITHDRAWN_REASONS = [
  '双方自行和解，申请人撤回申请',
  '用人单位已直接支付，申请人撤回',
  '申请人已返乡，不再主张',
  '申请人选择直接向人民法院起诉',
  '申请人联系不上，视为撤回',
] as const;

export const REJECTIONS: readonly (readonly [reason: string, referredTo: string])[] = [
  ['不属于劳动争议受理范围（承揽合同纠纷）', '人民法院'],
  ['已超过仲裁时效且无中止、中断情形', '劳动人事争议仲裁委员会'],
  ['同一事项已在人民法院起诉', '人民法院'],
  ['用人单位注册地及用工地均不在本区', '用工所在地区总工会'],
  ['申请事项为社会保险补缴', '社会保险经办机构'],
  ['申请事项为工伤认定', '人力资源和社会保障局工伤认定科'],
] as const;

export type StepKind = 'transition' | 'confirm' | 'session_scheduled' | 'session_held' | 'agreement' | 'payday';

/** One thing that happened to the case, at a Shanghai wall-clock time. */
export interface PlanStep {
  kind: StepKind;
  day: number;
  minute: number;
  from?: CaseStatus;
  to?: CaseStatus;
  outcome?: ClosingOutcome;
  reason?: string;
  referredTo?: string;
  note?: string;
}

export type SessionOutcome = 'agreement' | 'no_agreement' | 'adjourned';

export interface SessionPlan {
  day: number;
  status: 'scheduled' | 'held';
  outcome: SessionOutcome | null;
  adjournedTo: number | null;
}

/**
 * How the money goes: `full` pays every worker his confirmed amount over the pay days; `first_only`
 * and `fraction` (a closing with part of the money) leave some owed; pay days after today are not paid yet.
 */
export type PaymentPattern = 'full' | 'first_only' | 'fraction';

export interface CasePlan {
  status: CaseStatus;
  outcome: ClosingOutcome | null;
  statusReason: string | null;
  referredTo: string | null;
  /** The final move (closed, withdrawn, rejected), which sets closed_at. */
  closedAt: { day: number; minute: number } | null;
  /** Every step before today, in time order (intake itself not included). */
  steps: PlanStep[];
  /** Claims confirmed: all of them, about half (verification under way), or none. */
  confirmation: 'all' | 'some' | 'none';
  needsMediator: boolean;
  session: SessionPlan | null;
  agreement: { signedOn: number; dueDays: number[] } | null;
  /** Days money was paid (before today), ascending. */
  payDays: number[];
  /**
   * Each planned pay day's share of a worker's confirmed amount (as many as planned, which may be more
   * than were paid); the last share of a `full` payment is whatever is left, so it comes out exact.
   */
  payShares: number[];
  payment: PaymentPattern;
  /** For `fraction`: the part of each share actually paid (0.4-0.9); 1 otherwise. */
  paidFraction: number;
  /** Money from a court (payment order, enforcement) or a labour-bureau order rather than the employer. */
  payerHint: 'employer' | 'court' | 'bureau';
  arbitration: { appliedOn: number; acceptedOn: number | null; awardedOn: number | null; extended: boolean } | null;
  paymentOrder: { appliedOn: number; issuedOn: number | null; servedOn: number | null } | null;
  bureauOrderPayBy: number | null;
}

export interface PlanInput {
  intakeDay: number;
  intakeMinute: number;
  /** Today (Asia/Shanghai): only steps on earlier days have happened. */
  today: number;
  workers: number;
}

/** A working-hours minute of the day: 09:00-11:45 or 13:30-17:15. */
export function officeMinute(rng: Prng): number {
  return rng.chance(0.5) ? rng.int(9 * 60, 11 * 60 + 45) : rng.int(13 * 60 + 30, 17 * 60 + 15);
}

/**
 * A working day some days after `day`. What would fall in a long holiday (the Spring Festival, the
 * National Day week) is spread over the week after it, not piled onto its first working day.
 */
function after(rng: Prng, day: number, minDays: number, maxDays: number): number {
  const target = day + rng.int(minDays, maxDays);
  const open = workingDayOnOrAfter(target);
  return open - target > 3 ? workingDayOnOrAfter(open + rng.int(0, 6)) : open;
}

/** Payment instalments: 1-3, more for big groups (an employer pays a 300-worker roster in tranches). */
function instalmentCount(rng: Prng, workers: number): number {
  const r = rng.next();
  if (workers >= 50) return r < 0.3 ? 1 : r < 0.7 ? 2 : 3;
  return r < 0.6 ? 1 : r < 0.88 ? 2 : 3;
}

/**
 * Pay days from `first`, spaced 1-6 weeks; in a winter campaign the unions push to have it paid
 * before the eve, so the schedule is squeezed in ahead of it when there is room.
 */
function payDaysFrom(rng: Prng, first: number, count: number): number[] {
  const eve = campaignEve(first);
  const days = [workingDayOnOrAfter(first)];
  for (let i = 1; i < count; i++) days.push(after(rng, days[i - 1], 7, 42));
  if (eve !== null && days[days.length - 1] >= eve - 1 && first < eve - 3 && rng.chance(0.85)) {
    const room = eve - 2 - days[0];
    for (let i = 1; i < count; i++) days[i] = Math.max(days[i - 1] + 1, days[0] + Math.floor((room * i) / count));
    for (let i = 1; i < count; i++) if (!isWorkingDay(days[i])) days[i] = Math.max(days[i - 1] + 1, days[i] - 1);
  }
  return days;
}

function shares(rng: Prng, count: number): number[] {
  const raw = Array.from({ length: count }, () => 0.5 + rng.next());
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}

export function planCase(rng: Prng, input: PlanInput): CasePlan {
  const { intakeDay, today } = input;
  const destiny = DESTINIES.pick(rng);
  const full: PlanStep[] = [];
  const move = (day: number, from: CaseStatus, to: CaseStatus, details: Partial<PlanStep> = {}) =>
    full.push({ kind: 'transition', day, minute: 0, from, to, ...details });
  const step = (kind: StepKind, day: number) => full.push({ kind, day, minute: 0 });

  let payDays: number[] = [];
  let plannedPayDays = 0;
  let payment: PaymentPattern = 'full';
  let payerHint: CasePlan['payerHint'] = 'employer';
  let session: { mediateOn: number; day: number; next: number | null; agreed: boolean } | null = null;
  let agreement: CasePlan['agreement'] = null;
  let arbitration: CasePlan['arbitration'] = null;
  let paymentOrder: CasePlan['paymentOrder'] = null;
  let bureauOrderPayBy: number | null = null;
  let confirmOn: number | null = null;
  let partialVerification = false;

  const verifyOn = after(rng, intakeDay, 0, rng.chance(0.6) ? 1 : 5);
  const closeAfter = (lastPay: number, from: CaseStatus, outcome: ClosingOutcome) => {
    const closeOn = after(rng, lastPay, 0, 7);
    move(closeOn, from, 'closed', outcome === 'partly_paid' ? { outcome, reason: rng.pick(PARTLY_PAID_REASONS) } : { outcome });
  };
  const mediation = () => {
    const mediateOn = after(rng, verifyOn, 2, rng.chance(0.7) ? 10 : 25);
    confirmOn = mediateOn;
    move(verifyOn, 'received', 'verifying');
    move(mediateOn, 'verifying', 'mediating');
    return { mediateOn, sessionOn: after(rng, mediateOn, 1, 14) };
  };

  switch (destiny) {
    case 'mediated_agreement':
    case 'mediated_partial': {
      const { mediateOn, sessionOn } = mediation();
      session = { mediateOn, day: sessionOn, next: sessionOn, agreed: true };
      const count = instalmentCount(rng, input.workers);
      payDays = payDaysFrom(rng, after(rng, sessionOn, 1, 25), count);
      plannedPayDays = count;
      agreement = { signedOn: sessionOn, dueDays: payDays };
      move(sessionOn, 'mediating', 'agreed', { note: 'agreement signed' });
      move(payDays[0], 'agreed', 'paying', { note: 'first payout recorded' });
      if (destiny === 'mediated_partial') {
        payment = count > 1 && rng.chance(0.6) ? 'first_only' : 'fraction';
        if (payment === 'first_only') payDays = payDays.slice(0, 1);
        closeAfter(payDays[payDays.length - 1] + rng.int(14, 45), 'paying', 'partly_paid');
      } else {
        closeAfter(payDays[payDays.length - 1], 'paying', 'paid_in_full');
      }
      break;
    }
    case 'mediated_payment': {
      const { mediateOn, sessionOn } = mediation();
      const firstPay = after(rng, sessionOn, 0, 10);
      session = { mediateOn, day: sessionOn, next: firstPay, agreed: true };
      payDays = payDaysFrom(rng, firstPay, instalmentCount(rng, input.workers) === 3 ? 2 : 1);
      move(firstPay, 'mediating', 'paying', { note: 'first payout recorded' });
      closeAfter(payDays[payDays.length - 1], 'paying', 'paid_in_full');
      break;
    }
    case 'arbitration': {
      let appliedOn: number;
      if (rng.chance(0.65)) {
        const { mediateOn, sessionOn } = mediation();
        appliedOn = after(rng, sessionOn, 3, 20);
        session = { mediateOn, day: sessionOn, next: appliedOn, agreed: false };
        move(appliedOn, 'mediating', 'arbitration');
      } else {
        appliedOn = after(rng, verifyOn, 5, 20);
        move(verifyOn, 'received', 'verifying');
        move(appliedOn, 'verifying', 'arbitration');
      }
      // LDMAA art. 29: accepted within 5 days; art. 43: award within 45 days, extendable by 15.
      const acceptedOn = appliedOn + rng.int(1, 5);
      const extended = rng.chance(0.12);
      const awardedOn = acceptedOn + rng.int(20, extended ? 60 : 45);
      arbitration = { appliedOn, acceptedOn, awardedOn, extended };
      const r = rng.next();
      if (r < 0.7) {
        confirmOn ??= awardedOn;
        payDays = payDaysFrom(rng, after(rng, awardedOn, 5, 40), instalmentCount(rng, input.workers));
        payerHint = rng.chance(0.4) ? 'court' : 'employer';
        if (r < 0.55) closeAfter(payDays[payDays.length - 1], 'arbitration', 'paid_in_full');
        else {
          payment = 'fraction';
          closeAfter(payDays[payDays.length - 1] + rng.int(14, 60), 'arbitration', 'partly_paid');
        }
      }
      break;
    }
    case 'litigation': {
      // An agreement not performed: the court's payment order (LDMAA art. 16).
      const { mediateOn, sessionOn } = mediation();
      session = { mediateOn, day: sessionOn, next: sessionOn, agreed: true };
      const due = after(rng, sessionOn, 7, 30);
      agreement = { signedOn: sessionOn, dueDays: [due] };
      move(sessionOn, 'mediating', 'agreed', { note: 'agreement signed' });
      const appliedOn = after(rng, due, 5, 30);
      move(appliedOn, 'agreed', 'litigation');
      const issuedOn = appliedOn + rng.int(5, 20);
      const servedOn = issuedOn + rng.int(2, 10);
      paymentOrder = { appliedOn, issuedOn, servedOn };
      const r = rng.next();
      if (r < 0.7) {
        payerHint = 'court';
        payDays = payDaysFrom(rng, after(rng, servedOn, 10, 60), instalmentCount(rng, input.workers));
        if (r < 0.5) closeAfter(payDays[payDays.length - 1], 'litigation', 'paid_in_full');
        else {
          payment = 'fraction';
          closeAfter(payDays[payDays.length - 1] + rng.int(14, 60), 'litigation', 'partly_paid');
        }
      }
      break;
    }
    case 'referred': {
      const referredOn = after(rng, verifyOn, 3, 20);
      const referredTo = rng.chance(0.9) ? 'labour_inspection' : 'police';
      move(verifyOn, 'received', 'verifying');
      move(referredOn, 'verifying', 'referred', { referredTo });
      if (referredTo === 'labour_inspection') bureauOrderPayBy = referredOn + rng.int(10, 20);
      if (rng.chance(0.6)) {
        // Labour Contract Law art. 85: the bureau orders payment by a date; most pay by then.
        confirmOn = referredOn + rng.int(2, 8);
        payerHint = 'bureau';
        payDays = payDaysFrom(rng, after(rng, confirmOn, 3, 25), instalmentCount(rng, input.workers) === 1 ? 1 : 2);
        closeAfter(payDays[payDays.length - 1], 'referred', 'paid_in_full');
      }
      break;
    }
    case 'withdrawn': {
      const r = rng.next();
      const reason = rng.pick(WITHDRAWN_REASONS);
      if (r < 0.3) move(after(rng, intakeDay, 1, 20), 'received', 'withdrawn', { reason });
      else if (r < 0.7) {
        move(verifyOn, 'received', 'verifying');
        partialVerification = rng.chance(0.5);
        move(after(rng, verifyOn, 2, 30), 'verifying', 'withdrawn', { reason });
      } else {
        const { mediateOn, sessionOn } = mediation();
        const withdrawnOn = after(rng, sessionOn, 0, 20);
        session = { mediateOn, day: sessionOn, next: withdrawnOn, agreed: false };
        move(withdrawnOn, 'mediating', 'withdrawn', { reason });
      }
      break;
    }
    case 'rejected': {
      const [reason, referredTo] = rng.pick(REJECTIONS);
      if (rng.chance(0.7)) move(after(rng, intakeDay, 0, 3), 'received', 'rejected', { reason, referredTo });
      else {
        move(verifyOn, 'received', 'verifying');
        move(after(rng, verifyOn, 1, 10), 'verifying', 'rejected', { reason, referredTo });
      }
      break;
    }
  }

  if (confirmOn !== null) step('confirm', confirmOn);
  for (const day of payDays) step('payday', day);
  if (agreement) step('agreement', agreement.signedOn);
  if (session) {
    // Booked once the case is in mediation, a few days ahead; never recorded later than yesterday.
    const bookedOn = Math.max(session.mediateOn, Math.min(session.day - rng.int(1, 7), today - 1));
    step('session_scheduled', bookedOn);
    step('session_held', session.day);
  }
  const paidFraction = payment === 'fraction' ? 0.4 + rng.next() * 0.5 : 1;
  const payShares = shares(rng, Math.max(1, plannedPayDays, payDays.length));

  // Order: by day; on one day, the natural order of the work (a session is held, then the agreement
  // is signed and the case moves; confirmation precedes mediation; money precedes the paying move).
  const order: Record<StepKind, number> = { confirm: 0, session_scheduled: 1, session_held: 2, agreement: 3, payday: 4, transition: 5 };
  full.sort((a, b) => a.day - b.day || order[a.kind] - order[b.kind]);

  // The cut at today: what happened on earlier days is recorded.
  const happened = full.filter((s) => s.day < today);
  let lastDay = intakeDay;
  let lastMinute = input.intakeMinute;
  for (const s of happened) {
    let minute = officeMinute(rng);
    if (s.day === lastDay && minute <= lastMinute) minute = lastMinute + rng.int(3, 40);
    s.minute = minute;
    lastDay = s.day;
    lastMinute = minute;
  }

  const transitions = happened.filter((s) => s.kind === 'transition');
  const last = transitions[transitions.length - 1];
  const status: CaseStatus = last?.to ?? 'received';
  const final = status === 'closed' || status === 'withdrawn' || status === 'rejected';
  const recordedPayDays = payDays.filter((d) => d < today);
  const confirmedBeforeToday = confirmOn !== null && confirmOn < today;
  let confirmation: CasePlan['confirmation'] = confirmedBeforeToday ? 'all' : 'none';
  if (confirmation === 'none' && (partialVerification || (status === 'verifying' && today - verifyOn > 3 && rng.chance(0.5)))) {
    // Verification under way: the first workers' amounts are checked on the day it starts.
    const verifying = happened.findIndex((s) => s.kind === 'transition' && s.to === 'verifying');
    if (verifying >= 0) {
      confirmation = 'some';
      const at = happened[verifying];
      happened.splice(verifying + 1, 0, { kind: 'confirm', day: at.day, minute: at.minute + rng.int(5, 30) });
    }
  }
  const reachedMediation = transitions.some((s) => s.to === 'mediating');
  let sessionPlan: SessionPlan | null = null;
  if (session && reachedMediation) {
    if (session.day >= today) sessionPlan = { day: session.day, status: 'scheduled', outcome: null, adjournedTo: null };
    else if (session.next !== null && session.next < today) {
      sessionPlan = { day: session.day, status: 'held', outcome: session.agreed ? 'agreement' : 'no_agreement', adjournedTo: null };
    } else {
      sessionPlan = { day: session.day, status: 'held', outcome: 'adjourned', adjournedTo: workingDayOnOrAfter(today + rng.int(1, 14)) };
    }
  }
  const signed = agreement !== null && happened.some((s) => s.kind === 'agreement');

  return {
    status,
    outcome: last?.outcome ?? null,
    statusReason: [...transitions].reverse().find((s) => s.reason)?.reason ?? null,
    referredTo: [...transitions].reverse().find((s) => s.referredTo)?.referredTo ?? null,
    closedAt: final && last ? { day: last.day, minute: last.minute } : null,
    steps: happened,
    confirmation,
    needsMediator: reachedMediation,
    session: sessionPlan,
    agreement: signed ? agreement : null,
    payDays: recordedPayDays,
    payShares,
    payment,
    paidFraction,
    payerHint,
    arbitration: arbitration && arbitration.appliedOn < today ? cutArbitration(arbitration, today) : null,
    paymentOrder: paymentOrder && paymentOrder.appliedOn < today ? cutPaymentOrder(paymentOrder, today) : null,
    bureauOrderPayBy: status === 'referred' || (status === 'closed' && bureauOrderPayBy !== null) ? bureauOrderPayBy : null,
  };
}

function cutArbitration(a: NonNullable<CasePlan['arbitration']>, today: number): CasePlan['arbitration'] {
  return {
    appliedOn: a.appliedOn,
    acceptedOn: a.acceptedOn !== null && a.acceptedOn < today ? a.acceptedOn : null,
    awardedOn: a.awardedOn !== null && a.awardedOn < today ? a.awardedOn : null,
    extended: a.extended && a.awardedOn !== null && a.awardedOn < today,
  };
}

function cutPaymentOrder(p: NonNullable<CasePlan['paymentOrder']>, today: number): CasePlan['paymentOrder'] {
  return {
    appliedOn: p.appliedOn,
    issuedOn: p.issuedOn !== null && p.issuedOn < today ? p.issuedOn : null,
    servedOn: p.servedOn !== null && p.servedOn < today ? p.servedOn : null,
  };
}

/**
 * What a worker is paid on the plan's `payday`-th pay day (0-based), given his confirmed amount and
 * what he has had so far: his share of that instalment in whole yuan, or on the last day of a `full`
 * payment whatever is left, so that a case closed as paid in full owes nothing to the fen. Never more
 * than he is still owed.
 */
export function payoutFen(plan: Pick<CasePlan, 'payShares' | 'payment' | 'paidFraction'>, payday: number, confirmedFen: number, paidFen: number): number {
  const owed = confirmedFen - paidFen;
  if (owed <= 0) return 0;
  if (plan.payment === 'full' && payday === plan.payShares.length - 1) return owed;
  const share = plan.payShares[Math.min(payday, plan.payShares.length - 1)];
  return Math.min(owed, Math.floor((confirmedFen * share * plan.paidFraction) / 100) * 100);
}
