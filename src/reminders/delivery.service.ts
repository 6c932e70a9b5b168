import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions, Tx } from '../database/transactions';
import { ChannelError, ChannelSender, Channel, OutgoingReminder } from './channels';
import { retryDelaySeconds } from './domain/backoff';
import { DeliveryStatus } from './dto/reminders.dto';
import { RemindersRepository } from './reminders.repository';
import { DeliveryRunView, DeliveryView, NotificationChannelView } from './reminders.view';

/**
 * How long a claimed delivery is left to the run that claimed it, even if that run dies mid-send. Each
 * delivery is claimed just before it is sent, so the lease only has to outlast one send: a webhook or
 * WeCom post gives up after 10 s, a mail server after at most 40 s (channels.ts). A run that leased a
 * whole batch instead let a second run take back the unsent ones once a slow endpoint had used up the
 * lease, and both sent them (issue 16).
 */
export const LEASE_SECONDS = 120;
/** The most deliveries one run sends; the rest wait for the next run. */
const BATCH = 100;

/**
 * The outbox: every new reminder gets a delivery row per channel its recipient has switched on; a
 * delivery is tried until it succeeds, waiting longer after each failure. Claiming each row with a
 * lease just before sending it (FOR UPDATE SKIP LOCKED) keeps two runs or two instances from sending
 * the same one.
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

  /**
   * Tries every delivery that is due; returns how many were delivered and how many failed this time.
   * `keepGoing` is asked before each claim: a service shutting down finishes the send in hand and
   * claims no more (the rest wait for the next run, of this instance or another).
   */
  async deliverDue(keepGoing: () => boolean = () => true): Promise<DeliveryRunView> {
    let delivered = 0;
    let failed = 0;
    for (let sent = 0; sent < BATCH && keepGoing(); sent += 1) {
      const claimedAt = this.clock.now();
      const [item] = await this.transactions.run((tx) =>
        this.repository.claimDueDeliveries(tx, claimedAt, new Date(claimedAt.getTime() + LEASE_SECONDS * 1000), 1),
      );
      if (!item) break;
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
          new Date(claimedAt.getTime() + retryDelaySeconds(attempts) * 1000),
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

  /**
   * Sends a short test message through one of the user's channels now, switched on or not, so they
   * see at once whether the address works; a failure is the user's to act on (422), never a 500.
   */
  async sendTest(userId: string, channel: Channel): Promise<void> {
    const found = (await this.repository.channelsOf(this.transactions.none, userId)).find((row) => row.channel === channel);
    if (!found) throw new AppError('CHANNEL_NOT_SET_UP', { channel });
    try {
      await this.sender.send(channel, found.address, testMessage(this.clock.now()));
    } catch (error) {
      const failure = error instanceof ChannelError ? error.failure : 'unreachable';
      const detail = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Test message by ${channel} failed: ${detail}`);
      if (failure === 'not_configured') throw new AppError('EMAIL_SERVER_NOT_SET_UP');
      throw new AppError(failure === 'refused' ? 'CHANNEL_REFUSED' : 'CHANNEL_UNREACHABLE', { channel, detail: detail.slice(0, 300) });
    }
  }

  async setChannel(userId: string, channel: Channel, address: string, enabled: boolean): Promise<void> {
    if (!addressFits(channel, address.trim())) throw AppError.invalidField('address', 'INVALID_FORMAT');
    await this.transactions.run((tx) => this.repository.upsertChannel(tx, userId, channel, address.trim(), enabled));
  }
}

/** The test message: says what it is, so nobody takes it for a reminder about a case. */
function testMessage(now: Date): OutgoingReminder {
  return {
    id: randomUUID(),
    kind: 'channel_test',
    title: '测试消息：欠薪案件提醒已接通',
    body: '这是一条测试消息。您在欠薪案件系统中设置的提醒方式可以正常接收；以后案件的提醒会发到这里。',
    link: null,
    dueOn: shanghaiDate(now),
    urgency: 'info',
    caseId: null,
  };
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
