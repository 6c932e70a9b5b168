/**
 * The daily reminder sweep and "what is due" at a city's size (issue 17), for `npm run bench`:
 *   - the sweep's first run of a day nobody has swept yet (dry run, then the real one), and a second
 *     real run of the same day, which must add nothing: an ordinary day, and a festival countdown day;
 *   - GET /deadlines?within=14 as the city administrator, p50/p95 over some runs, with its total.
 * Each with the service's peak RSS over the measurement (VmHWM, reset before it).
 *
 * A real run writes reminders (and their deliveries) into the bench database: that is what the sweep
 * does. So that a later run still measures a first run, the day is the first of `days` (by default
 * the 2027 season's ordinary days, then its countdown days) on which no reminder exists yet; the
 * table says which day it was. The service's peak RSS is reset before each row, but what V8 kept
 * from the row before stays in it: the rows run in the order shown.
 */
import type { Pool } from 'pg';
import { ms, percentile, table } from './measure';
import type { Client, ServiceProcess } from './service-process';

export interface SweepBenchOptions {
  /** Days to choose the first unswept one from, in order. */
  days?: string[];
  /** Runs of GET /deadlines after one warm-up. */
  deadlineRuns?: number;
}

/** The festival countdown's days of the 2027 season (eve 2027-02-05): 30, 14, 7, 3 and 1 days before the eve, as the default rule says. */
const COUNTDOWN_DAYS = ['2027-01-06', '2027-01-22', '2027-01-29', '2027-02-02', '2027-02-04'];

/**
 * The 2027 season's days to choose from: the ordinary days of its last month first (every deadline
 * rule and the digest, but no countdown), then the earlier ones, then the countdown days, on which
 * every lawyer and mediator of owing cases is also reminded of them all (one reminder each), which
 * reads every open case's money.
 */
