/**
 * `npm run bench`: the speed of the reports, exports and intake at city scale, on the PostgreSQL server.
 *
 *   npm run bench [-- --cases 1000000 --runs 20 --only "employer" --sections reports,search]
 *
 * Uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wages_bench), creating the
 * database if it is missing and seeding it up to --cases (reusing what a previous run seeded). Then it
 * starts the service in its own process on that database and prints, as Markdown for BENCHMARKS.md:
 *   - each report's p50/p95 over HTTP next to the same figures computed by two hand-written queries
 *     (test/support/reference-figures.ts), one over the base tables and one over the per-case summary
 *     (case_facts, case_pay_days), with the ratio to the faster and whether the numbers agree with both;
 *   - a 100,000-row case-list export: time, size and the service's peak resident memory;
 *   - intake: cases with 10 workers opened per second over HTTP, next to bare INSERTs of the same rows
 *     through `pg`, at the same concurrency.
 *   - start-up on the embedded database (scripts/bench/start.ts): `npm start` and the built service;
 *   - the case list's search (scripts/bench/search.ts): names, id numbers, case numbers, employers;
 *     and the same on an embedded city of as many cases (scripts/bench/search-embedded.ts; seeding it
 *     the first time takes an hour or more);
 *   - the daily reminder sweep and GET /deadlines (scripts/bench/sweep.ts);
 *   - a 700-worker roster and pay day on both databases (scripts/bench/roster-payday.ts).
 * These are measurements, not pass/fail tests; the targets are printed beside them. `--only TEXT`
 * measures just the reports whose name contains TEXT (and nothing after them), to check one change;
 * `--sections` names the parts to run (start, reports, search, search-embedded, sweep, roster, export, intake; all
 * but search-embedded by default).
 */
import { ensureDatabase } from './bench/ensure-database';
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { creditCodeCheckCharacter } from '../src/common/identifiers/credit-code';
import { residentIdCheckDigit } from '../src/common/identifiers/resident-id';
import { fenFromDb, formatYuan } from '../src/common/money/money';
import { shanghaiDate } from '../src/common/time/shanghai';
import { dataSourceOptions, serverSessionOptions } from '../src/database/typeorm-options';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import {
  REFERENCE_COUNTS_FACTS_SQL,
  REFERENCE_COUNTS_SQL,
  REFERENCE_DIMENSIONS,
  REFERENCE_EMPLOYER_FACTS_SQL,
  REFERENCE_EMPLOYER_SQL,
  REFERENCE_FESTIVAL_AS_OF_FACTS_SQL,
  REFERENCE_FESTIVAL_AS_OF_SQL,
  REFERENCE_FESTIVAL_FACTS_SQL,
  REFERENCE_FESTIVAL_SQL,
  ReferenceDimension,
  referenceFactsSql,
  referenceFiguresSql,
  referencePaidInPeriodFactsSql,
  referencePaidInPeriodSql,
} from '../test/support/reference-figures';
import { festivalEve, seasonFestivalYear } from '../src/campaign/domain/spring-festival';
import { Timing, median, ms, table, throughput, timeSideBySide } from './bench/measure';
import { benchSearch, searchTexts } from './bench/search';
import { benchSearchEmbedded } from './bench/search-embedded';
import { seedUpTo } from './bench/seed-up-to';
import { benchStart } from './bench/start';
import { benchSweep, waitForRunningDeadlines } from './bench/sweep';
import { benchRosterAndPayDay } from './bench/roster-payday';
import { Client, ServiceProcess } from './bench/service-process';
import { BENCH_CLERK, BENCH_LAWYER, BENCH_PASSWORD, BENCH_USER, createAdministrator, ensureDistrictLawyer } from './bench/bench-users';

/** What `--sections` may name, in the order they run. */
const SECTIONS = ['start', 'reports', 'search', 'search-embedded', 'sweep', 'roster', 'export', 'intake'] as const;
/** All but the embedded city's search, whose first run seeds a million cases into PGlite (an hour, some 35 GB of disk). */
const DEFAULT_SECTIONS = SECTIONS.filter((section) => section !== 'search-embedded');

