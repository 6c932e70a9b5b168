import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Scope } from '../auth/domain/actor';
import { AppError } from '../common/errors/app-error';
import { Case } from './case.entity';
import { isFinal } from './domain/case-status';

/** Cases whose organisation lies in the scope: the condition every case query carries. */
export const CASE_IN_SCOPE = `organisation_id IN (SELECT id FROM organisations WHERE path LIKE :scopePath || '%')`;

/** The case with this id, if it lies in the scope (alias `c`). */
export function caseInScope(manager: EntityManager, caseId: string, scope: Scope): SelectQueryBuilder<Case> {
  return manager
    .getRepository(Case)
    .createQueryBuilder('c')
    .where('c.id = :caseId', { caseId })
    .andWhere(`c.${CASE_IN_SCOPE}`, { scopePath: scope.path });
}

/**
 * Loads a case for a change and locks its row until the transaction ends. Every change to a case's
 * claims, payouts or status takes this lock first, so two clerks recording payouts for the same
 * case at once are serialised and the outstanding check sees the other's payout. A case outside
 * the caller's scope is answered exactly like one that does not exist.
 */
export async function lockCase(manager: EntityManager, caseId: string, scope: Scope): Promise<Case> {
  const found = await caseInScope(manager, caseId, scope).setLock('pessimistic_write').getOne();
  if (!found) throw new AppError('CASE_NOT_FOUND');
  return found;
}

/** As lockCase, and refuses a case that is closed, withdrawn or rejected. */
export async function lockOpenCase(manager: EntityManager, caseId: string, scope: Scope): Promise<Case> {
  const found = await lockCase(manager, caseId, scope);
  if (isFinal(found.status)) throw new AppError('CASE_NOT_OPEN', { status: found.status });
  return found;
}

/** 404 unless the case exists within the scope; for reads of a case's claims, payouts and timeline. */
export async function assertCaseVisible(manager: EntityManager, caseId: string, scope: Scope): Promise<void> {
  const visible = await caseInScope(manager, caseId, scope).getExists();
  if (!visible) throw new AppError('CASE_NOT_FOUND');
}

