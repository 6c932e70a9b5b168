import { onDatabaseServer } from './test-database';

/**
 * Tests that only a PostgreSQL server can run. On the embedded database they are reported as
 * skipped, with the reason in the test's name, instead of passing without proving anything.
 */
export function itOnDatabaseServer(name: string, reason: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (onDatabaseServer()) it(name, fn, timeout);
  else it.skip(`${name} (skipped: ${reason}; runs on the PostgreSQL server)`, fn, timeout);
}

/**
 * A test that proves a lock or a constraint by sending requests at the same time. The embedded
 * database has one connection and runs one transaction after another, so such a test passes there
 * even with the lock removed: it runs only where sessions really interleave.
 */
export function itWhereConcurrent(name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  itOnDatabaseServer(name, 'the embedded database has one connection, so requests never interleave', fn, timeout);
}
