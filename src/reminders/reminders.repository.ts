import { Injectable } from '@nestjs/common';
import { PageQuery, offsetOf } from '../common/http/pagination';
import type { Tx } from '../database/transactions';
import type { Channel, OutgoingReminder } from './channels';
import type { ReminderKind } from './domain/reminder-policy';
import type { DeliveryStatus } from './dto/reminders.dto';
import type { DeliveryView, InboxReminderView, NotificationChannelView } from './reminders.view';
import {
  CASE_NUMBERS_SQL,
  INSERT_REMINDERS_SQL,
  OPEN_CASES_OF_SQL,
  OWING_BY_ORGANISATION_SQL,
  LEADERS_SQL,
  OPEN_CASES_SQL,
  ORGANISATIONS_SQL,
  PAID_SINCE_YESTERDAY_SQL,
  SESSIONS_TOMORROW_SQL,
  WRITTEN_ON_SQL,
} from './reminders.sql';

export interface OpenCaseRow {
  id: string;
  lawyer_id: string | null;
  mediator_id: string | null;
  organisation_id: string;
  outstanding_fen: string;
  workers_owed: number;
}

export interface ReminderRuleRow {
  kind: ReminderKind;
  enabled: boolean;
  days_before: number[];
}

export interface SessionTomorrowRow {
  id: string;
  starts_at: Date;
  place: string | null;
  room_name: string | null;
  case_id: string;
  case_number: string;
  mediator_id: string;
  lawyer_id: string | null;
}

export interface LeaderRow {
  leader_id: string;
  scope_id: string;
  scope_name: string;
  scope_path: string;
}

export interface OrganisationRow {
  id: string;
  name: string;
  path: string;
}

export interface PaidSinceYesterdayRow {
  organisation_id: string;
  paid_fen: string;
}

/** A reminder as the sweep writes it. */
export interface NewReminder {
  kind: string;
  subject: string;
  dueOn: string;
  recipientId: string;
  caseId: string | null;
  urgency: string;
  title: string;
  body: string;
  link: string | null;
}

/** A delivery claimed for sending, with the reminder it sends. */
export type ClaimedDelivery = OutgoingReminder & { channel: Channel; address: string; attempts: number };

/**
 * The reminders' tables (reminders, reminder_rules, reminder_deliveries, notification_channels), and
 * the sweep's reads of other features' tables (open cases and their money, sessions, leaders,
 * organisations, the days money was paid),
 * read-only. Every method takes the unit of work first: the sweep's reminders and their deliveries
 * are written with one `tx`.
 */
@Injectable()
export class RemindersRepository {
  // --- the sweep's reads ---

  /** The open cases, with their money as it stood at the end of `on`. */
  /** The open cases (these, or all) with their money at the end of the day. */
  openCases(tx: Tx, on: string, caseIds?: string[]): Promise<OpenCaseRow[]> {
    return caseIds ? tx.query(OPEN_CASES_OF_SQL, [on, caseIds]) : tx.query(OPEN_CASES_SQL, [on]);
  }

  /** What the open cases still owing at the end of the day add up to, per organisation. */
  owingByOrganisation(tx: Tx, on: string): Promise<{ organisation_id: string; cases: number; workers: number; outstanding_fen: string }[]> {
    return tx.query(OWING_BY_ORGANISATION_SQL, [on]);
  }

