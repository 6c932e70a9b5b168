import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { startSmtpServer } from './support/smtp-server';
import { TestApp, startTestApp } from './support/test-app';

/** An HTTP receiver for the WeCom robot and the webhook; the webhook fails as often as told. */
async function startReceiver(webhookFailures: number) {
  const received: { path: string; body: any; answered: number }[] = [];
  let failuresLeft = webhookFailures;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const parsed = JSON.parse(body);
      if (request.url === '/wecom') {
        received.push({ path: '/wecom', body: parsed, answered: 200 });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
        return;
      }
      const status = failuresLeft > 0 ? 500 : 200;
      failuresLeft -= 1;
      received.push({ path: request.url ?? '', body: parsed, answered: status });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** Reminders leaving the product: by e-mail through a real SMTP server, to a WeCom robot and a webhook. */
describe('Reminder delivery', () => {
  let t: TestApp;
  let desk: Desk;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const start = new Date('2027-01-06T07:00:00+08:00');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    receiver = await startReceiver(2);
    t = await startTestApp({ now: start, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    desk = await makeDesk(t);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  const at = (seconds: number) => t.clock.set(new Date(start.getTime() + seconds * 1000));

  it('sends the festival reminder by e-mail and to WeCom, and retries a failing webhook until it delivers once', async () => {
    expect((await desk.lawyer.api.put('/me/channels/email', { address: 'wang.lawyer@example.cn' })).status).toBe(204);
    expect((await desk.lawyer.api.put('/me/channels/wecom', { address: `${receiver.url}/wecom` })).status).toBe(204);
    expect((await desk.mediator.api.put('/me/channels/webhook', { address: `${receiver.url}/hook` })).status).toBe(204);
    const bad = await desk.mediator.api.put('/me/channels/email', { address: 'not an address' });
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'address', code: 'INVALID_FORMAT' })]);

    const opened = await openCase(desk, {
      intakeDate: '2027-01-05',
      mediatorId: desk.mediator.id,
      claims: [
        { worker: { name: '高师傅', idNumber: residentId(21) }, amountClaimed: '12000.00' },
        { worker: { name: '罗师傅', idNumber: residentId(22) }, amountClaimed: '8000.50' },
      ],
    });
    // 6 January 2027 is 30 days before the eve (5 February): the countdown for the lawyer and the
    // mediator, and the leader's daily digest (the leader has no channel but the inbox).
    const swept = (await t.admin.post('/reminders/sweep', {})).body;
    expect(swept).toMatchObject({ on: '2027-01-06', created: 3 });

    expect((await t.admin.post('/reminders/deliver')).body).toEqual({ delivered: 2, failed: 1 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['wang.lawyer@example.cn']);
    expect(smtp.mails[0].subject).toContain(opened.caseNumber);
    expect(smtp.mails[0].text).toContain('2 名劳动者');
    expect(smtp.mails[0].text).toContain('20,000.50');
    expect(smtp.mails[0].text).toContain(`/app/cases/${opened.id}`);

    const wecom = receiver.received.filter((r) => r.path === '/wecom');
    expect(wecom).toHaveLength(1);
    expect(wecom[0].body.msgtype).toBe('markdown');
    expect(wecom[0].body.markdown.content).toContain(opened.caseNumber);

    // The webhook answered 500: nothing is lost, it waits a minute, fails again, waits two, then delivers.
    let pending = (await t.admin.get('/reminders/deliveries?status=pending')).body.items;
    expect(pending).toEqual([expect.objectContaining({ channel: 'webhook', attempts: 1, lastError: 'the webhook answered 500' })]);
    expect((await t.admin.post('/reminders/deliver')).body).toEqual({ delivered: 0, failed: 0 });
    at(61);
    expect((await t.admin.post('/reminders/deliver')).body).toEqual({ delivered: 0, failed: 1 });
    at(61 + 121);
    expect((await t.admin.post('/reminders/deliver')).body).toEqual({ delivered: 1, failed: 0 });
    at(3600);
    const admin = await t.login('admin'); // an hour later: the morning's token has expired
    expect((await admin.post('/reminders/deliver')).body).toEqual({ delivered: 0, failed: 0 });

    const hooks = receiver.received.filter((r) => r.path === '/hook');
    expect(hooks.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(hooks[2].body).toMatchObject({ type: 'wage_arrears_reminder', kind: 'festival_countdown', caseId: opened.id });
    pending = (await admin.get('/reminders/deliveries?status=pending')).body.items;
    expect(pending).toEqual([]);
    const delivered = (await admin.get('/reminders/deliveries?status=delivered')).body;
    expect(delivered.total).toBe(3);

    // A second sweep of the same day queues nothing new: nothing is sent twice.
    at(3700);
    expect((await admin.post('/reminders/sweep', { on: '2027-01-06' })).body.created).toBe(0);
    expect((await admin.post('/reminders/deliver')).body).toEqual({ delivered: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    at(0);
  });
});
