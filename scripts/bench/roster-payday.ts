/**
 * A 700-worker roster and a 700-worker pay day, end to end over HTTP against the built service, on the
 * embedded database and on the PostgreSQL server (issue 17: a roster under 0.5 s, a pay day under 0.3 s,
 * the service under 300 MB).
 *
 *   npx nest build && npx ts-node --transpile-only scripts/bench/roster-payday.ts [--runs 10] [--only embedded|server]
 *
 * `npm run bench` calls benchRosterAndPayDay(). Each measured request goes to a fresh case:
 *   - roster CSV / XLSX: POST /cases/:id/claims/import of 700 new workers (the clerk's upload on a case);
 *   - the intake form's path: POST /rosters/check of the same CSV, then POST /cases with its 700 claims;
 *   - pay day: POST /cases/:id/payouts paying 700 confirmed claims at once (the case is made ready first:
 *     roster imported, amounts confirmed, mediator assigned, in mediation; none of that is timed).
 * The embedded database lives in a temporary directory made for the run; its base is the workers of the
 * warm-up rosters and of the runs themselves (a few thousand). The server's database is BENCH_ROSTER_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/roster_bench), created if missing and seeded with
 * BASE_CASES synthetic cases (tools/seed) the first time; the workers of earlier runs stay in it.
 * Beside p50/p95 each row gives the service's CPU per request (on the embedded database that includes
 * the database's process's), which a busy machine hardly changes, and its peak RSS (on the embedded
 * database, its database's process's beside it); below each table, the RSS before the first roster and
 * the load average, so a slow run on a busy machine reads as such.
 */
import { ensureDatabase } from './ensure-database';
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { residentIdCheckDigit } from '../../src/common/identifiers/resident-id';
import { shanghaiDate } from '../../src/common/time/shanghai';
import { dataSourceOptions } from '../../src/database/typeorm-options';
import { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import { creditCode, licenceNumber, mobile, workerName } from '../../test/factories/identities';
import { seedDatabase } from '../../tools/seed/seed-database';
import { percentile, table } from './measure';
import { ServiceProcess, cpuMs } from './service-process';

const WORKERS = 700;
const PASSWORD = 'Bench-ledger-Shunyi-2027';
/** The note every benchmark claim carries: on the server it counts the workers earlier runs registered. */
const BENCH_NOTE = '基准名册';
/** Synthetic cases the server's database is seeded with the first time: tens of thousands of workers. */
const BASE_CASES = 5_000;
/** The administrator of the server's database, made by the benchmark. */
const SERVER_ADMIN = 'roster-bench-admin';
const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RosterBenchOptions {
  /** Measured requests of each kind (after one warm-up), each on a fresh case. */
  runs?: number;
  /** Which databases; both by default. */
  databases?: ('embedded' | 'server')[];
  serverUrl?: string;
}

interface Row {
  name: string;
  idNumber: string;
  mobile: string;
  amountFen: bigint;
}

/** The tables for BENCHMARKS.md: one per database, then the targets. */
export async function benchRosterAndPayDay(options: RosterBenchOptions = {}): Promise<string> {
  const runs = options.runs ?? 10;
  const databases = options.databases ?? ['embedded', 'server'];
  const sections: string[] = [];
  for (const database of databases) {
    const result =
      database === 'embedded'
        ? await onEmbedded(runs)
        : await onServer(runs, options.serverUrl ?? process.env.BENCH_ROSTER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roster_bench');
    sections.push(`### ${result.title}\n\n${result.table}`);
  }
  sections.push(
    `${runs} runs of each after a warm-up, each on a fresh case, ${WORKERS} workers new to the database; times are the whole ` +
      'HTTP request as the client sees it. Targets: a roster under 500 ms, a pay day under 300 ms, the service under 300 MB.',
  );
  return sections.join('\n\n');
}

async function onEmbedded(runs: number): Promise<{ title: string; table: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-'));
  try {
    const env = { ...serviceNodeOptions(), EMBEDDED_DATA_DIR: join(dir, 'pglite'), PII_KEY: randomBytes(32).toString('base64'), ADMIN_PASSWORD: PASSWORD };
    const service = await ServiceProcess.start(env, await freePort(), { logFile: join(dir, 'service.log') });
    try {
      // ADMIN_PASSWORD: the first start makes the administrator "admin" with it
      return { title: 'Embedded database (PGlite)', table: await measure(service, runs, 0, 'admin') };
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onServer(runs: number, url: string): Promise<{ title: string; table: string }> {
  const key = serverKey();
  await ensureDatabase(url);
  const dataSource = await new DataSource(dataSourceOptions({ url, poolSize: 2, embedded: false, close: async () => {} })).initialize();
  let base: { cases: number; workers: number; earlier: number };
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ cases }] = await dataSource.query(`SELECT count(*)::int AS cases FROM cases`);
    if (cases < BASE_CASES) {
      console.error(`Seeding ${BASE_CASES - cases} cases into ${new URL(url).pathname.slice(1)}…`);
      const runner = dataSource.createQueryRunner();
      try {
        const cipher = new PersonalDataCipher(key);
        await seedDatabase(runner, { cases: BASE_CASES - cases, seed: cases + 1, today: shanghaiDate(new Date()), cipher, personalDataKey: key });
      } finally {
        await runner.release();
      }
    }
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM workers) AS workers,
              (SELECT count(*)::int FROM claims WHERE note = $1) AS earlier`,
      [BENCH_NOTE],
    );
    base = counts;
    const [admin] = await dataSource.query(`SELECT 1 FROM users WHERE username = $1`, [SERVER_ADMIN]);
    const [root] = await dataSource.query(`SELECT code FROM organisations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    if (!admin) {
      // made with the product's own command, as an operator would
      execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'cli.ts'), 'create-admin', '--username', SERVER_ADMIN, '--organisation-code', root?.code ?? 'BJ'], {
        env: { ...process.env, DATABASE_URL: url, PII_KEY: key.toString('base64'), ADMIN_PASSWORD: PASSWORD, TS_NODE_TRANSPILE_ONLY: 'true' },
        stdio: ['ignore', process.stderr, 'inherit'],
      });
    }
  } finally {
    await dataSource.destroy();
  }
  const env = { ...serviceNodeOptions(), DATABASE_URL: url, PII_KEY: key.toString('base64') };
  const service = await ServiceProcess.start(env, await freePort());
  try {
    return {
      title: `PostgreSQL server (${base.cases.toLocaleString('en')} cases, ${base.workers.toLocaleString('en')} workers before the run)`,
      table: await measure(service, runs, base.earlier, SERVER_ADMIN),
    };
  } finally {
    await service.stop();
  }
}

