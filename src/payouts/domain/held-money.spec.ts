import { AppError } from '../../common/errors/app-error';
import { assertHandover } from './held-money';

const HELD = { heldIn: 'union_account', reversesPayoutId: null, reversed: false, handedOver: false, paidOn: '2027-01-12' };
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected an AppError');
};

describe('handing money held over to the worker', () => {
  it('takes money held, from the day it came in to today', () => {
    expect(() => assertHandover(HELD, '2027-01-12', '2027-01-20')).not.toThrow();
    expect(() => assertHandover(HELD, '2027-01-20', '2027-01-20')).not.toThrow();
  });

  it('refuses what is not held, what was taken back or handed over, and days outside the span', () => {
    expect(refusal(() => assertHandover({ ...HELD, heldIn: null }, '2027-01-15', '2027-01-20')).code).toBe('PAYOUT_NOT_HELD');
    expect(refusal(() => assertHandover({ ...HELD, reversesPayoutId: 'p' }, '2027-01-15', '2027-01-20')).code).toBe('PAYOUT_NOT_HELD');
    expect(refusal(() => assertHandover({ ...HELD, reversed: true }, '2027-01-15', '2027-01-20')).code).toBe('PAYOUT_ALREADY_CORRECTED');
    expect(refusal(() => assertHandover({ ...HELD, handedOver: true }, '2027-01-15', '2027-01-20')).code).toBe('HELD_MONEY_HANDED_OVER');
    expect(refusal(() => assertHandover(HELD, '2027-01-21', '2027-01-20')).problems).toEqual([{ field: 'handedOverOn', code: 'DATE_IN_FUTURE' }]);
    expect(refusal(() => assertHandover(HELD, '2027-01-11', '2027-01-20')).problems).toEqual([
      { field: 'handedOverOn', code: 'BEFORE_RECEIVED', params: { receivedOn: '2027-01-12' } },
    ]);
  });
});