/** Rounds of the intake benchmark, each the service then the bare inserts. */
const INTAKE_ROUNDS = 6;

/** The employer the intake benchmark opens its cases against, so they never swell a measured employer's record. */
const BENCH_EMPLOYER_CODE_BODY = '91110113BENCH0000';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '20' },
      'reference-runs': { type: 'string', default: '5' },
      'intake-seconds': { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '8' },
      only: { type: 'string' },
      sections: { type: 'string', default: DEFAULT_SECTIONS.join(',') },
    },
  });
  const sections = new Set(values.sections.split(',').map((section) => section.trim()));
  const unknown = [...sections].filter((section) => !(SECTIONS as readonly string[]).includes(section));
  if (unknown.length > 0) throw new Error(`Unknown section(s) ${unknown.join(', ')}: the sections are ${SECTIONS.join(', ')}`);
  const wanted = Number(values.cases);
  const runs = Number(values.runs);
  const referenceRuns = Number(values['reference-runs']);
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wages_bench';
  const key = benchKey();
  const cipher = new PersonalDataCipher(key);

  await ensureDatabase(url);
  const dataSource = await new DataSource(dataSourceOptions({ url, poolSize: 2, embedded: false, close: async () => {} })).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seedUpTo(dataSource, wanted, key, 'the PostgreSQL server', progressPrinter());
  await dataSource.destroy();

  // The session settings the service has (src/database/typeorm-options.ts): the lower bound is PostgreSQL at its best.
  const pool = new Pool({ connectionString: url, max: Number(values.concurrency), options: serverSessionOptions(false).options });
  const vacuumed = await vacuumIfAutovacuumIsOff(pool);
  const facts = await describeData(pool);
  const env = { DATABASE_URL: url, PII_KEY: key.toString('base64'), DATABASE_POOL_SIZE: String(Math.max(10, Number(values.concurrency) + 2)) };
  ensureUser(url, env);
  const serviceStarted = Date.now();
  const service = await ServiceProcess.start(env, 3950);
  try {
    const admin = new Client(service.baseUrl, BENCH_USER, BENCH_PASSWORD);
    const clerk = await ensureClerk(admin, pool, service.baseUrl);
    // nothing is measured while the service computes the running deadlines of every open case (its first start after the seed)
    const deadlinesCaughtUp = await waitForRunningDeadlines(pool, serviceStarted);

    console.log(`# Benchmark run ${new Date().toISOString()}\n`);
    console.log(machine(facts));
    if (vacuumed) console.log(vacuumed);
    console.log(deadlinesCaughtUp);
    if (sections.has('start')) {
      console.log('\n## Start-up on the embedded database\n');
      console.log(await benchStart(5));
    }
    if (sections.has('reports')) {
      console.log('\n## Reports (city scope unless said; HTTP through the service vs. hand-written queries over the base tables and over the per-case summary)\n');
      console.log(await benchReports(admin, pool, facts, runs, referenceRuns, values.only));
      if (values.only) return;
    }
    if (sections.has('search')) {
      console.log('\n## Searching the case list (and the workers and employers lists)\n');
      const { rowCount: lawyerExists } = await pool.query(`SELECT 1 FROM users WHERE username = $1`, [BENCH_LAWYER]);
      const lawyer = await ensureDistrictLawyer(admin, Boolean(lawyerExists), service.baseUrl, facts.districtId);
      console.log(await benchSearch(await searchTexts(pool, cipher, facts.districtPath), admin, lawyer, runs));
    }
    if (sections.has('search-embedded')) {
      console.log('\n## Searching the case list on the embedded database\n');
      console.log(await benchSearchEmbedded(wanted, runs, 3952, progressPrinter()));
    }
    if (sections.has('sweep')) {
      console.log('\n## The daily reminder sweep and what is due\n');
      console.log(await benchSweep(pool, service, admin));
    }
    if (sections.has('roster')) {
      console.log('\n## A 700-worker roster and a 700-worker pay day, on both databases\n');
      console.log(await benchRosterAndPayDay());
    }
    if (sections.has('export')) {
      console.log('\n## Export of the case list\n');
      console.log(await benchExport(admin, service, pool));
    }
    if (sections.has('intake')) {
      console.log('\n## Intake: opening a case with 10 workers\n');
      console.log(await benchIntake(clerk, pool, cipher, facts, Number(values.concurrency), Number(values['intake-seconds'])));
    }
  } finally {
    await service.stop();
    await pool.end();
  }
}

