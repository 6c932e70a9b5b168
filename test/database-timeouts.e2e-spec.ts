import { ArgumentsHost, Logger } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { HttpErrorFilter } from '../src/http-error.filter';
import { itOnDatabaseServer } from './support/concurrency';
import { TestApp, startTestApp } from './support/test-app';

/** What the error filter answers for an error, through a stand-in for Fastify's request and reply. */
function answerFor(exception: unknown): { status: number; body: { code: string; message: string } } {
  const sent = { status: 0, body: {} as { code: string; message: string } };
  const reply = {
    header: () => reply,
    status: (status: number) => ((sent.status = status), reply),
    send: (body: { code: string; message: string }) => ((sent.body = body), reply),
  };
  const request = { method: 'GET', url: '/cases', headers: { 'accept-language': 'zh-CN' } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
}

/** Issue 16, item 9: a database that does not answer in time gives a quick 503 in words, never a wait or a 500. */
describe('Database time limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    Logger.overrideLogger(['warn']);
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });

  itOnDatabaseServer('runs the service on a server with a statement timeout, an answer timeout and a connection timeout', 'the embedded database takes no startup options and is one queued connection', async () => {
    expect(await t.dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '30s' }]);
    const pool = (t.dataSource.driver as unknown as { master: { options: Record<string, unknown> } }).master;
    expect(pool.options).toMatchObject({ query_timeout: 35_000, connectionTimeoutMillis: 5_000 });
  });

  itOnDatabaseServer('answers 503 DATABASE_UNAVAILABLE, in words, to a statement cancelled by the statement timeout', 'statement_timeout is a server setting', async () => {
    const runner = t.dataSource.createQueryRunner();
    let error: unknown;
    const started = Date.now();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL statement_timeout = 200`); // the 30 s limit, shortened for the test
      await runner.query('SELECT pg_sleep(5)');
    } catch (caught) {
      error = caught;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(answerFor(error)).toEqual({
      status: 503,
      body: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法访问，请稍后重试' }),
    });
  });

  itOnDatabaseServer('answers 503 when the server does not answer in time or no connection is free', 'the limits are on the server pool', async () => {
    const url = t.shared.env.DATABASE_URL;
    const client = new Client({ connectionString: url, query_timeout: 200 });
    await client.connect();
    const silent = await client.query('SELECT pg_sleep(2)').catch((caught: unknown) => caught);
    await client.end().catch(() => {});
    expect(answerFor(new QueryFailedError('SELECT pg_sleep(2)', [], silent as Error)).status).toBe(503);

    const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    const full = await pool.connect().catch((caught: unknown) => caught);
    held.release();
    await pool.end();
    expect(answerFor(full)).toMatchObject({ status: 503, body: { code: 'DATABASE_UNAVAILABLE' } });
  });
});