/** ROSTER_BENCH_NODE_OPTIONS (say '--cpu-prof --cpu-prof-dir=/tmp/prof') goes to the service's node alone, to see where its time goes. */
function serviceNodeOptions(): Record<string, string> {
  return process.env.ROSTER_BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.ROSTER_BENCH_NODE_OPTIONS } : {};
}

/** Sets up a desk (organisation, lawyer-mediator, employer), warms up, then times each kind of request. */
async function measure(service: ServiceProcess, runs: number, firstWorker: number, adminName: string): Promise<string> {
  const http = new Http(service.baseUrl);
  await http.logIn(adminName, PASSWORD);
  // in tree order: the city federation first
  const [root] = await http.json<{ id: string }[]>('GET', '/organisations');
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const organisation = await http.json<{ id: string }>('POST', '/organisations', {
    code: `R${tag}`.slice(0, 8),
    name: `名册基准区总工会${tag}`,
    kind: 'district_federation',
    parentId: root.id,
  });
  const username = `roster.bench.${tag.toLowerCase()}`;
  const staff = await http.json<{ id: string }>('POST', '/users', {
    username,
    displayName: '名册基准',
    roles: ['lawyer', 'mediator'],
    organisationId: organisation.id,
    password: PASSWORD,
    lawyerProfile: { licenceNumber: licenceNumber(parseInt(tag, 16)), firm: '北京市某某律师事务所' },
  });
  const desk = new Http(service.baseUrl);
  await desk.logIn(username, PASSWORD);
  const employer = await desk.json<{ id: string }>('POST', '/employers', {
    name: `北京名册基准${tag}园林绿化有限公司`,
    creditCode: creditCode(parseInt(tag, 16) % 10_000_000),
    kind: 'company',
    industry: 'landscaping',
  });

  let next = firstWorker;
  const roster = (): Row[] => {
    const rows = Array.from({ length: WORKERS }, (_, i) => benchRow(next + i));
    next += WORKERS;
    return rows;
  };
  const today = shanghaiDate(new Date());
  const caseBody = (claims?: unknown[]) => ({
    organisationId: organisation.id,
    intakeChannel: 'walk_in',
    intakeDate: today,
    summary: '名册基准：700名工人欠薪',
    employers: [{ employerId: employer.id, role: 'employer' }],
    lawyerId: staff.id,
    ...(claims && { claims }),
  });
  const openCase = async () => (await desk.json<{ id: string }>('POST', '/cases', caseBody())).id;

  const samples: Record<string, number[]> = { csv: [], xlsx: [], form: [], payDay: [] };
  const peaks: Record<string, number> = {};
  // on the embedded database, its own process's too (PGlite and its memory, as a server's processes)
  const databasePeaks: Record<string, number | null> = {};
  const idle = service.memory().rssMb;
  const databaseIdle = service.databaseMemory()?.rssMb;
  const processes = [service.pid, service.databasePid].filter((pid) => pid !== null);
  const cpuOfBoth = () => processes.reduce((sum, pid) => sum + cpuMs(pid), 0);
  // CPU the service spent on each measured request (on the embedded database, its database process's too):
  // unlike the time, it hardly depends on how busy the machine is
  const cpu: Record<string, number[]> = { csv: [], xlsx: [], form: [], payDay: [] };
  const timed = async (kind: string, task: () => Promise<unknown>, measured: boolean) => {
    const cpuBefore = cpuOfBoth();
    const started = process.hrtime.bigint();
    await task();
    if (measured) {
      samples[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
      cpu[kind].push(cpuOfBoth() - cpuBefore);
    }
  };
  const loads: number[] = [];
  const peakOf = async (kind: string, loop: () => Promise<void>) => {
    service.resetPeak();
    await loop();
    peaks[kind] = service.memory().peakMb;
    databasePeaks[kind] = service.databaseMemory()?.peakMb ?? null;
    // the machine's other work slows every figure alike: say how busy it was
    loads.push(loadavg()[0]);
  };
  const payable: string[] = [];

  await peakOf('csv', async () => {
    for (let i = 0; i <= runs; i++) {
      const caseId = await openCase();
      const csv = rosterCsv(roster());
      await timed('csv', () => desk.expect(201, 'POST', `/cases/${caseId}/claims/import`, csv, CSV_TYPE), i > 0);
      payable.push(caseId);
    }
  });
  await peakOf('xlsx', async () => {
    for (let i = 0; i <= runs; i++) {
      const caseId = await openCase();
      const xlsx = await rosterXlsx(roster());
      await timed('xlsx', () => desk.expect(201, 'POST', `/cases/${caseId}/claims/import`, xlsx, XLSX_TYPE), i > 0);
    }
  });
  await peakOf('form', async () => {
    for (let i = 0; i <= runs; i++) {
      const csv = rosterCsv(roster());
      await timed(
        'form',
        async () => {
          const checked = await desk.json<{ claims: CheckedClaim[] }>('POST', '/rosters/check', csv, CSV_TYPE);
          await desk.expect(201, 'POST', '/cases', caseBody(checked.claims.map(claimOfIntake)));
        },
        i > 0,
      );
    }
  });
  // The pay days go to the cases of the CSV runs, each made ready first (untimed).
  for (const caseId of payable) await readyToPay(desk, caseId, staff.id);
  await peakOf('payDay', async () => {
    for (const [i, caseId] of payable.entries()) {
      const claims = await allClaims(desk, caseId);
      const body = {
        paidOn: today,
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: claims.map((claim) => ({ claimId: claim.id, amount: claim.amountOutstanding, receiptReference: `ICBC-${claim.position}` })),
      };
      await timed('payDay', () => desk.expect(201, 'POST', `/cases/${caseId}/payouts`, body), i > 0);
    }
  });

  const row = (label: string, kind: string, target: number) => {
    const p95 = percentile(samples[kind], 0.95);
    const meanCpu = cpu[kind].reduce((sum, ms) => sum + ms, 0) / cpu[kind].length;
    const databasePeak = databasePeaks[kind];
    return [
      label,
      samples[kind].length,
      `${percentile(samples[kind], 0.5).toFixed(0)} ms`,
      `${p95.toFixed(0)} ms`,
      `${target} ms`,
      p95 < target ? 'yes' : 'NO',
      `${meanCpu.toFixed(0)} ms`,
      `${peaks[kind].toFixed(0)} MB`,
      databasePeak === null ? '— (a server)' : `${databasePeak.toFixed(0)} MB`,
    ];
  };
  const rows = [
    row('roster CSV: POST /cases/:id/claims/import', 'csv', 500),
    row('roster XLSX: POST /cases/:id/claims/import', 'xlsx', 500),
    row('intake form: POST /rosters/check (CSV) + POST /cases with the 700 claims', 'form', 500),
    row('pay day: POST /cases/:id/payouts, 700 lines', 'payDay', 300),
  ];
  return (
    table(['request (700 workers)', 'runs', 'p50', 'p95', 'target', 'met', 'service CPU (mean)', 'service peak RSS', 'embedded database process peak RSS'], rows) +
    `\n\nThe service's RSS before the first roster: ${idle.toFixed(0)} MB` +
    (databaseIdle === undefined ? '. ' : `, its embedded database process's ${databaseIdle.toFixed(0)} MB. `) +
    `Load average after each series: ${loads.map((load) => load.toFixed(1)).join(', ')} (${cpus().length} cores).`
  );
}

/** Confirms every claim as claimed, assigns the desk's mediator and moves the case into mediation. */
async function readyToPay(desk: Http, caseId: string, mediatorId: string): Promise<void> {
  const claims = await allClaims(desk, caseId);
  await desk.expect(200, 'POST', `/cases/${caseId}/claims/confirmations`, {
    items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })),
  });
  await desk.expect(200, 'POST', `/cases/${caseId}/transitions`, { to: 'verifying' });
  await desk.expect(200, 'POST', `/cases/${caseId}/assignment`, { mediatorId });
  await desk.expect(200, 'POST', `/cases/${caseId}/transitions`, { to: 'mediating' });
}

