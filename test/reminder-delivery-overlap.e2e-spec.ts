import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { residentId } from './factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

/** Each post takes nine seconds of the service's clock (just under the webhook's ten-second timeout). */
const SECONDS_PER_POST = 9;

/**
 * A slow webhook: every post moves the test clock on by SECONDS_PER_POST and answers after a short real
 * wait; when the clock has passed `overlapAfterSeconds`, it starts a second delivery run (as the next
 * minute's schedule, or another instance, would) while the first is still sending.
 */
async function startSlowWebhook(t: () => TestApp, start: Date, overlapAfterSeconds: number, secondRun: () => Promise<unknown>) {
  const received: string[] = [];
  const runs: Promise<unknown>[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push((JSON.parse(body) as { id: string }).id);
      const clock = t().clock;
      clock.set(new Date(clock.now().getTime() + SECONDS_PER_POST * 1000));
      if (runs.length === 0 && clock.now().getTime() - start.getTime() > overlapAfterSeconds * 1000) runs.push(secondRun());
      setTimeout(() => response.end(), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, runs };
}

/** Issue 16, item 8: a slow endpoint and overlapping delivery runs must not send a reminder twice. */
describe('Reminder delivery against a slow endpoint', () => {
  let t: TestApp;
  let desk: Desk;
  let admin: Api;
  let webhook: Awaited<ReturnType<typeof startSlowWebhook>>;
  const start = new Date('2027-01-06T07:00:00+08:00');

  beforeAll(async () => {
    // The second run starts once the first has been sending for longer than a run used to lease its batch (300 s).
    webhook = await startSlowWebhook(() => t, start, 300, () => admin.post('/reminders/deliver'));
    t = await startTestApp({ now: start });
    admin = t.admin;
    desk = await makeDesk(t);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => webhook.server.close(() => resolve()));
  });

  it('posts each of 40 reminders exactly once when a second run starts while the first is still sending', async () => {
    // twenty cases, each with a lawyer and a mediator of its own (the countdown reminds a person once a day of all his cases)
    for (let i = 0; i < 20; i += 1) {
      const [lawyer, mediator] = await Promise.all(['lawyer', 'mediator'].map((role) => makeStaff(t, desk.organisation.id, role)));
      expect((await lawyer.api.put('/me/channels/webhook', { address: `${webhook.url}/lawyer` })).status).toBe(204);
      expect((await mediator.api.put('/me/channels/webhook', { address: `${webhook.url}/mediator` })).status).toBe(204);
      await openCase({ ...desk, lawyer }, {
        intakeDate: '2027-01-05',
        mediatorId: mediator.id,
        claims: [{ worker: { name: `工人${i}`, idNumber: residentId(300 + i) }, amountClaimed: '5000.00' }],
      });
    }
    // 30 days before the eve: a countdown for each of the forty people, each with a webhook.
    expect((await admin.post('/reminders/sweep', {})).body).toMatchObject({ on: '2027-01-06' });
    const pending = (await admin.get('/reminders/deliveries?status=pending&pageSize=100')).body;
    expect(pending.total).toBe(40);

    const first = (await admin.post('/reminders/deliver')).body;
    expect(webhook.runs).toHaveLength(1); // the second run did start while the first was sending
    const second = (await webhook.runs[0]) as { status: number; body: { delivered: number; failed: number } };
    expect(second.status).toBe(200);

    expect(webhook.received).toHaveLength(40);
    expect(new Set(webhook.received).size).toBe(40);
    expect(first.delivered + second.body.delivered).toBe(40);
    expect(first.failed + second.body.failed).toBe(0);
    expect((await admin.get('/reminders/deliveries?status=delivered&pageSize=100')).body.total).toBe(40);
  }, 120_000);
});
