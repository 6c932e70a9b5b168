import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { shanghaiDate } from '../../src/common/time/shanghai';
import { residentId } from '../factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from '../factories/scenario';
import { summaryDrift } from '../support/summary-drift';
import { freshServerDatabase } from './support/server-database';
import { SpawnedService, spawnService } from './support/spawned-city';
import { within } from './support/traffic';

/** Each webhook post is answered after this long: slower than the delivery schedule's tick. */
const POST_MS = 700;
const CASES = 24;

/**
 * A slow webhook endpoint: answers each post after POST_MS, and keeps every reminder id it was sent
 * (the service posts the reminder's id: the same reminder twice would be seen).
 */
async function startSlowWebhook(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push((JSON.parse(body) as { id: string }).id);
      setTimeout(() => response.end('ok'), POST_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/**
 * Issue 16, item 3: two instances on one database, as a city deploys them, with every scheduled job
 * every second (the sweep, the deliveries, the folding of the report rollups) while cases are opened
 * and paid, and a webhook endpoint slower than the schedule: each reminder is made once, each delivery
 * posted once, and each change folded once (the rollups equal what they summarise).
 */
describe('Two instances with every scheduled job on', () => {
  let database: Awaited<ReturnType<typeof freshServerDatabase>>;
  let webhook: Awaited<ReturnType<typeof startSlowWebhook>>;
  const instances: SpawnedService[] = [];
  let desk: Desk;

  const everySecond = { REMINDER_SWEEP_CRON: '* * * * * *', REMINDER_DELIVERY_CRON: '* * * * * *', REPORT_ROLLUP_CRON: '* * * * * *', DEADLINES_REFRESH_CRON: '* * * * * *', LOG_LEVEL: 'log' };

  beforeAll(async () => {
    database = await freshServerDatabase();
    webhook = await startSlowWebhook();
    const first = await spawnService('two-instances-a', { DATABASE_URL: database.url, ...everySecond }, { schedulers: true });
    instances.push(first);
    instances.push(await spawnService('two-instances-b', first.env, { schedulers: true }));
    desk = await makeDesk(first.city);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.service.stop()));
    await new Promise<void>((resolve) => webhook.server.close(() => resolve()));
    await database?.drop();
  });

  it('makes each reminder once, posts each delivery once and folds each change once', async () => {
    const { admin } = instances[0].city;
    expect((await admin.put('/reminder-rules/festival_countdown', { enabled: true, daysBefore: [] })).status).toBe(204);
    expect((await desk.mediator.api.put('/me/channels/webhook', { address: `${webhook.url}/mediator` })).status).toBe(204);
    // cases opened and paid through both instances while both sweep, deliver and fold, each with a lawyer of its
    // own (the countdown reminds each person once a day of all his cases: one lawyer would get one reminder)
    for (let i = 0; i < CASES; i += 1) {
      const through = instances[i % 2].city;
      const staff = await makeStaff(through, desk.organisation.id, 'lawyer');
      expect((await staff.api.put('/me/channels/webhook', { address: `${webhook.url}/lawyer` })).status).toBe(204);
      const opened = await openCase({ ...desk, lawyer: staff }, {
        mediatorId: desk.mediator.id,
        claims: [{ worker: { name: `工人${i}`, idNumber: residentId(700 + i) }, amountClaimed: '5000.00' }],
      });
      if (i % 3 === 0) await payInFull(opened.id);
    }

    // every lawyer of a case still owed has his countdown, and the mediator his (a case paid before a sweep
    // reached it has none; one paid after has its own), each posted to their webhook
    const owedCases = CASES - Math.ceil(CASES / 3);
    await within(90_000, 'every countdown made and delivered', async () => {
      const { rows } = await database.pool.query(
        `SELECT count(DISTINCT r.id)::int AS made, count(*) FILTER (WHERE d.status <> 'delivered')::int AS waiting
           FROM reminders r LEFT JOIN reminder_deliveries d ON d.reminder_id = r.id
          WHERE r.kind = 'festival_countdown'`,
      );
      return rows[0].made >= owedCases + 1 && rows[0].waiting === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 3 * POST_MS + 2000)); // a late duplicate would arrive by now
    await Promise.all(instances.map((instance) => instance.service.stop()));

    const duplicates = await database.pool.query(
      `SELECT kind, subject, due_on, recipient_id, count(*) FROM reminders GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`,
    );
    expect(duplicates.rows).toEqual([]);
    // each reminder with a webhook delivery was posted exactly once, and nothing else was posted
    const posted = await database.pool.query(`SELECT reminder_id::text AS id FROM reminder_deliveries WHERE channel = 'webhook' ORDER BY 1`);
    expect([...webhook.received].sort()).toEqual(posted.rows.map((row) => row.id));
    const deliveries = await database.pool.query(`SELECT status, count(*)::int AS n FROM reminder_deliveries GROUP BY status`);
    expect(deliveries.rows).toEqual([{ status: 'delivered', n: webhook.received.length }]);
    expect(await summaryDrift(async (sql) => (await database.pool.query(sql)).rows)).toEqual([]);
    const folded = await database.pool.query(`SELECT count(*)::int AS n FROM report_rollups`);
    expect(folded.rows[0].n).toBeGreaterThan(0);
    // both instances took part, and neither logged an error
    const logs = instances.map((instance) => readFileSync(instance.logFile, 'utf8'));
    for (const log of logs) {
      expect(log).toMatch(/Sweep of/);
      expect(log).not.toMatch(/ERROR/);
    }
    expect(logs.filter((log) => /Deliveries: [1-9]/.test(log))).toHaveLength(2);
    console.log(`two instances: ${webhook.received.length} reminders posted once each, ${folded.rows[0].n} rollup rows`);
  });

  async function payInFull(caseId: string): Promise<void> {
    const mediator = desk.mediator.api;
    for (const to of ['verifying', 'mediating']) expect((await mediator.post(`/cases/${caseId}/transitions`, { to })).status).toBe(200);
    const [claim] = (await mediator.get(`/cases/${caseId}/claims`)).body.items;
    expect((await mediator.post(`/cases/${caseId}/claims/confirmations`, { items: [{ claimId: claim.id, amountConfirmed: '5000.00' }] })).status).toBe(200);
    const today = shanghaiDate(new Date());
    const paid = await mediator.post(`/cases/${caseId}/payouts`, { paidOn: today, payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: claim.id, amount: '5000.00' }] });
    expect(paid.status).toBe(201);
  }
});
