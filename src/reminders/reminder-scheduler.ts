import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Clock } from '../common/time/clock';
import { BUSINESS_TIME_ZONE, shanghaiDate } from '../common/time/shanghai';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DeliveryService } from './delivery.service';
import { RemindersService } from './reminders.service';

/**
 * Runs the daily sweep on the configured schedule, in Asia/Shanghai time. Thin on purpose: the sweep
 * is idempotent, so a missed or doubled run (a restart, a second instance) does no harm.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');
  private delivering = false;
  private sweeping = false;

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
   * One scheduled delivery run. Against slow endpoints a run (up to 100 sends of up to 10 s each) lasts
   * longer than the minute between ticks: the next tick is skipped while this instance's run is still
   * going, so runs never pile up. (Another instance's run may overlap; the per-delivery lease keeps
   * the two apart.)
   */
  async deliverOnce(): Promise<void> {
    if (this.delivering) {
      this.logger.warn('Delivery run skipped: the previous one is still sending');
      return;
    }
    this.delivering = true;
    try {
      const { delivered, failed } = await this.delivery.deliverDue();
      if (delivered + failed > 0) this.logger.log(`Deliveries: ${delivered} delivered, ${failed} to retry`);
    } catch (error) {
      this.logger.error(`Delivery run failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      this.delivering = false;
    }
  }

  /** One scheduled sweep; like the delivery run, skipped while this instance's previous one is still going. */
  async runOnce(): Promise<void> {
    const on = shanghaiDate(this.clock.now());
    if (this.sweeping) {
      this.logger.warn(`Sweep of ${on} skipped: the previous one is still running`);
      return;
    }
    this.sweeping = true;
    try {
      const result = await this.reminders.sweep(on, false);
      this.logger.log(`Sweep of ${on}: ${result.created} new reminder(s) of ${result.planned} due`);
    } catch (error) {
      this.logger.error(`Sweep of ${on} failed: ${error instanceof Error ? error.stack : String(error)}`);
    } finally {
      this.sweeping = false;
    }
  }
}
