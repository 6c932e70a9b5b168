import { residentId } from './factories/identities';
import { CSV, rosterCsv } from './factories/roster-files';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * What a worker's id number tells a user outside the worker's scope: that he is claiming elsewhere at
 * most (src/workers/domain/disclosure.ts). Another district's lawyer who types the id number learns no
 * name, no case number, no hash; the worker's own district keeps the helpful answers.
 */
describe('Disclosure: what an id number tells another district', () => {
  let t: TestApp;
  let own: Desk;
  let other: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-10T10:00:00+08:00') });
    own = await makeDesk(t);
    other = await makeDesk(t);
  });
  afterAll(() => t.close());

  const claimOf = (name: string, idNumber: string) => ({ worker: { name, idNumber }, amountClaimed: '3000.00' });

  it('tells another district neither the registered name nor the case number, and the own district both', async () => {
    const idNumber = residentId(9101);
    const first = await openCase(own, { claims: [claimOf('张三', idNumber)] });
    const second = await openCase(own, { claims: [claimOf('张三', idNumber)] });
    const theirs = await openCase(other);

    // A different name: refused, without the registered one.
    const intake = await other.lawyer.api.post('/cases', {
      organisationId: other.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-11-20',
      summary: '拖欠工资',
      employers: [{ employerId: other.employer.id, role: 'employer' }],
      claims: [claimOf('李四', idNumber)],
    });
    const added = await other.lawyer.api.post(`/cases/${theirs.id}/claims`, { claims: [claimOf('李四', idNumber)] });
    const imported = await other.lawyer.api.upload(
      `/cases/${theirs.id}/claims/import`,
      rosterCsv([{ name: '李四', idNumber, mobile: '13900009101', amountClaimed: '3000.00' }]),
      CSV,
    );
    const english = await other.lawyer.api.post(`/cases/${theirs.id}/claims`, { claims: [claimOf('李四', idNumber)] }, { 'Accept-Language': 'en' });
    for (const refused of [intake, added, imported, english]) {
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'NAME_MISMATCH_OUTSIDE_SCOPE' })]);
      expect(JSON.stringify(refused.body)).not.toContain('张三');
    }
    expect(added.body.errors[0]).toMatchObject({
      field: 'claims.0.worker.name',
      message: '该身份证号已登记在另一姓名下，请对照身份证核对姓名和身份证号',
    });
    expect(english.body.errors[0].message).toBe(
      'this id number is registered under another name; check the name and the id number against the ID card',
    );

    // The matching name: accepted, and flagged as claiming elsewhere, once, with no case number.
    const accepted = await other.lawyer.api.post(`/cases/${theirs.id}/claims`, { claims: [claimOf('张三', idNumber)] });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ added: 1, alsoClaimingElsewhere: [{ workerName: '张三', caseNumber: null }] });
    const conflicts = (await other.lawyer.api.get(`/cases/${theirs.id}/conflicts`)).body;
    expect(conflicts.workersInOtherOpenCases).toEqual([
      { workerId: expect.any(String), workerName: '张三', caseNumber: null, status: null, visible: false, caseId: null },
    ]);
    for (const answer of [accepted.body, conflicts]) {
      expect(JSON.stringify(answer)).not.toContain(first.caseNumber);
      expect(JSON.stringify(answer)).not.toContain(second.caseNumber);
    }

    // The own district: the registered name, and its own case numbers (the other district's withheld).
    const ownThird = await openCase(own);
    const mismatch = await own.lawyer.api.post(`/cases/${ownThird.id}/claims`, { claims: [claimOf('张四', idNumber)] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors).toEqual([
      {
        row: 1,
        field: 'claims.0.worker.name',
        code: 'NAME_MISMATCH',
        message: '该身份证号已登记为"张三"，与填写的姓名不符',
      },
    ]);
    const ownAdded = await own.lawyer.api.post(`/cases/${ownThird.id}/claims`, { claims: [claimOf('张三', idNumber)] });
    expect(ownAdded.body.alsoClaimingElsewhere).toEqual([
      { workerName: '张三', caseNumber: first.caseNumber },
      { workerName: '张三', caseNumber: second.caseNumber },
      { workerName: '张三', caseNumber: null },
    ]);
    expect(JSON.stringify(ownAdded.body)).not.toContain(theirs.caseNumber);
    const ownConflicts = (await own.lawyer.api.get(`/cases/${second.id}/conflicts`)).body;
    expect(ownConflicts.workersInOtherOpenCases).toEqual([
      expect.objectContaining({ workerName: '张三', caseNumber: first.caseNumber, caseId: first.id, visible: true, status: 'received' }),
      expect.objectContaining({ workerName: '张三', caseNumber: ownThird.caseNumber, caseId: ownThird.id, visible: true }),
      { workerId: expect.any(String), workerName: '张三', caseNumber: null, status: null, visible: false, caseId: null },
    ]);
  });

  it('answers a registered id number on POST /workers without its hash, and with the worker only within scope', async () => {
    const idNumber = residentId(9102);
    await openCase(own, { claims: [claimOf('王五', idNumber)] });
    const workerId = (await own.lawyer.api.get(`/workers?q=${idNumber}`)).body.items[0].id;

    const elsewhere = await other.lawyer.api.post('/workers', { name: '赵六', idNumber });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toMatchObject({ code: 'ID_NUMBER_TAKEN', message: '该身份证号已登记' });
    expect(elsewhere.body.details).toBeUndefined();
    expect(JSON.stringify(elsewhere.body)).not.toMatch(/王五|[0-9a-f]{32}|[A-Za-z0-9+/_-]{40}/);

    const inScope = await own.lawyer.api.post('/workers', { name: '王五', idNumber });
    expect(inScope.status).toBe(409);
    expect(inScope.body).toMatchObject({ code: 'ID_NUMBER_TAKEN', details: { workerId } });
    expect(Object.keys(inScope.body.details)).toEqual(['workerId']);
  });
});
