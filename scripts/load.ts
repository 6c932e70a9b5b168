/**
 * `npm run load`: the service under a day's rush, on the PostgreSQL server.
 *
 *   npm run load [-- --users 50 --seconds 60 --think-ms 0 --max-requests 200000]
 *
 * Creates LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wages_load) afresh, starts the
 * built service (dist/, `npm run build` first) in its own process on it, and sets up two districts,
 * each with one user holding the desk's roles (lawyer, mediator, intake clerk, leader) and five
 * employers. Then `--users` virtual users, half per district, do for `--seconds` what a service desk
 * does (scripts/load/mix.ts): consultations, intake with 10 workers, CSV rosters of 50 rows, status
 * moves and confirmations, pay days, the case list with search and filters, case pages, the summary
 * report, exports. Bounded: it stops at the deadline or after `--max-requests`, and talks only to this
 * machine (the service on 127.0.0.1, a database on localhost).
 *
 * It prints, as Markdown: throughput and p50/p95/p99 per kind, failures with their reasons, 5xx,
 * deadlocks (pg_stat_database before/after) and lock waits (the server log, and pg_locks sampled), the
 * service's resident memory at the start, the end and its peak, and the ledger check: for every case
 * the payouts add up to its paid total in case_facts, no worker is paid more than confirmed, and the
 * ledger holds exactly the money the service accepted. Exits 1 when the check fails, a step failed or anything answered 5xx.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { shanghaiDate } from '../src/common/time/shanghai';
import { creditCode, licenceNumber } from '../test/factories/identities';
import { table } from './bench/measure';
import { ServiceProcess } from './bench/service-process';
import { assertLocal, checkLedger, deadlocks, followServerLog, freshDatabase, watchLockWaits } from './load/database';
import { Session, Tally } from './load/http';
import { Desk, LoadWorld } from './load/mix';

const ADMIN = 'load-admin';
const PASSWORD = 'Load-ledger-Shunyi-2027';
const DISTRICTS = 2;
const EMPLOYERS_PER_DISTRICT = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '60' },
      'think-ms': { type: 'string', default: '0' },
      'max-requests': { type: 'string', default: '200000' },
      port: { type: 'string', default: '3960' },
    },
  });
  const users = bounded('--users', values.users, 1, 500);
  const seconds = bounded('--seconds', values.seconds, 1, 3600);
  const thinkMs = bounded('--think-ms', values['think-ms'], 0, 60_000);
  const maxRequests = bounded('--max-requests', values['max-requests'], 1, 10_000_000);
  const url = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wages_load';
  assertLocal(url);
  const databaseName = new URL(url).pathname.slice(1);
  if (!existsSync(join(__dirname, '..', 'dist', 'src', 'main.js'))) throw new Error('no build: run `npm run build` first');

  console.error(`Creating ${databaseName} afresh…`);
  await freshDatabase(url);
  const env = { DATABASE_URL: url, PII_KEY: randomBytes(32).toString('base64'), DATABASE_POOL_SIZE: '20' };
  const service = await ServiceProcess.start(env, Number(values.port));
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    createAdmin(env);
    const desks = await setUp(service.baseUrl);
    const today = shanghaiDate(new Date());
    const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const tally = new Tally(maxRequests);
    const world = new LoadWorld(desks, tally, today, yearAgo);

    const memoryAtStart = service.memory();
    service.resetPeak();
    const deadlocksBefore = await deadlocks(pool, databaseName);
    const serverLog = await followServerLog(pool, databaseName);
    const locks = await watchLockWaits(pool, databaseName);
    console.error(`${users} users for ${seconds} s…`);
    const started = Date.now();
    await Promise.all(Array.from({ length: users }, (_, index) => world.user(index, started + seconds * 1000, thinkMs)));
    const elapsed = (Date.now() - started) / 1000;
    await locks.stop();
    const deadlocksAfter = await deadlocks(pool, databaseName);
    const memoryAtEnd = service.memory();
    const logged = serverLog.count();
    const ledger = await checkLedger(pool);
    const { rows: [{ timeout, logLockWaits }] } = await pool.query(
      `SELECT current_setting('deadlock_timeout') AS timeout, current_setting('log_lock_waits') AS "logLockWaits"`,
    );

    const ledgerHolds = ledger.casesOff.length === 0 && ledger.overpaid.length === 0 && ledger.ledgerFen === world.paidFen;
    console.log(`# Load run ${new Date().toISOString()}\n`);
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; Node ${process.version}; ` +
        `PostgreSQL on the same machine (database ${databaseName}, created afresh).`,
    );
    console.log(`${users} users, ${thinkMs ? `a mean think time of ${thinkMs} ms` : 'no think time'}, ${elapsed.toFixed(1)} s; ${DISTRICTS} districts.\n`);
    console.log(table(['kind', 'done', 'per second (succeeded)', 'p50', 'p95', 'p99', 'failed'], tally.rows(elapsed)));
    const succeeded = [...tally.kinds.values()].reduce((sum, kind) => sum + kind.ok, 0);
    const failed = [...tally.kinds.values()].reduce((sum, kind) => sum + kind.failed, 0);
    console.log(
      `\nRequests: ${tally.requests.toLocaleString('en')} (${(tally.requests / elapsed).toFixed(0)} per second); steps ${succeeded.toLocaleString('en')} succeeded, ` +
        `${failed} failed; 5xx answers: ${tally.serverErrors}.`,
    );
    for (const [reason, count] of [...tally.reasons.entries()].sort(([, a], [, b]) => b - a).slice(0, 10)) console.log(`  - ${reason}: ${count}`);
    console.log(`Deadlocks (pg_stat_database): ${deadlocksAfter - deadlocksBefore} (${deadlocksBefore} before, ${deadlocksAfter} after).`);
    console.log(
      logged
        ? `Server log (${serverLog.source}), lines of ${databaseName} during the run: ${logged.lockWaits} lock waits longer than deadlock_timeout ` +
            `(${timeout}; log_lock_waits ${logLockWaits}), ${logged.deadlocks} deadlocks.`
        : `Server log not read: ${serverLog.source}.`,
    );
    console.log(
      `Lock waits sampled (pg_locks every 100 ms, ${locks.samples} samples): ${locks.waitsSeen} seen, in ${locks.samplesWithWaits} samples, ` +
        `at most ${locks.mostWaitingAtOnce} sessions at once; ${locks.longWaitsSeen} lasted about deadlock_timeout or longer.`,
    );
    console.log(
      `Service memory (RSS): ${memoryAtStart.rssMb.toFixed(0)} MB at the start, ${memoryAtEnd.rssMb.toFixed(0)} MB at the end, ` +
        `peak ${memoryAtEnd.peakMb.toFixed(0)} MB during the run.`,
    );
    console.log(
      `\nLedger check: ${ledger.cases} cases, ${ledger.casesWithPayouts} with payouts, ${ledger.payouts} payouts totalling ${yuan(ledger.ledgerFen)}; ` +
        `accepted by the service (201) during the run: ${yuan(world.paidFen)} — ${ledger.ledgerFen === world.paidFen ? 'equal' : 'DIFFERENT'}.`,
    );
    console.log(`  - cases whose payouts differ from their paid total in case_facts: ${ledger.casesOff.length}`);
    console.log(`  - workers paid more than confirmed (or paid unconfirmed): ${ledger.overpaid.length}`);
    for (const off of ledger.casesOff.slice(0, 5)) console.log(`    case ${off.case_id}: payouts ${off.ledger} fen, case_facts ${off.facts} fen`);
    for (const over of ledger.overpaid.slice(0, 5)) console.log(`    claim ${over.claim_id}: paid ${over.paid} fen, confirmed ${over.confirmed ?? 'none'}`);
    console.log(`Ledger ${ledgerHolds ? 'adds up' : 'DOES NOT ADD UP'}.`);
    if (!ledgerHolds || tally.serverErrors > 0 || failed > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await service.stop();
  }
}

/** The administrator, made with the product's own command on the fresh database. */
function createAdmin(env: Record<string, string>): void {
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'cli.ts'), 'create-admin', '--username', ADMIN, '--organisation-code', 'BJ', '--organisation-name', '北京市总工会'],
    { env: { ...process.env, ...env, ADMIN_PASSWORD: PASSWORD, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', process.stderr, 'inherit'] },
  );
}

