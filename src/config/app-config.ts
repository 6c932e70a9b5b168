import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The service's configuration, read once from the environment and validated before anything starts.
 * A wrong value stops the start with a message naming the variable, so a typo in a deployment is
 * found at once instead of as a strange failure hours later.
 */
export interface AppConfig {
  host: string;
  port: number;
  /** Unset: the embedded PostgreSQL (PGlite) under embeddedDataDir. Set: that PostgreSQL server. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** A read replica of DATABASE_URL for reports and exports; null: reports read from the primary. */
  reportsDatabaseUrl: string | null;
  embeddedDataDir: string;
  runMigrationsOnStart: boolean;
  bodyLimitBytes: number;
  logLevel: LogLevel;
  /** Key for id numbers and phone numbers at rest: PII_KEY, or the key file (created on the embedded default). */
  personalDataKey: string | null;
  personalDataKeyFile: string;
  accessTokenMinutes: number;
  refreshTokenHours: number;
  /** Origins allowed to call the API from a browser; empty: no cross-origin calls. */
  corsOrigins: string[];
  /** Where people open the product: the links in reminders point here. */
  publicBaseUrl: string;
  /** Cron expression (Asia/Shanghai) of the daily reminder sweep; null: no scheduled sweep. */
  reminderSweepCron: string | null;
  /** How often pending deliveries (e-mail, WeCom, webhooks) are tried; null: only by hand. */
  reminderDeliveryCron: string | null;
  /** When changes are folded into the reports' monthly rollups (cron with seconds); null: never. */
  reportRollupCron: string | null;
  /** When the stored running deadlines catch up with the writes (cron with seconds); null: only when read. */
  deadlinesRefreshCron: string | null;
  /** smtp://user:password@host:port for e-mail reminders; null: e-mail deliveries wait. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** The built pages (web/dist), served under /app/. */
  webDir: string;
  /**
   * The first administrator's password, for a first start that must not print one (tests, scripted
   * deployments); used only while there is no user at all.
   */
  initialAdminPassword: string | null;
  /**
   * Which proxies in front of the service say who the client is (X-Forwarded-For): null trusts none and
   * takes the connection's address. The public pages' limits per address need the worker's address, not
   * the proxy's: set it to the proxy's address (or "loopback") when one stands in front.
   */
  trustProxy: string | null;
  /** The public report form's proof of work: PBKDF2 rounds per try (a phone spends some seconds in all). */
  publicChallengeCost: number;
  /** Reports accepted from one client address in a day. */
  publicReportsPerAddress: number;
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env): AppConfig {
  return {
    host: readString(env, 'HOST', '127.0.0.1'),
    port: readInteger(env, 'PORT', 3000, 0, 65535),
    databaseUrl: readDatabaseUrl(env, 'DATABASE_URL'),
    reportsDatabaseUrl: readReportsDatabaseUrl(env),
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    embeddedDataDir: readString(env, 'EMBEDDED_DATA_DIR', './data/pglite'),
    runMigrationsOnStart: readBoolean(env, 'MIGRATIONS_RUN_ON_START', true),
    bodyLimitBytes: readInteger(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    logLevel: readChoice(env, 'LOG_LEVEL', LOG_LEVELS, 'log'),
    personalDataKey: readKey(env),
    personalDataKeyFile: readString(env, 'PII_KEY_FILE', './data/pii.key'),
    accessTokenMinutes: readInteger(env, 'ACCESS_TOKEN_MINUTES', 15, 1, 24 * 60),
    refreshTokenHours: readInteger(env, 'REFRESH_TOKEN_HOURS', 12, 1, 24 * 30),
    corsOrigins: readOrigins(env),
    publicBaseUrl: readBaseUrl(env),
    reminderSweepCron: readCron(env, 'REMINDER_SWEEP_CRON', '0 7 * * *'),
    reminderDeliveryCron: readCron(env, 'REMINDER_DELIVERY_CRON', '* * * * *'),
    reportRollupCron: readCron(env, 'REPORT_ROLLUP_CRON', '*/10 * * * * *'),
    deadlinesRefreshCron: readCron(env, 'DEADLINES_REFRESH_CRON', '*/30 * * * * *'),
    smtpUrl: readSmtpUrl(env),
    smtpFrom: readString(env, 'SMTP_FROM', '欠薪维权提醒 <reminders@localhost>'),
    webDir: readString(env, 'WEB_DIR', defaultWebDir()),
    initialAdminPassword: present(env, 'ADMIN_PASSWORD') ?? null,
    trustProxy: present(env, 'TRUST_PROXY') ?? null,
    publicChallengeCost: readInteger(env, 'PUBLIC_CHALLENGE_COST', 3000, 1, 100_000),
    publicReportsPerAddress: readInteger(env, 'PUBLIC_REPORTS_PER_ADDRESS', 5, 1, 10_000),
  };
}

function readSmtpUrl(env: Env): string | null {
  const raw = present(env, 'SMTP_URL');
  if (raw === undefined) return null;
  if (!/^smtps?:\/\//.test(raw)) throw new ConfigError('SMTP_URL', 'must look like smtp://user:password@host:587');
  return raw;
}

function readBaseUrl(env: Env): string {
  const raw = readString(env, 'PUBLIC_BASE_URL', 'http://127.0.0.1:3000');
  try {
    new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `is not a URL: "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function readCron(env: Env, name: string, fallback: string): string | null {
  const raw = readString(env, name, fallback);
  if (raw === 'off') return null;
  if (raw.split(/\s+/).length < 5 || raw.split(/\s+/).length > 6) {
    throw new ConfigError(name, `expected a cron expression like "0 7 * * *" or "off", got "${raw}"`);
  }
  return raw;
}

function readKey(env: Env): string | null {
  const raw = present(env, 'PII_KEY');
  if (raw === undefined) return null;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError('PII_KEY', 'must be 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return raw;
}

function readOrigins(env: Env): string[] {
  const raw = present(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    try {
      const url = new URL(trimmed);
      if (url.origin !== trimmed) throw new Error('not an origin');
    } catch {
      throw new ConfigError('CORS_ORIGINS', `"${trimmed}" is not an origin like https://union.example.cn`);
    }
    return trimmed;
  });
}

function present(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readString(env: Env, name: string, fallback: string): string {
  return present(env, name) ?? fallback;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = present(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function readReportsDatabaseUrl(env: Env): string | null {
  const url = readDatabaseUrl(env, 'REPORTS_DATABASE_URL');
  if (url !== null && present(env, 'DATABASE_URL') === undefined) {
    throw new ConfigError('REPORTS_DATABASE_URL', 'needs DATABASE_URL too: a replica is of a PostgreSQL server, not of the embedded database');
  }
  return url;
}

function readDatabaseUrl(env: Env, name: string): string | null {
  const raw = present(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(name, 'names no database (…/databasename)');
  return raw;
}

/** web/dist beside the project's package.json, from the sources (tests) as from the build (dist/src/config). */
function defaultWebDir(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) directory = dirname(directory);
  return join(directory, 'web', 'dist');
}
