import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { openDatabase } from './open-database';

/** Whether the process is there and not a zombie. */
function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function answers(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
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
});
