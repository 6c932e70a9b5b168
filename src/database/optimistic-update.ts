import { ObjectLiteral, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-codes';

/**
 * Optimistic locking, two ways for two situations, one answer (409 STALE_VERSION with the current
 * version): a row already locked by the caller's transaction (a case, or a claim or session under
 * its case's lock) is compared with assertSameVersion; a row changed on its own (an employer, a
 * worker) is written with saveWithVersion, whose check and write are one statement.
 */

/** Refuses a change made from an older version of a row the caller has locked; no version sent, no check. */
export function assertSameVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw new AppError('STALE_VERSION', { current: row.version });
  }
}

/**
 * Applies `changes` only if the row is still at `expectedVersion`, bumping the version in the same
 * statement; a stale write changes nothing and answers STALE_VERSION with the current version.
 */
export async function saveWithVersion<T extends ObjectLiteral & { version: number }>(
  repository: Repository<T>,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  notFound: ErrorCode,
): Promise<void> {
  const result = await repository
    .createQueryBuilder()
    .update()
    // TypeORM's update adds `version = version + 1` and `updated_at = now()` for the entity's version and
    // update-date columns, so the check and the bump are one statement.
    .set(changes as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected === 1) return;
  const current = await repository.findOne({ where: { id } as never, select: { version: true } as never });
  if (!current) throw new AppError(notFound);
  throw new AppError('STALE_VERSION', { current: current.version });
}