function seasonDays(): string[] {
  const days: string[] = [];
  for (let day = Date.UTC(2026, 11, 6); day <= Date.UTC(2027, 1, 4); day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
  const ordinary = days.filter((on) => !COUNTDOWN_DAYS.includes(on));
  return [...ordinary.filter((on) => on >= '2027-01-07'), ...ordinary.filter((on) => on < '2027-01-07'), ...COUNTDOWN_DAYS];
}

interface SweepAnswer {
  planned: number;
  created: number;
}

interface Measured<T> {
  answer: T;
  seconds: number;
  peakMb: number;
}

async function measured<T>(service: ServiceProcess, task: () => Promise<T>): Promise<Measured<T>> {
  service.resetPeak();
  const started = process.hrtime.bigint();
  const answer = await task();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { answer, seconds, peakMb: service.memory().peakMb };
}

/** The first of `days` with no reminder yet. */
async function firstUnsweptDay(pool: Pool, days: string[]): Promise<string> {
  const { rows } = await pool.query<{ day: string }>(
    `SELECT d.day FROM unnest($1::text[]) WITH ORDINALITY d(day, n)
      WHERE NOT EXISTS (SELECT 1 FROM reminders r WHERE r.due_on = d.day::date)
      ORDER BY d.n LIMIT 1`,
    [days],
  );
  if (rows.length === 0) throw new Error(`every one of the ${days.length} days has been swept already: pass other days`);
  return rows[0].day;
}

/** Measures the sweep (an ordinary day and a festival countdown day) and GET /deadlines through the running service; Markdown tables. */
export async function benchSweep(pool: Pool, service: ServiceProcess, admin: Client, options: SweepBenchOptions = {}): Promise<string> {
  const days = options.days ?? seasonDays();
  const { rows: [{ open }] } = await pool.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM cases WHERE status NOT IN ('closed', 'withdrawn', 'rejected')`,
  );
  const sweeps: string[] = [];
  for (const [label, choices] of [
    ['an ordinary day', days.filter((day) => !COUNTDOWN_DAYS.includes(day))],
    ['a festival countdown day (every lawyer and mediator of owing cases is also reminded of them)', days.filter((day) => COUNTDOWN_DAYS.includes(day))],
  ] as const) {
    if (choices.length === 0) continue;
    const on = await firstUnsweptDay(pool, choices);
    sweeps.push(`Sweep of ${on}, ${label}:`, '', table(['run', 'planned', 'created', 'seconds', 'service peak RSS (MB)'], await sweepRows(pool, service, admin, on)), '');
  }

  const runs = options.deadlineRuns ?? 10;
  const path = '/deadlines?within=14';
  const deadlineTimes: number[] = [];
  let total = 0;
  service.resetPeak();
  await admin.getJson(path);
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const answer = await admin.getJson<{ total: number } | unknown[]>(path);
    deadlineTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    total = Array.isArray(answer) ? answer.length : answer.total;
  }
  const deadlinesPeak = service.memory().peakMb;

  return [
    `The daily sweep over ${open.toLocaleString('en')} open cases, through the service ` +
      '(targets: first run under 10 s, second under 2 s and adding nothing; the service under 300 MB):',
    '',
    ...sweeps,
    `GET ${path} as the city administrator (target: under 1 s), ${runs} runs after a warm-up:`,
    '',
    table(
      ['p50', 'p95', 'total items', 'service peak RSS (MB)'],
      [[ms(percentile(deadlineTimes, 0.5)), ms(percentile(deadlineTimes, 0.95)), total, deadlinesPeak.toFixed(0)]],
    ),
  ].join('\n');
}

/** A day's dry run, first run and second run, each with its time and the service's peak memory. */
async function sweepRows(pool: Pool, service: ServiceProcess, admin: Client, on: string): Promise<(string | number)[][]> {
  const deliveriesBefore = await deliveriesOfDay(pool, on);
  const dry = await measured(service, async () => {
    const preview = await admin.getJson<SweepAnswer & { reminders: unknown[] }>(`/reminders/preview?on=${on}`);
    return { planned: preview.planned, created: preview.created };
  });
  const first = await measured(service, () => admin.post<SweepAnswer>('/reminders/sweep', { on }));
  const deliveries = (await deliveriesOfDay(pool, on)) - deliveriesBefore;
  const second = await measured(service, () => admin.post<SweepAnswer>('/reminders/sweep', { on }));
  return [
    ['dry run (preview)', dry.answer.planned, '–', dry.seconds.toFixed(1), dry.peakMb.toFixed(0)],
    ['first run', first.answer.planned, `${first.answer.created} (+ ${deliveries} deliveries)`, first.seconds.toFixed(1), first.peakMb.toFixed(0)],
    ['second run, same day', second.answer.planned, second.answer.created, second.seconds.toFixed(1), second.peakMb.toFixed(0)],
  ];
}

async function deliveriesOfDay(pool: Pool, on: string): Promise<number> {
  const { rows: [{ count }] } = await pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE r.due_on = $1`,
    [on],
  );
  return count;
}

/**
 * Waits for the service's start-up refresh of the stored running deadlines (PendingDeadlinesRefresher)
 * to finish, so that no measurement runs beside it; says how many cases it computed and how long that
 * took (all the open cases after the seed or the migration, none on a later start).
 */
export async function waitForRunningDeadlines(pool: Pool, startedAt: number): Promise<string> {
  const stale = async () => (await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM case_clocks WHERE stale`)).rows[0].count;
  const waiting = await stale();
  const pending = async () => (await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM pending_deadlines`)).rows[0].count;
  for (let left = waiting; left > 0; left = await stale()) {
    if (Date.now() - startedAt > 20 * 60_000) throw new Error(`the stored running deadlines were not caught up after 20 minutes (${left} cases left)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (Date.now() - startedAt) / 1000;
  return waiting === 0
    ? `Stored running deadlines: up to date at start-up (${(await pending()).toLocaleString('en')} running deadlines).`
    : `Stored running deadlines: ${waiting.toLocaleString('en')} cases still to compute when the service answered; all done ${seconds.toFixed(1)} s after it was started (${(await pending()).toLocaleString('en')} running deadlines).`;
}
