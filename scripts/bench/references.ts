/**
 * The reports' references side by side (issue 17): for every report the bench times, the hand-written
 * query over the base tables and the one over the per-case summary (case_facts, case_pay_days), both
 * from test/support/reference-figures.ts, on the bench database at a million cases.
 *
 *   npx ts-node --transpile-only scripts/bench/references.ts [-- --runs 5 --only "organisation"]
 *
 * Each reference is first run once under EXPLAIN (ANALYZE, BUFFERS), which warms it and gives its plan's
 * top node, what it scans and how much it wrote to temporary files; then the two kinds run `--runs` times
 * each, interleaved (base, summary, base, summary, …), so a busy spell of the shared machine slows both
 * alike. Prints a Markdown table: rows returned, p50/p95 of each, which is faster, whether the two gave the
 * same rows, and the plans. The session has the service's settings (serverSessionOptions: JIT off, work_mem 32MB, no parallel workers). It only reads.
 *
 * scripts/bench.ts times the same references beside the reports, pairing them itself (see the note on issue 17).
 */
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { festivalEve, seasonFestivalYear } from '../../src/campaign/domain/spring-festival';
import { shanghaiDate } from '../../src/common/time/shanghai';
import { serverSessionOptions } from '../../src/database/typeorm-options';
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
} from '../../test/support/reference-figures';
import { ms, percentile, table } from './measure';

/** One statement of a reference. */
export interface ReferenceQuery {
  sql: string;
  params: unknown[];
}

/** A report's reference both ways: the statements it takes over the base tables and over the per-case summary. */
export interface ReferencePair {
  name: string;
  base: ReferenceQuery[];
  facts: ReferenceQuery[];
}

/** What the references are asked about: the bench's scopes, period and employer (scripts/bench.ts describeData). */
export interface ReferenceData {
  rootPath: string;
  rootId: string;
  districtPath: string;
  districtId: string;
  employerId: string;
  /** The last intake day: the one-year period ends on it. */
  lastIntake: string;
  /** Today in Asia/Shanghai: the last season's eve is the one before it. */
  today: string;
}

type Row = Record<string, unknown>;

/** The references of the reports scripts/bench.ts times, in its order and with its names and parameters. */
export function referencePairs(data: ReferenceData): ReferencePair[] {
  const to = data.lastIntake;
  const from = dayBefore(to, 364);
  const city = [data.rootPath, data.rootId, from, to];
  const district = [data.districtPath, data.districtId, from, to];
  const figures = (dimension: ReferenceDimension, params: unknown[]) => ({
    base: [
      { sql: referenceFiguresSql(dimension), params },
      { sql: referencePaidInPeriodSql(dimension), params },
    ],
    facts: [
      { sql: referenceFactsSql(dimension), params },
      { sql: referencePaidInPeriodFactsSql(dimension), params },
    ],
  });
  const summary = (params: unknown[]) => {
    const pair = figures('total', params);
    return {
      base: [pair.base[0], { sql: REFERENCE_COUNTS_SQL, params }, pair.base[1]],
      facts: [pair.facts[0], { sql: REFERENCE_COUNTS_FACTS_SQL, params }, pair.facts[1]],
    };
  };
  const lastSeason = seasonFestivalYear(data.today) - 1;
  const root = [data.rootPath, data.rootId];
  const eve = [data.rootPath, data.rootId, festivalEve(lastSeason)];
  const employer = [data.employerId, data.rootPath];
  return [
    { name: 'summary, one year', ...summary(city) },
    { name: 'summary, one year, one district', ...summary(district) },
    { name: 'summary, all seasons', ...summary([data.rootPath, data.rootId, '2020-01-01', to]) },
    ...REFERENCE_DIMENSIONS.map((dimension) => ({ name: `by ${dimension}, one year`, ...figures(dimension, city) })),
    {
      name: 'before the festival',
      base: [{ sql: REFERENCE_FESTIVAL_SQL, params: root }],
      facts: [{ sql: REFERENCE_FESTIVAL_FACTS_SQL, params: root }],
    },
    {
      name: `before the festival of ${lastSeason}, as of its eve`,
      base: [{ sql: REFERENCE_FESTIVAL_AS_OF_SQL, params: eve }],
      facts: [{ sql: REFERENCE_FESTIVAL_AS_OF_FACTS_SQL, params: eve }],
    },
    {
      name: 'employer with the most cases',
      base: [{ sql: REFERENCE_EMPLOYER_SQL, params: employer }],
      facts: [{ sql: REFERENCE_EMPLOYER_FACTS_SQL, params: employer }],
    },
  ];
}

/** A statement's plan, as far as the table says: its top node, what it scans, and what it wrote to temporary files. */
interface PlanSummary {
  top: string;
  scans: string[];
  tempMb: number;
}

