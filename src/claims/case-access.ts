import type { Scope } from '../auth/domain/actor';
import type { Tx } from '../database/transactions';

/**
 * What claims need of the case they belong to: its lock and its visibility. The cases feature sits
 * above claims (a case opens with its claims and shows their money) and provides this (cases.module.ts),
 * so the arrow between the two features runs one way: claims declare, cases implement.
 */
export abstract class CaseAccess {
  /**
   * Locks an open case of the scope for a change to its claims: 404 outside the scope, 409 once it is
   * closed. Answers the day it was opened, which no confirmation can precede.
   */
  abstract lockOpenCase(tx: Tx, caseId: string, scope: Scope): Promise<{ intakeDate: string }>;
  /** 404 unless the case exists within the scope. */
  abstract assertCaseVisible(tx: Tx, caseId: string, scope: Scope): Promise<void>;
}
