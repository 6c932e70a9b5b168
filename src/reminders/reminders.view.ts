import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, Channel } from './channels';
import { RECIPIENT_ROLES, RULE_RECIPIENTS, REMINDER_KINDS, RecipientRole, ReminderKind, ReminderRule, URGENCIES, Urgency } from './domain/reminder-policy';
import { DELIVERY_STATUSES, DeliveryStatus } from './dto/reminders.dto';
import { PREVIEW_SHOWN, type PlannedReminder, type SweepResult } from './reminders.service';

/**
 * Reminders as the API shows them. Inbox and delivery rows come straight from SQL (reminders.service.ts,
 * delivery.service.ts); their timestamps are instants in UTC ('2026-11-22T07:08:05.000Z').
 */

/** Where a user's reminders go besides the inbox. */
export class NotificationChannelView {
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' })
  channel: Channel;

  @ApiProperty({ example: 'wang@example.cn', description: 'An e-mail address; for wecom and webhook, the URL posted to' })
  address: string;

  @ApiProperty()
  enabled: boolean;
}

/** A test message went out through the channel. */
export class ChannelTestView {
  @ApiProperty({ enum: [true] })
  delivered: true;
}

/** What one delivery run did. */
export class DeliveryRunView {
  @ApiProperty({ type: 'integer', example: 12 })
  delivered: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Tried again later, waiting longer after each failure' })
  failed: number;
}

/** One reminder's delivery over one channel. */
export class DeliveryView {
  @ApiProperty({ format: 'uuid' })
  reminderId: string;

  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' })
  channel: Channel;

  @ApiProperty({ example: 'wang@example.cn' })
  address: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  status: DeliveryStatus;

  @ApiProperty({ type: 'integer', example: 2 })
  attempts: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T07:08:05.000Z' })
  nextAttemptAt: string;

  @ApiProperty({ type: String, nullable: true, example: 'the webhook answered 502' })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-22T07:08:05.000Z' })
  deliveredAt: string | null;

  @ApiProperty({ example: '【明日调解】案件 SY-2027-00042：2027-01-07 09:30' })
  title: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;
}

/** A reminder in a user's inbox. */
export class InboxReminderView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind: ReminderKind;

  @ApiProperty({ description: "What it is about: a case, instalment or session id, or a leader's scope" })
  subject: string;

  @ApiProperty({ format: 'date', example: '2027-01-29', description: 'The day the reminder is for' })
  dueOn: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the leaders’ digest' })
  caseId: string | null;

  @ApiProperty({ enum: URGENCIES, enumName: 'Urgency' })
  urgency: Urgency;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, example: 'https://wage.example.cn/cases/2b0e7f0a-6a51-4c3e-9d3b-1f4c5a6b7c8d' })
  link: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T07:08:05.000Z' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-22T07:08:05.000Z' })
  readAt: string | null;
}

export class UnreadCountView {
  @ApiProperty({ type: 'integer', example: 3 })
  unread: number;
}

export class MarkedReadView {
  @ApiProperty({ type: 'integer', example: 3, description: 'How many unread reminders were marked read' })
  marked: number;
}

/** A reminder a sweep makes (or, in a preview, would make). */
export class PlannedReminderView {
  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind: ReminderKind;

  @ApiProperty({ description: "What it is about: a case, instalment or session id, or a leader's scope" })
  subject: string;

  @ApiProperty({ format: 'date', example: '2027-01-29', description: 'The day the reminder is for' })
  dueOn: string;

  @ApiProperty({ format: 'uuid' })
  recipientId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the leaders’ digest' })
  caseId: string | null;

  @ApiProperty({ enum: URGENCIES, enumName: 'Urgency' })
  urgency: Urgency;

  @ApiProperty({ type: 'integer', example: 7, description: 'Calendar days to the date it counts towards: 0 on the day, negative when overdue' })
  daysLeft: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true })
  link: string | null;
}

/** What a sweep of a day did. */
export class SweepView {
  @ApiProperty({ format: 'date', example: '2027-01-06' })
  on: string;

  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: 'integer', description: 'Reminders the rules make due on the day' })
  planned: number;

  @ApiProperty({ type: 'integer', description: 'Of those, the ones written now (not already made by an earlier sweep)' })
  created: number;
}

/** How many reminders of a kind a dry run would make. */
export class PlannedKindCountView {
  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind: ReminderKind;

  @ApiProperty({ type: 'integer' })
  count: number;
}

/** A dry run: the sweep's counts, per kind, and the most pressing of the reminders it would make. */
export class SweepPreviewView extends SweepView {
  @ApiProperty({ type: [PlannedKindCountView], description: 'Per kind that has any, in the rules’ order' })
  byKind: PlannedKindCountView[];

  @ApiProperty({
    type: [PlannedReminderView],
    description: `The ${PREVIEW_SHOWN} most pressing at most (the most urgent, then the fewest days left); planned says how many there are`,
  })
  reminders: PlannedReminderView[];
}

/** When a kind of reminder fires. */
export class ReminderRuleView {
  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind' })
  kind: ReminderKind;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [30, 14, 7, 3, 1],
    description: 'Days before the date on which it fires (after it, for instalment_overdue); empty: every day',
  })
  daysBefore: number[];

  @ApiProperty({
    enum: RECIPIENT_ROLES,
    enumName: 'ReminderRecipient',
    isArray: true,
    example: ['lawyer', 'mediator'],
    description:
      "Who receives it, fixed by the kind: the case's lawyer and mediator (whoever the case has), or the leaders " +
      'of the organisations with owing cases (the digest)',
  })
  recipients: RecipientRole[];
}

export function toReminderRuleView(rule: ReminderRule): ReminderRuleView {
  return { ...rule, recipients: [...RULE_RECIPIENTS[rule.kind]] };
}

export function toPlannedReminderView(reminder: PlannedReminder): PlannedReminderView {
  return {
    kind: reminder.kind,
    subject: reminder.subject,
    dueOn: reminder.dueOn,
    recipientId: reminder.recipientId,
    caseId: reminder.caseId,
    urgency: reminder.urgency,
    daysLeft: reminder.daysLeft,
    title: reminder.title,
    body: reminder.body,
    link: reminder.link,
  };
}

export function toSweepView(result: SweepResult): SweepView {
  return { on: result.on, dryRun: result.dryRun, planned: result.planned, created: result.created };
}

export function toSweepPreviewView(result: SweepResult): SweepPreviewView {
  const byKind = REMINDER_KINDS.filter((kind) => result.byKind.has(kind)).map((kind) => ({ kind, count: result.byKind.get(kind)! }));
  return { ...toSweepView(result), byKind, reminders: result.reminders.map(toPlannedReminderView) };
}