/** The districts, their desk users and their employers, made through the API as an administrator and a desk would. */
async function setUp(baseUrl: string): Promise<Desk[]> {
  const admin = new Session(baseUrl, ADMIN, PASSWORD);
  await admin.logIn();
  const me = await expect(admin.request('GET', '/auth/me'), 200, 'who the administrator is');
  const rootId = (me as { organisationId?: string; organisation?: { id: string } }).organisationId ?? (me as { organisation: { id: string } }).organisation.id;
  const desks: Desk[] = [];
  for (let d = 1; d <= DISTRICTS; d++) {
    const organisation = (await expect(
      admin.request('POST', '/organisations', { code: `LD${d}`, name: `压力测试第${d}区总工会`, kind: 'district_federation', parentId: rootId }),
      201,
      'a district',
    )) as { id: string };
    const username = `load.desk.${d}`;
    const user = (await expect(
      admin.request('POST', '/users', {
        username,
        displayName: `压力测试${d}号`,
        roles: ['leader', 'lawyer', 'mediator', 'intake_clerk'],
        organisationId: organisation.id,
        password: PASSWORD,
        lawyerProfile: { licenceNumber: licenceNumber(d), firm: '北京市某某律师事务所' },
      }),
      201,
      'a desk user',
    )) as { id: string };
    const session = new Session(baseUrl, username, PASSWORD);
    await session.logIn();
    const employerIds: string[] = [];
    for (let e = 1; e <= EMPLOYERS_PER_DISTRICT; e++) {
      const n = d * 100 + e;
      const employer = (await expect(
        session.request('POST', '/employers', { name: `北京压力测试第${n}建筑劳务有限公司`, creditCode: creditCode(n), kind: 'company', industry: 'construction' }),
        201,
        'an employer',
      )) as { id: string };
      employerIds.push(employer.id);
    }
    desks.push({ organisationId: organisation.id, userId: user.id, session, employerIds });
  }
  return desks;
}

async function expect(request: Promise<{ status: number; body: unknown }>, status: number, what: string): Promise<unknown> {
  const answer = await request;
  if (answer.status !== status) throw new Error(`setting up ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

function bounded(flag: string, value: string | undefined, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}`);
  return number;
}

function yuan(fen: bigint): string {
  return `¥${(fen / 100n).toLocaleString('en')}.${String(fen % 100n).padStart(2, '0')}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
