import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createAdmin } from '../../src/admin/create-admin';
import { createApp } from '../../src/app';
import { FixedClock } from '../../src/common/time/clock';
import { loadConfig } from '../../src/config/app-config';
import { DatabaseHandle, openDatabase } from '../../src/database/open-database';
import { createTestDatabase, TestDatabase } from './test-database';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A real HTTP client against the running service: requests go over a socket, as curl's would. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  withHeaders(headers: Record<string, string>): Api {
    return new Api(this.baseUrl, { ...this.defaultHeaders, ...headers });
  }

  get<T = any>(path: string, headers: Record<string, string> = {}) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('POST', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('PATCH', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('PUT', path, body, headers);
  }

  /** A GET whose answer is not JSON (a printable document, an export). */
  async getRaw(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: this.defaultHeaders });
  }

  /** Sends raw bytes (a CSV or XLSX roster) with the given content type. */
  async upload<T = any>(path: string, bytes: Buffer | string, contentType: string): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { ...this.defaultHeaders, 'content-type': contentType },
      body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
    });
    return { status: response.status, body: await parseBody(response), headers: response.headers };
  }

  async request<T>(method: string, path: string, body: unknown, headers: Record<string, string>) {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...this.defaultHeaders,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await parseBody(response)) as T, headers: response.headers };
  }
}

async function parseBody(response: Response): Promise<any> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// Each suite starts a database and the whole service in beforeAll: give hooks and tests room.
jest.setTimeout(120_000);

/** Strong enough for the password policy; every test user has it unless a test says otherwise. */
export const TEST_PASSWORD = 'Winter-ledger-Shunyi-2027';

export interface TestApp {
  /** Not logged in. */
  anonymous: Api;
  /** The administrator of the city federation at the top of the tree. */
  admin: Api;
  rootOrganisationId: string;
  app: NestFastifyApplication;
  clock: FixedClock;
  dataSource: DataSource;
  /** An Api logged in as this user. */
  login(username: string, password?: string): Promise<Api>;
  /** What a second instance needs to share this one's database (a PostgreSQL server only). */
  shared: { env: Record<string, string>; personalDataKey: Buffer; rootOrganisationId: string };
  close(): Promise<void>;
}

/**
 * Starts the whole service on its own fresh database, listening on a free loopback port; or, with
 * `joining`, as a second instance on another one's database (as a city deployment runs several); or,
 * with `database`, on an empty database the caller made and drops (to copy it once this one closes).
 */
