import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { Transactions, Tx } from '../database/transactions';
import { ChannelSender, Channel } from './channels';
import { retryDelaySeconds } from './domain/backoff';
import { DeliveryStatus } from './dto/reminders.dto';
import { RemindersRepository } from './reminders.repository';
import { DeliveryRunView, DeliveryView, NotificationChannelView } from './reminders.view';

/** A claimed delivery is not picked up by another worker for this long, even if this one dies mid-send. */
const LEASE_SECONDS = 300;
const BATCH = 100;

/**
 * The outbox: every new reminder gets a delivery row per channel its recipient has switched on; a
 * delivery is tried until it succeeds, waiting longer after each failure. Claiming rows with a lease
 * (FOR UPDATE SKIP LOCKED) keeps two instances from sending the same one.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: RemindersRepository,
    private readonly sender: ChannelSender,
    private readonly clock: Clock,
  ) {}

  /** Queues the new reminders for their recipients' channels; in the sweep's transaction. */
  async enqueue(tx: Tx, reminderIds: string[]): Promise<void> {
    if (reminderIds.length === 0) return;
    await this.repository.enqueueDeliveries(tx, reminderIds, this.clock.now());
  }

  /** Tries every delivery that is due; returns how many were delivered and how many failed this time. */
  async deliverDue(): Promise<DeliveryRunView> {
    const now = this.clock.now();
    const claimed = await this.transactions.run((tx) =>
      this.repository.claimDueDeliveries(tx, now, new Date(now.getTime() + LEASE_SECONDS * 1000), BATCH),
    );
    let delivered = 0;
    let failed = 0;
    for (const item of claimed) {
      try {
        await this.sender.send(item.channel, item.address, item);
        await this.repository.markDelivered(this.transactions.none, item.id, item.channel, this.clock.now());
        delivered += 1;
      } catch (error) {
        const attempts = item.attempts + 1;
        const reason = error instanceof Error ? error.message : String(error);
        await this.repository.markFailed(
          this.transactions.none,
          item.id,
          item.channel,
          attempts,
          reason.slice(0, 500),
          new Date(now.getTime() + retryDelaySeconds(attempts) * 1000),
        );
        this.logger.warn(`Delivery of ${item.id} by ${item.channel} failed (attempt ${attempts}): ${reason}`);
        failed += 1;
      }
    }
    return { delivered, failed };
  }

  /** Delivery status for administrators: what is waiting, how often it failed and why. */
  async list(status: DeliveryStatus | undefined, query: PageQuery): Promise<Page<DeliveryView>> {
    const total = await this.repository.deliveryTotal(this.transactions.none, status);
    const items = await this.repository.deliveryPage(this.transactions.none, status, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async channelsOf(userId: string): Promise<NotificationChannelView[]> {
    return this.repository.channelsOf(this.transactions.none, userId);
  }

  async setChannel(userId: string, channel: Channel, address: string, enabled: boolean): Promise<void> {
    if (!addressFits(channel, address.trim())) throw AppError.invalidField('address', 'INVALID_FORMAT');
    await this.transactions.run((tx) => this.repository.upsertChannel(tx, userId, channel, address.trim(), enabled));
  }
}

/** An e-mail address for e-mail; an http(s) URL for the WeCom robot and webhooks. */
function addressFits(channel: Channel, address: string): boolean {
  if (channel === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address);
  try {
    return ['http:', 'https:'].includes(new URL(address).protocol);
  } catch {
    return false;
  }
}