  /** Each case's number, by case id. */
  async caseNumbers(tx: Tx, caseIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; case_number: string }[] = await tx.query(CASE_NUMBERS_SQL, [caseIds]);
    return new Map(rows.map((row) => [row.id, row.case_number]));
  }

  sessionsTomorrow(tx: Tx, on: string): Promise<SessionTomorrowRow[]> {
    return tx.query(SESSIONS_TOMORROW_SQL, [on]);
  }

  leaders(tx: Tx): Promise<LeaderRow[]> {
    return tx.query(LEADERS_SQL);
  }

  organisations(tx: Tx): Promise<OrganisationRow[]> {
    return tx.query(ORGANISATIONS_SQL);
  }

  paidSinceYesterday(tx: Tx, on: string): Promise<PaidSinceYesterdayRow[]> {
    return tx.query(PAID_SINCE_YESTERDAY_SQL, [on]);
  }

  // --- reminders ---

  /** The reminders of a kind written for the day already, as `subject recipient` keys. */
  async writtenOn(tx: Tx, on: string, kind: ReminderKind): Promise<Set<string>> {
    const rows: { subject: string; recipient_id: string }[] = await tx.query(WRITTEN_ON_SQL, [on, kind]);
    return new Set(rows.map((row) => `${row.subject} ${row.recipient_id}`));
  }

  /** Writes the batch; returns the ids of the reminders that did not exist yet. */
  insertReminders(tx: Tx, reminders: NewReminder[]): Promise<{ id: string }[]> {
    return tx.query(INSERT_REMINDERS_SQL, [
      reminders.map((r) => r.kind),
      reminders.map((r) => r.subject),
      reminders.map((r) => r.dueOn),
      reminders.map((r) => r.recipientId),
      reminders.map((r) => r.caseId),
      reminders.map((r) => r.urgency),
      reminders.map((r) => r.title),
      reminders.map((r) => r.body),
      reminders.map((r) => r.link),
    ]);
  }

  async inboxTotal(tx: Tx, userId: string, unreadOnly: boolean): Promise<number> {
    const [{ total }] = await tx.query(`SELECT count(*)::int AS total FROM reminders WHERE ${inboxOf(unreadOnly)}`, [userId]);
    return total;
  }

  inboxPage(tx: Tx, userId: string, unreadOnly: boolean, query: PageQuery): Promise<InboxReminderView[]> {
    return tx.query(
      `SELECT id, kind, subject, due_on AS "dueOn", case_id AS "caseId", urgency, title, body, link,
              created_at AS "createdAt", read_at AS "readAt"
         FROM reminders WHERE ${inboxOf(unreadOnly)} ORDER BY created_at DESC, id LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      [userId],
    );
  }

  async unreadCount(tx: Tx, userId: string): Promise<number> {
    const [{ unread }] = await tx.query(
      `SELECT count(*)::int AS unread FROM reminders WHERE recipient_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return unread;
  }

  /** Marks the recipient's reminder read (once: the first reading counts); returns how many rows matched. */
  async markRead(tx: Tx, userId: string, reminderId: string): Promise<number> {
    const [, count] = await tx.query(
      `UPDATE reminders SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2`,
      [reminderId, userId],
    );
    return count;
  }

  /** Marks every unread reminder of the recipient read; returns how many there were. */
  async markAllRead(tx: Tx, userId: string): Promise<number> {
    const [, count] = await tx.query(`UPDATE reminders SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`, [userId]);
    return count;
  }

  // --- reminder_rules ---

  rules(tx: Tx): Promise<ReminderRuleRow[]> {
    return tx.query(`SELECT kind, enabled, days_before FROM reminder_rules ORDER BY kind`);
  }

  /** Returns how many rules were updated (0: no rule of that kind). */
  async updateRule(tx: Tx, kind: ReminderKind, enabled: boolean, daysBefore: number[]): Promise<number> {
    const updated = await tx.query(
      `UPDATE reminder_rules SET enabled = $2, days_before = $3, updated_at = now() WHERE kind = $1 RETURNING kind`,
      [kind, enabled, daysBefore],
    );
    return updated[1];
  }

  // --- reminder_deliveries (the outbox) ---

  /** A delivery row per channel the recipient has switched on; one already there is left as it is. */
  async enqueueDeliveries(tx: Tx, reminderIds: string[], nextAttemptAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO reminder_deliveries (reminder_id, channel, address, next_attempt_at)
       SELECT r.id, nc.channel, nc.address, $2
         FROM reminders r JOIN notification_channels nc ON nc.user_id = r.recipient_id AND nc.enabled
        WHERE r.id = ANY($1::uuid[])
       ON CONFLICT DO NOTHING`,
      [reminderIds, nextAttemptAt],
    );
  }

  /**
   * Claims up to `batch` due deliveries by moving their next attempt to `leaseUntil`; rows another
   * instance has locked are skipped (FOR UPDATE SKIP LOCKED), so no two send the same one. The
   * delivery run claims one at a time, just before sending it: a claimed row must be sent before its
   * lease runs out, or another run takes it back.
   */
  async claimDueDeliveries(tx: Tx, now: Date, leaseUntil: Date, batch: number): Promise<ClaimedDelivery[]> {
    const result: unknown[] = await tx.query(
      `UPDATE reminder_deliveries d SET next_attempt_at = $2
         FROM (SELECT reminder_id, channel FROM reminder_deliveries
                WHERE status = 'pending' AND next_attempt_at <= $1
                ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED) due,
              reminders r
        WHERE d.reminder_id = due.reminder_id AND d.channel = due.channel AND r.id = d.reminder_id
       RETURNING d.reminder_id AS id, d.channel, d.address, d.attempts, r.kind, r.title, r.body, r.link,
                 r.due_on AS "dueOn", r.urgency, r.case_id AS "caseId"`,
      [now, leaseUntil],
    );
    return result[0] as ClaimedDelivery[];
  }

  async markDelivered(tx: Tx, reminderId: string, channel: Channel, deliveredAt: Date): Promise<void> {
    await tx.query(
      `UPDATE reminder_deliveries SET status = 'delivered', delivered_at = $3, attempts = attempts + 1, last_error = NULL
        WHERE reminder_id = $1 AND channel = $2`,
      [reminderId, channel, deliveredAt],
    );
  }

  async markFailed(tx: Tx, reminderId: string, channel: Channel, attempts: number, lastError: string, nextAttemptAt: Date): Promise<void> {
    await tx.query(
      `UPDATE reminder_deliveries SET attempts = $3, last_error = $4, next_attempt_at = $5
        WHERE reminder_id = $1 AND channel = $2`,
      [reminderId, channel, attempts, lastError, nextAttemptAt],
    );
  }

  async deliveryTotal(tx: Tx, status: DeliveryStatus | undefined): Promise<number> {
    const [{ total }] = await tx.query(`SELECT count(*)::int AS total FROM reminder_deliveries d ${deliveriesOf(status)}`, [status ?? null]);
    return total;
  }

  deliveryPage(tx: Tx, status: DeliveryStatus | undefined, query: PageQuery): Promise<DeliveryView[]> {
    return tx.query(
      `SELECT d.reminder_id AS "reminderId", d.channel, d.address, d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
              d.last_error AS "lastError", d.delivered_at AS "deliveredAt", r.title, r.recipient_id AS "recipientId"
         FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id ${deliveriesOf(status)}
        ORDER BY d.next_attempt_at DESC LIMIT ${query.pageSize} OFFSET ${offsetOf(query)}`,
      [status ?? null],
    );
  }

  // --- notification_channels ---

  channelsOf(tx: Tx, userId: string): Promise<NotificationChannelView[]> {
    return tx.query(
      `SELECT channel, address, enabled FROM notification_channels WHERE user_id = $1 ORDER BY channel`,
      [userId],
    );
  }

  async upsertChannel(tx: Tx, userId: string, channel: Channel, address: string, enabled: boolean): Promise<void> {
    await tx.query(
      `INSERT INTO notification_channels (user_id, channel, address, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, channel) DO UPDATE SET address = $3, enabled = $4, updated_at = now()`,
      [userId, channel, address, enabled],
    );
  }
}

/** The inbox's condition on `reminders`, $1 the recipient. */
function inboxOf(unreadOnly: boolean): string {
  return `recipient_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}`;
}

/** The deliveries' condition on `reminder_deliveries d`, $1 the status (NULL: every status). */
function deliveriesOf(status: DeliveryStatus | undefined): string {
  return status ? `WHERE d.status = $1` : `WHERE $1::text IS NULL`;
}
