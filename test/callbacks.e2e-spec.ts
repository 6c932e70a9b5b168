import { residentId } from './factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * Callbacks after closing (回访): closing schedules one for the mediator, the days after closing an
 * administrator set; the sweep reminds him; the answer "not satisfied" reaches the leaders (their list
 * and a reminder on the days after it) until one follows it up; the reports give 回访率 and 满意率.
 */
describe('Callbacks after closing', () => {
  let t: TestApp;
  let desk: Desk;
  let outsider: Desk;
  let cityLeaderName: string;
  let worker = 0;

  /** A case of one worker owed `amount`, paid in full and closed on `closedOn` by the desk's mediator. */
  async function closedCase(closedOn: string, amount = '3000.00') {
    worker += 1;
    const opened = await openCase(desk, {
      intakeDate: '2027-01-02',
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: `回访${worker}`, idNumber: residentId(9200 + worker) }, amountClaimed: amount, amountConfirmed: amount }],
    });
    const url = `/cases/${opened.id}`;
    for (const [to, on] of [['verifying', '2027-01-03'], ['mediating', '2027-01-04']]) {
      expect((await desk.mediator.api.post(`${url}/transitions`, { to, on })).status).toBe(200);
    }
    const [claim] = (await desk.mediator.api.get(`${url}/claims`)).body.items;
    const paid = await desk.mediator.api.post(`${url}/payouts`, { paidOn: closedOn, payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: claim.id, amount }] });
    expect(paid.status).toBe(201);
    expect((await desk.mediator.api.post(`${url}/transitions`, { to: 'closed', outcome: 'paid_in_full', on: closedOn })).status).toBe(200);
    const [callback] = (await desk.mediator.api.get(`${url}/callbacks`)).body;
    return { ...opened, url, callback };
  }

  const inboxOf = async (api: Api, kind: string) => ((await api.get('/inbox?pageSize=100')).body.items as any[]).filter((r) => r.kind === kind);

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-10T10:00:00+08:00') });
    desk = await makeDesk(t);
    outsider = await makeDesk(t);
    cityLeaderName = (await makeStaff(t, t.rootOrganisationId, 'leader')).username;
  });
  afterAll(() => t.close());

  it('schedules a callback for the mediator when a case is closed, the days after closing the administrator set', async () => {
    expect((await desk.mediator.api.get('/callback-policy')).body).toEqual({ daysAfterClosing: 7 });
    expect((await desk.leader.api.put('/callback-policy', { daysAfterClosing: 5 })).status).toBe(403);
    const refused = await t.admin.put('/callback-policy', { daysAfterClosing: 0 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'daysAfterClosing', code: 'TOO_SMALL' })]);
    expect((await t.admin.put('/callback-policy', { daysAfterClosing: 5 })).body).toEqual({ daysAfterClosing: 5 });

    const closed = await closedCase('2027-01-10');
    expect(closed.callback).toMatchObject({
      status: 'open',
      closedOn: '2027-01-10',
      dueOn: '2027-01-15',
      assignee: { id: desk.mediator.id },
      reached: null,
      satisfaction: null,
    });
    // a withdrawn case has nobody to ask about a result
    const withdrawn = await openCase(desk, { intakeDate: '2027-01-02', claims: [{ worker: { name: '撤回者', idNumber: residentId(9299) }, amountClaimed: '100.00' }] });
    expect((await desk.mediator.api.post(`/cases/${withdrawn.id}/transitions`, { to: 'withdrawn', reason: '工人撤回' })).status).toBe(200);
    expect((await desk.mediator.api.get(`/cases/${withdrawn.id}/callbacks`)).body).toEqual([]);

    // the day before and on the day, the mediator is reminded
    expect((await t.admin.post('/reminders/sweep', { on: '2027-01-14' })).status).toBe(200);
    const reminders = await inboxOf(desk.mediator.api, 'callback_due');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ caseId: closed.id });
    expect(reminders[0].title).toContain(`案件 ${closed.caseNumber} 结案回访`);
    expect((await desk.lawyer.api.get('/inbox?pageSize=100')).body.items.filter((r: any) => r.kind === 'callback_due')).toHaveLength(0);
    const due = (await desk.mediator.api.get('/callbacks/due?mine=true')).body;
    expect(due).toEqual([]); // due on the 15th; the clock says the 10th
  });

  it('takes an answer once, checked; "not satisfied" waits for a leader, reminded, until one follows it up', async () => {
    t.clock.set(new Date('2027-01-15T10:00:00+08:00'));
    // five days on, the morning's tokens have long expired: everyone logs in again
    const [admin, mediator, leader, city, clerk, otherMediator, otherLeader] = await Promise.all(
      [{ username: 'admin' }, desk.mediator, desk.leader, { username: cityLeaderName }, desk.clerk, outsider.mediator, outsider.leader].map((user) =>
        t.login(user.username),
      ),
    );
    const [due] = (await mediator.get('/callbacks/due?mine=true')).body;
    expect(due).toMatchObject({ dueOn: '2027-01-15', status: 'open' });
    const url = `/cases/${due.caseId}/callbacks/${due.id}/answer`;

    const noSatisfaction = await mediator.post(url, { reached: true });
    expect(noSatisfaction.status).toBe(400);
    expect(noSatisfaction.body.errors).toEqual([expect.objectContaining({ field: 'satisfaction', code: 'REQUIRED' })]);
    const early = await mediator.post(url, { reached: false, calledOn: '2027-01-09' });
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'calledOn', code: 'BEFORE_CLOSING' })]);
    expect((await clerk.post(url, { reached: false })).status).toBe(403);
    expect((await otherMediator.post(url, { reached: false })).status).toBe(404);

    const answered = await mediator.post(url, { reached: true, spokeWith: '工人本人', satisfaction: 'not_satisfied', note: '加班费未算' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', reached: true, satisfaction: 'not_satisfied', calledOn: '2027-01-15', answeredBy: { id: desk.mediator.id } });
    const twice = await mediator.post(url, { reached: false });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CALLBACK_ALREADY_ANSWERED');
    const events = (await leader.get(`/cases/${due.caseId}/events?pageSize=100`)).body.items;
    expect(events.at(-1)).toMatchObject({ kind: 'callback_answered', happenedOn: '2027-01-15', data: { satisfaction: 'not_satisfied' } });

    // on the leaders' list at once: the district's and the city's, not another district's
    expect((await leader.get('/callbacks/unsatisfied')).body.map((c: any) => c.id)).toEqual([due.id]);
    expect((await city.get('/callbacks/unsatisfied')).body.map((c: any) => c.id)).toEqual([due.id]);
    expect((await otherLeader.get('/callbacks/unsatisfied')).body).toEqual([]);

    // reminded the day after, to every leader whose scope holds the case
    expect((await admin.post('/reminders/sweep', { on: '2027-01-16' })).status).toBe(200);
    expect(await inboxOf(leader, 'callback_unsatisfied')).toHaveLength(1);
    expect(await inboxOf(city, 'callback_unsatisfied')).toHaveLength(1);
    expect(await inboxOf(otherLeader, 'callback_unsatisfied')).toHaveLength(0);

    expect((await mediator.post(`/cases/${due.caseId}/callbacks/${due.id}/follow-up`, { note: '已处理' })).status).toBe(403);
    const followed = await leader.post(`/cases/${due.caseId}/callbacks/${due.id}/follow-up`, { note: '已约谈用人单位补发加班费' });
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({ followUpNote: '已约谈用人单位补发加班费', followedUpBy: { id: desk.leader.id } });
    expect((await leader.post(`/cases/${due.caseId}/callbacks/${due.id}/follow-up`, { note: '再次' })).body.code).toBe('CALLBACK_NOT_TO_FOLLOW_UP');
    expect((await leader.get('/callbacks/unsatisfied')).body).toEqual([]);
    // followed up: the third day's reminder is not written
    expect((await admin.post('/reminders/sweep', { on: '2027-01-18' })).status).toBe(200);
    expect(await inboxOf(leader, 'callback_unsatisfied')).toHaveLength(1);
  });

  it('gives 回访率 and 满意率 per organisation, mediator and lawyer', async () => {
    t.clock.set(new Date('2027-01-10T10:00:00+08:00'));
    const unreached = await closedCase('2027-01-10');
    const satisfied = await closedCase('2027-01-10');
    await closedCase('2027-01-10'); // due, not made yet
    t.clock.set(new Date('2027-01-20T10:00:00+08:00'));
    const mediator = await t.login(desk.mediator.username);
    expect((await mediator.post(`${unreached.url}/callbacks/${unreached.callback.id}/answer`, { reached: false, note: '电话停机' })).status).toBe(200);
    expect((await mediator.post(`${satisfied.url}/callbacks/${satisfied.callback.id}/answer`, { reached: true, satisfaction: 'basically_satisfied' })).status).toBe(200);

    const leader = await t.login(desk.leader.username);
    const report = (await leader.get('/reports/callbacks?from=2027-01-01&to=2027-01-31')).body;
    // four due; three answered, two reached (one not satisfied, one basically satisfied)
    expect(report.total).toMatchObject({ due: 4, answered: 3, reached: 2, satisfied: 0, basicallySatisfied: 1, notSatisfied: 1, callbackRate: 0.5, satisfactionRate: 0.5 });
    expect(report.items).toEqual([expect.objectContaining({ key: desk.organisation.id, label: desk.organisation.name, due: 4, callbackRate: 0.5 })]);
    const byMediator = (await leader.get('/reports/callbacks?from=2027-01-01&to=2027-01-31&by=mediator')).body;
    expect(byMediator.items).toEqual([expect.objectContaining({ key: desk.mediator.id, due: 4, reached: 2 })]);
    const byLawyer = (await leader.get('/reports/callbacks?from=2027-01-01&to=2027-01-31&by=lawyer')).body;
    expect(byLawyer.items).toEqual([expect.objectContaining({ key: desk.lawyer.id, due: 4, satisfactionRate: 0.5 })]);
    // due outside the period: none
    expect((await leader.get('/reports/callbacks?from=2027-02-01&to=2027-02-28')).body.total).toMatchObject({ due: 0, callbackRate: null });
    expect((await (await t.login(outsider.leader.username)).get('/reports/callbacks?from=2027-01-01&to=2027-01-31')).body.total.due).toBe(0);
    const sheet = await leader.getRaw('/reports/callbacks?from=2027-01-01&to=2027-01-31&format=csv');
    expect(sheet.status).toBe(200);
    expect(await sheet.text()).toContain('回访率');
  });
});
