import type { Tx } from '../database/transactions';

/** The case as the callbacks after closing need it: who worked on it. */
export interface ClosedCase {
  id: string;
  lawyerId: string | null;
  mediatorId: string | null;
}

/**
 * What happens elsewhere when a case is closed or taken back from closed, in the same transaction as
 * the move: the callback to the worker after closing (回访). The callbacks feature sits above cases
 * (it locks cases and reads them) and provides this (callbacks.module.ts), so the arrow between the two
 * runs one way: cases declare, callbacks implement.
 */
export abstract class CaseClosings {
  /** The case was closed on `closedOn` (paid in full or partly paid). */
  abstract closed(tx: Tx, closedCase: ClosedCase, closedOn: string): Promise<void>;
  /** The case left closed (a payout correction took it back to paying): what waited on its closing no longer does. */
  abstract reopened(tx: Tx, caseId: string): Promise<void>;
}
