import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Each e2e suite gets a database of its own. With DATABASE_URL set, a fresh database on that server
 * (dropped afterwards); without it, a fresh in-memory embedded PostgreSQL, which the service opens
 * itself exactly as `npm start` does.
 */
export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * Whether the suites run on a PostgreSQL server (DATABASE_URL set), where sessions run side by side;
 * the embedded database is one backend session, so its transactions never interleave.
 */
export function onDatabaseServer(): boolean {
  return !!process.env.DATABASE_URL;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { EMBEDDED_DATA_DIR: 'memory://' }, drop: async () => {} };
  return serverDatabase(serverUrl, '');
}

/**
 * A copy of a suite's database on the server (CREATE DATABASE … TEMPLATE), as a standby holds a copy
 * of its primary. Nothing may be connected to the original while it is copied.
 */
export async function copyTestDatabase(original: TestDatabase): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !original.env.DATABASE_URL) throw new Error('only a database on a PostgreSQL server can be copied');
  return serverDatabase(serverUrl, ` TEMPLATE ${new URL(original.env.DATABASE_URL).pathname.slice(1)}`);
}

async function serverDatabase(serverUrl: string, createOptions: string): Promise<TestDatabase> {
  const name = `wat_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${createOptions}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
