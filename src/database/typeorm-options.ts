import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { AuditContextSubscriber } from './audit-context.subscriber';
import { QueryLogger } from './query-logger';
import type { AppConfig } from '../config/app-config';
import type { DatabaseHandle } from './open-database';

/** Options shared by the service and the migration command: the schema only ever changes by migration. */
export function dataSourceOptions(database: DatabaseHandle): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    extra: { max: database.poolSize, ...serverSessionOptions(database.embedded) },
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The migrations use the built-in gen_random_uuid(); the service never needs superuser rights.
    installExtensions: false,
    logging: ['error', 'warn'],
    logger: new QueryLogger(),
  };
}

/**
 * - JIT compilation off: PostgreSQL compiles a query when its estimated cost is high, which for a report
 *   over a million cases costs half a second and never pays back on queries that run in tens of
 *   milliseconds.
 * - 32 MB of working memory per sort or grouping (the default is 4 MB): a breakdown by employer groups a
 *   hundred thousand employers, which at 4 MB spills to disk or sorts instead of hashing.
 * - No parallel workers within a statement: the service's statements are short and many users' run side
 *   by side, so the cores are better spent on them than on helpers for one. Starting a statement's
 *   helpers cost 26-33 ms each time on a CI machine (a count of 64 rows took 30 ms with one, 0.2 ms
 *   without), and the festival as of its eve took 283-334 ms with two against 62-64 ms alone
 *   (BENCHMARKS.md, "no parallel workers within a statement", 2026-12-07).
 * (The embedded database has no JIT or parallel workers and takes no startup options.)
 */
export function serverSessionOptions(embedded: boolean): { options?: string } {
  return embedded ? {} : { options: '-c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0' };
}

/**
 * The service's waits on a PostgreSQL server, each bounded (issue 16): a request no longer hangs on a
 * frozen database or holds its connection while a statement runs away; it gets a quick 503
 * (DATABASE_UNAVAILABLE, http-error.filter.ts) and the pool stays free for the others.
 * - statement_timeout 30 s, on the server: the longest statements a request or a scheduled job runs
 *   are well under it (reports under 0.3 s at p95 on a 200,000-case city, a 100,000-case export in
 *   4.4 s end to end, the sweep in batches; BENCHMARKS.md). Rebuilding case_facts is a migration:
 *   `npm run migration:run` uses dataSourceOptions, without these limits.
 * - query_timeout 35 s, in the client: the same bound when the server does not answer at all (stopped
 *   by a signal, a network partition), a little later so a live server's own cancel (57014) comes first.
 * - connectionTimeoutMillis 5 s: to open a connection, or to wait for a free one in a full pool.
 * The embedded database is one connection that requests queue for (a long roster import holds it by
 * design) and takes no startup options; it keeps waiting.
 */
export function serverTimeouts(embedded: boolean): { statement_timeout?: number; query_timeout?: number; connectionTimeoutMillis?: number } {
  return embedded ? {} : { statement_timeout: 30_000, query_timeout: 35_000, connectionTimeoutMillis: 5_000 };
}

/**
 * The pool of connections the service's requests and jobs run on: its own database's, and the reports
 * replica's (reports-database.ts), so that both wait on a server no longer than the limits above.
 */
export function servicePoolOptions(embedded: boolean, poolSize: number): Record<string, unknown> {
  return { max: poolSize, ...serverSessionOptions(embedded), ...serverTimeouts(embedded), ...CONNECTIONS_KEPT };
}

/**
 * A connection, once opened, stays open however long the service is idle (at most the pool's size of
 * them; README, "Reports for leaders, and running at city scale"). pg closes an idle connection after
 * 10 s and opens another for the next query, and that is most requests: a leader opens a report, reads
 * it, and opens the next a minute later.
 * - On a server, a new connection is a new backend process with empty catalog caches: the breakdown by
 *   lawyer's two statements took 79 and 31 ms on one, 34 and 20 ms on a connection in use, and opening
 *   it 17 ms more (BENCHMARKS.md, "a connection kept open").
 * - The embedded database's socket server takes one connection at a time and forgets a closed one a
 *   tick after it closed, so a query arriving in that tick would be refused ("Connection terminated
 *   unexpectedly", a 503). CI met that error once, on a busy machine, right after a roster refusal
 *   that ran no query for over 10 s.
 * A connection the server ends while idle (a restart) errs in the pool, which drops it and opens another.
 */
const CONNECTIONS_KEPT = { idleTimeoutMillis: 0 };

export function typeOrmModuleOptions(config: AppConfig, database: DatabaseHandle): TypeOrmModuleOptions {
  return {
    ...dataSourceOptions(database),
    extra: servicePoolOptions(database.embedded, database.poolSize),
    subscribers: [AuditContextSubscriber],
    // on a server, run before this pool opens on a connection without its timeouts (runMigrationsOnStart);
    // the embedded database has no timeouts, and takes one connection at a time
    migrationsRun: config.runMigrationsOnStart && database.embedded,
    // Fail fast: a database that is not there at start-up is a configuration problem, not a blip.
    retryAttempts: 2,
    retryDelay: 1000,
  };
}

/**
 * The pending migrations, at start-up on a server, on a connection of their own without the service's
 * timeouts: a migration that rebuilds the report tables of a city runs for minutes (512 s at a million
 * cases), and under the 30 s statement timeout the service would never start. (The embedded database
 * runs them in the service's own pool: typeOrmModuleOptions.)
 */
export async function runMigrationsOnStart(database: DatabaseHandle): Promise<void> {
  if (database.embedded) return;
  const migrator = await new DataSource(dataSourceOptions(database)).initialize();
  try {
    await migrator.runMigrations();
  } finally {
    await migrator.destroy();
  }
}

