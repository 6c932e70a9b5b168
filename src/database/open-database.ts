import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { types } from 'pg';
import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabaseOptions, EmbeddedDatabaseStarted, embeddedDatabaseProcess } from './embedded-database-process';

// A SQL `date` is a calendar day in Asia/Shanghai, not an instant: keep it as the 'YYYY-MM-DD' text
// instead of letting pg turn it into a JavaScript Date at UTC midnight (which shifts it by a day).
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value) => value);

/**
 * The buffer cache at most: PGlite's default and a server's. The embedded database runs in a process of
 * its own, so its cache is not the service's memory. With 16 MB a search at a million cases read its rows
 * through the file layer again on every request (a worker's name: 236 ms against 69 ms; issue 17).
 */
const EMBEDDED_SHARED_BUFFERS_MAX_MB = 128;
/** The cache's step and least size. */
const EMBEDDED_SHARED_BUFFERS_STEP_MB = 16;
/**
 * The write-ahead log a checkpoint leaves for reuse at most (PostgreSQL's default is 1 GB): the embedded
 * database has no checkpointer, and the service makes a checkpoint every few minutes
 * (embedded-checkpoints.ts), so the log on disk stays about this size whatever the data's.
 */
const EMBEDDED_MAX_WAL_SIZE = '256MB';
/** How long a new service waits for the processes of one that has just ended to let go of the files. */
const LOCK_WAIT_MS = 5_000;

const MB = 1024 * 1024;

/**
 * The embedded database's buffer cache for tables and indexes of `databaseBytes`: as large as they are,
 * in steps of 16 MB, from 16 MB to 128 MB. PGlite clears its whole cache as it starts, in WebAssembly
 * code not optimised yet: its process took 1.06-1.10 s to start with 128 MB and 0.70-0.88 s with the
 * 32 MB a new installation's 22 MB of files get (issue 17), and a cache larger than the database is
 * never filled. Sized at each start, so a database that has grown gets its larger cache from the next.
 */
export function embeddedSharedBuffers(databaseBytes: number): string {
  const steps = Math.max(1, Math.ceil(databaseBytes / (EMBEDDED_SHARED_BUFFERS_STEP_MB * MB)));
  return `${Math.min(EMBEDDED_SHARED_BUFFERS_MAX_MB, steps * EMBEDDED_SHARED_BUFFERS_STEP_MB)}MB`;
}

