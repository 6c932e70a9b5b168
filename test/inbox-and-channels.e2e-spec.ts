import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { startSmtpServer } from './support/smtp-server';
import { TestApp, startTestApp } from './support/test-app';

/** An HTTP receiver: /hook and /wecom take a message, /gone answers 404, /wecom-bad as WeCom does to a wrong key. */
async function startReceiver() {
  const received: { path: string; body: any }[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(body) });
      response.setHeader('content-type', 'application/json');
      if (request.url === '/gone') response.statusCode = 404;
      const errcode = request.url === '/wecom-bad' ? 93000 : 0;
      response.end(JSON.stringify({ errcode, errmsg: errcode ? 'invalid webhook url' : 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The inbox's "mark all read" and each channel's "send a test". */
describe('Inbox and channels', () => {
  let t: TestApp;
  let desk: Desk;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    smtp = await startSmtpServer((address) => address.endsWith('@nowhere.example.cn'));
    receiver = await startReceiver();
    t = await startTestApp({ now: new Date('2027-01-06T07:00:00+08:00'), env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
    desk = await makeDesk(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  it('marks every unread reminder of the caller read, and only theirs', async () => {
    await openCase(desk, {
      intakeDate: '2027-01-05',
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: '高师傅', idNumber: residentId(21) }, amountClaimed: '12000.00' }],
    });
    // 30 days before the eve: the countdown for the lawyer and the mediator, the leader's digest
    expect((await t.admin.post('/reminders/sweep', {})).body).toMatchObject({ created: 3 });
    const unread = async (staff: Desk['lawyer']) => (await staff.api.get('/inbox/unread-count')).body.unread;
    expect(await unread(desk.lawyer)).toBe(1);

    const marked = await desk.lawyer.api.post('/inbox/read-all');
    expect(marked).toMatchObject({ status: 200, body: { marked: 1 } });
    expect(await unread(desk.lawyer)).toBe(0);
    expect((await desk.lawyer.api.get('/inbox')).body.items).toEqual([expect.objectContaining({ readAt: expect.any(String) })]);
    expect((await desk.lawyer.api.post('/inbox/read-all')).body).toEqual({ marked: 0 });
    expect(await unread(desk.mediator)).toBe(1);
    expect((await t.anonymous.post('/inbox/read-all')).status).toBe(401);
  });

  it('sends a test e-mail through the SMTP server, and says when the address is refused', async () => {
    const api = desk.lawyer.api;
    const notYet = await api.post('/me/channels/email/test');
    expect(notYet).toMatchObject({ status: 422, body: { code: 'CHANNEL_NOT_SET_UP' } });
    expect(notYet.body.message).toContain('电子邮件');

    expect((await api.put('/me/channels/email', { address: 'wang.lawyer@example.cn', enabled: false })).status).toBe(204);
    expect(await api.post('/me/channels/email/test')).toMatchObject({ status: 200, body: { delivered: true } });
    expect(smtp.mails).toEqual([expect.objectContaining({ to: ['wang.lawyer@example.cn'], subject: expect.stringContaining('测试消息') })]);

    expect((await api.put('/me/channels/email', { address: 'nobody@nowhere.example.cn' })).status).toBe(204);
    const refused = await api.post('/me/channels/email/test');
    expect(refused).toMatchObject({ status: 422, body: { code: 'CHANNEL_REFUSED' } });
    expect(refused.body.message).toContain('请检查地址');
    expect(refused.body.message).toContain('mailbox unavailable');
    expect(smtp.mails).toHaveLength(1);
  });

  it('posts a test to a webhook and a WeCom robot, and says when one refuses or does not answer', async () => {
    const api = desk.mediator.api;
    await api.put('/me/channels/webhook', { address: `${receiver.url}/hook` });
    expect(await api.post('/me/channels/webhook/test')).toMatchObject({ status: 200, body: { delivered: true } });
    expect(receiver.received.at(-1)).toMatchObject({ path: '/hook', body: { kind: 'channel_test', title: expect.stringContaining('测试消息') } });

    await api.put('/me/channels/wecom', { address: `${receiver.url}/wecom` });
    expect(await api.post('/me/channels/wecom/test')).toMatchObject({ status: 200, body: { delivered: true } });
    expect(receiver.received.at(-1)).toMatchObject({ path: '/wecom', body: { msgtype: 'markdown' } });

    await api.put('/me/channels/wecom', { address: `${receiver.url}/wecom-bad` });
    expect(await api.post('/me/channels/wecom/test')).toMatchObject({ status: 422, body: { code: 'CHANNEL_REFUSED' } });

    await api.put('/me/channels/webhook', { address: `${receiver.url}/gone` });
    const gone = await api.post('/me/channels/webhook/test');
    expect(gone).toMatchObject({ status: 422, body: { code: 'CHANNEL_REFUSED' } });
    expect(gone.body.message).toContain('404');

    await api.put('/me/channels/webhook', { address: `http://127.0.0.1:${await closedPort()}/hook` });
    const silent = await api.post('/me/channels/webhook/test', undefined, { 'accept-language': 'en' });
    expect(silent).toMatchObject({ status: 422, body: { code: 'CHANNEL_UNREACHABLE' } });
    expect(silent.body.message).toContain('did not answer');

    expect((await api.post('/me/channels/fax/test')).body.errors).toEqual([expect.objectContaining({ field: 'channel', code: 'NOT_ONE_OF' })]);
  });

  it('says when the mail server does not answer', async () => {
    await smtp.close();
    const response = await desk.lawyer.api.post('/me/channels/email/test');
    expect(response).toMatchObject({ status: 422, body: { code: 'CHANNEL_UNREACHABLE' } });
  });
});

describe('A test e-mail without a mail server configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers that an administrator must configure one', async () => {
    const desk = await makeDesk(t);
    await desk.clerk.api.put('/me/channels/email', { address: 'clerk@example.cn' });
    const response = await desk.clerk.api.post('/me/channels/email/test');
    expect(response).toMatchObject({ status: 422, body: { code: 'EMAIL_SERVER_NOT_SET_UP' } });
    expect(response.body.message).toContain('SMTP_URL');
  });
});
