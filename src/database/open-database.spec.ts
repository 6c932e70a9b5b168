import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { embeddedSharedBuffers, openDatabase } from './open-database';

/** Whether the process is there and not a zombie. */
function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row & object>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<number> {
  return (await query<{ one: number }>(url, 'SELECT 1 AS one'))[0].one;
}

/**
 * The embedded database in a process of its own (open-database.ts): one service at a time on its files,
 * the process ended with the service, a lock left by processes that died taken over. Real PGlite
 * processes, on a data directory of the test's own.
 */
describe('The embedded database', () => {
  let directory: string;
  let dataDir: string;
  const config = () => loadConfig({ EMBEDDED_DATA_DIR: dataDir });

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'wages-open-database-'));
    dataDir = join(directory, 'pglite');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('runs in a process of its own, which a second opening of its files waits for and then refuses', async () => {
    const first = await openDatabase(config());
    const [servicePid, databasePid] = readFileSync(`${dataDir}.lock`, 'utf8').split(' ').map(Number);
    try {
      expect(await answers(first.url)).toBe(1);
      expect(servicePid).toBe(process.pid);
      expect(databasePid).not.toBe(process.pid);
      expect(isRunning(databasePid)).toBe(true);

      // (the lock's first pid is this process, which a second opening from here passes over; its database's is not)
      const started = Date.now();
      await expect(openDatabase(config())).rejects.toThrow(`is in use by process ${databasePid}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
      expect(await answers(first.url)).toBe(1);
    } finally {
      await first.close();
    }
    expect(isRunning(databasePid)).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const again = await openDatabase(config());
    try {
      expect(await answers(again.url)).toBe(1);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('takes over a lock left by processes that died', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${dataDir}.lock`, `${gone.stdout} ${gone.stdout}`);
    const database = await openDatabase(config());
    try {
      expect(await answers(database.url)).toBe(1);
      expect(readFileSync(`${dataDir}.lock`, 'utf8').split(' ')[0]).toBe(String(process.pid));
    } finally {
      await database.close();
    }
  }, 120_000);

  it('sizes its buffer cache to the database at each start: a new one small, one past 128 MB the whole 128 MB', async () => {
    const sharedBuffers = async (url: string) => (await query<{ shared_buffers: string }>(url, 'SHOW shared_buffers'))[0].shared_buffers;
    const small = await openDatabase(config());
    try {
      // PGlite's new cluster is three databases of some 7.5 MB
      expect(await sharedBuffers(small.url)).toBe('32MB');
      // a table of some 160 MB: 500,000 integers at 25 a page
      await query(small.url, 'CREATE TABLE filler (n int) WITH (fillfactor = 10); INSERT INTO filler SELECT generate_series(1, 500000)');
      expect(Number((await query<{ bytes: string }>(small.url, "SELECT pg_total_relation_size('filler') AS bytes"))[0].bytes)).toBeGreaterThan(128 * 1024 * 1024);
      // the cache is what it was at the start
      expect(await sharedBuffers(small.url)).toBe('32MB');
    } finally {
      await small.close();
    }
    const grown = await openDatabase(config());
    try {
      expect(await sharedBuffers(grown.url)).toBe('128MB');
    } finally {
      await grown.close();
    }
  }, 180_000);
});

describe('The embedded buffer cache for a database of', () => {
  const MB = 1024 * 1024;
  it.each([
    [0, '16MB'],
    [10 * MB, '16MB'],
    [16 * MB, '16MB'],
    [16 * MB + 1, '32MB'],
    [40 * MB, '48MB'],
    [127 * MB, '128MB'],
    [11 * 1024 * MB, '128MB'],
  ])('%d bytes is %s', (bytes, expected) => expect(embeddedSharedBuffers(bytes)).toBe(expected));
});
