import { mobile, residentId } from './factories/identities';
import { Desk, makeDesk, makeEmployer, makeOrganisation, makeUser, openCase } from './factories/scenario';
import { Api, ApiResponse, TEST_PASSWORD, TestApp, startTestApp } from './support/test-app';
import { itWhereConcurrent } from './support/concurrency';

/**
 * Security as a user or an auditor notices it: the audit trail, personal data at rest, who may see a
 * full id number, lost updates, retried requests, sessions and tokens, password guessing, and what
 * every answer carries (headers, no internals).
 */

const BASE = new Date('2026-11-22T10:00:00+08:00');
const MINUTE = 60_000;

interface Session {
  accessToken: string;
  refreshToken: string;
  api: Api;
}

/** Logs in over HTTP and keeps the raw tokens, for the tests that refresh, reuse or outlive them. */
async function logIn(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await t.anonymous.post('/auth/login', { username, password });
  if (response.status !== 200) throw new Error(`login of ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return sessionOf(t, response.body);
}

function sessionOf(t: TestApp, tokens: { accessToken: string; refreshToken: string }): Session {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    api: t.anonymous.withHeaders({ authorization: `Bearer ${tokens.accessToken}` }),
  };
}

/** The administrator's search of the audit trail, newest first. */
async function audit(t: TestApp, filters: Record<string, string>): Promise<any[]> {
  const response = await t.admin.get(`/audit?${new URLSearchParams({ pageSize: '200', ...filters })}`);
  if (response.status !== 200) throw new Error(`GET /audit: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.items;
}

function maskedId(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

function maskedMobile(number: string): string {
  return `${number.slice(0, 3)}****${number.slice(-4)}`;
}

/** Every text, varchar and json(b) column of every table that holds one of the needles, with the count of rows. */
async function clearTextHits(t: TestApp, needles: string[]): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
      ORDER BY 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(20);
  const patterns = needles.map((needle) => `%${needle}%`);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE ANY($1::text[])`,
      [patterns],
    );
    if (n > 0) hits.push(`${table_name}.${column_name}: ${n} row(s)`);
  }
  return hits;
}

function expectNoInternals(response: ApiResponse) {
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/\bat [\w$.<>]+ \(|:\d+:\d+\)|\\n\s+at /);
  expect(text).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bWHERE\b|\bFROM \w+/);
  expect(text).not.toMatch(/QueryFailedError|duplicate key|violates|node_modules|\.ts:\d+/);
  expect(Object.keys(response.body).sort()).toEqual(
    expect.arrayContaining(['code', 'message', 'statusCode']),
  );
}

describe('Security: audit trail, personal data, concurrency, retries and sessions', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: BASE });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  it('keeps an audit trail of who registered, opened, confirmed, moved, paid and revealed what', async () => {
    const lawyer = desk.lawyer;
    const mediator = desk.mediator;
    const employer = await makeEmployer(lawyer.api);
    const idNumber = residentId(410_001);
    const opened = await openCase(desk, {
      employers: [{ employerId: employer.id, role: 'employer' }],
      claims: [{ worker: { name: '郭建华', idNumber, mobile: mobile(410_001) }, amountClaimed: '8000.00' }],
    });
    const caseUrl = `/cases/${opened.id}`;
    const [claim] = (await mediator.api.get(`${caseUrl}/claims`)).body.items;
    const workerId: string = claim.worker.id;

    const confirmed = await mediator.api.patch(`${caseUrl}/claims/${claim.id}`, { version: claim.version, amountConfirmed: '7600.00' });
    expect(confirmed.status).toBe(200);
    expect((await mediator.api.post(`${caseUrl}/assignment`, { mediatorId: mediator.id })).status).toBe(200);
    for (const to of ['verifying', 'mediating']) {
      const moved = await mediator.api.post(`${caseUrl}/transitions`, { to });
      expect({ to, status: moved.status }).toEqual({ to, status: 200 });
    }
    const agreement = { signedOn: '2026-11-22', schedule: 'total', instalments: [{ dueOn: '2026-11-30', amount: '7600.00' }] };
    expect((await mediator.api.post(`${caseUrl}/agreement`, agreement)).status).toBe(201);
    const paid = await mediator.api.post(`${caseUrl}/payouts`, {
      paidOn: '2026-11-22',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: [{ claimId: claim.id, amount: '3000.00' }],
    });
    expect(paid.status).toBe(201);
    const [payout] = (await mediator.api.get(`${caseUrl}/payouts`)).body.items;
    const revealed = await lawyer.api.post(`/workers/${workerId}/reveal`, { field: 'idNumber' });
    expect(revealed.body).toEqual({ field: 'idNumber', value: idNumber });

    const only = async (filters: Record<string, string>) => {
      const rows = await audit(t, filters);
      expect({ filters, count: rows.length }).toEqual({ filters, count: 1 });
      return rows[0];
    };
    const inserted = { action: 'insert' };
    expect(await only({ ...inserted, entityType: 'employers', entityId: employer.id })).toMatchObject({
      actorId: lawyer.id,
      after: { id: employer.id, credit_code: employer.creditCode },
    });
    expect(await only({ ...inserted, entityType: 'cases', entityId: opened.id })).toMatchObject({
      actorId: lawyer.id,
      after: { case_number: opened.caseNumber, status: 'received' },
    });
    expect(await only({ ...inserted, entityType: 'claims', entityId: claim.id })).toMatchObject({
      actorId: lawyer.id,
      after: { claimed_fen: 800000, confirmed_fen: null },
    });
    expect(await only({ ...inserted, entityType: 'workers', entityId: workerId })).toMatchObject({
      actorId: lawyer.id,
      after: { name: '郭建华' },
    });
    expect(await only({ ...inserted, entityType: 'payouts', entityId: payout.id })).toMatchObject({
      actorId: mediator.id,
      after: { amount_fen: 300000, claim_id: claim.id },
    });

    const claimUpdate = await only({ action: 'update', entityType: 'claims', entityId: claim.id });
    expect(claimUpdate).toMatchObject({ actorId: mediator.id, before: { confirmed_fen: null }, after: { confirmed_fen: 760000 } });
    expect(claimUpdate.before).toEqual({ confirmed_fen: null });
    expect(claimUpdate.after).toEqual({ confirmed_fen: 760000 });

    const caseUpdates = await audit(t, { action: 'update', entityType: 'cases', entityId: opened.id });
    expect(caseUpdates.every((row) => row.actorId === mediator.id)).toBe(true);
    const statusMoves = caseUpdates
      .filter((row) => row.after?.status !== undefined)
      .reverse()
      .map((row) => `${row.before.status}→${row.after.status}`);
    expect(statusMoves).toEqual(['received→verifying', 'verifying→mediating', 'mediating→agreed', 'agreed→paying']);
    expect(caseUpdates.find((row) => row.after?.mediator_id !== undefined)).toMatchObject({
      before: { mediator_id: null },
      after: { mediator_id: mediator.id },
    });

    expect(await only({ action: 'reveal', entityType: 'workers', entityId: workerId })).toMatchObject({
      actorId: lawyer.id,
      actorName: lawyer.displayName,
      clientAddress: '127.0.0.1',
      after: { field: 'idNumber' },
    });

    // Nothing written by this story is anonymous.
    for (const entityId of [employer.id, opened.id, claim.id, workerId, payout.id]) {
      const rows = await audit(t, { entityId });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => row.actorId === null)).toEqual([]);
    }

    const logins = await audit(t, { action: 'login', actorId: lawyer.id });
    expect(logins.length).toBeGreaterThanOrEqual(1);
    expect(logins[0]).toMatchObject({ entityType: 'users', entityId: lawyer.id, clientAddress: '127.0.0.1' });
    expect(logins.every((row) => row.actorId === lawyer.id)).toBe(true);
  });

  it('refuses to rewrite, delete or truncate the audit log, whoever asks the database', async () => {
    const [{ before }] = await t.dataSource.query(`SELECT count(*)::int AS before FROM audit_log`);
    expect(before).toBeGreaterThan(0);
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'insert' WHERE action = 'reveal'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE audit_log SET actor_id = NULL`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log WHERE action = 'login'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ after }] = await t.dataSource.query(`SELECT count(*)::int AS after FROM audit_log`);
    expect(after).toBe(before);
  });

  it('stores no id number, birth date or mobile number in clear text, shows them masked and reveals them to a lawyer', async () => {
    const lawyer = desk.lawyer.api;
    const people = Array.from({ length: 6 }, (_, i) => ({
      name: `钱${'国明华强军伟'[i]}`,
      idNumber: residentId(3_217_000 + i * 8_011),
      mobile: mobile(72_345_670 + i),
    }));
    const [a, b, c, d, e, f] = people;
    const opened = await openCase(desk, {
      claims: [a, b].map((worker) => ({ worker, amountClaimed: '6200.00' })),
    });
    expect(
      (await lawyer.post(`/cases/${opened.id}/claims`, { claims: [{ worker: c, amountClaimed: '4100.00' }] })).status,
    ).toBe(201);
    expect(
      (await lawyer.post(`/cases/${opened.id}/claims/import`, { rows: [{ ...d, amountClaimed: '3900.00' }] })).status,
    ).toBe(201);
    const registered = await lawyer.post('/workers', e);
    expect(registered.status).toBe(201);
    // A worker registered without a mobile, who gives one later.
    const late = await lawyer.post('/workers', { name: f.name, idNumber: f.idNumber });
    expect(late.status).toBe(201);
    const corrected = await lawyer.patch(`/workers/${late.body.id}`, { version: late.body.version, mobile: f.mobile });
    expect(corrected.status).toBe(200);

    // Shown masked everywhere: the claims list, a worker, the worker list.
    const claims = (await lawyer.get(`/cases/${opened.id}/claims?pageSize=200`)).body.items;
    const shown = [...claims.map((claim: any) => claim.worker), registered.body, corrected.body];
    for (const person of people) {
      expect(shown.find((worker: any) => worker.name === person.name)).toMatchObject({
        idNumber: maskedId(person.idNumber),
        mobile: maskedMobile(person.mobile),
      });
    }
    expect(maskedId(a.idNumber)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(maskedMobile(a.mobile)).toMatch(/^139\*{4}\d{4}$/);
    const listed = await lawyer.get(`/workers?q=${encodeURIComponent(e.idNumber)}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ idNumber: maskedId(e.idNumber), mobile: maskedMobile(e.mobile) })]);
    expect(JSON.stringify(listed.body)).not.toContain(e.idNumber);

    // A lawyer sees the full numbers on request.
    const workerD = claims.find((claim: any) => claim.worker.name === d.name).worker;
    expect((await lawyer.post(`/workers/${workerD.id}/reveal`, { field: 'idNumber' })).body).toEqual({ field: 'idNumber', value: d.idNumber });
    expect((await lawyer.post(`/workers/${workerD.id}/reveal`, { field: 'mobile' })).body).toEqual({ field: 'mobile', value: d.mobile });
    expect((await lawyer.post(`/workers/${late.body.id}/reveal`, { field: 'mobile' })).body).toEqual({ field: 'mobile', value: f.mobile });

    const needles = people.flatMap((person) => [person.idNumber, person.idNumber.slice(6, 14), person.mobile]);
    expect(await clearTextHits(t, needles)).toEqual([]);
  });

  it('keeps a revealed id number out of the database when the reveal carries an Idempotency-Key', async () => {
    const worker = { name: '钱建成', idNumber: residentId(3_421_555), mobile: mobile(72_349_001) };
    const registered = await desk.lawyer.api.post('/workers', worker);
    expect(registered.status).toBe(201);
    const key = { 'idempotency-key': 'reveal-3421555' };
    const revealed = await desk.lawyer.api.post(`/workers/${registered.body.id}/reveal`, { field: 'idNumber' }, key);
    expect(revealed.body).toEqual({ field: 'idNumber', value: worker.idNumber });
    expect(await clearTextHits(t, [worker.idNumber, worker.idNumber.slice(6, 14), worker.mobile])).toEqual([]);
    // Shown in full again: that is a reveal too, and the trail must say so.
    const again = await desk.lawyer.api.post(`/workers/${registered.body.id}/reveal`, { field: 'idNumber' }, key);
    expect(again.body).toEqual({ field: 'idNumber', value: worker.idNumber });
    expect(await audit(t, { action: 'reveal', entityId: registered.body.id })).toHaveLength(2);
  });

  it('lets only lawyers and mediators reveal, and only for workers in their own district', async () => {
    const idNumber = residentId(5_120_042);
    const opened = await openCase(desk, {
      claims: [{ worker: { name: '罗志刚', idNumber, mobile: mobile(55_120_042) }, amountClaimed: '2500.00' }],
    });
    const [claim] = (await desk.lawyer.api.get(`/cases/${opened.id}/claims`)).body.items;
    const reveal = (api: Api) => api.post(`/workers/${claim.worker.id}/reveal`, { field: 'idNumber' });

    for (const [role, api] of [
      ['leader', desk.leader.api],
      ['intake_clerk', desk.clerk.api],
      ['admin', t.admin],
    ] as const) {
      const refused = await reveal(api);
      expect({ role, status: refused.status, code: refused.body.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
      expect(JSON.stringify(refused.body)).not.toContain(idNumber);
    }
    expect((await reveal(desk.lawyer.api)).body).toEqual({ field: 'idNumber', value: idNumber });
    expect((await reveal(desk.mediator.api)).body).toEqual({ field: 'idNumber', value: idNumber });

    const other = await makeDesk(t);
    const outsider = await reveal(other.lawyer.api);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('WORKER_NOT_FOUND');
    expect(JSON.stringify(outsider.body)).not.toContain(idNumber);
    expect((await other.lawyer.api.post(`/workers/${claim.worker.id}/reveal`, { field: 'mobile' })).status).toBe(404);

    // Refused reveals leave no reveal entry; the two allowed ones do, each with its actor.
    const reveals = await audit(t, { action: 'reveal', entityId: claim.worker.id });
    expect(reveals.map((row) => row.actorId).sort()).toEqual([desk.lawyer.id, desk.mediator.id].sort());
  });

  itWhereConcurrent('lets only one of two simultaneous edits of the same version through, for a case and for a claim', async () => {
    const opened = await openCase(desk, {
      claims: [{ worker: { name: '林海波', idNumber: residentId(6_230_017) }, amountClaimed: '9000.00' }],
    });
    const caseUrl = `/cases/${opened.id}`;
    const edits = await Promise.all([
      desk.lawyer.api.patch(caseUrl, { version: opened.version, summary: '拖欠工资（律师更正）' }),
      desk.mediator.api.patch(caseUrl, { version: opened.version, summary: '拖欠工资（调解员更正）' }),
    ]);
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = edits.find((r) => r.status === 200)!;
    const lost = edits.find((r) => r.status === 409)!;
    expect(lost.body).toMatchObject({ code: 'STALE_VERSION', details: { current: opened.version + 1 } });
    const current = (await desk.leader.api.get(caseUrl)).body;
    expect(current).toMatchObject({ summary: won.body.summary, version: opened.version + 1 });

    const [claim] = (await desk.lawyer.api.get(`${caseUrl}/claims`)).body.items;
    const claimUrl = `${caseUrl}/claims/${claim.id}`;
    const confirmations = await Promise.all([
      desk.lawyer.api.patch(claimUrl, { version: claim.version, amountConfirmed: '8800.00' }),
      desk.mediator.api.patch(claimUrl, { version: claim.version, amountConfirmed: '8500.00' }),
    ]);
    expect(confirmations.map((r) => r.status).sort()).toEqual([200, 409]);
    const confirmedBy = confirmations.find((r) => r.status === 200)!;
    expect(confirmations.find((r) => r.status === 409)!.body).toMatchObject({
      code: 'STALE_VERSION',
      details: { current: claim.version + 1 },
    });
    expect((await desk.leader.api.get(claimUrl)).body).toMatchObject({
      amountConfirmed: confirmedBy.body.amountConfirmed,
      version: claim.version + 1,
    });
    expect(await audit(t, { action: 'update', entityType: 'claims', entityId: claim.id })).toHaveLength(1);
  });

  it('answers a retried POST with its first answer, and keeps Idempotency-Keys to one body and one user', async () => {
    const own = await makeDesk(t);
    const body = {
      organisationId: own.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-11-21',
      summary: '网络中断后重发的立案请求',
      employers: [{ employerId: own.employer.id, role: 'employer' }],
    };
    const key = { 'idempotency-key': '5b7e1c2a-open-case-1' };
    const first = await own.lawyer.api.post('/cases', body, key);
    expect(first.status).toBe(201);
    const retry = await own.lawyer.api.post('/cases', body, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.caseNumber).toBe(first.body.caseNumber);
    let list = (await own.leader.api.get(`/cases?organisationId=${own.organisation.id}`)).body;
    expect(list.total).toBe(1);
    expect(list.items.map((c: any) => c.id)).toEqual([first.body.id]);
    expect(one(await audit(t, { action: 'insert', entityType: 'cases', entityId: first.body.id }))).toMatchObject({
      actorId: own.lawyer.id,
    });

    const changed = await own.lawyer.api.post('/cases', { ...body, summary: '另一件事' }, key);
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // A refused request does not use up its key: the corrected request goes through with it.
    const second = { 'idempotency-key': '5b7e1c2a-open-case-2' };
    const invalid = await own.lawyer.api.post('/cases', { ...body, summary: '' }, second);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'summary' })]);
    const fixed = await own.lawyer.api.post('/cases', { ...body, summary: '改正后的立案请求' }, second);
    expect(fixed.status).toBe(201);
    expect(fixed.body.id).not.toBe(first.body.id);

    // Keys are the sender's own: an intake clerk using the same key opens a case of their own.
    const clerks = await own.clerk.api.post('/cases', body, key);
    expect(clerks.status).toBe(201);
    expect(clerks.body.id).not.toBe(first.body.id);
    list = (await own.leader.api.get(`/cases?organisationId=${own.organisation.id}`)).body;
    expect(list.total).toBe(3);
  });

  it('ends sessions on logout, refresh-token reuse, password change and deactivation, and expires access tokens', async () => {
    const org = desk.organisation.id;
    const user = await makeUser(t, org, 'mediator');

    // Who is logged in.
    const first = await logIn(t, user.username);
    expect((await first.api.get('/auth/me')).body).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: ['mediator'],
      organisationId: org,
      locale: 'zh-CN',
      // an administrator set the password: the pages ask for a new one
      mustChangePassword: true,
      permissions: expect.arrayContaining(['cases.transition', 'payouts.record']),
    });

    // Logout: the token stops working at once; another session of the same user goes on.
    const other = await logIn(t, user.username);
    expect((await first.api.post('/auth/logout')).status).toBe(204);
    const afterLogout = await first.api.get('/auth/me');
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'invalid_token' } });
    expect((await t.anonymous.post('/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await other.api.get('/auth/me')).status).toBe(200);

    // Refresh rotates both tokens.
    const refreshed = await t.anonymous.post('/auth/refresh', { refreshToken: other.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.tokenType).toBe('Bearer');
    const rotated = sessionOf(t, refreshed.body);
    expect(rotated.accessToken).not.toBe(other.accessToken);
    expect(rotated.refreshToken).not.toBe(other.refreshToken);
    expect((await rotated.api.get('/auth/me')).body.id).toBe(user.id);
    expect((await other.api.get('/auth/me')).status).toBe(401);

    // The old refresh token presented again is refused (that the session then ends is the next test's).
    const reused = await t.anonymous.post('/auth/refresh', { refreshToken: other.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'invalid_refresh_token' } });

    // Changing the password ends every session of the user; a weak new one is refused.
    const [laptop, phone] = [await logIn(t, user.username), await logIn(t, user.username)];
    const weak = await laptop.api.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password12' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    expect((await phone.api.get('/auth/me')).status).toBe(200);
    const newPassword = 'Quiet-harbour-Miyun-2031';
    expect((await laptop.api.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword })).status).toBe(204);
    expect((await laptop.api.get('/auth/me')).status).toBe(401);
    expect((await phone.api.get('/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/auth/refresh', { refreshToken: phone.refreshToken })).status).toBe(401);
    expect((await t.anonymous.post('/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(401);
    const renewed = await logIn(t, user.username, newPassword);
    expect((await renewed.api.get('/auth/me')).status).toBe(200);

    // An expired access token says so; the refresh token still gets a new pair.
    try {
      t.clock.set(new Date(BASE.getTime() + 16 * MINUTE));
      const expired = await renewed.api.get('/auth/me');
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired_token' } });
      expect(expired.headers.get('www-authenticate')).toBe('Bearer');
      const fresh = await t.anonymous.post('/auth/refresh', { refreshToken: renewed.refreshToken });
      expect(fresh.status).toBe(200);
      expect((await sessionOf(t, fresh.body).api.get('/auth/me')).body.id).toBe(user.id);
    } finally {
      t.clock.set(BASE);
    }

    // Deactivation by an administrator: every token stops at once, and login says why.
    const before = await logIn(t, user.username, newPassword);
    const deactivated = await t.admin.patch(`/users/${user.id}`, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await before.api.get('/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/auth/refresh', { refreshToken: before.refreshToken })).status).toBe(401);
    const refused = await t.anonymous.post('/auth/login', { username: user.username, password: newPassword });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('ends the whole session when a refresh token already used is presented again', async () => {
    const user = await makeUser(t, desk.organisation.id, 'mediator');
    const copied = await logIn(t, user.username);
    const refreshed = await t.anonymous.post('/auth/refresh', { refreshToken: copied.refreshToken });
    expect(refreshed.status).toBe(200);
    const newest = sessionOf(t, refreshed.body);
    expect((await newest.api.get('/auth/me')).status).toBe(200);

    const reused = await t.anonymous.post('/auth/refresh', { refreshToken: copied.refreshToken });
    expect(reused.status).toBe(401);
    expect((await newest.api.get('/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/auth/refresh', { refreshToken: newest.refreshToken })).status).toBe(401);
  });

  it('ends the session when any refresh token already used is presented again, not only the last one', async () => {
    const user = await makeUser(t, desk.organisation.id, 'lawyer');
    const stolen = await logIn(t, user.username);
    const once = await t.anonymous.post('/auth/refresh', { refreshToken: stolen.refreshToken });
    const twice = await t.anonymous.post('/auth/refresh', { refreshToken: once.body.refreshToken });
    const current = sessionOf(t, twice.body);
    expect((await current.api.get('/auth/me')).status).toBe(200);
    expect((await t.anonymous.post('/auth/refresh', { refreshToken: stolen.refreshToken })).status).toBe(401);
    expect((await current.api.get('/auth/me')).status).toBe(401);
  });

  it('sends security headers, refuses foreign origins, asks for a token and shows no internals in errors', async () => {
    const health = await t.anonymous.get('/health');
    expect(health.status).toBe(200);
    for (const response of [health, await t.anonymous.get('/cases')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toMatch(/^(SAMEORIGIN|DENY)$/);
      expect(response.headers.get('x-powered-by')).toBeNull();
    }

    const preflight = await fetch(`${t.anonymous.baseUrl}/cases`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    await preflight.arrayBuffer();
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const crossOrigin = await t.admin.get('/cases', { origin: 'https://evil.example.com' });
    expect(crossOrigin.headers.get('access-control-allow-origin')).toBeNull();

    const anonymous = await t.anonymous.get('/cases');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'missing_token' } });
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await t.anonymous.get('/cases', { authorization: 'Bearer not-a-token-we-issued' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toBe('Bearer');

    const missingCase = await desk.lawyer.api.get('/cases/6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b');
    expect(missingCase.status).toBe(404);
    expectNoInternals(missingCase);
    const missingRoute = await desk.lawyer.api.get('/cases/x/y/z');
    expect(missingRoute.status).toBe(404);
    expectNoInternals(missingRoute);
    // A duplicate credit code is refused by a unique index: the database's words must not reach the client.
    const duplicate = await desk.lawyer.api.post('/employers', {
      name: '重复登记的公司',
      creditCode: desk.employer.creditCode,
      kind: 'company',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('CREDIT_CODE_TAKEN');
    expectNoInternals(duplicate);
    const opened = await openCase(desk);
    const stale = await desk.lawyer.api.patch(`/cases/${opened.id}`, { version: opened.version + 5, summary: '过期的修改' });
    expect(stale.status).toBe(409);
    expectNoInternals(stale);
    const malformed = await desk.lawyer.api.post('/cases', '{"organisationId": ');
    expect(malformed.status).toBe(400);
    expectNoInternals(malformed);
  });
});

/**
 * Password guessing, on a service of its own: the throttle counts failures per client address too,
 * and every request here comes from 127.0.0.1.
 */
describe('Security: login throttling and lockout', () => {
  let u: TestApp;
  let now: number;
  // Created at the start: the administrator's token expires as this service's clock moves on.
  let guessed: any;
  let known: any[];
  let victim: any;
  let raced: any;

  beforeAll(async () => {
    u = await startTestApp({ now: BASE });
    now = BASE.getTime();
    const organisationId = (await makeOrganisation(u)).id;
    guessed = await makeUser(u, organisationId, 'lawyer');
    known = await Promise.all([1, 2, 3, 4].map(() => makeUser(u, organisationId, 'mediator')));
    victim = await makeUser(u, organisationId, 'leader');
    raced = await makeUser(u, organisationId, 'lawyer');
  });
  afterAll(() => u.close());

  const advance = (ms: number) => {
    now += ms;
    u.clock.set(new Date(now));
  };
  const attempt = (username: string, password: string) => u.anonymous.post('/auth/login', { username, password });

  it('slows down guesses at one account, then locks it for 15 minutes, even for the right password', async () => {
    const user = guessed;
    const guess = (n: number) => attempt(user.username, `Wrong-guess-number-${n}`);

    for (let n = 1; n <= 3; n += 1) {
      const failed = await guess(n);
      expect({ n, status: failed.status, code: failed.body.code }).toEqual({ n, status: 401, code: 'LOGIN_FAILED' });
    }
    // From the fourth on, each attempt waits twice as long as the one before.
    const waits: number[] = [];
    for (let n = 4; n <= 10; n += 1) {
      const early = await guess(n);
      expect({ n, status: early.status, code: early.body.code }).toEqual({ n, status: 429, code: 'LOGIN_THROTTLED' });
      const seconds = Number(early.headers.get('retry-after'));
      expect(early.body.details.seconds).toBe(seconds);
      waits.push(seconds);
      // Even the right password waits.
      expect((await attempt(user.username, TEST_PASSWORD)).status).toBe(429);
      advance(seconds * 1000);
      const failed = await guess(n);
      expect({ n, status: failed.status, code: failed.body.code }).toEqual({ n, status: 401, code: 'LOGIN_FAILED' });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);

    // Ten failures: locked.
    const locked = await attempt(user.username, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { minutes: 15, seconds: 900 } });
    expect(locked.headers.get('retry-after')).toBe('900');
    advance(14 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
    advance(MINUTE);
    const back = await attempt(user.username, TEST_PASSWORD);
    expect(back.status).toBe(200);
    expect(back.body.user.id).toBe(user.id);

    advance(20 * MINUTE);

    // Every failure is in the audit trail, with no actor and the address it came from.
    const failures = await auditFor(user.id, 'login_failed');
    expect(failures).toHaveLength(10);
    expect(failures.every((row) => row.actorId === null && row.clientAddress === '127.0.0.1')).toBe(true);
  });

  it('slows down and then locks out one address that guesses at many usernames, known or not', async () => {
    let n = 0;
    // Real usernames now and then among made-up ones, each real one tried only once.
    const sprayOne = () => {
      n += 1;
      const username = n % 3 === 0 && n / 3 <= known.length ? known[n / 3 - 1].username : `ghost.${n}`;
      return attempt(username, `Spray-password-${n}`);
    };

    for (let i = 1; i <= 10; i += 1) {
      const failed = await sprayOne();
      expect({ i, status: failed.status, code: failed.body.code }).toEqual({ i, status: 401, code: 'LOGIN_FAILED' });
    }
    const throttled = await sprayOne();
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The address is slowed down for everybody behind it, right password or not.
    expect((await attempt(victim.username, TEST_PASSWORD)).status).toBe(429);

    let failures = 10;
    while (failures < 30) {
      const early = await sprayOne();
      expect(early.status).toBe(429);
      advance(Number(early.headers.get('retry-after')) * 1000);
      const failed = await sprayOne();
      expect(failed.status).toBe(401);
      failures += 1;
    }
    const locked = await attempt(victim.username, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ADDRESS_LOCKED');
    expect(locked.headers.get('retry-after')).toBe('900');
    advance(15 * MINUTE);
    expect((await attempt(victim.username, TEST_PASSWORD)).status).toBe(200);
    advance(20 * MINUTE);
  });

  itWhereConcurrent('counts simultaneous wrong guesses one by one: only the three free ones get an answer', async () => {
    const user = raced;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(user.username, `Parallel-guess-${i}`)),
    );
    const answered = responses.filter((r) => r.status === 401).length;
    advance(20 * MINUTE);
    expect(responses.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(answered).toBeLessThanOrEqual(3);
  });

  async function auditFor(userId: string, action: string): Promise<any[]> {
    // The administrator's token of the start has long expired on this service's clock.
    const admin = await u.login('admin');
    const response = await admin.get(`/audit?${new URLSearchParams({ pageSize: '200', entityId: userId, action })}`);
    expect(response.status).toBe(200);
    return response.body.items;
  }
});

function one<T>(rows: T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0];
}
