import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createAdmin } from '../../src/admin/create-admin';
import { createApp } from '../../src/app';
import { FixedClock } from '../../src/common/time/clock';
import { loadConfig } from '../../src/config/app-config';
import { DatabaseHandle, openDatabase } from '../../src/database/open-database';
import { summaryDrift } from './summary-drift';
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
    DEADLINES_REFRESH_CRON: 'off',
    // the public form's proof of work, cheap: the suites that send reports solve one per report
    PUBLIC_CHALLENGE_COST: '1',
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
      const drift = await summaryDrift((sql) => dataSource.query(sql));
      await app.close();
      await database.close();
      await testDatabase.drop();
      if (drift.length > 0) throw new Error(drift.join('\n'));
    },
  };
}
