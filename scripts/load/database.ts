import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Client as PgClient, Pool } from 'pg';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]', ''];

/** Refuses a database anywhere but on this machine: the load never leaves it. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.includes(host)) throw new Error(`LOAD_DATABASE_URL must point at this machine (127.0.0.1, localhost or ::1), not ${host}`);
}

/**
 * Drops and creates the load's database, so every run starts empty, and turns on the logging of lock
 * waits for its sessions (the service's connections are opened after this).
 */
export async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const quoted = `"${name.replace(/"/g, '""')}"`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new PgClient({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
    await client.query(`ALTER DATABASE ${quoted} SET log_lock_waits = on`);
  } finally {
    await client.end();
  }
}

export interface LockWatch {
  /** Samples taken, and how many found a session of the load's database waiting for a lock. */
  samples: number;
  samplesWithWaits: number;
  mostWaitingAtOnce: number;
  /** Distinct waits seen (a session's wait for one statement counts once). */
  waitsSeen: number;
  /** Waits seen lasting at least deadlock_timeout, which log_lock_waits would have logged. */
  longWaitsSeen: number;
  stop(): Promise<void>;
}

/**
 * Watches pg_locks every 100 ms for the load database's sessions waiting on a lock (PostgreSQL 14+:
 * `waitstart` tells one wait from the next, and how long it has lasted). The waits log_lock_waits
 * writes to the server's log are those lasting deadlock_timeout, counted here too.
 */
export async function watchLockWaits(pool: Pool, database: string): Promise<LockWatch> {
  const { rows: [{ timeout }] } = await pool.query(`SELECT EXTRACT(epoch FROM current_setting('deadlock_timeout')::interval) * 1000 AS timeout`);
  // each wait by its session and the moment it began (pg_locks.waitstart), with the longest it was seen lasting
  const seen = new Map<string, number>();
  let running = true;
  const watch: LockWatch = {
    samples: 0,
    samplesWithWaits: 0,
    mostWaitingAtOnce: 0,
    waitsSeen: 0,
    longWaitsSeen: 0,
    stop: async () => {
      running = false;
      await loop;
      watch.waitsSeen = seen.size;
      watch.longWaitsSeen = [...seen.values()].filter((waited) => waited >= Number(timeout)).length;
    },
  };
  const loop = (async () => {
    while (running) {
      const { rows } = await pool.query(
        `SELECT l.pid, l.waitstart::text AS started, EXTRACT(epoch FROM clock_timestamp() - l.waitstart) * 1000 AS waited
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE NOT l.granted AND a.datname = $1 AND l.waitstart IS NOT NULL`,
        [database],
      );
      watch.samples++;
      if (rows.length) watch.samplesWithWaits++;
      watch.mostWaitingAtOnce = Math.max(watch.mostWaitingAtOnce, rows.length);
      for (const row of rows) {
        const key = `${row.pid}@${row.started}`;
        seen.set(key, Math.max(seen.get(key) ?? 0, Number(row.waited)));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return watch;
}

export async function deadlocks(pool: Pool, database: string): Promise<number> {
  const { rows: [row] } = await pool.query(`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = $1`, [database]);
  return row.n;
}

export interface LedgerCheck {
  cases: number;
  casesWithPayouts: number;
  payouts: number;
  ledgerFen: bigint;
  /** Cases whose payouts do not add up to case_facts.paid_fen. */
  casesOff: { case_id: string; ledger: string; facts: string }[];
  /** Claims paid more than confirmed, or paid while unconfirmed. */
  overpaid: { claim_id: string; paid: string; confirmed: string | null }[];
}

/** At the end: for every case, the payouts add up to its paid total in case_facts, and no worker got more than confirmed. */
export async function checkLedger(pool: Pool): Promise<LedgerCheck> {
  const { rows: [totals] } = await pool.query(
    `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(DISTINCT case_id) FROM payouts)::int AS cases_with_payouts,
            (SELECT count(*) FROM payouts)::int AS payouts, (SELECT COALESCE(SUM(amount_fen), 0) FROM payouts)::text AS ledger_fen`,
  );
  const { rows: casesOff } = await pool.query(
    `SELECT c.id AS case_id, COALESCE(p.paid, 0)::text AS ledger, f.paid_fen::text AS facts
       FROM cases c
       LEFT JOIN case_facts f ON f.case_id = c.id
       LEFT JOIN (SELECT case_id, SUM(amount_fen) AS paid FROM payouts GROUP BY case_id) p ON p.case_id = c.id
      WHERE f.paid_fen IS DISTINCT FROM COALESCE(p.paid, 0)`,
  );
  const { rows: overpaid } = await pool.query(
    `SELECT cl.id AS claim_id, SUM(p.amount_fen)::text AS paid, cl.confirmed_fen::text AS confirmed
       FROM claims cl JOIN payouts p ON p.claim_id = cl.id
      GROUP BY cl.id, cl.confirmed_fen
     HAVING cl.confirmed_fen IS NULL OR SUM(p.amount_fen) > cl.confirmed_fen`,
  );
  return {
    cases: totals.cases,
    casesWithPayouts: totals.cases_with_payouts,
    payouts: totals.payouts,
    ledgerFen: BigInt(totals.ledger_fen),
    casesOff,
    overpaid,
  };
}

export interface ServerLog {
  /** The log file read, or why none was. */
  source: string;
  /** Counts of the load database's lines appended during the run, or null when the log could not be read. */
  count(): { lockWaits: number; deadlocks: number } | null;
}

/**
 * The server's log from here on, when this machine can read it: LOAD_SERVER_LOG, else Debian's
 * /var/log/postgresql/postgresql-<major>-main.log. Lines are the load database's when the server's
 * log_line_prefix names the database (%d); log_lock_waits writes "still waiting for" once a wait passes
 * deadlock_timeout, and the deadlock detector "deadlock detected".
 */
export async function followServerLog(pool: Pool, database: string): Promise<ServerLog> {
  const { rows: [settings] } = await pool.query(
    `SELECT current_setting('server_version_num')::int / 10000 AS major, current_setting('log_line_prefix') AS prefix`,
  );
  const file = process.env.LOAD_SERVER_LOG ?? `/var/log/postgresql/postgresql-${settings.major}-main.log`;
  const unreadable = (why: string): ServerLog => ({ source: why, count: () => null });
  if (!String(settings.prefix).includes('%d')) return unreadable(`the server's log_line_prefix does not name the database`);
  let start: number;
  try {
    start = statSync(file).size;
    readSlice(file, start);
  } catch {
    return unreadable(`${file} cannot be read here (set LOAD_SERVER_LOG)`);
  }
  return {
    source: file,
    count: () => {
      const lines = readSlice(file, start).split('\n').filter((line) => line.includes(`@${database} `));
      return {
        lockWaits: lines.filter((line) => line.includes('still waiting for')).length,
        deadlocks: lines.filter((line) => line.includes('deadlock detected')).length,
      };
    },
  };
}

function readSlice(file: string, from: number): string {
  const descriptor = openSync(file, 'r');
  try {
    const length = Math.max(0, fstatSync(descriptor).size - from);
    const buffer = Buffer.alloc(length);
    readSync(descriptor, buffer, 0, length, from);
    return buffer.toString('utf8');
  } finally {
    closeSync(descriptor);
  }
}