export async function startTestApp(
  options: { now?: Date; env?: Record<string, string>; joining?: TestApp['shared']; database?: TestDatabase } = {},
): Promise<TestApp> {
  const given = options.joining ?? options.database;
  const testDatabase: TestDatabase = given ? { env: given.env, drop: async () => {} } : await createTestDatabase();
  const personalDataKey = options.joining?.personalDataKey ?? randomBytes(32);
  const config = loadConfig({
    ...testDatabase.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '5',
    // Tests sweep and deliver by hand on the days they choose.
    REMINDER_SWEEP_CRON: 'off',
    REMINDER_DELIVERY_CRON: 'off',
    REPORT_ROLLUP_CRON: 'off',
    ...options.env,
  });
  const database: DatabaseHandle = await openDatabase(config);
  const clock = new FixedClock(options.now ?? new Date('2026-11-22T02:00:00Z'));
  const app = await createApp({ config, database, clock, personalDataKey });
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // a service that refuses to start (a test of that) leaves nothing open behind it
    await app.close().catch(() => undefined);
    await database.close();
    await testDatabase.drop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const anonymous = new Api(`http://127.0.0.1:${address.port}`);
  const dataSource = app.get(DataSource);
  const { organisationId } = options.joining
    ? { organisationId: options.joining.rootOrganisationId }
    : await createAdmin(app, {
        username: 'admin',
        displayName: '市总管理员',
        password: TEST_PASSWORD,
        organisationCode: 'BJ',
        organisationName: '北京市总工会',
      });
  const login = async (username: string, password = TEST_PASSWORD) => {
    const response = await anonymous.post('/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login of ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return anonymous.withHeaders({ authorization: `Bearer ${response.body.accessToken}` });
  };
  return {
    anonymous,
    admin: await login('admin'),
    rootOrganisationId: organisationId,
    app,
    clock,
    dataSource,
    login,
    shared: { env: testDatabase.env, personalDataKey, rootOrganisationId: organisationId },
    close: async () => {
      // Every suite, whatever it did, leaves the reports' summary rows equal to what they summarise.
      const drifted: { case_id: string }[] = await dataSource.query(FACTS_DRIFT_SQL);
      const driftedRollups: object[] = await dataSource.query(ROLLUPS_DRIFT_SQL);
      const driftedPayDays: object[] = await dataSource.query(PAY_DAYS_DRIFT_SQL);
      await app.close();
      await database.close();
      await testDatabase.drop();
      if (drifted.length > 0) {
        throw new Error(`case_facts differ from case_facts_source for cases ${drifted.map((row) => row.case_id).join(', ')}`);
      }
      if (driftedRollups.length > 0) {
        throw new Error(`report_rollups (with their changes) differ from report_rollups_source: ${JSON.stringify(driftedRollups.slice(0, 5))}`);
      }
      if (driftedPayDays.length > 0) {
        throw new Error(`case_pay_days differ from case_pay_days_source: ${JSON.stringify(driftedPayDays.slice(0, 5))}`);
      }
    },
  };
}

const FACTS_DRIFT_SQL = `
  SELECT case_id FROM (SELECT * FROM case_facts EXCEPT SELECT * FROM case_facts_source) stale
  UNION
  SELECT case_id FROM (SELECT * FROM case_facts_source EXCEPT SELECT * FROM case_facts) missing`;

const ROLLUP_SUMS = ['opened', 'concluded', 'closed', 'workers', 'claimed_fen', 'confirmed_fen', 'owed_fen', 'paid_fen', 'unpaid_fen',
  'paid_in_full', 'concluded_in_month', 'consultations', 'outreach_visits',
  // by kind of claim, and the money paid in the month (migrations/1765800000000-AddPaidInPeriod.ts)
  'owed_wages_fen', 'owed_labour_fees_fen', 'paid_wages_fen', 'paid_labour_fees_fen', 'unpaid_wages_fen', 'unpaid_labour_fees_fen',
  'paid_in_month_fen', 'paid_in_month_wages_fen', 'paid_in_month_labour_fees_fen'];
// report_rollups and the changes not yet folded into them, added up per bucket (a bucket that nets to zero is no bucket;
// a sum of zero is written NULL since migrations/1765800000000-AddPaidInPeriod.ts)
const ROLLUPS_ADDED_UP = `
  SELECT organisation_id, subtree, dimension, month, key, days, ${ROLLUP_SUMS.map((column) => `NULLIF(SUM(${column}), 0)`).join(', ')}
    FROM (SELECT * FROM report_rollups UNION ALL SELECT * FROM report_rollup_changes) r
   GROUP BY organisation_id, subtree, dimension, month, key, days
  HAVING ${ROLLUP_SUMS.map((column) => `SUM(${column}) <> 0`).join(' OR ')}`;
// the days each case was paid on, as the reports read them (migrations/1765800000000-AddPaidInPeriod.ts)
const PAY_DAYS_DRIFT_SQL = `
  (SELECT * FROM case_pay_days EXCEPT ALL SELECT * FROM case_pay_days_source)
  UNION ALL
  (SELECT * FROM case_pay_days_source EXCEPT ALL SELECT * FROM case_pay_days)`;
const ROLLUPS_DRIFT_SQL = `
  (${ROLLUPS_ADDED_UP} EXCEPT SELECT * FROM report_rollups_source)
  UNION ALL
  (SELECT * FROM report_rollups_source EXCEPT ${ROLLUPS_ADDED_UP})`;
