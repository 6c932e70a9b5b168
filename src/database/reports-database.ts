import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppError } from '../common/errors/app-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueryLogger } from './query-logger';
import { serverSessionOptions, servicePoolOptions } from './typeorm-options';

/**
 * Where reports read: a read replica when REPORTS_DATABASE_URL names one, so leaders' figures and
 * large exports never compete with intake on the primary; the service's own database otherwise.
 * Reports only read, so replication lag (normally well under a second) is the only difference.
 */
@Injectable()
export class ReportsDatabase implements OnModuleInit, OnApplicationShutdown {
  private replica: DataSource | null = null;

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.reportsDatabaseUrl) return;
    const { url, options } = replicaConnection(this.config.reportsDatabaseUrl);
    this.replica = await new DataSource({
      type: 'postgres',
      url,
      // a replica is always a server: the primary's time limits, so a frozen replica answers a quick 503
      extra: { ...servicePoolOptions(false, this.config.databasePoolSize), options },
      logging: ['error', 'warn'],
      logger: new QueryLogger(),
    }).initialize();
  }

  // after the HTTP server has closed (not before, as onModuleDestroy would): a report in flight at SIGTERM finishes
  async onApplicationShutdown(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  private get source(): DataSource {
    return this.replica ?? this.primary;
  }

  query<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return this.source.query(sql, params);
  }

  /**
   * Two reads at once, each on a connection of its own, from one snapshot of the data: what they answer
   * adds up as one statement's would (a payment committed while they start counts in both or in
   * neither). On a server they take the time of the slower (the festival as of its eve: 79 -> 57 ms on
   * the bench city). The embedded database, one connection, reads them one after the other, as does a
   * server whose pool has no connection free at that moment: a request that waited for a second
   * connection while holding one could, with others doing the same, leave the pool with none to give.
   */
  async readTogether<First, Second>(first: Statement, second: Statement): Promise<[First[], Second[]]> {
    const pool = (this.source.driver as PostgresDriver).master as Pool;
    const one = await pool.connect();
    const free = this.poolSize() > 1 && pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < this.poolSize());
    const connecting = free ? pool.connect() : null; // in the same tick as the count, so no one takes it first
    const clients: PoolClient[] = [one];
    let broken: unknown;
    try {
      if (connecting) clients.push(await connecting);
      await Promise.all(clients.map((client) => client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')));
      if (clients.length === 1) {
        // one connection for both, in one transaction: one snapshot
        return [(await one.query(first.sql, first.params)).rows, (await one.query(second.sql, second.params)).rows];
      }
      const [, two] = clients;
      const [{ snapshot }] = (await one.query<{ snapshot: string }>(`SELECT pg_export_snapshot() AS snapshot`)).rows;
      // the snapshot's name comes from the server (e.g. 00000003-0000001B-1), and SET takes no parameter
      await two.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/[^0-9A-F-]/g, '')}'`);
      const [firstRows, secondRows] = await Promise.all([one.query(first.sql, first.params), two.query(second.sql, second.params)]);
      return [firstRows.rows, secondRows.rows];
    } finally {
      // read only: a rollback changes nothing, and the connections go back to the pool out of their
      // transaction (one that cannot even roll back is closed rather than reused)
      await Promise.all(clients.map((client) => client.query('ROLLBACK').catch((error: unknown) => (broken = error))));
      clients.forEach((client) => client.release(broken instanceof Error ? broken : undefined));
    }
  }

  private poolSize(): number {
    return Number((this.source.options.extra as { max?: number } | undefined)?.max ?? 1);
  }

  /** Exports running now; each holds a connection for as long as its client takes to download. */
  private streaming = 0;

  /**
   * The rows of a query one by one through a server-side cursor (pg-query-stream), for exports of any
   * size in bounded memory. The connection returns to the pool when the rows end or the consumer stops.
   * At most half the pool streams at once (one on the embedded database), so slow downloads cannot
   * take every connection from intake: one more is refused at once with EXPORTS_BUSY.
   */
  stream<Row>(sql: string, params: unknown[]): AsyncGenerator<Row> {
    if (this.streaming >= Math.max(1, Math.floor(this.poolSize() / 2))) {
      throw new AppError('EXPORTS_BUSY', { seconds: 30 });
    }
    this.streaming++;
    return this.rows<Row>(sql, params);
  }

  private async *rows<Row>(sql: string, params: unknown[]): AsyncGenerator<Row> {
    const runner = this.source.createQueryRunner();
    let rows: NodeJS.ReadableStream & { destroy(): void } | undefined;
    try {
      rows = (await runner.stream(sql, params)) as NodeJS.ReadableStream & { destroy(): void };
      for await (const row of rows) yield row as Row;
    } finally {
      // A consumer that stops early (the client went away) closes the cursor before the connection is reused.
      rows?.destroy();
      await runner.release();
      this.streaming--;
    }
  }
}

/**
 * The replica's URL without its `options`, and those options with the primary's session options (JIT
 * off, work_mem). The `options` of a URL replace the pool's own rather than adding to them (pg reads the
 * URL last), so a replica URL with `?options=-c default_transaction_read_only=on` lost JIT off.
 */
function replicaConnection(replicaUrl: string): { url: string; options: string } {
  const url = new URL(replicaUrl);
  const own = url.searchParams.get('options');
  url.searchParams.delete('options');
  return { url: url.toString(), options: [own, serverSessionOptions(false).options].filter(Boolean).join(' ') };
}

/** A statement and its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}
