import { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Case } from './case.entity';
import { isFinal } from './domain/case-status';

/**
 * Loads a case for a change and locks its row until the transaction ends. Every change to a case's
 * claims, payouts or status takes this lock first, so two clerks recording payouts for the same
 * case at once are serialised and the outstanding check sees the other's payout.
 */
export async function lockCase(manager: EntityManager, caseId: string): Promise<Case> {
  const found = await manager.getRepository(Case).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw new AppError('CASE_NOT_FOUND');
  return found;
}

/** As lockCase, and refuses a case that is closed, withdrawn or rejected. */
export async function lockOpenCase(manager: EntityManager, caseId: string): Promise<Case> {
  const found = await lockCase(manager, caseId);
  if (isFinal(found.status)) throw new AppError('CASE_NOT_OPEN', { status: found.status });
  return found;
}

export function assertVersion(found: Case, expected: number | undefined): void {
  if (expected !== undefined && expected !== found.version) {
    throw new AppError('STALE_VERSION', { current: found.version });
  }
}
