import { AppError } from '../../common/errors/app-error';
import { CASE_STATUSES } from '../../cases/domain/case-status';
import { ClaimBalanceForPayout, PAYOUT_STATUSES, PayoutLine, checkPayouts } from './payout-rules';

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

// Three workers on one case.
const ZHANG = '0b6f8a52-3c1d-4e7a-9b10-5d2c8e4f6a01'; // confirmed 18,600 yuan, 6,000 paid: 12,600 owed
const LI = '1c7e9b63-4d2e-4f8b-8c21-6e3d9f5a7b02'; // confirmed 9,350.50 yuan, nothing paid
const WANG = '2d8fac74-5e3f-4a9c-9d32-7f4eaa6b8c03'; // amount still being checked: not confirmed
const STRANGER = '3e9abd85-6f4a-4bad-8e43-8a5fbb7c9d04'; // a claim on some other case

const BALANCES: ReadonlyMap<string, ClaimBalanceForPayout> = new Map([
  [ZHANG, { confirmedFen: 1_860_000n, paidFen: 600_000n }],
  [LI, { confirmedFen: 935_050n, paidFen: 0n }],
  [WANG, { confirmedFen: null, paidFen: 0n }],
]);

function line(row: number, claimId: string, amountFen: bigint): PayoutLine {
  return { row, claimId, amountFen };
}

const NOT_PAYOUT_STATUSES = CASE_STATUSES.filter((status) => !PAYOUT_STATUSES.includes(status));

describe('checkPayouts: the status of the case', () => {
  it.each(NOT_PAYOUT_STATUSES.map((status) => [status]))('refuses money while the case is %s', (status) => {
    const lines = [line(1, ZHANG, 100_000n)];
    expect(() => checkPayouts(status, lines, BALANCES)).toThrow(AppError);
    const error = refusal(() => checkPayouts(status, lines, BALANCES));
    expect(error.code).toBe('PAYOUT_NOT_ALLOWED_IN_STATUS');
    expect(error.params).toEqual({ status });
  });

  it.each(PAYOUT_STATUSES.map((status) => [status]))('accepts money while the case is %s', (status) => {
    expect(() => checkPayouts(status, [line(1, ZHANG, 100_000n)], BALANCES)).not.toThrow();
  });

  it('refuses money before verification and after the case has ended', () => {
    expect(NOT_PAYOUT_STATUSES).toEqual(['received', 'verifying', 'closed', 'withdrawn', 'rejected']);
  });

  it('checks the status before the lines: a closed case reports the status, not the unknown claim', () => {
    const error = refusal(() => checkPayouts('closed', [line(1, STRANGER, 100n)], BALANCES));
    expect(error.code).toBe('PAYOUT_NOT_ALLOWED_IN_STATUS');
  });
});

