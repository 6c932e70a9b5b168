/**
 * How long the service takes to answer on the embedded database (issue 17): `npm start` on an
 * unchanged checkout, as a newcomer types it, and the built service alone (`node dist/src/main.js`), as
 * a deployment's supervisor restarts it. Each start is timed from the command to the first /health
 * answering 200, polled every 20 ms; the data directory already exists (the first start, which creates
 * the embedded cluster, is timed apart). The resident memory of the service and of its embedded
 * database's process is read once /health answers.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, percentile, table } from './measure';
import { isEmbeddedDatabase, memoryOf } from './service-process';

const ROOT = join(__dirname, '..', '..');
const PORT = 3961;

export async function benchStart(runs: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wages-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    EMBEDDED_DATA_DIR: join(dir, 'pglite'),
    PII_KEY_FILE: join(dir, 'pii.key'),
    ADMIN_PASSWORD: 'Bench-start-Shunyi-2027',
    LOG_LEVEL: 'warn',
  };
  // the embedded database, as `npm start` runs on a fresh clone
  delete env.DATABASE_URL;
  try {
    const first = await timeStart(['node', ['dist/src/main.js']], env);
    const mb = (value: number) => `${value.toFixed(0)} MB`;
    const rows: (string | number)[][] = [['the built service, first start (creates the embedded database)', 1, ms(first.ms), ms(first.ms), mb(first.rssMb), mb(first.databaseRssMb), '—']];
    const commands: [string, [string, string[]], number][] = [
      ['`node dist/src/main.js` (the built service)', ['node', ['dist/src/main.js']], 2000],
      ['`npm start` on an unchanged checkout', ['npm', ['start', '--silent']], 3000],
    ];
    for (const [name, command, target] of commands) {
      // `npm run bench` has just rebuilt the server (nest build empties dist/, the record of what it was
      // built from with it), so the first `npm start` builds again: it is started once untimed, and the
      // checkout is unchanged for the runs timed.
      if (command[0] === 'npm') await timeStart(command, env);
      const starts = [];
      for (let run = 0; run < runs; run++) starts.push(await timeStart(command, env));
      const times = starts.map((start) => start.ms);
      const p50 = percentile(times, 0.5);
      const worst = Math.max(...times);
      rows.push([
        name,
        runs,
        ms(p50),
        ms(worst),
        mb(Math.max(...starts.map((start) => start.rssMb))),
        mb(Math.max(...starts.map((start) => start.databaseRssMb))),
        worst < target ? `yes (< ${target / 1000} s)` : `NO (< ${target / 1000} s)`,
      ]);
      console.error(`  start ${name}: median ${ms(p50)}, slowest ${ms(worst)}`);
    }
    return table(['start', 'runs', 'median to /health', 'slowest', 'service RSS then', 'its database process RSS then', 'slowest under target'], rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeStart([command, args]: [string, string[]], env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMb: number; databaseRssMb: number }> {
  const started = process.hrtime.bigint();
  // its own process group: npm does not pass a signal on to the service it started
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited (${child.exitCode}) before answering /health`);
      if (await healthy()) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms: elapsed, ...residentMemory(child) };
  } finally {
    await stopGroup(child);
  }
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/health`)).ok;
  } catch {
    return false;
  }
}

/**
 * The resident memory of the process serving (npm's child when started through npm) and of its
 * embedded database's own process.
 */
function residentMemory(child: ChildProcess): { rssMb: number; databaseRssMb: number } {
  const database = [child.pid!, ...descendants(child.pid!)].find(isEmbeddedDatabase);
  if (database === undefined) return { rssMb: 0, databaseRssMb: 0 };
  // the service is the database's parent: `npm start` runs it in scripts/start.mjs's own process
  const service = Number(readFileSync(`/proc/${database}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  return { rssMb: memoryOf(service).rssMb, databaseRssMb: memoryOf(database).rssMb };
}

function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  // the port is free once the service has closed it; npm may exit a moment before its child
  while (await healthy()) await new Promise((resolve) => setTimeout(resolve, 20));
}
