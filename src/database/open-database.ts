import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { types } from 'pg';
import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabaseOptions, EmbeddedDatabaseStarted, embeddedDatabaseThread } from './embedded-database-thread';

// A SQL `date` is a calendar day in Asia/Shanghai, not an instant: keep it as the 'YYYY-MM-DD' text
// instead of letting pg turn it into a JavaScript Date at UTC midnight (which shifts it by a day).
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value) => value);

const EMBEDDED_SHARED_BUFFERS = '16MB';

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
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  // PostgreSQL's buffer cache lives in the service's own memory here (PGlite's default is 128 MB): 16 MB
  // keeps the service with its database under 500 MB while it takes the largest roster (test/faults),
  // and the operating system still caches the data files.
  const startParams = ['-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`];
  try {
    if (!inMemory && !existsSync(resolve(dataDir, 'PG_VERSION'))) createClusterApart(dataDir, startParams);
    const thread = await startEmbeddedThread({ dataDir, startParams });
    return {
      url: `postgres://postgres@${thread.address}/postgres`,
      poolSize: 1,
      embedded: true,
      close: async () => {
        await thread.stop();
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
 * every query would stop the service from parsing, validating and answering meanwhile. In a thread of
 * its own (embedded-database-thread.ts) the database works on the machine's other core, and it starts
 * while the service's modules load. Its socket server is reached through loopback as before.
 */
async function startEmbeddedThread(database: Omit<EmbeddedDatabaseOptions, 'modules'>): Promise<{ address: string; stop(): Promise<void> }> {
  const resolveModule = createRequire(__filename).resolve;
  const options: EmbeddedDatabaseOptions = {
    ...database,
    modules: {
      pglite: resolveModule('@electric-sql/pglite'),
      socketServer: resolveModule('@electric-sql/pglite-socket'),
      pgTrgm: resolveModule('@electric-sql/pglite/contrib/pg_trgm'),
    },
  };
  // A thread's young generation is 16 MB or more by default; the socket server's short-lived buffers of a
  // large roster then held some 40 MB more at the peak (test/faults/largest-upload), 4 MB about 20.
  const resourceLimits = { maxYoungGenerationSizeMb: 4 };
  const thread = new Worker(`(${embeddedDatabaseThread.toString()})()`, { eval: true, workerData: options, resourceLimits });
  const exited = new Promise<number>((done) => thread.once('exit', done));
  let threadError: Error | null = null;
  thread.on('error', (error) => (threadError = error));
  const started = await new Promise<EmbeddedDatabaseStarted>((done, failed) => {
    thread.once('message', done);
    thread.once('error', failed);
    void exited.then((code) => failed(new Error(`The embedded database's thread ended (exit ${code}) before it started`)));
  });
  if (!started.started) {
    await thread.terminate();
    throw new Error(`The embedded database did not start: ${started.error}`);
  }
  let stopping = false;
  // A database gone from under the service leaves it answering 503 to everything: better to end, so that
  // whatever runs the service starts it again (PGlite keeps what committed).
  void exited.then((code) => {
    if (stopping) return;
    console.error(`The embedded database's thread ended unexpectedly (exit ${code}): stopping the service`, threadError ?? '');
    process.exit(1);
  });
  return {
    address: started.address,
    stop: async () => {
      stopping = true;
      thread.postMessage('stop');
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
 * the service is up, would corrupt them. A lock file with the owner's pid keeps them apart; a lock
 * left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner}. Stop that service first, ` +
          'or set DATABASE_URL to use a PostgreSQL server, which any number of processes can share.',
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
