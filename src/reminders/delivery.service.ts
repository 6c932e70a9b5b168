import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { Page, PageQuery, offsetOf } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { ChannelSender, Channel, OutgoingReminder } from './channels';
import { retryDelaySeconds } from './domain/backoff';
import { DeliveryStatus } from './dto/reminders.dto';
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
    private readonly dataSource: DataSource,
    private readonly sender: ChannelSender,
    private readonly clock: Clock,
  ) {}

  /** Queues the new reminders for their recipients' channels; in the sweep's transaction. */
  async enqueue(manager: EntityManager, reminderIds: string[]): Promise<void> {
    if (reminderIds.length === 0) return;
    await manager.query(
      `INSERT INTO reminder_deliveries (reminder_id, channel, address, next_attempt_at)
       SELECT r.id, nc.channel, nc.address, $2
         FROM reminders r JOIN notification_channels nc ON nc.user_id = r.recipient_id AND nc.enabled
        WHERE r.id = ANY($1::uuid[])
       ON CONFLICT DO NOTHING`,
      [reminderIds, this.clock.now()],
    );
  }

  /** Tries every delivery that is due; returns how many were delivered and how many failed this time. */
  async deliverDue(): Promise<DeliveryRunView> {
    const now = this.clock.now();
    const claimed: (OutgoingReminder & { channel: Channel; address: string; attempts: number })[] = await this.dataSource.transaction(
      async (manager) =>
        manager.query(
          `UPDATE reminder_deliveries d SET next_attempt_at = $2
             FROM (SELECT reminder_id, channel FROM reminder_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) due,
                  reminders r
            WHERE d.reminder_id = due.reminder_id AND d.channel = due.channel AND r.id = d.reminder_id
           RETURNING d.reminder_id AS id, d.channel, d.address, d.attempts, r.kind, r.title, r.body, r.link,
                     r.due_on AS "dueOn", r.urgency, r.case_id AS "caseId"`,
          [now, new Date(now.getTime() + LEASE_SECONDS * 1000)],
        ).then((result: unknown[]) => result[0] as never),
    );
    let delivered = 0;
    let failed = 0;
    for (const item of claimed) {
      try {
        await this.sender.send(item.channel, item.address, item);
        await this.dataSource.query(
          `UPDATE reminder_deliveries SET status = 'delivered', delivered_at = $3, attempts = attempts + 1, last_error = NULL
            WHERE reminder_id = $1 AND channel = $2`,
          [item.id, item.channel, this.clock.now()],
        );
        delivered += 1;
      } catch (error) {
        const attempts = item.attempts + 1;
        const reason = error instanceof Error ? error.message : String(error);
        await this.dataSource.query(
          `UPDATE reminder_deliveries SET attempts = $3, last_error = $4, next_attempt_at = $5
            WHERE reminder_id = $1 AND channel = $2`,
          [item.id, item.channel, attempts, reason.slice(0, 500), new Date(now.getTime() + retryDelaySeconds(attempts) * 1000)],
        );
        this.logger.warn(`Delivery of ${item.id} by ${item.channel} failed (attempt ${attempts}): ${reason}`);
        failed += 1;
      }
    }
    return { delivered, failed };
  }

  /** Delivery status for administrators: what is waiting, how often it failed and why. */
  async list(status: DeliveryStatus | undefined, query: PageQuery): Promise<Page<DeliveryView>> {
    const where = status ? `WHERE d.status = $1` : `WHERE $1::text IS NULL`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM reminder_deliveries d ${where}`, [status ?? null]);
    const items = await this.dataSource.query(
      `SELECT d.reminder_id AS "reminderId", d.channel, d.address, d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
              d.last_error AS "lastError", d.delivered_at AS "deliveredAt", r.title, r.recipient_id AS "recipientId"
         FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id ${where}
        ORDER BY d.next_attempt_at DESC LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      [status ?? null],
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async channelsOf(userId: string): Promise<NotificationChannelView[]> {
    return this.dataSource.query(
      `SELECT channel, address, enabled FROM notification_channels WHERE user_id = $1 ORDER BY channel`,
      [userId],
    );
  }

  async setChannel(userId: string, channel: Channel, address: string, enabled: boolean): Promise<void> {
    if (!addressFits(channel, address.trim())) throw AppError.invalidField('address', 'INVALID_FORMAT');
    await this.dataSource.transaction((manager) =>
      manager.query(
        `INSERT INTO notification_channels (user_id, channel, address, enabled) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, channel) DO UPDATE SET address = $3, enabled = $4, updated_at = now()`,
        [userId, channel, address.trim(), enabled],
      ),
    );
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
