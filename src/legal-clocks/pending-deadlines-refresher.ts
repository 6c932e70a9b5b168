import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Clock } from '../common/time/clock';
import { BUSINESS_TIME_ZONE, shanghaiDate } from '../common/time/shanghai';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isDatabaseUnavailable } from '../database/database-errors';
import { databaseOutages } from '../database/outage-log';
import { LegalClocksService } from './legal-clocks.service';

/**
 * Keeps the stored running deadlines caught up with the writes, in the background, so that what is
 * due and the morning sweep seldom have more than a few cases to compute first; and at start-up,
 * computes every open case after the migration that added them (or a restore, or the seed). Readers
 * are exact whether or not this has run: each brings the store up to date for its day before reading.
 */
@Injectable()
export class PendingDeadlinesRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LegalClocks');
  private running: Promise<void> | null = null;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly clocks: LegalClocksService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.deadlinesRefreshCron) return;
    const job = CronJob.from({
      cronTime: this.config.deadlinesRefreshCron,
      timeZone: BUSINESS_TIME_ZONE,
      onTick: () => void this.runOnce(),
      start: true,
      // a refresh that takes longer than the interval (the first, after the migration) is not started twice
      waitForCompletion: true,
      runOnInit: true,
    });
    this.registry.addCronJob('deadlines-refresh', job);
  }

  /** On SIGTERM: no new refresh starts; one in hand commits a batch at a time, so stopping loses nothing. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', 'deadlines-refresh')) void this.registry.getCronJob('deadlines-refresh').stop();
    await this.running;
  }

  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = this.refresh().finally(() => (this.running = null));
    await this.running;
  }

  private async refresh(): Promise<void> {
    const started = Date.now();
    try {
      const computed = await this.clocks.refreshPending(shanghaiDate(this.clock.now()));
      if (computed >= 1_000) this.logger.log(`Running deadlines of ${computed} cases computed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        databaseOutages.report(`Running deadlines not brought up to date, the database did not answer (${(error as Error).message})`, Date.now());
      } else {
        this.logger.error(`Bringing the running deadlines up to date failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
}