describe('checkPayouts: amounts against what is still owed', () => {
  it('accepts a payout of exactly the outstanding 12,600.00 yuan', () => {
    expect(() => checkPayouts('paying', [line(1, ZHANG, 1_260_000n)], BALANCES)).not.toThrow();
  });

  it('accepts a whole pay day for two workers, each within what they are owed', () => {
    const lines = [line(1, ZHANG, 1_260_000n), line(2, LI, 935_050n)];
    expect(() => checkPayouts('agreed', lines, BALANCES)).not.toThrow();
  });

  it('refuses one fen more than the outstanding amount, with both amounts in yuan and the offending line', () => {
    const lines = [line(1, LI, 500_000n), line(2, ZHANG, 1_260_001n)];
    expect(() => checkPayouts('paying', lines, BALANCES)).toThrow(AppError);
    const error = refusal(() => checkPayouts('paying', lines, BALANCES));
    expect(error.code).toBe('PAYOUT_EXCEEDS_OUTSTANDING');
    expect(error.params).toEqual({ amount: '12600.01', outstanding: '12600.00' });
    expect(error.problems).toEqual([
      {
        row: 2,
        field: 'items.1.amount',
        code: 'EXCEEDS_OUTSTANDING',
        params: { amount: '12600.01', outstanding: '12600.00' },
      },
    ]);
  });

  it('sums two lines for the same claim in one batch: 8,000 + 4,600 yuan fit in the 12,600 owed', () => {
    const lines = [line(1, ZHANG, 800_000n), line(2, ZHANG, 460_000n)];
    expect(() => checkPayouts('paying', lines, BALANCES)).not.toThrow();
  });

  it('sums two lines for the same claim in one batch: 8,000 + 4,600.01 yuan exceed the 12,600 owed on the second line', () => {
    const lines = [line(1, ZHANG, 800_000n), line(2, ZHANG, 460_001n)];
    expect(() => checkPayouts('paying', lines, BALANCES)).toThrow(AppError);
    const error = refusal(() => checkPayouts('paying', lines, BALANCES));
    expect(error.code).toBe('PAYOUT_EXCEEDS_OUTSTANDING');
    expect(error.params).toEqual({ amount: '4600.01', outstanding: '4600.00' });
    expect(error.problems).toEqual([
      {
        row: 2,
        field: 'items.1.amount',
        code: 'EXCEEDS_OUTSTANDING',
        params: { amount: '4600.01', outstanding: '4600.00' },
      },
    ]);
  });

  it('lists every excessive line, reporting the first one in the error params', () => {
    const lines = [line(1, LI, 935_051n), line(2, ZHANG, 2_000_000n)];
    const error = refusal(() => checkPayouts('paying', lines, BALANCES));
    expect(error.code).toBe('PAYOUT_EXCEEDS_OUTSTANDING');
    expect(error.params).toEqual({ amount: '9350.51', outstanding: '9350.50' });
    expect(error.problems.map((problem) => [problem.row, problem.field, problem.code])).toEqual([
      [1, 'items.0.amount', 'EXCEEDS_OUTSTANDING'],
      [2, 'items.1.amount', 'EXCEEDS_OUTSTANDING'],
    ]);
  });

  it('refuses any payout to a worker already paid in full, reporting 0.00 outstanding', () => {
    const balances = new Map([[ZHANG, { confirmedFen: 1_860_000n, paidFen: 1_860_000n }]]);
    const error = refusal(() => checkPayouts('paying', [line(1, ZHANG, 1n)], balances));
    expect(error.code).toBe('PAYOUT_EXCEEDS_OUTSTANDING');
    expect(error.params).toEqual({ amount: '0.01', outstanding: '0.00' });
  });
});

describe('checkPayouts: claims that cannot be paid', () => {
  it('refuses claims not on the case with VALIDATION_FAILED, a NOT_ON_CASE problem for every such line', () => {
    const lines = [line(1, STRANGER, 100_000n), line(2, ZHANG, 100_000n), line(3, 'no-such-claim', 50_000n)];
    expect(() => checkPayouts('paying', lines, BALANCES)).toThrow(AppError);
    const error = refusal(() => checkPayouts('paying', lines, BALANCES));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.params).toEqual({ count: 2 });
    expect(error.problems).toEqual([
      { row: 1, field: 'items.0.claimId', code: 'NOT_ON_CASE' },
      { row: 3, field: 'items.2.claimId', code: 'NOT_ON_CASE' },
    ]);
  });

  it('refuses unconfirmed claims with CLAIM_NOT_CONFIRMED, listing every such line', () => {
    const lines = [line(1, WANG, 300_000n), line(2, ZHANG, 100_000n), line(3, WANG, 200_000n)];
    expect(() => checkPayouts('mediating', lines, BALANCES)).toThrow(AppError);
    const error = refusal(() => checkPayouts('mediating', lines, BALANCES));
    expect(error.code).toBe('CLAIM_NOT_CONFIRMED');
    expect(error.params).toEqual({ count: 2 });
    expect(error.problems).toEqual([
      { row: 1, field: 'items.0.claimId', code: 'NOT_CONFIRMED' },
      { row: 3, field: 'items.2.claimId', code: 'NOT_CONFIRMED' },
    ]);
  });

  it('reports claims not on the case before unconfirmed or excessive ones', () => {
    const lines = [line(1, WANG, 300_000n), line(2, ZHANG, 9_999_999n), line(3, STRANGER, 100n)];
    const error = refusal(() => checkPayouts('paying', lines, BALANCES));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([{ row: 3, field: 'items.2.claimId', code: 'NOT_ON_CASE' }]);
  });

  it('reports unconfirmed claims before excessive amounts', () => {
    const lines = [line(1, ZHANG, 9_999_999n), line(2, WANG, 300_000n)];
    const error = refusal(() => checkPayouts('paying', lines, BALANCES));
    expect(error.code).toBe('CLAIM_NOT_CONFIRMED');
    expect(error.problems).toEqual([{ row: 2, field: 'items.1.claimId', code: 'NOT_CONFIRMED' }]);
  });
});
