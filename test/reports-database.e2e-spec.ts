import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ReportsDatabase } from '../src/database/reports-database';
import { itOnDatabaseServer } from './support/concurrency';
import { TestApp, startTestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * ReportsDatabase.readTogether: two statements read at once (on a server, each on its own connection)
 * from one snapshot, and every connection handed back to the pool as it was lent.
 */
describe('Two report statements read together', () => {
  let t: TestApp;
  let reports: ReportsDatabase;
  beforeAll(async () => {
    t = await startTestApp();
    reports = t.app.get(ReportsDatabase);
  });
  afterAll(() => t.close());

  const SNAPSHOT = { sql: `SELECT pg_current_snapshot()::text AS snapshot, current_setting('transaction_isolation') AS isolation`, params: [] };
  type Read = { snapshot: string; isolation: string };

  /** The isolation of every connection the pool holds now: each is taken and handed back. */
  async function isolationOfEveryConnection(): Promise<string[]> {
    const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      return await Promise.all(clients.map(async (client) => (await client.query(`SHOW transaction_isolation`)).rows[0].transaction_isolation as string));
    } finally {
      clients.forEach((client) => client.release());
    }
  }

  it('reads both from one snapshot, in a transaction that ends with them', async () => {
    const [[first], [second]] = await reports.readTogether<Read, Read>(SNAPSHOT, SNAPSHOT);
    expect(first).toEqual({ snapshot: second.snapshot, isolation: 'repeatable read' });
    expect(second.isolation).toBe('repeatable read');
    expect(new Set(await isolationOfEveryConnection())).toEqual(new Set(['read committed']));
  });

  itOnDatabaseServer('reads each on a connection of its own, the second from the first one\'s snapshot', 'the embedded database has one connection', async () => {
    // transactions committing all the while, each taking a transaction id: two snapshots taken apart
    // (not the one shared) would differ at least once in twenty reads
    const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const committer = await pool.connect();
    let committing = true;
    const commits = (async () => {
      while (committing) await committer.query(`SELECT txid_current()`);
    })();
    try {
      const READ = { sql: `SELECT pg_backend_pid() AS pid, pg_current_snapshot()::text AS snapshot`, params: [] };
      for (let i = 0; i < 20; i++) {
        const [[first], [second]] = await reports.readTogether<{ pid: number; snapshot: string }, { pid: number; snapshot: string }>(READ, READ);
        expect(first.pid).not.toBe(second.pid);
        expect(second.snapshot).toBe(first.snapshot);
      }
    } finally {
      committing = false;
      await commits;
      committer.release();
    }
  });

  itOnDatabaseServer(
    'reads one after the other on one connection when the pool has none free, rather than wait holding one',
    'the embedded database has one connection and always reads one after the other',
    async () => {
      const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
      const poolSize = (t.dataSource.options.extra as { max: number }).max;
      // every connection but one is lent out: waiting for a second would wait until they come back
      const held = await Promise.all(Array.from({ length: poolSize - 1 }, () => pool.connect()));
      try {
        const PID = { sql: `SELECT pg_backend_pid() AS pid, pg_current_snapshot()::text AS snapshot`, params: [] };
        const [[first], [second]] = await reports.readTogether<{ pid: number; snapshot: string }, { pid: number; snapshot: string }>(PID, PID);
        expect(second).toEqual(first);
      } finally {
        held.forEach((client) => client.release());
      }
    },
  );

  it('fails as its statement failed, and leaves no connection in its transaction', async () => {
    await expect(reports.readTogether(SNAPSHOT, { sql: `SELECT 1 / $1::int AS x`, params: [0] })).rejects.toMatchObject({ code: '22012' });
    expect(new Set(await isolationOfEveryConnection())).toEqual(new Set(['read committed']));
    const [[read]] = await reports.readTogether<Read, Read>(SNAPSHOT, SNAPSHOT);
    expect(read.isolation).toBe('repeatable read');
  });
});
