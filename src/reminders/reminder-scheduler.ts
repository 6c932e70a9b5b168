import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Clock } from '../common/time/clock';
import { BUSINESS_TIME_ZONE, shanghaiDate } from '../common/time/shanghai';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isDatabaseUnavailable } from '../database/database-errors';
import { databaseOutages } from '../database/outage-log';
import { DeliveryService } from './delivery.service';
import { RemindersService } from './reminders.service';

/** How long a shutdown waits for a sweep or a send in hand before closing the database under it. */
const SHUTDOWN_WAIT_MS = 20_000;
/** After a sweep the database refused, the next try: the day's reminders must not wait for tomorrow. */
const SWEEP_RETRY_MS = 60_000;

/**
 * Runs the daily sweep and the deliveries on the configured schedules, in Asia/Shanghai time. Thin on
 * purpose: the sweep is idempotent and each delivery is leased, so a missed or doubled run (a restart,
 * a second instance) does no harm.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private delivering: Promise<void> | null = null;
  private sweeping: Promise<void> | null = null;
  private sweepRetry: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly reminders: RemindersService,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reminderSweepCron) {
      const sweep = CronJob.from({
        cronTime: this.config.reminderSweepCron,
        timeZone: BUSINESS_TIME_ZONE,
        onTick: () => void this.runOnce(),
        start: true,
      });
      this.registry.addCronJob('reminder-sweep', sweep);
    }
    if (this.config.reminderDeliveryCron) {
      const deliver = CronJob.from({
        cronTime: this.config.reminderDeliveryCron,
        timeZone: BUSINESS_TIME_ZONE,
        onTick: () => void this.deliverOnce(),
        start: true,
      });
      this.registry.addCronJob('reminder-delivery', deliver);
    }
  }

  /**
   * On SIGTERM, before the HTTP server and the database close: no new run starts, a delivery run
   * finishes the send in hand and claims no more, and a sweep in hand is given a while to commit (if it
   * cannot, its transaction is rolled back and the next sweep makes the same reminders).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const name of ['reminder-sweep', 'reminder-delivery']) {
      if (this.registry.doesExist('cron', name)) void this.registry.getCronJob(name).stop();
    }
    if (this.sweepRetry) clearTimeout(this.sweepRetry);
    const inHand = [this.delivering, this.sweeping].filter((run): run is Promise<void> => run !== null);
    if (inHand.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
    await Promise.race([Promise.allSettled(inHand), waited]);
    clearTimeout(timer);
  }

  /**
   * One scheduled delivery run. Against slow endpoints a run (up to 100 sends of up to 10 s each) lasts
   * longer than the minute between ticks: the next tick is skipped while this instance's run is still
   * going, so runs never pile up. (Another instance's run may overlap; the per-delivery lease keeps
   * the two apart.)
   */
  async deliverOnce(): Promise<void> {
    if (this.stopping) return;
    if (this.delivering) {
      this.logger.warn('Delivery run skipped: the previous one is still sending');
      return;
    }
    this.delivering = this.deliver().finally(() => (this.delivering = null));
    await this.delivering;
  }

  private async deliver(): Promise<void> {
    try {
      const { delivered, failed } = await this.delivery.deliverDue(() => !this.stopping);
      if (delivered + failed > 0) this.logger.log(`Deliveries: ${delivered} delivered, ${failed} to retry`);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        databaseOutages.report(`Delivery run not done, the database did not answer (${(error as Error).message}); the next run tries again`, Date.now());
      } else {
        this.logger.error(`Delivery run failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }

  /** One scheduled sweep; like the delivery run, skipped while this instance's previous one is still going. */
  async runOnce(): Promise<void> {
    if (this.stopping) return;
    const on = shanghaiDate(this.clock.now());
    if (this.sweeping) {
      this.logger.warn(`Sweep of ${on} skipped: the previous one is still running`);
      return;
    }
    this.sweeping = this.sweep(on).finally(() => (this.sweeping = null));
    await this.sweeping;
  }

  private async sweep(on: string): Promise<void> {
    try {
      const result = await this.reminders.sweep(on, false);
      this.logger.log(`Sweep of ${on}: ${result.created} new reminder(s) of ${result.planned} due`);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        this.logger.error(`Sweep of ${on} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return;
      }
      // the database was down at 07:00: try again each minute until it answers, the same day
      databaseOutages.report(`Sweep of ${on} not done, the database did not answer (${(error as Error).message}); trying again each minute today`, Date.now());
      if (this.stopping) return;
      this.sweepRetry = setTimeout(() => {
        this.sweepRetry = null;
        if (shanghaiDate(this.clock.now()) === on) void this.runOnce();
      }, SWEEP_RETRY_MS);
      this.sweepRetry.unref();
    }
  }
}
