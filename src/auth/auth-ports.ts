import type { Tx } from '../database/transactions';
import type { Locale } from './domain/locale';

/**
 * What auth needs of the features above it, declared here and provided by them, so that the arrows run
 * one way: users and audit import auth (its guard, decorators and password rules), auth imports neither.
 */

/** The security events auth records (logins, logouts, reveals of personal data). */
export const SECURITY_ACTIONS = ['login', 'login_failed', 'logout', 'reveal', 'download', 'lookup', 'lookup_failed'] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

export interface SecurityEvent {
  occurredAt: Date;
  actorId: string | null;
  clientAddress: string | null;
  action: SecurityAction;
  entityType: string;
  entityId: string | null;
  after: Record<string, unknown>;
}

/** The audit log, for events that change no business row (the database logs the others). Audit provides it. */
export abstract class SecurityLog {
  abstract insertEvent(tx: Tx, event: SecurityEvent): Promise<void>;
}

/** The users' password and preferences, which auth sets and the users feature keeps. Users provide it. */
export abstract class UserAccounts {
  abstract setPasswordHash(tx: Tx, userId: string, passwordHash: string, changedAt: Date, changeRequired: boolean): Promise<void>;
  abstract setLocale(tx: Tx, userId: string, locale: Locale): Promise<void>;
}
