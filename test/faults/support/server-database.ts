import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

/** The PostgreSQL server the fault suites share (not the one they stop: that is OwnCluster). */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the server for one suite, with a small pool to look into it, and a way to drop it. */
export async function freshServerDatabase(): Promise<{ url: string; name: string; pool: Pool; drop(): Promise<void> }> {
  const name = `wages_faults_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 3 });
  return {
    url: url.toString(),
    name,
    pool,
    drop: async () => {
      await pool.end();
      const client = new Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Waits until a session of the service has a transaction that has written (it holds a transaction id),
 * polling pg_stat_activity every few milliseconds; then calls `act` (the kill) at once. Resolves true
 * when `act` was called in the middle of that transaction, false when `done` came first (the write
 * finished before it was seen).
 */
export async function whileWriting(pool: Pool, database: string, done: Promise<unknown>, act: () => void): Promise<boolean> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  const client = await pool.connect();
  try {
    while (!finished) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS writing FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
        [database],
      );
      if (rows[0].writing > 0 && !finished) {
        act();
        return true;
      }
    }
    return false;
  } finally {
    client.release();
  }
}
