import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { BUSINESS_TIME_ZONE } from '../common/time/shanghai';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isDatabaseUnavailable } from '../database/database-errors';
import { databaseOutages } from '../database/outage-log';
import { ReportsRepository } from './reports.repository';

/**
 * Folds the rollup changes that writers append (migrations/1765000000000-AddReportRollups.ts) into
 * the monthly rollups, so reports add up a few rows per month instead of every change since. Reports
 * are exact whether or not this has run; it only keeps them fast. Safe on every instance: the
 * database lets one compaction run at a time and the others return at once.
 */
@Injectable()
export class RollupCompaction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reports');
  private running: Promise<void> | null = null;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly repository: ReportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.reportRollupCron) return;
    const job = CronJob.from({
      cronTime: this.config.reportRollupCron,
      timeZone: BUSINESS_TIME_ZONE,
      onTick: () => void this.runOnce(),
      start: true,
      // a run that takes longer than the interval is not started twice
      waitForCompletion: true,
    });
    this.registry.addCronJob('report-rollups', job);
  }

  /** Folds every change committed so far; returns the rollup rows written. */
  async compact(): Promise<number> {
    return this.repository.compactRollups();
  }

  /** On SIGTERM: no new fold starts, and one in hand (a few rows, one transaction) commits before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('cron', 'report-rollups')) void this.registry.getCronJob('report-rollups').stop();
    await this.running;
  }

  async runOnce(): Promise<void> {
    this.running = this.fold().finally(() => (this.running = null));
    await this.running;
  }

  private async fold(): Promise<void> {
    try {
      await this.compact();
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // the next tick folds what this one could not; nothing is lost, reports stay exact meanwhile
        databaseOutages.report(`Folding the report rollups not done, the database did not answer (${(error as Error).message})`, Date.now());
      } else {
        this.logger.error(`Folding the report rollups failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
}
