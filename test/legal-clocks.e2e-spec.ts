import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/** The legal clocks of real cases, counted with the statutory holidays, over HTTP. */
describe('Legal clocks over the API', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    // Two days before the 2026 Spring Festival break (15-23 February 2026).
    t = await startTestApp({ now: new Date('2026-02-06T10:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  async function caseInMediation(n: number, claimExtras: Record<string, unknown> = {}) {
    const opened = await openCase(desk, {
      intakeDate: '2026-02-05',
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: `劳动者${n}`, idNumber: residentId(n) }, amountClaimed: '9000.00', amountConfirmed: '9000.00', ...claimExtras }],
    });
    for (const to of ['verifying', 'mediating']) {
      expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    }
    return opened.id as string;
  }

  it('moves the end of the 15-day mediation period out of the Spring Festival break to the next working day', async () => {
    const caseId = await caseInMediation(1);
    const clocks = (await desk.lawyer.api.get(`/cases/${caseId}/deadlines`)).body;
    expect(clocks.today).toBe('2026-02-06');
    expect(clocks.deadlines).toEqual([
      expect.objectContaining({
        clock: 'mediation',
        startedOn: '2026-02-06',
        dueOn: '2026-02-24',
        movedFrom: '2026-02-21',
        state: 'running',
        daysLeft: 18,
        basis: 'LDMAA art. 14',
        opens: ['arbitration'],
        calendarCovered: true,
      }),
    ]);
  });

  it("runs a worker's limitation year from his coming to the union, not while his employment continues", async () => {
    const caseId = await caseInMediation(2, { periodStart: '2025-06-01', periodEnd: '2025-12-31' });
    const [limitation] = (await desk.lawyer.api.get(`/cases/${caseId}/deadlines`)).body.workers;
    expect(limitation).toMatchObject({ clock: 'limitation', workerName: '劳动者2', state: 'running', dueOn: '2027-02-05' });

    const [claim] = (await desk.lawyer.api.get(`/cases/${caseId}/claims`)).body.items;
    const ongoing = await desk.lawyer.api.patch(`/cases/${caseId}/claims/${claim.id}`, { version: claim.version, employmentOngoing: true });
    expect(ongoing.status).toBe(200);
    const [running] = (await desk.lawyer.api.get(`/cases/${caseId}/deadlines`)).body.workers;
    expect(running).toMatchObject({ state: 'not_running', dueOn: null });
  });

  it('counts arbitration acceptance (5 days) and the award (45 days, plus 15 when extended)', async () => {
    const caseId = await caseInMediation(3);
    expect((await desk.mediator.api.post(`/cases/${caseId}/transitions`, { to: 'arbitration' })).status).toBe(200);
    expect((await desk.lawyer.api.patch(`/cases/${caseId}/legal-dates`, { arbitrationAppliedOn: '2026-02-02' })).status).toBe(204);
    let deadlines = (await desk.lawyer.api.get(`/cases/${caseId}/deadlines`)).body.deadlines;
    // 2 Feb + 5 days = Saturday 7 Feb: the commission must decide by Monday 9 Feb.
    expect(deadlines.find((d: any) => d.clock === 'arbitration_acceptance')).toMatchObject({
      dueOn: '2026-02-09',
      movedFrom: '2026-02-07',
      state: 'running',
    });

    await desk.lawyer.api.patch(`/cases/${caseId}/legal-dates`, { arbitrationAcceptedOn: '2026-02-05', arbitrationExtended: true });
    deadlines = (await desk.lawyer.api.get(`/cases/${caseId}/deadlines`)).body.deadlines;
    expect(deadlines.find((d: any) => d.clock === 'arbitration_acceptance').state).toBe('satisfied');
    // 5 Feb + 45 + 15 days = Monday 6 April 2026, the Qingming day off: the award is due on Tuesday 7 April.
    expect(deadlines.find((d: any) => d.clock === 'arbitration_award')).toMatchObject({ dueOn: '2026-04-07', movedFrom: '2026-04-06' });
    const timeline = (await desk.lawyer.api.get(`/cases/${caseId}/events`)).body.items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'legal_dates_recorded', data: { arbitrationAcceptedOn: '2026-02-05', arbitrationExtended: true } });
  });

  it('shows the labour-bureau surcharge range once the ordered date has passed unpaid', async () => {
    const caseId = await caseInMediation(4);
    await desk.lawyer.api.patch(`/cases/${caseId}/legal-dates`, { bureauOrderPayBy: '2026-02-05', bureauOrderAmount: '1234.57' });
    const deadline = (await desk.lawyer.api.get(`/cases/${caseId}/deadlines`)).body.deadlines.find(
      (d: any) => d.clock === 'labour_bureau_order',
    );
    expect(deadline).toMatchObject({ state: 'overdue', daysLeft: -1, surcharge: { minimum: '617.29', maximum: '1234.57' } });
  });

  it("lists what is overdue or due soon across the caller's cases, soonest first", async () => {
    const due = (await desk.leader.api.get('/deadlines?within=20')).body;
    expect(due[0]).toMatchObject({ clock: 'labour_bureau_order', state: 'overdue' });
    expect(due.map((d: any) => d.daysLeft)).toEqual([...due.map((d: any) => d.daysLeft)].sort((a, b) => a - b));
    expect(due.some((d: any) => d.clock === 'mediation' && d.dueOn === '2026-02-24')).toBe(true);
    expect((await desk.leader.api.get('/deadlines?within=1')).body.some((d: any) => d.clock === 'mediation')).toBe(false);
  });

  it('takes holidays from the package for 2026, and from the administrator for a year it lacks', async () => {
    const y2026 = (await desk.lawyer.api.get('/holidays/2026')).body;
    expect(y2026).toMatchObject({ covered: true, source: 'chinese-days' });
    expect(y2026.daysOff).toEqual(expect.arrayContaining(['2026-02-15', '2026-02-23', '2026-10-01']));
    expect(y2026.makeUpWorkdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
    expect((await desk.lawyer.api.get('/holidays/2031')).body).toMatchObject({ covered: false, daysOff: [] });

    // A schedule typed in for this test (not the real 2031 one): Friday 31 January 2031 is a day off.
    const schedule = { source: '测试用安排', daysOff: ['2031-01-31'], makeUpWorkdays: ['2031-01-26'] };
    expect((await desk.lawyer.api.put('/holidays/2031', schedule)).status).toBe(403);
    expect((await t.admin.put('/holidays/2031', schedule)).status).toBe(204);
    expect((await desk.lawyer.api.get('/holidays/2031')).body).toMatchObject({ covered: true, source: '测试用安排', daysOff: ['2031-01-31'] });
    const wrongYear = await t.admin.put('/holidays/2031', { ...schedule, makeUpWorkdays: ['2031-01-27'] });
    expect(wrongYear.body.errors).toEqual([expect.objectContaining({ field: 'makeUpWorkdays.0', code: 'INVALID_DATE' })]);
  });

  it("checks a case against a province's criminal threshold once a labour-bureau order has been ignored", async () => {
    // Figures typed in for this test at the bottom of the national range, not any province's real ones.
    const figures = { individualAmount: '5000.00', groupAmount: '30000.00', source: '测试用标准' };
    expect((await desk.lawyer.api.put(`/criminal-thresholds/${encodeURIComponent('北京市')}`, figures)).status).toBe(403);
    const outOfRange = await t.admin.put(`/criminal-thresholds/${encodeURIComponent('北京市')}`, { ...figures, groupAmount: '200000.00' });
    expect(outOfRange.body.errors).toEqual([expect.objectContaining({ field: 'groupAmount' })]);
    expect((await t.admin.put(`/criminal-thresholds/${encodeURIComponent('北京市')}`, figures)).status).toBe(204);
    expect((await desk.lawyer.api.get('/criminal-thresholds')).body).toEqual([
      { province: '北京市', individualAmount: '5000.00', groupAmount: '30000.00', source: '测试用标准' },
    ]);

    const opened = await openCase(desk, {
      intakeDate: '2026-02-05',
      claims: Array.from({ length: 10 }, (_, i) => ({
        worker: { name: `班组工人${i}`, idNumber: residentId(200 + i) },
        periodStart: '2025-11-01',
        periodEnd: '2026-01-31',
        amountClaimed: '3100.00',
      })),
    });
    const check = (province: string) =>
      desk.lawyer.api.get(`/cases/${opened.id}/criminal-threshold?province=${encodeURIComponent(province)}`);
    expect((await check('北京市')).body).toMatchObject({ met: false, reasons: ['group', 'no_government_order'], governmentOrderIgnored: false });

    await desk.lawyer.api.patch(`/cases/${opened.id}/legal-dates`, { bureauOrderPayBy: '2026-02-01', bureauOrderAmount: '31000.00' });
    expect((await check('北京市')).body).toMatchObject({ met: true, reasons: ['group'], governmentOrderIgnored: true });
    expect((await check('河北省')).body.errors).toEqual([expect.objectContaining({ field: 'province', code: 'NOT_FOUND' })]);
  });

  it('counts down to the Spring Festival eve on the season and on every open case', async () => {
    const season = (await desk.leader.api.get('/season')).body;
    expect(season).toMatchObject({
      festivalYear: 2026,
      festival: '2026-02-17',
      eve: '2026-02-16',
      daysToEve: 10,
      startsOn: '2025-11-01',
      inSeason: true,
    });
    const opened = await openCase(desk, { intakeDate: '2026-02-05' });
    expect(opened.festivalCountdown).toEqual({ eve: '2026-02-16', daysToEve: 10 });
    const listed = (await desk.leader.api.get('/cases?pageSize=200')).body.items.find((c: any) => c.id === opened.id);
    expect(listed.festivalCountdown).toEqual({ eve: '2026-02-16', daysToEve: 10 });
    const withdrawn = await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to: 'withdrawn', reason: '已自行协商解决' });
    expect(withdrawn.body.festivalCountdown).toBeNull();
  });

  it('takes the season and its intermediate targets as the administrator set them', async () => {
    const season = { startsOn: '2025-11-10', endsOn: '2026-02-16', targets: [{ name: '核实案件清零', on: '2026-02-12', appliesTo: 'verified_cases' }] };
    expect((await desk.lawyer.api.put('/seasons/2026', season)).status).toBe(403);
    const backwards = await t.admin.put('/seasons/2026', { ...season, endsOn: '2025-11-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'season', code: 'INVALID_SEASON' });
    expect((await t.admin.put('/seasons/2026', season)).status).toBe(204);
    expect((await desk.lawyer.api.get('/season')).body).toMatchObject({
      configured: true,
      startsOn: '2025-11-10',
      eve: '2026-02-16',
      daysToEve: 10,
      nextTarget: { name: '核实案件清零', on: '2026-02-12', appliesTo: 'verified_cases', daysLeft: 6 },
    });
  });
});