/** Times every pair, interleaved, and prints the table (a line per pair on stderr as it goes). */
export async function benchReferences(pool: Pool, data: ReferenceData, runs: number, only?: string): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const pair of referencePairs(data).filter((candidate) => !only || candidate.name.includes(only))) {
    // the warm-up run is the EXPLAIN ANALYZE one
    const basePlans = await explainAll(pool, pair.base);
    const factsPlans = await explainAll(pool, pair.facts);
    const baseSamples: number[] = [];
    const factsSamples: number[] = [];
    let baseRows: Row[][] = [];
    let factsRows: Row[][] = [];
    for (let run = 0; run < runs; run++) {
      const base = await timed(pool, pair.base);
      baseSamples.push(base.ms);
      baseRows = base.rows;
      const facts = await timed(pool, pair.facts);
      factsSamples.push(facts.ms);
      factsRows = facts.rows;
    }
    const base = { p50: percentile(baseSamples, 0.5), p95: percentile(baseSamples, 0.95) };
    const facts = { p50: percentile(factsSamples, 0.5), p95: percentile(factsSamples, 0.95) };
    const faster = facts.p95 <= base.p95 ? `summary (${(base.p95 / facts.p95).toFixed(1)}×)` : `base (${(facts.p95 / base.p95).toFixed(1)}×)`;
    const row = [
      pair.name,
      baseRows.reduce((sum, part) => sum + part.length, 0),
      ms(base.p50),
      ms(base.p95),
      ms(facts.p50),
      ms(facts.p95),
      faster,
      sameRows(baseRows, factsRows) ? 'yes' : 'NO',
      describePlans(basePlans),
      describePlans(factsPlans),
    ];
    rows.push(row);
    console.error(`  ${pair.name}: base p95 ${ms(base.p95)}, summary p95 ${ms(facts.p95)} (${runs} runs each, interleaved)`);
  }
  return table(
    [
      'reference',
      'rows',
      'base tables p50',
      'base tables p95',
      'per-case summary p50',
      'per-case summary p95',
      'faster (by p95)',
      'same rows',
      'base tables: plan (top node; scans; spilled)',
      'per-case summary: plan',
    ],
    rows,
  );
}

async function timed(pool: Pool, queries: ReferenceQuery[]): Promise<{ ms: number; rows: Row[][] }> {
  const started = process.hrtime.bigint();
  const rows: Row[][] = [];
  for (const query of queries) rows.push((await pool.query(query.sql, query.params)).rows);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows };
}

async function explainAll(pool: Pool, queries: ReferenceQuery[]): Promise<PlanSummary[]> {
  const plans: PlanSummary[] = [];
  for (const query of queries) {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, query.params);
    const plan = rows[0]['QUERY PLAN'][0].Plan as PlanNode;
    const scans = new Set<string>();
    walk(plan, (node) => {
      if (/Scan$/.test(node['Node Type']) && (node['Index Name'] || node['Relation Name'])) {
        scans.add(`${node['Node Type'].replace(/ Scan$/, '').toLowerCase()} ${node['Index Name'] ?? node['Relation Name']}`);
      }
    });
    // a node's buffers include its children's, so the top node's temporary blocks are the statement's
    const tempBlocks = plan['Temp Written Blocks'] ?? 0;
    const strategy = plan.Strategy && plan.Strategy !== 'Plain' ? ` (${plan.Strategy})` : '';
    plans.push({ top: `${plan['Node Type']}${strategy}`, scans: [...scans], tempMb: (tempBlocks * 8192) / 1024 / 1024 });
  }
  return plans;
}

interface PlanNode {
  'Node Type': string;
  Strategy?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Temp Written Blocks'?: number;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

function describePlans(plans: PlanSummary[]): string {
  return plans
    .map((plan) => `${plan.top}; ${plan.scans.join(', ')}; ${plan.tempMb > 0 ? `spilled ${plan.tempMb.toFixed(0)} MB` : 'no spill'}`)
    .join(' + ');
}

/** The same rows in each statement, whatever their order. */
function sameRows(base: Row[][], facts: Row[][]): boolean {
  const canonical = (parts: Row[][]) => JSON.stringify(parts.map((rows) => rows.map((row) => JSON.stringify(row)).sort()));
  return canonical(base) === canonical(facts);
}

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The bench's scopes and employer, found as scripts/bench.ts finds them. */
async function describe(pool: Pool): Promise<ReferenceData> {
  const { rows: [root] } = await pool.query(`SELECT id, path FROM organisations WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
  const { rows: [district] } = await pool.query(
    `SELECT d.id, d.path FROM organisations d JOIN organisations o ON o.path LIKE d.path || '%' JOIN case_facts f ON f.organisation_id = o.id
      WHERE d.parent_id = $1 GROUP BY d.id, d.path ORDER BY count(*) DESC LIMIT 1`,
    [root.id],
  );
  // the employer with the most cases, leaving out the intake benchmark's own (its credit code starts with this)
  const { rows: [employer] } = await pool.query(
    `SELECT ce.employer_id AS id FROM case_employers ce JOIN employers e ON e.id = ce.employer_id
      WHERE e.credit_code IS NOT NULL AND e.credit_code NOT LIKE '91110113BENCH0000%' GROUP BY ce.employer_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const { rows: [last] } = await pool.query(`SELECT max(intake_date)::text AS day FROM cases`);
  return {
    rootPath: root.path,
    rootId: root.id,
    districtPath: district.path,
    districtId: district.id,
    employerId: employer.id,
    lastIntake: last.day,
    today: shanghaiDate(new Date()),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } });
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wages_bench';
  // the service's session settings (src/database/typeorm-options.ts)
  const pool = new Pool({ connectionString: url, max: 1, options: serverSessionOptions(false).options });
  try {
    const { rows: [size] } = await pool.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM payouts)::int AS payouts`,
    );
    const runs = Number(values.runs);
    console.log(`## References: base tables vs. per-case summary (${new Date().toISOString()})\n`);
    console.log(
      `${size.cases.toLocaleString('en')} cases, ${size.claims.toLocaleString('en')} claims, ${size.payouts.toLocaleString('en')} payouts; ` +
        `${runs} runs of each kind, interleaved, after one EXPLAIN ANALYZE run each; the service's session settings.\n`,
    );
    console.log(await benchReferences(pool, await describe(pool), runs, values.only));
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
