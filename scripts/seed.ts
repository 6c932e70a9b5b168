/**
 * `npm run seed -- --cases N [--seed S] [--today YYYY-MM-DD]`: adds N synthetic cases (a city's worth of
 * organisations, staff, employers, workers, claims, payouts and timeline) to the configured database,
 * the embedded one under EMBEDDED_DATA_DIR or DATABASE_URL, after applying pending migrations.
 * Run it while the service is stopped. Progress goes to stderr, the summary to stdout.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { isCalendarDate } from '../src/common/time/calendar-days';
import { shanghaiDate } from '../src/common/time/shanghai';
import { openDatabase } from '../src/database/open-database';
import { dataSourceOptions } from '../src/database/typeorm-options';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import { loadPersonalDataKey } from '../src/personal-data/personal-data-key';
import { SeedProgress, seedDatabase } from '../tools/seed/seed-database';

const USAGE = `Usage: npm run seed -- --cases N [--seed S] [--today YYYY-MM-DD]
  --cases  how many cases to add (required)
  --seed   seed of the pseudo-random generator (default 1)
  --today  the last intake day, Asia/Shanghai (default: today)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string', default: shanghaiDate(new Date()) },
      help: { type: 'boolean', default: false },
    },
  });
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  if (values.help || !values.cases || !Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed) || !isCalendarDate(values.today)) {
    console.error(USAGE);
    process.exit(2);
  }

  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error' });
  // The service's own key: sealed id numbers must open in the service. A server without one stops here.
  const personalDataKey = loadPersonalDataKey(config);
  const cipher = new PersonalDataCipher(personalDataKey);
  const database = await openDatabase(config);
  // No query logging: a failed bulk statement would print megabytes of parameters.
  const dataSource = new DataSource({ ...dataSourceOptions(database), logging: false });
  const started = Date.now();
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) console.error(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    const runner = dataSource.createQueryRunner();
    try {
      const summary = await seedDatabase(runner, {
        cases, seed, today: values.today, cipher, personalDataKey, onProgress: progressPrinter(),
      });
      const rows = Object.values(summary.inserted).reduce((a, b) => a + b, 0);
      const seconds = (Date.now() - started) / 1000;
      console.log(`Seeded ${cases} cases into ${database.embedded ? 'the embedded database' : 'the PostgreSQL server'} in ${seconds.toFixed(1)} s ` +
        `(${rows} rows, ${Math.round(rows / seconds)} rows/s; seed ${seed}, today ${values.today}).`);
      for (const [table, count] of Object.entries(summary.inserted).sort(([a], [b]) => a.localeCompare(b))) {
        console.log(`  ${table.padEnd(22)} ${String(count).padStart(10)}`);
      }
      console.log(
        summary.caseFacts === null
          ? '  case_facts             (no rebuild_case_facts() in this database)'
          : `  case_facts             ${String(summary.caseFacts).padStart(10)} (rebuilt)`,
      );
    } finally {
      await runner.release();
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

/** At most one line a second: phase, done/total, rows written and their rate, time left in the phase. */
function progressPrinter(): (progress: SeedProgress) => void {
  const started = Date.now();
  let phase = '';
  let phaseStarted = started;
  let phaseDoneAtStart = 0;
  let lastPrinted = 0;
  return ({ phase: current, done, total, rows }) => {
    const now = Date.now();
    if (current !== phase) {
      phase = current;
      phaseStarted = now;
      phaseDoneAtStart = done;
    }
    const finished = done >= total;
    if (now - lastPrinted < 1000 && !(finished && current === 'cases')) return;
    lastPrinted = now;
    const elapsed = (now - started) / 1000;
    const inPhase = (now - phaseStarted) / 1000;
    const rate = elapsed > 0 ? Math.round(rows / elapsed) : 0;
    const progressed = done - phaseDoneAtStart;
    const eta = progressed > 0 && !finished ? ` ETA ${formatSeconds((inPhase / progressed) * (total - done))}` : '';
    console.error(
      `[${formatSeconds(elapsed)}] ${current.padEnd(13)} ${String(done).padStart(9)}/${total} (${((done / total) * 100).toFixed(1)}%)` +
        `  ${rows} rows, ${rate} rows/s${eta}`,
    );
  };
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
