import { makeDesk, makeEmployer } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/** What the administration pages read besides the existing resources: past engagements, the rules' recipients. */
describe('Administration: lawyers’ past engagements and the reminder rules’ recipients', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the employers a lawyer declared acting for, to whoever may read the users of the lawyer’s organisation', async () => {
    const desk = await makeDesk(t);
    const other = await makeDesk(t);
    const acted = await makeEmployer(desk.lawyer.api, { name: '北京某建筑劳务有限公司' });
    expect((await desk.lawyer.api.post('/lawyer-engagements', { employerId: acted.id, note: '2025年曾担任该公司常年法律顾问' })).status).toBe(204);

    const listed = await t.admin.get(`/lawyer-engagements?lawyerId=${desk.lawyer.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        employerId: acted.id,
        employerName: '北京某建筑劳务有限公司',
        creditCode: acted.creditCode,
        note: '2025年曾担任该公司常年法律顾问',
        recordedAt: expect.stringMatching(/\+08:00$/),
      },
    ]);
    expect((await desk.clerk.api.get(`/lawyer-engagements?lawyerId=${desk.lawyer.id}`)).body).toHaveLength(1);
    expect((await desk.lawyer.api.get(`/lawyer-engagements?lawyerId=${desk.mediator.id}`)).body).toEqual([]);
    // another district's lawyer is outside the scope, as if there were none
    const outside = await other.clerk.api.get(`/lawyer-engagements?lawyerId=${desk.lawyer.id}`);
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'lawyerId', code: 'NOT_FOUND' })]);
    expect((await t.admin.get('/lawyer-engagements')).body.errors).toEqual([expect.objectContaining({ field: 'lawyerId' })]);
  });

  it('shows who receives each kind of reminder beside its rule', async () => {
    const rules = (await t.admin.get('/reminder-rules')).body;
    const recipients = Object.fromEntries(rules.map((rule: any) => [rule.kind, rule.recipients]));
    expect(recipients).toEqual({
      arbitration_deadline: ['lawyer', 'mediator'],
      callback_due: ['mediator', 'lawyer'],
      callback_unsatisfied: ['leader'],
      festival_countdown: ['lawyer', 'mediator'],
      instalment_due: ['mediator', 'lawyer'],
      instalment_overdue: ['mediator', 'lawyer'],
      leader_digest: ['leader'],
      limitation_deadline: ['lawyer'],
      mediation_limit: ['mediator', 'lawyer'],
      session_tomorrow: ['mediator', 'lawyer'],
      worker_report_overdue: ['intake_clerk', 'lawyer'],
    });
  });
});
