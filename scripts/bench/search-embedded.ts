/**
 * The case list's search on the embedded database at a city's size (issue 17): the same searches as on
 * the server (search.ts), through a service on a PGlite city of its own. Its data directory
 * (BENCH_EMBEDDED_DIR, default data/bench-embedded) is seeded the first time with the same generator as
 * the server's city (`npm run seed`, INSERT … unnest on PGlite), which takes an hour or more for a
 * million cases; later runs reuse it. Its key for workers' id numbers is kept beside it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { openDatabase } from '../../src/database/open-database';
import { dataSourceOptions } from '../../src/database/typeorm-options';
import { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import type { SeedProgress } from '../../tools/seed/seed-database';
import { BENCH_LAWYER, BENCH_PASSWORD, BENCH_USER, createAdministrator, ensureDistrictLawyer } from './bench-users';
import { benchSearch, Rows, searchTexts, SearchTexts } from './search';
import { seedUpTo } from './seed-up-to';
import { Client, ServiceProcess, cpuMs } from './service-process';

const DATA_DIR = resolve(process.env.BENCH_EMBEDDED_DIR ?? 'data/bench-embedded');
const KEY_FILE = `${DATA_DIR}-pii.key`;

/** What the searches need from the embedded city, read before its service starts (PGlite has one session). */
interface EmbeddedCity {
  cases: number;
  size: string;
  rootCode: string;
  districtId: string;
  texts: SearchTexts;
  users: Set<string>;
}

export async function benchSearchEmbedded(wanted: number, runs: number, port: number, onProgress: (progress: SeedProgress) => void): Promise<string> {
  const key = embeddedKey();
  const env = { EMBEDDED_DATA_DIR: DATA_DIR, PII_KEY: key.toString('base64'), DATABASE_URL: '' };
  const city = await prepareCity(env, key, wanted, onProgress);
  if (!city.users.has(BENCH_USER)) createAdministrator(env, city.rootCode);

  const service = await ServiceProcess.start(env, port, { startTimeoutMs: 600_000 });
  try {
    // the first start after a seed computes every open case's running deadlines in the background, on
    // the database's one connection: nothing is measured until its process has gone quiet
    const quietAfter = await databaseQuiet(service);
    const admin = new Client(service.baseUrl, BENCH_USER, BENCH_PASSWORD);
    const lawyer = await ensureDistrictLawyer(admin, city.users.has(BENCH_LAWYER), service.baseUrl, city.districtId);
    service.resetPeak();
    const results = await benchSearch(city.texts, admin, lawyer, runs);
    const memory = service.memory();
    const database = service.databaseMemory();
    const mb = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(0)} MB`);
    return [
      `The embedded database (PGlite, its own process) in ${DATA_DIR}: ${city.cases.toLocaleString('en')} cases, ${city.size}. ` +
        `Its process went quiet ${(quietAfter / 1000).toFixed(0)} s after the service answered.`,
      '',
      results,
      '',
      `Peak resident memory during the searches: the service ${mb(memory.peakMb)}, its database's process ${mb(database?.peakMb)}.`,
    ].join('\n');
  } finally {
    await service.stop();
  }
}

/** Seeds the embedded city up to `wanted` cases if it has fewer, and reads what the searches need. */
async function prepareCity(env: Record<string, string>, key: Buffer, wanted: number, onProgress: (progress: SeedProgress) => void): Promise<EmbeddedCity> {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'error' });
  const database = await openDatabase(config);
  const dataSource = new DataSource({ ...dataSourceOptions(database), logging: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedUpTo(dataSource, wanted, key, `the embedded database in ${DATA_DIR} (about an hour for a million)`, onProgress);

    // on the same connection: PGlite's socket server takes one at a time
    const pool: Rows = { query: async (sql, params) => ({ rows: await dataSource.query(sql, params) }) };
    const { rows: [facts] } = await pool.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, pg_size_pretty(pg_database_size(current_database())) AS size,
              (SELECT code FROM organisations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1) AS root_code`,
    );
    // the district with the most cases, as on the server
    const { rows: [district] } = await pool.query(
      `SELECT d.id, d.path FROM organisations d JOIN organisations o ON o.path LIKE d.path || '%' JOIN case_facts f ON f.organisation_id = o.id
        WHERE d.parent_id = (SELECT id FROM organisations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1)
        GROUP BY d.id, d.path ORDER BY count(*) DESC LIMIT 1`,
    );
    const { rows: users } = await pool.query(`SELECT username FROM users WHERE username = ANY($1)`, [[BENCH_USER, BENCH_LAWYER]]);
    return {
      cases: facts.cases,
      size: facts.size,
      rootCode: facts.root_code,
      districtId: district.id,
      texts: await searchTexts(pool, new PersonalDataCipher(key), district.path),
      users: new Set(users.map((user) => user.username as string)),
    };
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

/** Waits until the embedded database's process uses under 5 % of a core over two seconds; returns how long that took (ms). */
async function databaseQuiet(service: ServiceProcess): Promise<number> {
  const pid = service.databasePid!;
  const started = Date.now();
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (cpuMs(pid) - before < 100) return Date.now() - started;
    if (Date.now() - started > 30 * 60_000) throw new Error('the embedded database was still busy 30 minutes after the service started');
  }
}

/** The embedded city's own key for workers' id numbers, made with it. */
function embeddedKey(): Buffer {
  if (!existsSync(KEY_FILE)) {
    mkdirSync(dirname(KEY_FILE), { recursive: true });
    writeFileSync(KEY_FILE, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(KEY_FILE, 'utf8').trim(), 'base64');
}
