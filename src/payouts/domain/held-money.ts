/**
 * Money held for workers who could not be reached (代管): when it may be handed over. Pure: the payout
 * and the day come in as data.
 */
import { AppError } from '../../common/errors/app-error';

export interface HeldPayout {
  heldIn: string | null;
  /** Set on a reversal (a negative entry). */
  reversesPayoutId: string | null;
  /** A correction took it back. */
  reversed: boolean;
  handedOver: boolean;
  /** The day the money came into the holding account. */
  paidOn: string;
}

/**
 * Refuses a hand-over of what is not money held (a payout to the worker, a reversal), of money a
 * correction took back, of money already handed over, and on a day in the future or before the money
 * came in.
 */
export function assertHandover(payout: HeldPayout, handedOverOn: string, today: string): void {
  if (payout.heldIn === null || payout.reversesPayoutId !== null) throw new AppError('PAYOUT_NOT_HELD');
  if (payout.reversed) throw new AppError('PAYOUT_ALREADY_CORRECTED');
  if (payout.handedOver) throw new AppError('HELD_MONEY_HANDED_OVER');
  if (handedOverOn > today) throw AppError.invalidField('handedOverOn', 'DATE_IN_FUTURE');
  if (handedOverOn < payout.paidOn) throw AppError.invalidField('handedOverOn', 'BEFORE_RECEIVED', { receivedOn: payout.paidOn });
}
