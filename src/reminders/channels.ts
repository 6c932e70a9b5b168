import { Inject, Injectable } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { wecomMarkdown } from './domain/messages';

export const CHANNELS = ['email', 'wecom', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface OutgoingReminder {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dueOn: string;
  urgency: string;
  caseId: string | null;
}

/**
 * Why a channel did not take a message: the product is not set up for it (no SMTP server), the other
 * side answered and refused it (an unknown mailbox, a 4xx or 5xx, a WeCom error code), or nothing
 * answered (no such host, connection refused, a timeout).
 */
export type ChannelFailure = 'not_configured' | 'refused' | 'unreachable';

export class ChannelError extends Error {
  constructor(
    readonly failure: ChannelFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** Each wait on a mail server, as long as a webhook's: a server that does not answer fails in seconds. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Sends one reminder over one channel; throws a ChannelError with a reason the administrator can read when it fails. */
@Injectable()
export class ChannelSender {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(channel: Channel, address: string, reminder: OutgoingReminder): Promise<void> {
    switch (channel) {
      case 'email':
        return this.email(address, reminder);
      case 'wecom':
        return this.wecom(address, reminder);
      case 'webhook':
        return this.webhook(address, reminder);
    }
  }

  private async email(address: string, reminder: OutgoingReminder): Promise<void> {
    if (!this.config.smtpUrl) throw new ChannelError('not_configured', 'SMTP_URL is not set');
    // nodemailer loads on the first message: most starts of the service send none for a while
    this.transporter ??= (await import('nodemailer')).createTransport({ url: this.config.smtpUrl, ...SMTP_TIMEOUTS });
    try {
      await this.transporter.sendMail({
        from: this.config.smtpFrom,
        to: address,
        subject: reminder.title,
        text: reminder.body,
        textEncoding: 'base64',
        headers: { 'X-Reminder-Id': reminder.id },
      });
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  /** The WeCom (企业微信) group robot: a markdown message to the robot's webhook address. */
  private async wecom(address: string, reminder: OutgoingReminder): Promise<void> {
    const response = await post(address, wecomMarkdown(reminder.title, reminder.body));
    const answer = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
    if (!response.ok || answer?.errcode !== 0) {
      throw new ChannelError('refused', `WeCom answered ${response.status} ${answer?.errcode ?? ''} ${answer?.errmsg ?? ''}`.trim());
    }
  }

  private async webhook(address: string, reminder: OutgoingReminder): Promise<void> {
    const response = await post(address, { type: 'wage_arrears_reminder', ...reminder });
    if (!response.ok) throw new ChannelError('refused', `the webhook answered ${response.status}`);
  }
}

/** Posts JSON; no answer at all (no such host, refused, ten seconds of silence) is an unreachable channel. */
async function post(url: string, body: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 10 seconds' : (cause?.code ?? cause?.message ?? String(error));
    throw new ChannelError('unreachable', `${new URL(url).host} did not answer: ${reason}`);
  }
}

/**
 * A mail server's refusal (it answered with an SMTP error code: an unknown mailbox, relaying denied)
 * or silence (no connection, a timeout), from nodemailer's error.
 */
function smtpFailure(error: unknown): ChannelError {
  const { code, responseCode, response, message } = error as { code?: string; responseCode?: number; response?: string; message?: string };
  if (responseCode !== undefined && responseCode >= 400) return new ChannelError('refused', `the mail server answered ${response ?? responseCode}`);
  return new ChannelError('unreachable', `the mail server did not answer: ${code ?? message ?? String(error)}`);
}
