import { AppError } from '../../common/errors/app-error';
import { assertConfirmedCoversPaid } from './confirmation';

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

describe('assertConfirmedCoversPaid', () => {
  it('accepts a confirmed amount equal to or above what was paid', () => {
    expect(() =>
      assertConfirmedCoversPaid([
        { field: 'amountConfirmed', confirmedFen: 300_000n, paidFen: 300_000n },
        { field: 'amountConfirmed', confirmedFen: 300_001n, paidFen: 0n },
      ]),
    ).not.toThrow();
  });

  it('refuses one claim edited below its payouts, naming both amounts', () => {
    const error = refusal(() => assertConfirmedCoversPaid([{ field: 'amountConfirmed', confirmedFen: 299_999n, paidFen: 300_000n }]));
    expect(error.code).toBe('CONFIRMED_BELOW_PAID');
    expect(error.params).toEqual({ confirmed: '2999.99', paid: '3000.00' });
    expect(error.problems).toEqual([{ field: 'amountConfirmed', code: 'TOO_SMALL', params: { min: '3000.00' } }]);
  });

  it('lists every line of a batch that falls below, with the same code as a single edit', () => {
    const error = refusal(() =>
      assertConfirmedCoversPaid([
        { row: 1, field: 'items.0.amountConfirmed', confirmedFen: 100n, paidFen: 50n },
        { row: 2, field: 'items.1.amountConfirmed', confirmedFen: 10n, paidFen: 50n },
        { row: 3, field: 'items.2.amountConfirmed', confirmedFen: 0n, paidFen: 1n },
      ]),
    );
    expect(error.code).toBe('CONFIRMED_BELOW_PAID');
    expect(error.problems.map((problem) => problem.row)).toEqual([2, 3]);
  });
});
