import { REFERRAL_TARGETS, canMove, isFinal } from '../../src/cases/domain/case-status';
import { PAYOUT_STATUSES } from '../../src/payouts/domain/payout-rules';
import { CasePlan, payoutFen, planCase } from './case-plan';
import { dayNumber } from './days';
import { Prng } from './prng';
import { firstIntakeDay, groupSize } from './synthetic';

const today = dayNumber('2026-11-22');
const first = firstIntakeDay(today);

function plans(count: number, seed = 21, from = first, to = today): { intakeDay: number; workers: number; plan: CasePlan }[] {
  const rng = new Prng(seed);
  return Array.from({ length: count }, () => {
    const intakeDay = rng.int(from, to);
    const workers = groupSize(rng);
    return { intakeDay, workers, plan: planCase(rng, { intakeDay, intakeMinute: 9 * 60 + 30, today, workers }) };
  });
}

describe('case plans', () => {
  const all = plans(5000);

  /** Checks every plan, collecting what is wrong, so one failure shows every plan it concerns. */
  function problems(check: (plan: CasePlan, intakeDay: number) => string | null | undefined): string[] {
    return all.map(({ plan, intakeDay }, index) => {
      const problem = check(plan, intakeDay);
      return problem ? `plan ${index}: ${problem}` : null;
    }).filter((problem): problem is string => problem !== null);
  }

  it('move only as the lifecycle allows, from received, in time order, and end where the case stands', () => {
    expect(
      problems((plan, intakeDay) => {
        let status: CasePlan['status'] = 'received';
        let last = intakeDay * 1440 + 9 * 60 + 30;
        for (const step of plan.steps) {
          const at = step.day * 1440 + step.minute;
          if (at < last) return `${step.kind} on day ${step.day} is earlier than the step before`;
          if (step.day >= today) return `${step.kind} is not before today`;
          last = at;
          if (step.kind !== 'transition') continue;
          if (step.from !== status || !canMove(step.from, step.to!)) return `${step.from} → ${step.to} from ${status}`;
          status = step.to!;
        }
        return plan.status === status ? null : `status ${plan.status}, last move to ${status}`;
      }),
    ).toEqual([]);
  });

  it('give each ending what its guards require', () => {
    expect(
      problems((plan) => {
        if ((plan.closedAt !== null) !== isFinal(plan.status)) return `closedAt with ${plan.status}`;
        if ((plan.outcome !== null) !== (plan.status === 'closed')) return `outcome ${plan.outcome} with ${plan.status}`;
        if ((plan.outcome === 'partly_paid' || plan.status === 'withdrawn') && !plan.statusReason) return `no reason for ${plan.status}`;
        if (plan.status === 'rejected' && !(plan.statusReason && plan.referredTo)) return 'rejected without reason or referral';
        if (plan.status === 'referred' && !(REFERRAL_TARGETS as readonly string[]).includes(plan.referredTo ?? '')) return `referred to ${plan.referredTo}`;
        if (['mediating', 'agreed', 'paying'].includes(plan.status) && !plan.needsMediator) return `${plan.status} without a mediator`;
        if ((['agreed', 'paying'].includes(plan.status) || plan.outcome === 'paid_in_full') && plan.confirmation !== 'all') {
          return `${plan.status} with claims ${plan.confirmation} confirmed`;
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('pay only confirmed claims, while the service takes payouts, and close paid in full with every instalment paid', () => {
    expect(
      problems((plan) => {
        if (plan.payDays.length > 0) {
          const confirmed = plan.steps.find((s) => s.kind === 'confirm');
          if (plan.confirmation !== 'all' || !confirmed || plan.payDays[0] <= confirmed.day) return 'paid before all claims were confirmed';
          // The status in force on each pay day, before that day's own move.
          for (const day of plan.payDays) {
            const sameDay = plan.steps.find((s) => s.kind === 'transition' && s.day === day);
            const before = plan.steps.filter((s) => s.kind === 'transition' && s.day < day).pop();
            const status = sameDay ? sameDay.from! : before?.to ?? 'received';
            if (!PAYOUT_STATUSES.includes(status)) return `paid while ${status}`;
          }
        }
        if (plan.outcome === 'paid_in_full' && (plan.payment !== 'full' || plan.payDays.length !== plan.payShares.length)) {
          return 'paid in full without every instalment';
        }
        if (plan.outcome === 'partly_paid' && plan.payDays.length === 0) return 'partly paid with nothing paid';
        return null;
      }),
    ).toEqual([]);
  });

  it('leave old cases mostly closed and spread recent ones over the working statuses', () => {
    const old = plans(3000, 22, first, today - 400).map((p) => p.plan.status);
    expect(old.filter((s) => isFinal(s)).length / old.length).toBeGreaterThan(0.75);
    const recent = plans(3000, 23, today - 20, today - 1).map((p) => p.plan.status);
    for (const status of ['received', 'verifying', 'mediating'] as const) expect(recent).toContain(status);
    expect(recent.filter((s) => isFinal(s)).length / recent.length).toBeLessThan(0.4);
  });

  it('book a session for every case that reached mediation, held before today or scheduled ahead', () => {
    expect(
      problems((plan) => {
        const session = plan.session;
        if (session === null) return null;
        if (!plan.needsMediator) return 'session without mediation';
        if (session.status === 'scheduled' ? session.day < today : session.day >= today) return `${session.status} on day ${session.day}`;
        return (session.outcome === 'adjourned') === (session.adjournedTo !== null) ? null : 'adjourned without a date';
      }),
    ).toEqual([]);
  });
});

describe('payouts', () => {
  const base = { payShares: [0.3, 0.3, 0.4], paidFraction: 1 };

  it('pay a worker exactly his confirmed amount over a full schedule', () => {
    let paid = 0;
    for (let day = 0; day < 3; day++) paid += payoutFen({ ...base, payment: 'full' }, day, 1_234_567, paid);
    expect(paid).toBe(1_234_567);
  });

  it('leave money owed when only the first instalment came or a fraction was paid, never more than owed', () => {
    expect(payoutFen({ ...base, payment: 'first_only' }, 0, 1_000_000, 0)).toBe(300_000);
    let paid = 0;
    for (let day = 0; day < 3; day++) paid += payoutFen({ ...base, payment: 'fraction', paidFraction: 0.6 }, day, 1_000_000, paid);
    expect(paid).toBe(600_000);
    expect(payoutFen({ ...base, payment: 'full' }, 2, 1_000_000, 1_000_000)).toBe(0);
  });
});
