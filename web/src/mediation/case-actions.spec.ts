import { movesOf, nextStepOf, tasksOf } from './case-actions';

const MEDIATOR = ['cases.read', 'cases.transition', 'claims.edit', 'payouts.record', 'mediation.manage'] as const;
const LEADER = ['cases.read'] as const;

const totals = (change: Partial<{ workers: number; unconfirmed: number; confirmed: string; outstanding: string }> = {}) => ({
  workers: 6, workersFullyPaid: 0, workersOwed: 6, unconfirmed: 0, claimed: '43801.49', confirmed: '43701.49', paid: '0.00', outstanding: '43701.49', ...change,
});

const standing = (status: string, allowedTransitions: string[], change: Parameters<typeof totals>[0] = {}, more: { hasAgreement?: boolean; agreedInSession?: boolean; permissions?: readonly string[] } = {}) =>
  ({
    theCase: { status, allowedTransitions, totals: totals(change) },
    permissions: more.permissions ?? MEDIATOR,
    hasAgreement: more.hasAgreement ?? false,
    agreedInSession: more.agreedInSession ?? false,
  }) as Parameters<typeof nextStepOf>[0];

describe('what the mediator’s case page offers', () => {
  it('starts verification of a case just received', () => {
    expect(nextStepOf(standing('received', ['verifying', 'referred', 'withdrawn', 'rejected'], { unconfirmed: 6, confirmed: '0.00' }))).toEqual({ move: 'verifying' });
  });

  it('confirms the amounts, then moves on to mediation', () => {
    expect(nextStepOf(standing('verifying', ['mediating'], { unconfirmed: 6, confirmed: '0.00' }))).toEqual({ task: 'confirm' });
    expect(nextStepOf(standing('verifying', ['mediating']))).toEqual({ move: 'mediating' });
  });

  it('schedules a session in mediation, and records the agreement once a session reached one', () => {
    expect(nextStepOf(standing('mediating', ['agreed', 'paying']))).toEqual({ task: 'schedule' });
    expect(nextStepOf(standing('mediating', ['agreed', 'paying'], {}, { agreedInSession: true }))).toEqual({ task: 'agreement' });
    expect(tasksOf(standing('mediating', [], {}, { hasAgreement: true }))).not.toContain('agreement');
  });

  it('records pay days while money is owed, and closes when nothing is', () => {
    expect(nextStepOf(standing('agreed', ['paying', 'mediating']))).toEqual({ task: 'payDay' });
    expect(nextStepOf(standing('paying', ['closed', 'arbitration']))).toEqual({ task: 'payDay' });
    expect(nextStepOf(standing('paying', ['closed', 'arbitration'], { outstanding: '0.00' }))).toEqual({ move: 'closed' });
  });

  it('offers nothing on a closed case, and no work to a role without the permissions', () => {
    expect(tasksOf(standing('closed', []))).toEqual([]);
    expect(nextStepOf(standing('closed', []))).toBeNull();
    const leader = standing('paying', ['closed'], {}, { permissions: LEADER });
    expect(tasksOf(leader)).toEqual([]);
    expect(movesOf(leader)).toEqual([]);
    expect(nextStepOf(leader)).toBeNull();
  });
});
