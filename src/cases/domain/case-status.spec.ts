import { AppError } from '../../common/errors/app-error';
import {
  AUTOMATIC_MOVES,
  CASE_STATUSES,
  CaseSnapshot,
  CaseStatus,
  ClaimTotals,
  FINAL_STATUSES,
  LEFT_ONLY_BY_RECORDING,
  REACHED_ONLY_BY_RECORDING,
  TRANSITIONS,
  TransitionRequest,
  automaticMove,
  canMove,
  decideTransition,
  isFinal,
  movesForPerson,
  reopenedByCorrection,
} from './case-status';

/** Runs `fn`, expecting it to throw an AppError, and returns that error for closer inspection. */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/**
 * A group case on a construction site: 120 workers owed 12,000,000 yuan in total, all amounts
 * confirmed, a mediator assigned, nothing paid yet.
 */
const CONFIRMED_UNPAID: ClaimTotals = {
  count: 120,
  unconfirmedCount: 0,
  paidFen: 0n,
  outstandingFen: 1_200_000_000n,
  workersOwed: 120,
};

/** The same case once the employer has paid every worker in full. */
const PAID_IN_FULL: ClaimTotals = {
  count: 120,
  unconfirmedCount: 0,
  paidFen: 1_200_000_000n,
  outstandingFen: 0n,
  workersOwed: 0,
};

/** The same case after 9,000,000 yuan has been paid and 3,000,000 yuan is still owed to 30 workers. */
const PARTLY_PAID: ClaimTotals = {
  count: 120,
  unconfirmedCount: 0,
  paidFen: 900_000_000n,
  outstandingFen: 300_000_000n,
  workersOwed: 30,
};

function snapshot(status: CaseStatus, overrides: Partial<Omit<CaseSnapshot, 'status'>> = {}): CaseSnapshot {
  return { status, mediatorId: 'b2d1c0f4-6d0e-4c1a-9a57-3f1e2f9c7a10', claims: CONFIRMED_UNPAID, ...overrides };
}

const ALLOWED_PAIRS: [CaseStatus, CaseStatus][] = CASE_STATUSES.flatMap((from) =>
  TRANSITIONS[from].map((to): [CaseStatus, CaseStatus] => [from, to]),
);
const REFUSED_PAIRS: [CaseStatus, CaseStatus][] = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.filter((to) => !TRANSITIONS[from].includes(to)).map((to): [CaseStatus, CaseStatus] => [from, to]),
);

/** A request carrying every detail its target needs, so that only the table can refuse it. */
function completeRequest(to: CaseStatus): TransitionRequest {
  switch (to) {
    case 'closed':
      return { to, outcome: 'paid_in_full' };
    case 'rejected':
      return { to, reason: '不属于欠薪争议', referredTo: '区劳动人事争议仲裁委员会' };
    case 'referred':
      return { to, referredTo: 'labour_inspection' };
    case 'withdrawn':
      return { to, reason: '工人与用人单位自行和解' };
    default:
      return { to };
  }
}

describe('decideTransition: the happy path of a case', () => {
  it('moves a received case to verifying', () => {
    const decision = decideTransition(
      snapshot('received', { mediatorId: null, claims: { ...CONFIRMED_UNPAID, unconfirmedCount: 120 } }),
      { to: 'verifying' },
    );
    expect(decision).toEqual({ from: 'received', to: 'verifying', outcome: null, reason: null, referredTo: null });
  });

  it('moves a verifying case with an assigned mediator to mediating, even before the claims are confirmed', () => {
    const decision = decideTransition(snapshot('verifying', { claims: { ...CONFIRMED_UNPAID, unconfirmedCount: 15 } }), {
      to: 'mediating',
    });
    expect(decision).toEqual({ from: 'verifying', to: 'mediating', outcome: null, reason: null, referredTo: null });
  });

  it('moves a mediating case whose 120 claims are all confirmed to agreed', () => {
    const decision = decideTransition(snapshot('mediating'), { to: 'agreed' }, 'recording');
    expect(decision).toEqual({ from: 'mediating', to: 'agreed', outcome: null, reason: null, referredTo: null });
  });

  it('refuses a person moving a case to agreed: recording the agreement is the move', () => {
    const error = refusal(() => decideTransition(snapshot('mediating'), { to: 'agreed' }));
    expect(error.code).toBe('AGREEMENT_REQUIRED');
  });

  it('moves an agreed case to paying', () => {
    const decision = decideTransition(snapshot('agreed'), { to: 'paying' });
    expect(decision).toEqual({ from: 'agreed', to: 'paying', outcome: null, reason: null, referredTo: null });
  });

  it('closes a paying case as paid_in_full once all 12,000,000 yuan has been paid', () => {
    const decision = decideTransition(snapshot('paying', { claims: PAID_IN_FULL }), {
      to: 'closed',
      outcome: 'paid_in_full',
    });
    expect(decision).toEqual({ from: 'paying', to: 'closed', outcome: 'paid_in_full', reason: null, referredTo: null });
  });
});