/** The bytes of the files under `directory`, counted until they reach `enough` (a million cases' are thousands of files). */
function filesBytes(directory: string, enough: number): number {
  let bytes = 0;
  const directories = [directory];
  while (directories.length > 0 && bytes < enough) {
    for (const entry of readdirSync(directories.pop()!, { withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isDirectory()) directories.push(path);
      else if (entry.isFile()) bytes += statSync(path).size;
      if (bytes >= enough) break;
    }
  }
  return bytes;
}

/** Where the service's database is, and how to let go of it. */
export interface DatabaseHandle {
  url: string;
  poolSize: number;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * With DATABASE_URL: that server. Without: an embedded PostgreSQL (PGlite) with its data under
 * EMBEDDED_DATA_DIR, served on a loopback port so the ordinary `pg` driver and TypeORM talk to it
 * exactly as to a real server. PGlite is a single backend session, so the pool is one connection:
 * requests queue for it instead of interleaving their transactions.
 */
export async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, poolSize: config.databasePoolSize, embedded: false, close: async () => {} };
  }
  const inMemory = config.embeddedDataDir.startsWith('memory://');
  const dataDir = inMemory ? config.embeddedDataDir : resolve(config.embeddedDataDir);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const lock = inMemory ? null : await lockDataDir(dataDir);
  const releaseLock = () => lock?.release();
  // PostgreSQL's buffer cache is in PGlite's WebAssembly memory, which never shrinks: with the whole
  // 128 MB the database's process takes about 390 MB through the largest roster (test/faults/largest-upload).
  const startParams = (sharedBuffers: string) => ['-c', `shared_buffers=${sharedBuffers}`, '-c', `max_wal_size=${EMBEDDED_MAX_WAL_SIZE}`];
  try {
    if (!inMemory && !existsSync(resolve(dataDir, 'PG_VERSION'))) createClusterApart(dataDir, startParams(embeddedSharedBuffers(0)));
    const sharedBuffers = embeddedSharedBuffers(inMemory ? 0 : filesBytes(resolve(dataDir, 'base'), EMBEDDED_SHARED_BUFFERS_MAX_MB * MB));
    const database = await startEmbeddedProcess({ dataDir, startParams: startParams(sharedBuffers) });
    lock?.shareWith(database.pid);
    return {
      url: `postgres://postgres@${database.address}/postgres`,
      poolSize: 1,
      embedded: true,
      close: async () => {
        await database.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite runs PostgreSQL inside WebAssembly on the thread that calls it, so in the service's own thread
 * every query would stop the service from parsing, validating and answering meanwhile. In a process of
 * its own (embedded-database-process.ts) the database works on the machine's other core, it starts
 * while the service's modules load, and its memory (a WebAssembly memory of its buffer cache and more, which never
 * shrinks) is its own, as a server's is: the service's stays what it is on a server. Its socket server
 * is reached through loopback as a server's would be.
 */
async function startEmbeddedProcess(database: Omit<EmbeddedDatabaseOptions, 'modules'>): Promise<{ address: string; pid: number; stop(): Promise<void> }> {
  const resolveModule = createRequire(__filename).resolve;
  const options: EmbeddedDatabaseOptions = {
    ...database,
    modules: {
      pglite: resolveModule('@electric-sql/pglite'),
      socketServer: resolveModule('@electric-sql/pglite-socket'),
      pgTrgm: resolveModule('@electric-sql/pglite/contrib/pg_trgm'),
    },
  };
  // Small semi-spaces (a young generation of 3 MB): in the thread this process replaced, the default 16 MB or
  // more held some 40 MB more at the peak of the largest roster (test/faults/largest-upload), in the socket
  // server's short-lived buffers, and 4 MB about 20.
  const child = spawn(process.execPath, ['--max-semi-space-size=1', '-e', `(${embeddedDatabaseProcess.toString()})()`, JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')));
  const started = await new Promise<EmbeddedDatabaseStarted>((done, failed) => {
    child.once('message', (message) => done(message as EmbeddedDatabaseStarted));
    child.once('error', failed);
    void exited.then((code) => failed(new Error(`The embedded database's process ended (exit ${code}) before it started`)));
  });
  if (!started.started) {
    child.kill('SIGKILL');
    throw new Error(`The embedded database did not start: ${started.error}`);
  }
  let stopping = false;
  // A database gone from under the service leaves it answering 503 to everything: better to end, so that
  // whatever runs the service starts it again (PGlite keeps what committed).
  void exited.then((code) => {
    if (stopping) return;
    console.error(`The embedded database's process ended unexpectedly (exit ${code}): stopping the service`);
    process.exit(1);
  });
  return {
    address: started.address,
    pid: child.pid!,
    stop: async () => {
      stopping = true;
      if (child.connected) child.send('stop');
      await exited;
    },
  };
}

/**
 * The first start creates the embedded cluster (PGlite's initdb) in a process of its own: it grows
 * PGlite's memory to about 850 MB, which a WebAssembly memory never gives back, and the service would
 * carry that for as long as it runs. Opened afresh, the cluster takes about 400 MB with the service.
 */
function createClusterApart(dataDir: string, startParams: string[]): void {
  const pglite = createRequire(__filename).resolve('@electric-sql/pglite');
  const script =
    'const { PGlite } = require(process.argv[1]); ' +
    'PGlite.create({ dataDir: process.argv[2], startParams: [...PGlite.defaultStartParams, ...JSON.parse(process.argv[3])] }).then((db) => db.close());';
  const created = spawnSync(process.execPath, ['-e', script, pglite, dataDir, JSON.stringify(startParams)], { stdio: 'inherit' });
  if (created.status !== 0) throw new Error(`Creating the embedded database in ${dataDir} failed (exit ${created.status ?? created.signal})`);
}

/**
 * PGlite's files must have one process at a time: a second service, or the set-up command run while
 * the service is up, would corrupt them. A lock file with the owners' pids (the service's, then its
 * database process's) keeps them apart. A service killed outright leaves its database process closing
 * the files for a moment after: that is waited for, a few seconds at most. A lock left by processes that
 * all died is taken over.
 */
async function lockDataDir(dataDir: string): Promise<{ shareWith(pid: number): void; release(): void }> {
  const lockFile = `${dataDir}.lock`;
  // the lock's owners still running; null when there is no lock (released since)
  const ownersRunning = (): number[] | null => {
    try {
      return readFileSync(lockFile, 'utf8')
        .split(/\s+/)
        .map(Number)
        .filter((pid) => pid && pid !== process.pid && isRunning(pid));
    } catch {
      return null;
    }
  };
  for (let waited = 0; ; waited += 100) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      // locked (by processes still running, or left by processes that died), or not ours to write
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owners = ownersRunning();
    if (owners?.length === 0) {
      writeFileSync(lockFile, String(process.pid));
      break;
    }
    if (waited >= LOCK_WAIT_MS) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owners?.join(' and ') ?? '(unknown)'}. Stop that service first, ` +
          'or set DATABASE_URL to use a PostgreSQL server, which any number of processes can share.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    shareWith: (pid) => writeFileSync(lockFile, `${process.pid} ${pid}`),
    release: () => rmSync(lockFile, { force: true }),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