interface DataFacts {
  cases: number;
  claims: number;
  payouts: number;
  workers: number;
  consultations: number;
  databaseSize: string;
  postgres: string;
  rootId: string;
  rootPath: string;
  rootCode: string;
  districtId: string;
  districtPath: string;
  serviceCenterId: string;
  employerId: string;
  lastIntake: string;
}

async function describeData(pool: Pool): Promise<DataFacts> {
  const { rows: [row] } = await pool.query(`
    SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM claims)::int AS claims,
           (SELECT count(*) FROM payouts)::int AS payouts, (SELECT count(*) FROM workers)::int AS workers,
           (SELECT count(*) FROM consultations)::int AS consultations,
           pg_size_pretty(pg_database_size(current_database())) AS database_size, version() AS postgres,
           (SELECT max(intake_date)::text FROM cases) AS last_intake`);
  const { rows: [root] } = await pool.query(`SELECT id, path, code FROM organisations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
  // the district with the most cases, and its busiest service center
  const { rows: [district] } = await pool.query(
    `SELECT d.id, d.path FROM organisations d JOIN organisations o ON o.path LIKE d.path || '%' JOIN case_facts f ON f.organisation_id = o.id
      WHERE d.parent_id = $1 GROUP BY d.id, d.path ORDER BY count(*) DESC LIMIT 1`,
    [root.id],
  );
  const { rows: [center] } = await pool.query(
    `SELECT organisation_id AS id FROM case_facts GROUP BY organisation_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const { rows: [employer] } = await pool.query(
    `SELECT ce.employer_id AS id FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
      WHERE e.credit_code IS NOT NULL AND e.credit_code <> $1 GROUP BY ce.employer_id ORDER BY count(*) DESC LIMIT 1`,
    [benchEmployerCode()],
  );
  return {
    cases: row.cases,
    claims: row.claims,
    payouts: row.payouts,
    workers: row.workers,
    consultations: row.consultations,
    databaseSize: row.database_size,
    postgres: row.postgres,
    rootId: root.id,
    rootPath: root.path,
    rootCode: root.code,
    districtId: district.id,
    districtPath: district.path,
    serviceCenterId: center.id,
    employerId: employer.id,
    lastIntake: row.last_intake,
  };
}

/**
 * The report tables are vacuumed after every 2,000 changed rows (migrations/1765100000000, 1765800000000), so their
 * covering indexes answer without visiting the table; every other table after the seed's inserts, by
 * autovacuum's inserted-rows threshold, and the service's index-only scans count on it (a search's claims,
 * the sweep's timelines, the desk's consultations). A server with autovacuum off, as the CI machines are,
 * never does: there the bench does the vacuum autovacuum would have done, of every table, and says so. A
 * table vacuumed already costs little to vacuum again.
 */
async function vacuumIfAutovacuumIsOff(pool: Pool): Promise<string | null> {
  const { rows: [{ autovacuum }] } = await pool.query(`SELECT current_setting('autovacuum') AS autovacuum`);
  if (autovacuum === 'on') return null;
  await pool.query(`VACUUM (ANALYZE)`);
  return 'Autovacuum is off on this server: the bench vacuumed every table first, as autovacuum would have.';
}

function machine(facts: DataFacts): string {
  return [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; Node ${process.version}; ${facts.postgres.split(',')[0]} on the same machine.`,
    `Data: ${facts.cases.toLocaleString('en')} cases, ${facts.claims.toLocaleString('en')} claims, ${facts.payouts.toLocaleString('en')} payouts, ` +
      `${facts.workers.toLocaleString('en')} workers, ${facts.consultations.toLocaleString('en')} consultations; database ${facts.databaseSize}.`,
  ].join('\n');
}

/** A row of a reference query: column → value as node-postgres returns it. */
type Row = Record<string, string | number | null>;

/** The parts of the reports' JSON the benchmark checks against the reference. */
interface ReportJson {
  casesOpened: number;
  claimed: string;
  recovered: string;
  paidInPeriod: { total: string; wages: string };
  total: number | null;
  more: boolean;
  items: { key: string | null; casesOpened: number; recovered: string; paidInPeriod: { total: string; wages: string }; openCases: number; unpaid: string }[];
  totals: { cases: number; paid: string };
}

/** Which hand-written reference: over the base tables, or over the per-case summary (case_facts, case_pay_days). */
type ReferenceKind = 'base' | 'summary';

interface ReportCase {
  name: string;
  path: string;
  reference: (pool: Pool, kind: ReferenceKind) => Promise<Row[]>;
  /** The endpoint's numbers agree with a reference's. */
  agrees: (json: ReportJson, reference: Row[]) => boolean;
}

async function benchReports(admin: Client, pool: Pool, facts: DataFacts, runs: number, referenceRuns: number, only?: string): Promise<string> {
  const to = facts.lastIntake;
  const from = dayBefore(to, 364);
  const city = [facts.rootPath, facts.rootId, from, to];
  const district = [facts.districtPath, facts.districtId, from, to];
  const figures = (dimension: ReferenceDimension, params: unknown[]) => async (p: Pool, kind: ReferenceKind) =>
    (await p.query(kind === 'base' ? referenceFiguresSql(dimension) : referenceFactsSql(dimension), params)).rows;
  // the money paid in the period (issue 14), the plain way: its rows follow the figures', marked
  const paid = (dimension: ReferenceDimension, params: unknown[]) => async (p: Pool, kind: ReferenceKind) =>
    (await p.query(kind === 'base' ? referencePaidInPeriodSql(dimension) : referencePaidInPeriodFactsSql(dimension), params)).rows.map((row) => ({
      ...row,
      paid: true,
    }));
  const paidAgrees = (json: { paidInPeriod: ReportJson['paidInPeriod'] }, row: Row | undefined) =>
    json.paidInPeriod.total === yuanOf(row?.paid_fen ?? 0) && json.paidInPeriod.wages === yuanOf(row?.paid_wages_fen ?? 0);
  const totalAgrees = (json: ReportJson, [row, ...rest]: Row[]) =>
    json.casesOpened === row.opened &&
    json.recovered === yuanOf(row.recovered_fen) &&
    json.claimed === yuanOf(row.claimed_fen) &&
    paidAgrees(json, rest.find((r) => r.paid));
  const summaryReference = (params: unknown[]) => async (p: Pool, kind: ReferenceKind) => [
    ...(await figures('total', params)(p, kind)),
    (await p.query(kind === 'base' ? REFERENCE_COUNTS_SQL : REFERENCE_COUNTS_FACTS_SQL, params)).rows[0],
    ...(await paid('total', params)(p, kind)),
  ];
  const lastSeason = seasonFestivalYear(shanghaiDate(new Date())) - 1;
  const reports: ReportCase[] = [
    {
      name: 'summary, one year',
      path: `/reports/summary?from=${from}&to=${to}`,
      reference: summaryReference(city),
      agrees: totalAgrees,
    },
    {
      name: 'summary, one year, one district',
      path: `/reports/summary?from=${from}&to=${to}&organisationId=${facts.districtId}`,
      reference: summaryReference(district),
      agrees: totalAgrees,
    },
    {
      name: 'summary, all seasons',
      path: `/reports/summary?from=2020-01-01&to=${to}`,
      reference: summaryReference([facts.rootPath, facts.rootId, '2020-01-01', to]),
      agrees: totalAgrees,
    },
    ...REFERENCE_DIMENSIONS.map((dimension) => ({
      name: `by ${dimension}, one year`,
      path: `/reports/breakdowns/${dimension}?from=${from}&to=${to}&pageSize=50`,
      reference: async (p: Pool, kind: ReferenceKind) => [...(await figures(dimension, city)(p, kind)), ...(await paid(dimension, city)(p, kind))],
      agrees: (json: ReportJson, rows: Row[]) =>
        pagedRight(dimension, json, rows.filter((r) => !r.paid), 50) &&
        json.items.every((item) => {
          const row = rows.find((r) => !r.paid && r.key === item.key);
          const cases = row ? row.opened === item.casesOpened && yuanOf(row.recovered_fen) === item.recovered : item.casesOpened === 0;
          return cases && paidAgrees(item, rows.find((r) => r.paid && r.key === item.key));
        }),
    })),
    {
      name: 'before the festival',
      path: `/reports/festival`,
      reference: async (p, kind) => (await p.query(kind === 'base' ? REFERENCE_FESTIVAL_SQL : REFERENCE_FESTIVAL_FACTS_SQL, [facts.rootPath, facts.rootId])).rows,
      agrees: festivalAgrees,
    },
    {
      name: `before the festival of ${lastSeason}, as of its eve`,
      path: `/reports/festival?festivalYear=${lastSeason}`,
      reference: async (p, kind) =>
        (await p.query(kind === 'base' ? REFERENCE_FESTIVAL_AS_OF_SQL : REFERENCE_FESTIVAL_AS_OF_FACTS_SQL, [facts.rootPath, facts.rootId, festivalEve(lastSeason)])).rows,
      agrees: festivalAgrees,
    },
    {
      name: 'employer with the most cases',
      path: `/reports/employers/${await creditCodeOf(pool, facts.employerId)}`,
      reference: async (p, kind) => (await p.query(kind === 'base' ? REFERENCE_EMPLOYER_SQL : REFERENCE_EMPLOYER_FACTS_SQL, [facts.employerId, facts.rootPath])).rows,
      agrees: (json: ReportJson, [row]: Row[]) => json.totals.cases === row.cases && json.totals.paid === yuanOf(row.paid_fen),
    },
  ];

  const rows: (string | number)[][] = [];
  for (const report of reports.filter((candidate) => !only || candidate.name.includes(only))) {
    let json = {} as ReportJson;
    // a login takes a password hash: never inside the timed requests
    await admin.logInIfOlderThan(5 * 60_000);
    const answers: Record<ReferenceKind, Row[]> = { base: [], summary: [] };
    const {
      report: endpoint,
      references: [base, summary],
    } = await timeSideBySide(
      async () => (json = await admin.getJson<ReportJson>(report.path)),
      (['base', 'summary'] as const).map((kind) => async () => (answers[kind] = await report.reference(pool, kind))),
      runs,
      referenceRuns,
    );
    // the report is held to the faster of the two hand-written answers
    const faster = summary.p95 <= base.p95 ? summary : base;
    rows.push([
      report.name,
      ms(endpoint.p50),
      ms(endpoint.p95),
      `${ms(base.p50)} / ${ms(base.p95)}`,
      `${ms(summary.p50)} / ${ms(summary.p95)}`,
      ratio(endpoint, faster),
      endpoint.p95 < 100 ? 'yes' : 'NO',
      report.agrees(json, answers.base) && report.agrees(json, answers.summary) ? 'yes' : 'NO',
    ]);
    console.error(`  ${report.name}: p95 ${ms(endpoint.p95)} (references: base tables ${ms(base.p95)}, summary ${ms(summary.p95)})`);
  }
  return table(
    ['report', 'p50', 'p95', 'base tables p50 / p95', 'per-case summary p50 / p95', 'p95 ÷ faster reference p95', 'p95 < 100 ms', 'same numbers (both)'],
    rows,
  );
}

/**
 * A breakdown's first page of \`size\` against the reference's groups: where the groups are counted, as
 * many as the reference has; where they are not (the employers), \`more\` as the reference says, and the
 * page's groups the reference's first, in the breakdown's order (cases opened, then still owed, most
 * first, then the key). The other breakdowns' orders are not checked here.
 */
function pagedRight(dimension: string, json: ReportJson, groups: Row[], size: number): boolean {
  if (json.total !== null) return json.total >= groups.length;
  const ranked = [...groups].sort(
    (a, b) =>
      Number(b.opened) - Number(a.opened) ||
      Number(BigInt(b.unpaid_fen ?? 0) - BigInt(a.unpaid_fen ?? 0)) ||
      (a.key === null ? 1 : b.key === null ? -1 : String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0),
  );
  const first = ranked.slice(0, size).map((row) => row.key);
  return dimension === 'employer' && json.more === groups.length > size && json.items.every((item, i) => item.key === first[i]) && json.items.length === first.length;
}

function festivalAgrees(json: ReportJson, rows: Row[]): boolean {
  return (
    json.items.length === rows.length &&
    json.items.every((item) => {
      const row = rows.find((r) => r.key === item.key);
      return !!row && row.open_cases === item.openCases && yuanOf(row.unpaid_fen) === item.unpaid;
    })
  );
}


async function benchExport(admin: Client, service: ServiceProcess, pool: Pool): Promise<string> {
  // the most recent 100,000 cases (all of them on a smaller data set)
  const { rows: [edge] } = await pool.query(
    `SELECT COALESCE((SELECT intake_date FROM cases ORDER BY intake_date DESC OFFSET 99999 LIMIT 1), min(intake_date))::text AS day FROM cases`,
  );
  const results: (string | number)[][] = [];
  for (const format of ['xlsx', 'csv']) {
    service.resetPeak();
    const before = service.memory();
    const started = Date.now();
    const response = await admin.get(`/cases/export?format=${format}&intakeFrom=${edge.day}`);
    let bytes = 0;
    let rowsSeen = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (format === 'csv') for (const byte of chunk) if (byte === 10) rowsSeen++;
    }
    const seconds = (Date.now() - started) / 1000;
    const after = service.memory();
    const { rows: [count] } = await pool.query(`SELECT count(*)::int AS n FROM cases WHERE intake_date >= $1`, [edge.day]);
    results.push([
      format,
      count.n.toLocaleString('en'),
      format === 'csv' ? (rowsSeen - 1).toLocaleString('en') : '—',
      `${(bytes / 2 ** 20).toFixed(1)} MB`,
      `${seconds.toFixed(1)} s`,
      `${before.rssMb.toFixed(0)} MB`,
      `${after.peakMb.toFixed(0)} MB`,
      after.peakMb < 300 ? 'yes' : 'NO',
    ]);
  }
  return table(['format', 'cases', 'CSV data lines', 'size', 'time', 'service RSS before', 'service peak RSS during', 'peak < 300 MB'], results);
}

async function benchIntake(clerk: Client, pool: Pool, cipher: PersonalDataCipher, facts: DataFacts, concurrency: number, seconds: number): Promise<string> {
  const employerId = await ensureIntakeEmployer(clerk, pool);
  // every worker a run opens is new: numbered on from all the benchmark's workers so far
  const { rows: [{ earlier }] } = await pool.query(`SELECT count(*)::int AS earlier FROM workers WHERE name LIKE '基准%'`);
  let serial = earlier;
  const { rows: [org] } = await pool.query(`SELECT id, code FROM organisations WHERE id = $1`, [facts.serviceCenterId]);
  const today = shanghaiDate(new Date());
  const workersOf = () =>
    Array.from({ length: 10 }, () => {
      serial += 1;
      return benchWorker(serial);
    });

  const openOverHttp = async () => {
    await clerk.post('/cases', {
      organisationId: org.id,
      intakeChannel: 'walk_in',
      intakeDate: today,
      summary: '基准测试：10名工人欠薪',
      employers: [{ employerId, role: 'employer' }],
      claims: workersOf().map((worker) => ({
        worker: { name: worker.name, idNumber: worker.idNumber },
        amountClaimed: '8500.00',
        periodStart: '2026-06-01',
        periodEnd: '2026-10-31',
      })),
    });
  };

  // The same rows, written the plain way: one transaction per case, one multi-row INSERT per table; the
  // workers sealed before it begins and written before the case's number is taken, whose counter's row
  // every opening in the organisation waits for until the commit.
  const openBare = async () => {
    const workers = workersOf().map((worker) => ({
      id: randomUUID(),
      name: worker.name,
      sealed: cipher.encrypt(worker.idNumber),
      hash: cipher.lookupHash(worker.idNumber),
    }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO workers (id, name, id_number_sealed, id_number_hash)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
        [workers.map((w) => w.id), workers.map((w) => w.name), workers.map((w) => w.sealed), workers.map((w) => w.hash)],
      );
      const { rows: [{ last_number }] } = await client.query(
        `INSERT INTO case_number_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1 RETURNING last_number`,
        [org.id, Number(today.slice(0, 4))],
      );
      const caseId = randomUUID();
      await client.query(
        `INSERT INTO cases (id, organisation_id, case_number, intake_channel, intake_date, summary) VALUES ($1, $2, $3, 'walk_in', $4, $5)`,
        [caseId, org.id, `${org.code}-${today.slice(0, 4)}-${String(last_number).padStart(5, '0')}`, today, '基准测试：10名工人欠薪'],
      );
      await client.query(`INSERT INTO case_employers (case_id, employer_id, role) VALUES ($1, $2, 'employer')`, [caseId, employerId]);
      await client.query(
        `INSERT INTO case_events (case_id, kind, to_status, data, happened_on) VALUES ($1, 'case_opened', 'received', '{}', $2)`,
        [caseId, today],
      );
      await client.query(
        `INSERT INTO claims (case_id, worker_id, kind, period_start, period_end, claimed_fen, position)
         SELECT $1, w.id, 'wages', '2026-06-01', '2026-10-31', 850000, w.position
           FROM unnest($2::uuid[]) WITH ORDINALITY AS w(id, position)`,
        [caseId, workers.map((w) => w.id)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  // The two in turns, a few rounds: a checkpoint or a busy spell of the machine falls on one round, not on one side.
  const rounds: { http: number; bare: number }[] = [];
  for (let round = 0; round < INTAKE_ROUNDS; round++) {
    const http = await throughput(openOverHttp, concurrency, seconds);
    const bare = await throughput(openBare, concurrency, seconds);
    rounds.push({ http: http.perSecond, bare: bare.perSecond });
  }
  const share = (round: { http: number; bare: number }) => (round.http / round.bare) * 100;
  return (
    table(
      ['round', 'POST /cases over HTTP (validation, auth, audit, summary rows, answer): cases per second', 'bare INSERTs of the same rows through pg: cases per second', 'share of bare inserts'],
      [
        ...rounds.map((round, index) => [String(index + 1), round.http.toFixed(1), round.bare.toFixed(1), `${share(round).toFixed(0)}%`]),
        [
          'median',
          median(rounds.map((round) => round.http)).toFixed(1),
          median(rounds.map((round) => round.bare)).toFixed(1),
          `**${median(rounds.map(share)).toFixed(0)}%**`,
        ],
      ],
    ) + `\n\n${concurrency} clients at once, ${seconds} s each way, ${INTAKE_ROUNDS} rounds taking turns; target (issue 17): HTTP at least 80% of bare.`
  );
}

/**
 * The benchmark's n-th worker, whom no seeded data can collide with: born 1930-1950 (the seed's workers
 * are 18-65 years old), in 新疆's region codes 652000 and up; distinct for every n below 56 billion.
 */
function benchWorker(n: number): { name: string; idNumber: string } {
  const birth = new Date(Date.UTC(1930, 0, 1) + (n % 7000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const sequence = String(Math.floor(n / 7000) % 1000).padStart(3, '0');
  const region = 652000 + (Math.floor(n / 7_000_000) % 8000);
  const first17 = `${region}${birth}${sequence}`;
  return { name: `基准${String.fromCharCode(0x4e00 + (n % 2000))}`, idNumber: first17 + residentIdCheckDigit(first17) };
}


/** The administrator the benchmark logs in as, made with the product's own command. */
function ensureUser(url: string, env: Record<string, string>): void {
  const exists = execFileSync('psql', [url, '-tAc', `SELECT count(*) FROM users WHERE username = '${BENCH_USER}'`]).toString().trim();
  if (exists !== '0') return;
  const root = execFileSync('psql', [url, '-tAc', `SELECT code FROM organisations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`]).toString().trim();
  createAdministrator(env, root || 'BJ');
}

/** An intake clerk of the city federation, who may open cases anywhere below it. */
async function ensureClerk(admin: Client, pool: Pool, baseUrl: string): Promise<Client> {
  const { rowCount } = await pool.query(`SELECT 1 FROM users WHERE username = $1`, [BENCH_CLERK]);
  if (!rowCount) {
    const { rows: [root] } = await pool.query(`SELECT organisation_id FROM users WHERE username = $1`, [BENCH_USER]);
    await admin.post('/users', {
      organisationId: root.organisation_id,
      username: BENCH_CLERK,
      displayName: '基准受理员',
      roles: ['intake_clerk'],
      password: BENCH_PASSWORD,
    });
  }
  return new Client(baseUrl, BENCH_CLERK, BENCH_PASSWORD);
}

function benchEmployerCode(): string {
  return BENCH_EMPLOYER_CODE_BODY + creditCodeCheckCharacter(BENCH_EMPLOYER_CODE_BODY);
}

/** The intake benchmark's employer, registered through the service the first time. */
async function ensureIntakeEmployer(clerk: Client, pool: Pool): Promise<string> {
  const creditCode = benchEmployerCode();
  const { rows: [existing] } = await pool.query(`SELECT id FROM employers WHERE credit_code = $1`, [creditCode]);
  if (existing) return existing.id;
  const created = await clerk.post<{ id: string }>('/employers', { name: '基准测试建筑劳务有限公司', creditCode, kind: 'company', industry: 'construction' });
  return created.id;
}

/** The benchmark database's own key for workers' id numbers, kept beside the embedded data. */
function benchKey(): Buffer {
  if (process.env.PII_KEY) return Buffer.from(process.env.PII_KEY, 'base64');
  const file = join('data', 'bench-pii.key');
  if (!existsSync(file)) {
    mkdirSync('data', { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

async function creditCodeOf(pool: Pool, employerId: string): Promise<string> {
  const { rows: [row] } = await pool.query(`SELECT credit_code FROM employers WHERE id = $1`, [employerId]);
  return row.credit_code;
}

function progressPrinter() {
  let last = 0;
  return (progress: { phase: string; done: number; total: number }) => {
    if (Date.now() - last < 2000 && progress.done < progress.total) return;
    last = Date.now();
    console.error(`  ${progress.phase}: ${progress.done.toLocaleString('en')} / ${progress.total.toLocaleString('en')}`);
  };
}

function ratio(endpoint: Timing, reference: Timing): string {
  return `${(endpoint.p95 / reference.p95).toFixed(2)}×`;
}

function yuanOf(fen: string | number | null): string {
  return formatYuan(fenFromDb(fen ?? 0));
}

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