describe('decideTransition: the transition table', () => {
  it('has 84 refused pairs among the 121 pairs of statuses (a sanity check of the generated table)', () => {
    expect(ALLOWED_PAIRS).toHaveLength(37);
    expect(REFUSED_PAIRS).toHaveLength(CASE_STATUSES.length ** 2 - ALLOWED_PAIRS.length);
  });

  it.each(REFUSED_PAIRS)('refuses %s → %s with TRANSITION_NOT_ALLOWED', (from, to) => {
    const current = snapshot(from, { claims: PAID_IN_FULL });
    const request = completeRequest(to);
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(error.params).toEqual({ from, to });
    expect(canMove(from, to)).toBe(false);
  });

  it.each(ALLOWED_PAIRS)('allows %s → %s when every guard is satisfied', (from, to) => {
    const mover = REACHED_ONLY_BY_RECORDING.includes(to) || LEFT_ONLY_BY_RECORDING.includes(from) ? 'recording' : 'person';
    const decision = decideTransition(snapshot(from, { claims: PAID_IN_FULL }), completeRequest(to), mover);
    expect(decision.from).toBe(from);
    expect(decision.to).toBe(to);
    expect(canMove(from, to)).toBe(true);
  });

  it.each(FINAL_STATUSES.map((status) => [status]))('lets nobody move a case from the final status %s', (status) => {
    expect(movesForPerson(status)).toEqual([]);
    expect(isFinal(status)).toBe(true);
    for (const to of CASE_STATUSES) {
      expect(refusal(() => decideTransition(snapshot(status, { claims: PAID_IN_FULL }), completeRequest(to))).code).toBe(
        'TRANSITION_NOT_ALLOWED',
      );
    }
  });

  it('treats exactly closed, withdrawn and rejected as final', () => {
    expect(CASE_STATUSES.filter(isFinal)).toEqual(['closed', 'withdrawn', 'rejected']);
  });
});

describe('decideTransition: guards on mediating and agreed', () => {
  it('refuses mediating when no mediator is assigned', () => {
    const current = snapshot('verifying', { mediatorId: null });
    expect(() => decideTransition(current, { to: 'mediating' })).toThrow(AppError);
    const error = refusal(() => decideTransition(current, { to: 'mediating' }));
    expect(error.code).toBe('MEDIATOR_REQUIRED');
  });

  it('refuses agreed when the case has no claims at all', () => {
    const current = snapshot('mediating', {
      claims: { count: 0, unconfirmedCount: 0, paidFen: 0n, outstandingFen: 0n, workersOwed: 0 },
    });
    expect(refusal(() => decideTransition(current, { to: 'agreed' }, 'recording')).code).toBe('NO_CLAIMS');
  });

  it('refuses agreed while 7 of 120 claims are unconfirmed, with the count', () => {
    const current = snapshot('mediating', { claims: { ...CONFIRMED_UNPAID, unconfirmedCount: 7 } });
    const error = refusal(() => decideTransition(current, { to: 'agreed' }, 'recording'));
    expect(error.code).toBe('CLAIMS_NOT_CONFIRMED');
    expect(error.params).toEqual({ count: 7 });
  });
});

