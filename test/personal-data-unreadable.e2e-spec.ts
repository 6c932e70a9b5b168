import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import { mobile, residentId } from './factories/identities';
import { allClaims, maskedIdNumber, maskedMobile } from './factories/roster-files';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { itOnDatabaseServer } from './support/concurrency';
import { TestApp, startTestApp } from './support/test-app';
import { captureOutput } from './support/capture-output';

jest.setTimeout(120_000);

/** What a view shows in place of a number the key does not open (src/personal-data/personal-data-reader.ts). */
const UNREADABLE = '【无法解密 unreadable】';

/**
 * One stored id number or mobile number the personal-data key does not open (issue 16): a damaged
 * value, or a row written under another key. The start-up check refuses a wrong key for the whole
 * database; one such record must not turn every list it appears on into a 500. Lists and masked views
 * answer, showing the value as unreadable (never the sealed text) and logging the worker once; a reveal
 * or the agreement with full id numbers, which cannot show what was asked, answers a clear 409.
 */
describe('A stored number the key does not open', () => {
  let t: TestApp;
  let desk: Desk;
  let caseId: string;
  let damagedId: string;
  const damaged = { name: '冯十二', idNumber: residentId(8101), mobile: mobile(8101) };
  const intact = { name: '陈十三', idNumber: residentId(8102), mobile: mobile(8102) };

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-10T09:00:00+08:00') });
    desk = await makeDesk(t);
    const opened = await openCase(desk, {
      intakeDate: '2027-01-05',
      mediatorId: desk.mediator.id,
      claims: [damaged, intact].map((worker) => ({ worker, amountClaimed: '3000.00', amountConfirmed: '3000.00' })),
    });
    caseId = opened.id;
    for (const to of ['verifying', 'mediating']) {
      expect((await desk.mediator.api.post(`/cases/${caseId}/transitions`, { to })).status).toBe(200);
    }
    const signed = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [{ dueOn: '2027-01-25', amount: '6000.00' }],
    });
    expect(signed.status).toBe(201);

    const found = await desk.lawyer.api.get(`/workers?q=${damaged.idNumber}`);
    expect(found.body.total).toBe(1);
    damagedId = found.body.items[0].id;
    // the id number sealed under another key (a row restored from another deployment), the mobile damaged
    const otherKey = new PersonalDataCipher(randomBytes(32));
    const [{ mobile_sealed }] = await t.dataSource.query(`SELECT mobile_sealed FROM workers WHERE id = $1`, [damagedId]);
    const bytes = Buffer.from(String(mobile_sealed).slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    await t.dataSource.query(`UPDATE workers SET id_number_sealed = $2, mobile_sealed = $3 WHERE id = $1`, [
      damagedId,
      otherKey.encrypt(damaged.idNumber),
      `v1.${bytes.toString('base64url')}`,
    ]);
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());


  it('lists and masked views still answer, showing the value as unreadable, and the worker is logged once', async () => {
    const responses: { status: number; body: any }[] = [];
    const output = await captureOutput(async () => {
      responses.push(await desk.lawyer.api.get(`/workers?q=${damaged.idNumber}`));
      responses.push(await desk.lawyer.api.get(`/workers/${damagedId}`));
      responses.push(await desk.lawyer.api.get(`/cases/${caseId}/claims`));
      responses.push(await desk.lawyer.api.get(`/workers/${damagedId}`));
    });

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const [list, worker, claims] = responses.map((response) => response.body);
    expect(list.items[0]).toMatchObject({ id: damagedId, name: damaged.name, idNumber: UNREADABLE, mobile: UNREADABLE });
    expect(worker).toMatchObject({ id: damagedId, name: damaged.name, idNumber: UNREADABLE, mobile: UNREADABLE });
    const shown = Object.fromEntries(claims.items.map((claim: any) => [claim.worker.name, claim.worker]));
    expect(shown[damaged.name]).toMatchObject({ idNumber: UNREADABLE, mobile: UNREADABLE });
    // the others on the same list are shown as always
    expect(shown[intact.name]).toMatchObject({ idNumber: maskedIdNumber(intact.idNumber), mobile: maskedMobile(intact.mobile) });
    // never the sealed text
    expect(JSON.stringify(responses.map((response) => response.body))).not.toMatch(/v1\./);

    // one error per unreadable value, naming the worker, however often it is shown
    const lines = output.split('\n').filter((line) => line.includes(damagedId));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/id number/);
    expect(lines.join('\n')).toMatch(/mobile/);
    expect(output).not.toMatch(/v1\./);
    expect((await allClaims(desk.lawyer.api, caseId)).length).toBe(2);
  });

  it('a reveal answers 409 PERSONAL_DATA_UNREADABLE, in words an administrator can act on', async () => {
    const zh = await desk.lawyer.api.post(`/workers/${damagedId}/reveal`, { field: 'idNumber' });
    const en = await desk.lawyer.api.withHeaders({ 'Accept-Language': 'en' }).post(`/workers/${damagedId}/reveal`, { field: 'mobile' });

    expect(zh.status).toBe(409);
    expect(zh.body).toEqual({
      statusCode: 409,
      code: 'PERSONAL_DATA_UNREADABLE',
      message: expect.stringContaining(`"${damaged.name}"`),
      details: { name: damaged.name, field: 'idNumber' },
    });
    expect(zh.body.message).toContain('密钥打不开');
    expect(en.status).toBe(409);
    expect(en.body.message).toContain('the personal-data key does not open this record');
    expect(JSON.stringify([zh.body, en.body])).not.toMatch(/v1\./);

    // the other worker's numbers are revealed as always
    const other = await desk.lawyer.api.get(`/workers?q=${intact.idNumber}`);
    const revealed = await desk.lawyer.api.post(`/workers/${other.body.items[0].id}/reveal`, { field: 'idNumber' });
    expect(revealed.status).toBe(200);
    expect(JSON.stringify(revealed.body)).toContain(intact.idNumber);
  });

  it('the printable agreement: masked, it shows the value as unreadable; with full id numbers, a 409', async () => {
    const masked = await desk.mediator.api.getRaw(`/cases/${caseId}/agreement/document`);
    expect(masked.status).toBe(200);
    const html = await masked.text();
    expect(html).toContain(UNREADABLE);
    expect(html).toContain(maskedIdNumber(intact.idNumber));
    expect(html).not.toMatch(/v1\./);

    const full = await desk.mediator.api.getRaw(`/cases/${caseId}/agreement/document?idNumbers=full`);
    expect(full.status).toBe(409);
    const body = await full.json();
    expect(body).toMatchObject({ code: 'PERSONAL_DATA_UNREADABLE', details: { name: damaged.name, field: 'idNumber' } });
    expect(body.message).toContain('密钥打不开');
  });

  itOnDatabaseServer('does not stop the service from starting: the key check at start-up finds the numbers it does open', 'a second instance needs a database two processes share', async () => {
    // both were registered in one transaction: a check of one row would have tried the damaged one half the time
    const second = await startTestApp({ joining: t.shared });
    try {
      expect((await second.anonymous.get('/health')).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
