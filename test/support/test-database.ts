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

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { EMBEDDED_DATA_DIR: 'memory://' }, drop: async () => {} };

  const name = `wat_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
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
