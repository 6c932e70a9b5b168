import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-codes';
import type { Tx } from './transactions';

/**
 * Optimistic locking, two ways for two situations, one answer (409 STALE_VERSION with the current
 * version): a row already locked by the caller's transaction (a case, or a claim or session under
 * its case's lock) is compared with assertSameVersion; a row changed on its own (an employer, a
 * worker) is written with updateWithVersion, whose check and write are one statement.
 */

/** Refuses a change made from an older version of a row the caller has locked; no version sent, no check. */
export function assertSameVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw new AppError('STALE_VERSION', { current: row.version });
  }
}

/** A table or column name as the code writes it; anything else is a bug, never a name to splice into SQL. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Sets `assignments` (column name → value; an undefined value leaves its column as it is) on the row
 * `id` of `table` only if the row is still at `expectedVersion`, bumping the version and stamping
 * `updated_at` in the same statement; a stale write changes nothing and answers STALE_VERSION with
 * the current version, a missing row `notFound`. Table and column names come from the calling
 * repository's code (a fixed list), never from a request.
 */
export async function updateWithVersion(
  tx: Tx,
  table: string,
  id: string,
  expectedVersion: number,
  assignments: Record<string, unknown>,
  notFound: ErrorCode,
): Promise<void> {
  const columns = Object.keys(assignments).filter((column) => assignments[column] !== undefined);
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name) || name === 'version' || name === 'updated_at') {
      throw new Error(`updateWithVersion: "${name}" is not a column the caller may set`);
    }
  }
  const sets = columns.map((column, index) => `${column} = $${index + 3}`);
  // [rows, affected row count]: what the pg driver answers for an UPDATE.
  const [, affected]: [unknown[], number] = await tx.query(
    `UPDATE ${table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`,
    [id, expectedVersion, ...columns.map((column) => assignments[column])],
  );
  if (affected === 1) return;
  const [current]: { version: number }[] = await tx.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (!current) throw new AppError(notFound);
  throw new AppError('STALE_VERSION', { current: current.version });
}
