import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
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

export interface TestApp {
  api: Api;
  app: NestFastifyApplication;
  clock: FixedClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Starts the whole service on its own fresh database, listening on a free loopback port. */
export async function startTestApp(options: { now?: Date } = {}): Promise<TestApp> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const config = loadConfig({ ...testDatabase.env, PORT: '0', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '5' });
  const database: DatabaseHandle = await openDatabase(config);
  const clock = new FixedClock(options.now ?? new Date('2026-11-22T02:00:00Z'));
  const app = await createApp({ config, database, clock });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    api: new Api(`http://127.0.0.1:${address.port}`),
    app,
    clock,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