/** A row as POST /rosters/check answers it. */
interface CheckedClaim {
  row: number;
  worker: { name: string; idNumber: string; mobile: string | null; homeProvince: string | null };
  [field: string]: unknown;
}

/** A checked row as the intake form sends it on (web/src/cases/intake.ts): without its row number and empty fields. */
function claimOfIntake({ row: _row, worker, ...claim }: CheckedClaim) {
  return {
    ...claim,
    worker: {
      name: worker.name,
      idNumber: worker.idNumber,
      ...(worker.mobile && { mobile: worker.mobile }),
      ...(worker.homeProvince && { homeProvince: worker.homeProvince }),
    },
  };
}

interface ClaimJson {
  id: string;
  position: number;
  amountClaimed: string;
  amountOutstanding: string;
}

async function allClaims(http: Http, caseId: string): Promise<ClaimJson[]> {
  const items: ClaimJson[] = [];
  for (let page = 1; ; page++) {
    const body = await http.json<{ items: ClaimJson[]; total: number }>('GET', `/cases/${caseId}/claims?pageSize=200&page=${page}`);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

/**
 * The n-th benchmark worker: a real-looking name, and an id number from a county (659001) neither the
 * seed nor the other benchmarks use, distinct for every n below 12 million; amounts of 3,000.00 to
 * 29,999.99 yuan, to the fen.
 */
function benchRow(n: number): Row {
  const birth = new Date(Date.UTC(1962, 0, 1) + (Math.floor(n / 1000) % 12_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `659001${birth}${String(n % 1000).padStart(3, '0')}`;
  return { name: workerName(n), idNumber: first17 + residentIdCheckDigit(first17), mobile: mobile(n), amountFen: 300_000n + BigInt((n * 7919) % 2_700_000) };
}

function yuan(fen: bigint): string {
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

const HEADINGS = ['序号', '姓名', '身份证号', '手机号', '主张金额', '类别', '开始日期', '结束日期', '备注'];

function rosterCells(row: Row, i: number): (string | number)[] {
  return [i + 1, row.name, row.idNumber, row.mobile, yuan(row.amountFen), '工资', '2026-03-01', '2026-10-31', BENCH_NOTE];
}

function rosterCsv(rows: Row[]): string {
  return [HEADINGS, ...rows.map(rosterCells)].map((cells) => cells.join(',')).join('\r\n');
}

async function rosterXlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农民工工资表');
  sheet.addRow(HEADINGS);
  for (const [i, row] of rows.entries()) sheet.addRow(rosterCells(row, i));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A logged-in caller of the service that sends any body (JSON, CSV text, workbook bytes). */
class Http {
  private token = '';

  constructor(private readonly baseUrl: string) {}

  async logIn(username: string, password: string): Promise<void> {
    this.token = (await this.json<{ accessToken: string }>('POST', '/auth/login', { username, password })).accessToken;
  }

  /** The answer's whole body (read before the time stops), or an error when the status is not `status`. */
  async expect(status: number, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<string> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(this.token && { authorization: `Bearer ${this.token}` }), ...(body !== undefined && { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 2000)}`);
    return text;
  }

  async json<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const expected = method === 'GET' ? 200 : path === '/auth/login' || path === '/rosters/check' ? 200 : 201;
    return JSON.parse(await this.expect(expected, method, path, body, contentType)) as T;
  }
}

/** The server database's own key for id numbers, kept beside the embedded data (a second run must open the first's). */
function serverKey(): Buffer {
  const file = join('data', 'roster-bench-pii.key');
  if (!existsSync(file)) {
    mkdirSync('data', { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** A port nothing listens on now: a fixed one may be another benchmark's service, answering /health for ours. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}


if (require.main === module) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, only: { type: 'string' } } });
  const databases = values.only ? [values.only as 'embedded' | 'server'] : undefined;
  benchRosterAndPayDay({ runs: Number(values.runs), databases })
    .then((tables) => console.log(tables))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    });
}