describe('decideTransition: closing', () => {
  it('refuses paid_in_full while 1234.56 yuan is still owed to 2 workers', () => {
    const current = snapshot('paying', {
      claims: { count: 120, unconfirmedCount: 0, paidFen: 1_199_876_544n, outstandingFen: 123_456n, workersOwed: 2 },
    });
    const request: TransitionRequest = { to: 'closed', outcome: 'paid_in_full' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('MONEY_OUTSTANDING');
    expect(error.params).toEqual({ workers: 2, amount: '1234.56' });
  });

  it('refuses paid_in_full while a claim is still unconfirmed, even with nothing outstanding', () => {
    const current = snapshot('paying', { claims: { ...PAID_IN_FULL, unconfirmedCount: 1 } });
    const request: TransitionRequest = { to: 'closed', outcome: 'paid_in_full' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('CLAIMS_NOT_CONFIRMED');
    expect(error.params).toEqual({ count: 1 });
  });

  it('closes as partly_paid when 9,000,000 yuan was paid and 3,000,000 yuan is still owed, keeping the reason', () => {
    const decision = decideTransition(snapshot('arbitration', { claims: PARTLY_PAID }), {
      to: 'closed',
      outcome: 'partly_paid',
      reason: '用人单位已破产清算，剩余部分无法追回',
    });
    expect(decision).toEqual({
      from: 'arbitration',
      to: 'closed',
      outcome: 'partly_paid',
      reason: '用人单位已破产清算，剩余部分无法追回',
      referredTo: null,
    });
  });

  it('refuses partly_paid when nothing has been paid', () => {
    const current = snapshot('paying', { claims: CONFIRMED_UNPAID });
    const request: TransitionRequest = { to: 'closed', outcome: 'partly_paid', reason: '用人单位下落不明' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    expect(refusal(() => decideTransition(current, request)).code).toBe('NOTHING_PAID');
  });

  it('refuses partly_paid when nothing is outstanding (that is paid_in_full)', () => {
    const current = snapshot('paying', { claims: PAID_IN_FULL });
    const request: TransitionRequest = { to: 'closed', outcome: 'partly_paid', reason: '部分工人放弃' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    expect(refusal(() => decideTransition(current, request)).code).toBe('NOTHING_OUTSTANDING');
  });

  it('refuses partly_paid without a reason', () => {
    const current = snapshot('paying', { claims: PARTLY_PAID });
    const request: TransitionRequest = { to: 'closed', outcome: 'partly_paid' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
  });

  it('refuses closing without an outcome', () => {
    const current = snapshot('paying', { claims: PAID_IN_FULL });
    const request: TransitionRequest = { to: 'closed' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.params).toEqual({ count: 1 });
    expect(error.problems).toEqual([{ field: 'outcome', code: 'REQUIRED' }]);
  });
});

describe('decideTransition: diverting or ending a case', () => {
  it('refuses rejected without a reason and a referral, reporting both at once', () => {
    const current = snapshot('received', { mediatorId: null });
    expect(() => decideTransition(current, { to: 'rejected' })).toThrow(AppError);
    const error = refusal(() => decideTransition(current, { to: 'rejected' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.params).toEqual({ count: 2 });
    expect(error.problems).toEqual([
      { field: 'reason', code: 'REQUIRED' },
      { field: 'referredTo', code: 'REQUIRED' },
    ]);
  });

  it('rejects a case with a reason and the body the worker was sent to (free text)', () => {
    const decision = decideTransition(snapshot('received', { mediatorId: null }), {
      to: 'rejected',
      reason: '已超过仲裁时效',
      referredTo: '人民法院',
    });
    expect(decision).toEqual({
      from: 'received',
      to: 'rejected',
      outcome: null,
      reason: '已超过仲裁时效',
      referredTo: '人民法院',
    });
  });

  it('refuses referred without referredTo', () => {
    const current = snapshot('verifying');
    expect(() => decideTransition(current, { to: 'referred' })).toThrow(AppError);
    const error = refusal(() => decideTransition(current, { to: 'referred' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([{ field: 'referredTo', code: 'REQUIRED' }]);
  });

  it('refuses referred to a body other than labour_inspection or police, with NOT_ONE_OF', () => {
    const current = snapshot('verifying');
    const request: TransitionRequest = { to: 'referred', referredTo: 'court' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([
      { field: 'referredTo', code: 'NOT_ONE_OF', params: { allowed: 'labour_inspection, police' } },
    ]);
  });

  it.each(['labour_inspection', 'police'])('refers a case to %s', (target) => {
    const decision = decideTransition(snapshot('mediating'), { to: 'referred', referredTo: target });
    expect(decision).toEqual({ from: 'mediating', to: 'referred', outcome: null, reason: null, referredTo: target });
  });

  it('refuses withdrawn without a reason', () => {
    const current = snapshot('agreed');
    expect(() => decideTransition(current, { to: 'withdrawn' })).toThrow(AppError);
    const error = refusal(() => decideTransition(current, { to: 'withdrawn' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
  });

  it('counts a whitespace-only reason as missing, including the ideographic space of a Chinese keyboard', () => {
    const current = snapshot('agreed');
    const request: TransitionRequest = { to: 'withdrawn', reason: ' \t\u3000 ' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
  });

  it('counts a whitespace-only referredTo as missing', () => {
    const current = snapshot('verifying');
    const request: TransitionRequest = { to: 'referred', referredTo: '   ' };
    expect(() => decideTransition(current, request)).toThrow(AppError);
    const error = refusal(() => decideTransition(current, request));
    expect(error.problems).toEqual([{ field: 'referredTo', code: 'REQUIRED' }]);
  });

  it('checks the details before the guards: a reasonless partly_paid close with nothing paid reports the reason', () => {
    const current = snapshot('paying', { claims: CONFIRMED_UNPAID });
    const error = refusal(() => decideTransition(current, { to: 'closed', outcome: 'partly_paid', reason: '  ' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([{ field: 'reason', code: 'REQUIRED' }]);
  });
});

describe('decideTransition: what the decision carries', () => {
  it('trims the reason', () => {
    const decision = decideTransition(snapshot('agreed'), { to: 'withdrawn', reason: '  工人已另行起诉  ' });
    expect(decision.reason).toBe('工人已另行起诉');
  });

  it('trims referredTo', () => {
    const decision = decideTransition(snapshot('verifying'), { to: 'referred', referredTo: ' police ' });
    expect(decision.referredTo).toBe('police');
  });

  it('drops an outcome sent with a move that is not a close', () => {
    const decision = decideTransition(snapshot('agreed'), {
      to: 'withdrawn',
      reason: '工人与用人单位自行和解',
      outcome: 'paid_in_full',
    });
    expect(decision.outcome).toBeNull();
  });

  it('drops referredTo sent with a move that is neither rejected nor referred', () => {
    const decision = decideTransition(snapshot('agreed'), {
      to: 'withdrawn',
      reason: '工人与用人单位自行和解',
      referredTo: 'police',
    });
    expect(decision.referredTo).toBeNull();
  });

  it('drops referredTo sent with a close', () => {
    const decision = decideTransition(snapshot('referred', { claims: PAID_IN_FULL }), {
      to: 'closed',
      outcome: 'paid_in_full',
      referredTo: 'labour_inspection',
    });
    expect(decision).toEqual({ from: 'referred', to: 'closed', outcome: 'paid_in_full', reason: null, referredTo: null });
  });

  it('keeps an optional trimmed reason on an ordinary move', () => {
    const decision = decideTransition(snapshot('mediating'), { to: 'verifying', reason: ' 金额核对有误 ' });
    expect(decision).toEqual({ from: 'mediating', to: 'verifying', outcome: null, reason: '金额核对有误', referredTo: null });
  });
});

describe('automatic moves: the same door as a person\'s', () => {
  it.each(Object.entries(AUTOMATIC_MOVES).flatMap(([trigger, move]) => move.from.map((from) => [trigger, from, move.to] as const)))(
    '%s moves a %s case along the transition table, to %s',
    (_trigger, from, to) => {
      expect(canMove(from, to)).toBe(true);
    },
  );

  it.each<CaseStatus>(['mediating', 'agreed'])('moves a %s case to paying with its first money', (status) => {
    expect(automaticMove('first_payout', status)).toEqual({ to: 'paying' });
  });

  it.each(CASE_STATUSES.filter((status) => status !== 'mediating' && status !== 'agreed').map((status) => [status]))(
    'leaves a %s case where it is when money comes',
    (status) => {
      expect(automaticMove('first_payout', status)).toBeNull();
    },
  );

  it('takes a case closed as paid in full back to paying when a correction leaves money owed, and only then', () => {
    expect(reopenedByCorrection('closed', 'paid_in_full', 1n)).toBe(true);
    expect(reopenedByCorrection('closed', 'paid_in_full', 0n)).toBe(false);
    expect(reopenedByCorrection('closed', 'partly_paid', 500_00n)).toBe(false);
    expect(reopenedByCorrection('paying', null, 500_00n)).toBe(false);
    expect(automaticMove('correction_reopened', 'closed')).toEqual({ to: 'paying' });
    const owing = { ...PAID_IN_FULL, outstandingFen: 500_00n, workersOwed: 1 };
    expect(decideTransition(snapshot('closed', { claims: owing }), { to: 'paying' }, 'recording').to).toBe('paying');
    expect(refusal(() => decideTransition(snapshot('closed', { claims: owing }), { to: 'paying' })).code).toBe('TRANSITION_NOT_ALLOWED');
    expect(movesForPerson('closed')).toEqual([]);
  });

  it('moves a case in mediation to agreed when the agreement is signed, and no other', () => {
    expect(automaticMove('agreement_signed', 'mediating')).toEqual({ to: 'agreed' });
    expect(CASE_STATUSES.filter((status) => automaticMove('agreement_signed', status))).toEqual(['mediating']);
  });
});
