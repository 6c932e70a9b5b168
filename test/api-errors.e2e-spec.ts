import { residentIdCheckDigit } from '../src/common/identifiers/resident-id';
import { creditCode, residentId } from './factories/identities';
import { Desk, makeDesk, makeEmployer, makeOrganisation, makeUser, openCase } from './factories/scenario';
import { Api, TEST_PASSWORD, TestApp, startTestApp } from './support/test-app';

/** Bad input of any shape gets a 4xx that says what is wrong, by field, and changes nothing. */
describe('Errors a clerk can act on', () => {
  let t: TestApp;
  let desk: Desk;
  let lawyer: Api;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-22T10:00:00+08:00') });
    desk = await makeDesk(t);
    lawyer = desk.lawyer.api;
  });
  afterAll(() => t.close());

  it('answers /health with the database up and serves the OpenAPI document', async () => {
    const health = await t.anonymous.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.database.status).toBe('up');
    const openApi = await t.anonymous.get('/docs/json');
    expect(openApi.status).toBe(200);
    expect(Object.keys(openApi.body.paths)).toEqual(
      expect.arrayContaining(['/cases', '/cases/{id}/transitions', '/cases/{caseId}/claims/import', '/cases/{caseId}/payouts']),
    );
    expect((await t.anonymous.get('/docs')).status).toBe(200);
  });

  it('refuses an unknown field, keyed by field, in Chinese by default and in English on request', async () => {
    const body = { name: '某公司', creditCode: creditCode(901), kind: 'company', colour: 'red' };
    const zh = await lawyer.post('/employers', body);
    expect(zh.status).toBe(400);
    expect(zh.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'colour', code: 'UNKNOWN_FIELD', message: '不认识这个字段，请删除' }],
    });
    const en = await lawyer.post('/employers', body, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.errors[0].message).toBe('is not a known field; remove it');
    expect(en.body.message).toBe('1 field(s) need correcting');
    expect((await lawyer.get(`/employers?q=${creditCode(901)}`)).body.total).toBe(0);
  });

  it('checks the credit code check character and keeps codes unique', async () => {
    const good = creditCode(902);
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bad = await lawyer.post('/employers', { name: '某公司', creditCode: wrongCheck, kind: 'company' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'creditCode', code: 'CREDIT_CODE_CHECK_CHARACTER' }),
    ]);
    expect((await lawyer.post('/employers', { name: '甲公司', creditCode: good, kind: 'company' })).status).toBe(201);
    const again = await lawyer.post('/employers', { name: '乙公司', creditCode: good.toLowerCase(), kind: 'company' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CREDIT_CODE_TAKEN', details: { creditCode: good } });
    expect(again.body.message).toContain(good);
  });

  it('asks for a credit code from every employer except an individual contractor (包工头)', async () => {
    const company = await lawyer.post('/employers', { name: '某公司', kind: 'company' });
    expect(company.body.errors).toEqual([expect.objectContaining({ field: 'creditCode', code: 'CREDIT_CODE_REQUIRED' })]);
    const gangHead = await lawyer.post('/employers', { name: '张某（包工头）', kind: 'individual_contractor' });
    expect(gangHead.status).toBe(201);
    expect(gangHead.body.creditCode).toBeNull();
  });

  it('checks resident id numbers: check digit, birth date, region, and lowercase x', async () => {
    const valid = residentId(4242);
    const wrongDigit = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    const cases: [string, string][] = [
      [wrongDigit, 'ID_NUMBER_CHECK_DIGIT'],
      ['11010520300101001' + '0', 'ID_NUMBER_BIRTH_DATE'],
      ['990105194912310021', 'ID_NUMBER_REGION'],
      ['1101051949123100', 'ID_NUMBER_FORMAT'],
    ];
    for (const [idNumber, code] of cases) {
      const response = await lawyer.post('/workers', { name: '李四', idNumber });
      expect(response.status).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ field: 'idNumber', code });
    }
    const created = await lawyer.post('/workers', { name: '王五', idNumber: '11010519491231002x', mobile: '13812345678' });
    expect(created.status).toBe(201);

    // "Today" for the birth date is the service's clock (here 22 November 2026), not the machine's:
    // a baby born on 25 November 2026 has no id number yet on the 22nd.
    const first17 = '110105' + '20261125' + '001';
    const bornAfterToday = await lawyer.post('/workers', { name: '新生儿', idNumber: first17 + residentIdCheckDigit(first17) });
    expect(bornAfterToday.status).toBe(400);
    expect(bornAfterToday.body.errors[0]).toMatchObject({ field: 'idNumber', code: 'ID_NUMBER_BIRTH_DATE' });
    expect(created.body).toMatchObject({ idNumber: '110105********002X', mobile: '138****5678', homeProvince: '北京市' });
    const revealed = await lawyer.post(`/workers/${created.body.id}/reveal`, { field: 'idNumber' });
    expect(revealed.body).toEqual({ field: 'idNumber', value: '11010519491231002X' });
    const bad = await lawyer.post('/workers', { name: '赵六', idNumber: residentId(4243), mobile: '12345678901' });
    expect(bad.body.errors[0]).toMatchObject({ field: 'mobile', code: 'MOBILE_FORMAT' });
  });

  it('takes money only as yuan text with at most two decimals', async () => {
    const opened = await openCase(desk);
    const claim = (amountClaimed: unknown, n: number) => ({
      claims: [{ worker: { name: '孙七', idNumber: residentId(5000 + n) }, amountClaimed }],
    });
    const expectations: [unknown, string][] = [
      [12000.5, 'MONEY_FORMAT'],
      ['12000.505', 'MONEY_TOO_MANY_DECIMALS'],
      ['-5.00', 'MONEY_NEGATIVE'],
      ['1,200.00', 'MONEY_FORMAT'],
      ['99999999999999', 'MONEY_TOO_LARGE'],
    ];
    for (const [index, [amount, code]] of expectations.entries()) {
      const response = await lawyer.post(`/cases/${opened.id}/claims`, claim(amount, index));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'claims.0.amountClaimed', code })]);
    }
    expect((await lawyer.get(`/cases/${opened.id}`)).body.totals.workers).toBe(0);
    const ok = await lawyer.post(`/cases/${opened.id}/claims`, claim('12000.5', 9));
    expect(ok.status).toBe(201);
    expect((await lawyer.get(`/cases/${opened.id}`)).body.totals.claimed).toBe('12000.50');
  });

  it('explains unreadable bodies, wrong ids in the address and unknown routes', async () => {
    const malformed = await lawyer.post('/employers', '{"name": "broken', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');
    const list = await lawyer.post('/employers', [1, 2, 3]);
    expect(list.status).toBe(400);
    expect(list.body.code).toBe('VALIDATION_FAILED');
    const badId = await lawyer.get('/cases/not-a-case');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ code: 'INVALID_PATH_ID', details: { value: 'not-a-case' } });
    const missing = await lawyer.get('/cases/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'CASE_NOT_FOUND', message: '案件不存在' });
    const route = await lawyer.get('/no-such-thing');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses a request body over the size limit with 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024), kind: 'company' });
    const response = await lawyer.post('/employers', huge);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('checks every reference of a new case at once, and the intake date', async () => {
    const response = await lawyer.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-11-22',
      summary: '拖欠工资',
      employers: [{ employerId: '00000000-0000-4000-8000-000000000001', role: 'employer' }],
      lawyerId: desk.mediator.id,
      mediatorId: desk.lawyer.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'employers.0.employerId', code: 'NOT_FOUND' }),
        expect.objectContaining({ field: 'lawyerId', code: 'WRONG_ROLE', message: '该用户没有律师角色' }),
        expect.objectContaining({ field: 'mediatorId', code: 'WRONG_ROLE' }),
      ]),
    );
    const future = await lawyer.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-11-23',
      summary: '拖欠工资',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
    });
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'intakeDate', code: 'DATE_IN_FUTURE' })]);
    expect((await lawyer.get(`/cases?intakeFrom=2026-11-22`)).body.total).toBe(0);
  });

  it('says in words which status change is not allowed', async () => {
    const opened = await openCase(desk);
    const response = await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to: 'paying' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      message: '案件状态不能从"已受理"变为"支付中"',
      details: { from: 'received', to: 'paying' },
    });
    const english = await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to: 'paying' }, { 'accept-language': 'en' });
    expect(english.body.message).toBe('A case cannot move from "received" to "paying"');
  });

  it('records where a rejected worker was sent, and refuses any change afterwards', async () => {
    const opened = await openCase(desk);
    const incomplete = await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to: 'rejected' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: any) => e.field).sort()).toEqual(['reason', 'referredTo']);
    const rejected = await desk.mediator.api.post(`/cases/${opened.id}/transitions`, {
      to: 'rejected',
      reason: '属于工伤争议，不属于欠薪',
      referredTo: '区人社局工伤认定窗口',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: '属于工伤争议，不属于欠薪', referredTo: '区人社局工伤认定窗口' });
    const edit = await lawyer.patch(`/cases/${opened.id}`, { version: rejected.body.version, summary: '改' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'CASE_NOT_OPEN', message: '案件状态为"不予受理"，不能再修改' });
  });

  it('refuses a stale write with the current version and changes nothing', async () => {
    const employer = await makeEmployer(lawyer);
    const first = await lawyer.patch(`/employers/${employer.id}`, { version: employer.version, contactName: '张经理' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(employer.version + 1);
    const stale = await lawyer.patch(`/employers/${employer.id}`, { version: employer.version, contactName: '李经理' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { current: employer.version + 1 } });
    expect((await lawyer.get(`/employers/${employer.id}`)).body.contactName).toBe('张经理');

    const opened = await openCase(desk);
    await lawyer.patch(`/cases/${opened.id}`, { version: opened.version, summary: '第一次修改' });
    const staleCase = await lawyer.patch(`/cases/${opened.id}`, { version: opened.version, summary: '第二次修改' });
    expect(staleCase.status).toBe(409);
    expect((await lawyer.get(`/cases/${opened.id}`)).body.summary).toBe('第一次修改');
  });

  it('records the logged-in user on the timeline', async () => {
    const opened = await openCase(desk);
    expect((await desk.mediator.api.post(`/cases/${opened.id}/notes`, { text: '已联系项目经理' })).status).toBe(204);
    const events = (await lawyer.get(`/cases/${opened.id}/events`)).body.items;
    expect(events.map((e: any) => e.kind)).toEqual(['case_opened', 'note_added']);
    expect(events[0].actorId).toBe(desk.lawyer.id);
    expect(events[1]).toMatchObject({ actorId: desk.mediator.id, data: { text: '已联系项目经理' } });
  });

  it('keeps organisation codes unique and the tree free of cycles', async () => {
    const district = await makeOrganisation(t, { code: 'SY' });
    expect(district.depth).toBe(1);
    const centre = await makeOrganisation(t, { code: 'SYC', kind: 'service_center', parentId: district.id });
    expect(centre.depth).toBe(2);
    const taken = await t.admin.post('/organisations', {
      code: 'SY',
      name: '另一个',
      kind: 'service_center',
      parentId: t.rootOrganisationId,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ORGANISATION_CODE_TAKEN');
    const cycle = await t.admin.patch(`/organisations/${district.id}`, { parentId: centre.id });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('ORGANISATION_CYCLE');
    const badCode = await t.admin.post('/organisations', {
      code: 'sy-1',
      name: '某',
      kind: 'service_center',
      parentId: t.rootOrganisationId,
    });
    expect(badCode.body.errors[0]).toMatchObject({ field: 'code', code: 'ORGANISATION_CODE_FORMAT' });
  });

  it('requires a lawyer profile for a lawyer, with a 17-digit licence number', async () => {
    const organisation = await makeOrganisation(t);
    const noProfile = await t.admin.post('/users', {
      username: 'lawyer.noprofile',
      displayName: '钱律师',
      roles: ['lawyer'],
      organisationId: organisation.id,
      password: TEST_PASSWORD,
    });
    expect(noProfile.body.errors).toEqual([expect.objectContaining({ field: 'lawyerProfile', code: 'REQUIRED' })]);
    const badLicence = await t.admin.post('/users', {
      username: 'lawyer.badlicence',
      displayName: '钱律师',
      roles: ['lawyer'],
      organisationId: organisation.id,
      password: TEST_PASSWORD,
      lawyerProfile: { licenceNumber: '12345', firm: '某律所' },
    });
    expect(badLicence.body.errors).toEqual([
      expect.objectContaining({ field: 'lawyerProfile.licenceNumber', code: 'LICENCE_NUMBER_FORMAT' }),
    ]);
    const existing = await makeUser(t, organisation.id, 'lawyer');
    const duplicate = await t.admin.post('/users', {
      username: existing.username.toUpperCase(),
      displayName: '重复',
      roles: ['mediator'],
      organisationId: organisation.id,
      password: TEST_PASSWORD,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('USERNAME_TAKEN');
  });
});
