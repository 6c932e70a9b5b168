import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { types } from 'pg';
import type { AppConfig } from '../config/app-config';

// A SQL `date` is a calendar day in Asia/Shanghai, not an instant: keep it as the 'YYYY-MM-DD' text
// instead of letting pg turn it into a JavaScript Date at UTC midnight (which shifts it by a day).
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value) => value);

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
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const inMemory = config.embeddedDataDir.startsWith('memory://');
  const dataDir = inMemory ? config.embeddedDataDir : resolve(config.embeddedDataDir);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  const db = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    poolSize: 1,
    embedded: true,
    close: async () => {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
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
