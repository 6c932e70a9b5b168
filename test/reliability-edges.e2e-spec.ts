import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';
import { captureOutput } from './support/capture-output';

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
  describe('Retry-After, the code and the words when the account and the address throttles both apply', () => {
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

    /**
     * Failures from this address (all tests come from 127.0.0.1), `spacing` seconds apart from `from`:
     * more than the longest delay (60 s), so each is answered, and less than the quarter of an hour
     * after which failures are forgotten, so each counts.
     */
    async function failuresFrom(from: number, usernames: string[], spacing = 70): Promise<number> {
      let last = from;
      for (const [i, username] of usernames.entries()) {
        last = from + i * spacing;
        t.clock.set(new Date(start.getTime() + last * 1000));
        const response = await t.anonymous.post('/auth/login', { username, password: 'wrong-password-1234' });
        expect({ username, status: response.status }).toEqual({ username, status: 401 });
      }
      return last;
    }

    it('names the address when the address is locked and the account only waits a moment', async () => {
      // an hour later, everything before is forgotten; 26 failures on made-up accounts, then 4 on one:
      // the 30th failure from the address locks it for 15 minutes, the account waits 2 s after its 4th
      const from = 2 * 3600;
      const usernames = [...Array.from({ length: 26 }, (_, i) => `sprayed${i}`), ...Array(4).fill('both')];
      const last = await failuresFrom(from, usernames);
      t.clock.set(new Date(start.getTime() + (last + 1) * 1000));

      const refused = await t.anonymous.post('/auth/login', { username: 'both', password: 'wrong-password-1234' });
      const inEnglish = await t.anonymous.post('/auth/login', { username: 'both', password: 'wrong-password-1234' }, { 'accept-language': 'en' });

      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('899');
      expect(refused.body).toEqual({
        statusCode: 429,
        code: 'ADDRESS_LOCKED',
        message: expect.stringContaining('15 分钟'),
        details: { minutes: 15, seconds: 899 },
      });
      expect(refused.body.message).toContain('网络地址');
      expect(refused.body.message).not.toContain('账号已');
      expect(inEnglish.body.code).toBe('ADDRESS_LOCKED');
      expect(inEnglish.body.message).toContain('network address');
      expect(inEnglish.body.message).toContain('15 minutes');
    });

    it('names the account when the account is locked and the address only waits a moment', async () => {
      // an hour after the address's lock: 4 failures on made-up accounts, then 10 on one, which locks it;
      // the address, at 14 failures, waits 16 s after the last
      const from = 4 * 3600;
      const usernames = [...Array.from({ length: 4 }, (_, i) => `elsewhere${i}`), ...Array(10).fill('locked.one')];
      const last = await failuresFrom(from, usernames);
      t.clock.set(new Date(start.getTime() + (last + 1) * 1000));

      const refused = await t.anonymous.post('/auth/login', { username: 'locked.one', password: 'wrong-password-1234' });

      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('899');
      expect(refused.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { minutes: 15, seconds: 899 } });
      // another account behind the address waits only what the address needs
      const other = await t.anonymous.post('/auth/login', { username: 'elsewhere0', password: 'wrong-password-1234' });
      expect(other.status).toBe(429);
      expect(other.body).toMatchObject({ code: 'LOGIN_THROTTLED', details: { seconds: 15 } });
      expect(other.headers.get('retry-after')).toBe('15');
    });
  });
});

type Api = TestApp['anonymous'];
