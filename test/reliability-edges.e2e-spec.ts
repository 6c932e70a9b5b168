import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 16, the edges: /health when the database does not answer, headers on answers with full
 * personal data and over plain http, the throttles' Retry-After, and what a failed query logs.
 */
describe('Reliability at the edges', () => {
  let t: TestApp;
  let desk: Desk;
  const start = new Date('2027-01-10T09:00:00+08:00');

  beforeAll(async () => {
    t = await startTestApp({ now: start });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** Everything the service writes to its output while `run` runs. */
  async function captureOutput(run: () => Promise<unknown>): Promise<string> {
    const written: string[] = [];
    const keep = (chunk: unknown) => (written.push(String(chunk)), true);
    jest.spyOn(process.stdout, 'write').mockImplementation(keep);
    jest.spyOn(process.stderr, 'write').mockImplementation(keep);
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' ')));
    }
    try {
      await run();
    } finally {
      jest.restoreAllMocks();
    }
    return written.join('\n');
  }

  describe('GET /health', () => {
    it('answers 200 with the database up', async () => {
      const response = await t.anonymous.get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    });

    it('answers 503 naming the database when the database refuses, without a stack trace in the log', async () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      let response!: Awaited<ReturnType<Api['get']>>;
      const output = await captureOutput(async () => {
        jest.spyOn(t.dataSource, 'query').mockRejectedValue(refused);
        response = await t.anonymous.get('/health');
      });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      expect(output).not.toMatch(/INTERNAL_ERROR|\n\s+at /);
      expect((await t.anonymous.get('/health')).status).toBe(200);
    });

    it('answers 503 naming the database when the database hangs, after the check times out', async () => {
      jest.spyOn(t.dataSource, 'query').mockReturnValue(new Promise(() => {}));
      const response = await t.anonymous.get('/health');
      expect(response.status).toBe(503);
      expect(response.body.error).toEqual({ database: { status: 'down', message: 'timeout of 3000ms exceeded' } });
    });
  });

  describe('answers with full personal data are not cached', () => {
    it('a revealed id number: Cache-Control no-store', async () => {
      const worker = await desk.lawyer.api.post('/workers', { name: '钱七', idNumber: residentId(7101) });
      expect(worker.status).toBe(201);
      const revealed = await desk.lawyer.api.post(`/workers/${worker.body.id}/reveal`, { field: 'idNumber' });
      expect(revealed.status).toBe(200);
      expect(revealed.headers.get('cache-control')).toBe('no-store');
    });

    it('the printable agreement with full id numbers: Cache-Control no-store', async () => {
      const opened = await openCase(desk, {
        intakeDate: '2027-01-05',
        mediatorId: desk.mediator.id,
        claims: [{ worker: { name: '孙八', idNumber: residentId(7102) }, amountClaimed: '3000.00', amountConfirmed: '3000.00' }],
      });
      for (const to of ['verifying', 'mediating']) {
        expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
      }
      const signed = await desk.mediator.api.post(`/cases/${opened.id}/agreement`, {
        signedOn: '2027-01-10',
        schedule: 'total',
        instalments: [{ dueOn: '2027-01-25', amount: '3000.00' }],
      });
      expect(signed.status).toBe(201);
      const response = await desk.mediator.api.getRaw(`/cases/${opened.id}/agreement/document?idNumbers=full`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(residentId(7102));
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('Strict-Transport-Security', () => {
    it('is not sent over plain http', async () => {
      const response = await t.anonymous.get('/health');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      // the other security headers stay
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('is sent when a TLS-terminating proxy says the request came over https', async () => {
      const response = await t.anonymous.get('/health', { 'x-forwarded-proto': 'https' });
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    });
  });

  describe('a failed query', () => {
    it('is logged without its parameters, and cut to a sane length', async () => {
      const secret = '周九的身份证号110105194912310021';
      const huge = 'x'.repeat(200_000);
      const output = await captureOutput(() =>
        t.dataSource.query(`SELECT no_such_column FROM workers WHERE name = $1 /* ${huge} */`, [secret]).catch(() => null),
      );
      expect(output).toContain('no_such_column');
      expect(output).not.toContain(secret);
      expect(output.length).toBeLessThan(5_000);
    });

    it('a refused duplicate worker logs neither the name nor the id number hash', async () => {
      const idNumber = residentId(7103);
      expect((await desk.lawyer.api.post('/workers', { name: '吴十', idNumber })).status).toBe(201);
      let status = 0;
      const output = await captureOutput(async () => {
        status = (await desk.lawyer.api.post('/workers', { name: '郑十一', idNumber })).status;
      });
      expect(status).toBe(409);
      expect(output).not.toContain('郑十一');
      expect(output).not.toMatch(/PARAMETERS/);
    });
  });

  // Last: it leaves this client's address throttled.
  describe('Retry-After when the account and the address throttles both apply', () => {
    it('advertises the longer wait', async () => {
      const at = (seconds: number) => t.clock.set(new Date(start.getTime() + 3600_000 + seconds * 1000));
      const fail = async (username: string) => (await t.anonymous.post('/auth/login', { username, password: 'wrong-password-1234' })).status;
      // nine failures from this address on nine accounts, then four on one account, ten seconds apart:
      // the account waits 2 s after its fourth failure, the address 8 s after its thirteenth
      for (let i = 0; i < 9; i += 1) {
        at(i * 10);
        expect(await fail(`nobody${i}`)).toBe(401);
      }
      for (let i = 9; i < 13; i += 1) {
        at(i * 10);
        expect(await fail('guessed')).toBe(401);
      }
      const refused = await t.anonymous.post('/auth/login', { username: 'guessed', password: 'wrong-password-1234' });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('8');
      expect(refused.body.details).toMatchObject({ seconds: 8 });

      // waiting what the account alone needs is not enough; waiting what was advertised is
      at(120 + 2);
      expect(await fail('guessed')).toBe(429);
      at(120 + 8);
      expect(await fail('guessed')).toBe(401);
    });
  });
});

type Api = TestApp['anonymous'];
