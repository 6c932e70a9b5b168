import { Inject, Injectable } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
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

/** Sends one reminder over one channel; throws with a reason the administrator can read when it fails. */
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
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transporter ??= createTransport(this.config.smtpUrl);
    await this.transporter.sendMail({
      from: this.config.smtpFrom,
      to: address,
      subject: reminder.title,
      text: reminder.body,
      textEncoding: 'base64',
      headers: { 'X-Reminder-Id': reminder.id },
    });
  }

  /** The WeCom (企业微信) group robot: a markdown message to the robot's webhook address. */
  private async wecom(address: string, reminder: OutgoingReminder): Promise<void> {
    const response = await post(address, wecomMarkdown(reminder.title, reminder.body));
    const answer = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
    if (!response.ok || answer?.errcode !== 0) {
      throw new Error(`WeCom answered ${response.status} ${answer?.errcode ?? ''} ${answer?.errmsg ?? ''}`.trim());
    }
  }

  private async webhook(address: string, reminder: OutgoingReminder): Promise<void> {
    const response = await post(address, { type: 'wage_arrears_reminder', ...reminder });
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  }
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}
