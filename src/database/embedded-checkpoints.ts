import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isDatabaseUnavailable } from './database-errors';
import { databaseOutages } from './outage-log';

/** As often as a server's checkpointer makes one by default (checkpoint_timeout). */
const EMBEDDED_CHECKPOINT_INTERVAL_MS = 5 * 60_000;

/**
 * Checkpoints of the embedded database. PGlite is PostgreSQL as a single backend, without a server's
 * background processes: with no checkpointer there is no checkpoint until the database closes, and its
 * write-ahead log keeps every change for as long as the service runs (the bench's seed of a million
 * cases left 21 GB of it before the disk filled). A checkpoint every few minutes lets PostgreSQL recycle
 * the log down to max_wal_size (open-database.ts). Through the service's own connection, as any query:
 * PGlite is one session, and a statement slipped in from its process could land inside a request's
 * transaction. On a server, its checkpointer does this, and so nothing here runs.
 */
@Injectable()
export class EmbeddedCheckpoints implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Database');
  private running: Promise<void> | null = null;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.databaseUrl !== null) return;
    this.registry.addInterval('embedded-checkpoint', setInterval(() => void this.runOnce(), EMBEDDED_CHECKPOINT_INTERVAL_MS));
  }

  /** On SIGTERM: none starts after, and one in hand ends before the database closes (which makes its own). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', 'embedded-checkpoint')) this.registry.deleteInterval('embedded-checkpoint');
    await this.running;
  }

  async runOnce(): Promise<void> {
    this.running ??= this.checkpoint().finally(() => (this.running = null));
    await this.running;
  }

  private async checkpoint(): Promise<void> {
    try {
      await this.dataSource.query(`CHECKPOINT`);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        databaseOutages.report(`Checkpoint of the embedded database not made, it did not answer (${(error as Error).message})`, Date.now());
      } else {
        this.logger.error(`Checkpoint of the embedded database failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
}
