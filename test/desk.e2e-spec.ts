import { residentId } from './factories/identities';
import { Desk, makeDesk, makeEmployer, makeOrganisation, makeStaff, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/** The on-duty lawyers' desk: roster, consultations, outreach visits, and the checks that flag conflicts. */
describe("Lawyers' desk", () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-11T09:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  it('keeps a duty roster with no lawyer on duty twice a day, and says who is on duty today', async () => {
    const shift = await t.admin.post('/duty-shifts', { organisationId: desk.organisation.id, lawyerId: desk.lawyer.id, day: '2027-01-11' });
    expect(shift.status).toBe(201);
    const twice = await t.admin.post('/duty-shifts', { organisationId: desk.organisation.id, lawyerId: desk.lawyer.id, day: '2027-01-11' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('LAWYER_ALREADY_ON_DUTY');
    await t.admin.post('/duty-shifts', { organisationId: desk.organisation.id, lawyerId: desk.lawyer.id, day: '2027-01-25' });
    const notALawyer = await t.admin.post('/duty-shifts', { organisationId: desk.organisation.id, lawyerId: desk.mediator.id, day: '2027-01-12' });
    expect(notALawyer.body.errors).toEqual([expect.objectContaining({ field: 'lawyerId', code: 'WRONG_ROLE' })]);

    const today = (await desk.clerk.api.get(`/duty-shifts?organisationId=${desk.organisation.id}`)).body;
    expect(today).toEqual([expect.objectContaining({ day: '2027-01-11', lawyerId: desk.lawyer.id })]);
    const month = (await desk.clerk.api.get(`/duty-shifts?organisationId=${desk.organisation.id}&month=2027-01`)).body;
    expect(month.map((s: any) => s.day)).toEqual(['2027-01-11', '2027-01-25']);
    expect((await desk.lawyer.api.post('/duty-shifts', { organisationId: desk.organisation.id, lawyerId: desk.lawyer.id, day: '2027-01-13' })).status).toBe(403);
  });

  describe('the duty roster in one request', () => {
    /** Every day of a month, 'YYYY-MM-DD'. */
    const daysOf = (month: string, days: number) => Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
    let center: any;
    let otherCenter: any;
    let secondLawyer: any;

    beforeAll(async () => {
      center = await makeOrganisation(t, { parentId: desk.organisation.id, kind: 'service_center', name: '顺义区职工服务中心' });
      otherCenter = await makeOrganisation(t, { parentId: desk.organisation.id, kind: 'service_center', name: '后沙峪职工服务站' });
      secondLawyer = await makeStaff(t, desk.organisation.id, 'lawyer');
    });

    it("saves a month for two lawyers (60 shifts) in one request", async () => {
      const lines = daysOf('2027-04', 30).flatMap((day) => [desk.lawyer.id, secondLawyer.id].map((lawyerId) => ({ organisationId: center.id, lawyerId, day })));
      expect(lines).toHaveLength(60);
      const saved = await t.admin.post('/duty-shifts/bulk', { shifts: lines });
      expect(saved.status).toBe(201);
      expect(saved.body).toHaveLength(60);
      expect(saved.body[1]).toEqual({ id: expect.any(String), organisationId: center.id, lawyerId: secondLawyer.id, day: '2027-04-01' });

      const month = (await desk.clerk.api.get(`/duty-shifts?organisationId=${center.id}&month=2027-04`)).body;
      expect(month).toHaveLength(60);
      expect(month.filter((s: any) => s.day === '2027-04-30').map((s: any) => s.lawyerId).sort()).toEqual([desk.lawyer.id, secondLawyer.id].sort());
    });

    it('saves nothing from a request with two clashes, and names both lines', async () => {
      expect((await t.admin.post('/duty-shifts', { organisationId: center.id, lawyerId: desk.lawyer.id, day: '2027-05-03' })).status).toBe(201);
      const refused = await t.admin.post('/duty-shifts/bulk', {
        shifts: [
          { organisationId: otherCenter.id, lawyerId: secondLawyer.id, day: '2027-05-03' },
          // already on duty at the center that day
          { organisationId: otherCenter.id, lawyerId: desk.lawyer.id, day: '2027-05-03' },
          { organisationId: otherCenter.id, lawyerId: secondLawyer.id, day: '2027-05-04' },
          // the same lawyer and day as the line before
          { organisationId: center.id, lawyerId: secondLawyer.id, day: '2027-05-04' },
        ],
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的内容有 2 处需要修改' });
      expect(refused.body.errors).toEqual([
        {
          field: 'shifts.1.day',
          row: 2,
          code: 'ALREADY_ON_DUTY',
          message: '该律师 2027-05-03 已在"顺义区职工服务中心"值班，一天只能在一个服务站值班',
        },
        { field: 'shifts.3.day', row: 4, code: 'DUPLICATE_IN_REQUEST', message: '与第 3 项重复' },
      ]);
      // nothing saved, not even the lines that were right
      const may = [
        ...(await desk.clerk.api.get(`/duty-shifts?organisationId=${center.id}&month=2027-05`)).body,
        ...(await desk.clerk.api.get(`/duty-shifts?organisationId=${otherCenter.id}&month=2027-05`)).body,
      ];
      expect(may.map((s: any) => [s.day, s.lawyerId])).toEqual([['2027-05-03', desk.lawyer.id]]);
    });

    it('names a line whose person is not a lawyer, whose center is outside your scope, or whose day is no date', async () => {
      const elsewhere = await makeOrganisation(t, { kind: 'district_federation' });
      const districtAdmin = await makeStaff(t, desk.organisation.id, 'admin');
      const refused = await districtAdmin.api.post('/duty-shifts/bulk', {
        shifts: [
          { organisationId: center.id, lawyerId: desk.mediator.id, day: '2027-06-01' },
          { organisationId: elsewhere.id, lawyerId: desk.lawyer.id, day: '2027-06-02' },
          { organisationId: center.id, lawyerId: desk.lawyer.id, day: '2027-06-03' },
        ],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'shifts.0.lawyerId', row: 1, code: 'WRONG_ROLE' }),
        expect.objectContaining({ field: 'shifts.1.organisationId', row: 2, code: 'NOT_FOUND' }),
      ]);
      const badDay = await t.admin.post('/duty-shifts/bulk', { shifts: [{ organisationId: center.id, lawyerId: desk.lawyer.id, day: '2027-06-31' }] });
      expect(badDay.body.errors).toEqual([expect.objectContaining({ field: 'shifts.0.day', code: 'INVALID_DATE' })]);
      const tooMany = await t.admin.post('/duty-shifts/bulk', {
        shifts: Array.from({ length: 1001 }, () => ({ organisationId: center.id, lawyerId: desk.lawyer.id, day: '2027-06-01' })),
      });
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'shifts', code: 'TOO_MANY_ITEMS' })]);
      expect((await desk.clerk.api.get(`/duty-shifts?organisationId=${center.id}&month=2027-06`)).body).toEqual([]);
    });

    it('answers a retried request with its first answer, saving the shifts once', async () => {
      const body = { shifts: [{ organisationId: center.id, lawyerId: secondLawyer.id, day: '2027-07-01' }] };
      const key = { 'Idempotency-Key': 'roster-2027-07' };
      const first = await t.admin.post('/duty-shifts/bulk', body, key);
      const again = await t.admin.post('/duty-shifts/bulk', body, key);
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body).toEqual(first.body);
      expect((await desk.clerk.api.get(`/duty-shifts?organisationId=${center.id}&month=2027-07`)).body).toHaveLength(1);
    });

    it("replaces a center's month with the shifts sent, the same checks applying", async () => {
      const august = daysOf('2027-08', 3).map((day) => ({ organisationId: center.id, lawyerId: desk.lawyer.id, day }));
      expect((await t.admin.post('/duty-shifts/bulk', { shifts: august })).status).toBe(201);
      expect((await t.admin.post('/duty-shifts', { organisationId: otherCenter.id, lawyerId: secondLawyer.id, day: '2027-08-05' })).status).toBe(201);

      const wrong = await t.admin.put('/duty-shifts/month', {
        organisationId: center.id,
        month: '2027-08',
        shifts: [
          { lawyerId: secondLawyer.id, day: '2027-08-05' },
          { lawyerId: secondLawyer.id, day: '2027-09-01' },
        ],
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        expect.objectContaining({ field: 'shifts.0.day', code: 'ALREADY_ON_DUTY', message: '该律师 2027-08-05 已在"后沙峪职工服务站"值班，一天只能在一个服务站值班' }),
        expect.objectContaining({ field: 'shifts.1.day', code: 'OUTSIDE_MONTH', message: '不在 2027-08 月内' }),
      ]);

      // the lawyer already on duty at the center on the 2nd stays, in the new month as in the old
      const month = { organisationId: center.id, month: '2027-08', shifts: [{ lawyerId: desk.lawyer.id, day: '2027-08-02' }, { lawyerId: secondLawyer.id, day: '2027-08-20' }] };
      const replaced = await t.admin.put('/duty-shifts/month', month);
      expect(replaced.status).toBe(200);
      expect(replaced.body.map((s: any) => [s.day, s.lawyerId])).toEqual([
        ['2027-08-02', desk.lawyer.id],
        ['2027-08-20', secondLawyer.id],
      ]);
      expect((await t.admin.put('/duty-shifts/month', month)).body.map((s: any) => s.day)).toEqual(['2027-08-02', '2027-08-20']);
      // the other center's shift is not the month's to replace
      expect((await desk.clerk.api.get(`/duty-shifts?organisationId=${otherCenter.id}&month=2027-08`)).body).toHaveLength(1);
      const cleared = await t.admin.put('/duty-shifts/month', { organisationId: center.id, month: '2027-08', shifts: [] });
      expect(cleared.body).toEqual([]);

      // the month grid: both centers at once, the second lawyer moved from the other center to this one on the 5th
      const grid = {
        month: '2027-08',
        rosters: [
          { organisationId: center.id, shifts: [{ lawyerId: secondLawyer.id, day: '2027-08-05' }] },
          { organisationId: otherCenter.id, shifts: [{ lawyerId: desk.lawyer.id, day: '2027-08-05' }] },
        ],
      };
      const refused = await t.admin.put('/duty-shifts/months', {
        ...grid,
        rosters: [grid.rosters[0], { organisationId: otherCenter.id, shifts: [{ lawyerId: desk.lawyer.id, day: '2027-09-05' }] }],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'rosters.1.shifts.0.day', code: 'OUTSIDE_MONTH' })]);
      // all or nothing: the first center's part of the refused request is not saved either
      expect((await desk.clerk.api.get(`/duty-shifts?organisationId=${center.id}&month=2027-08`)).body).toEqual([]);
      const twice = await t.admin.put('/duty-shifts/months', { ...grid, rosters: [grid.rosters[0], grid.rosters[0]] });
      expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'rosters.1.organisationId', code: 'DUPLICATE_IN_REQUEST' })]);
      const both = await t.admin.put('/duty-shifts/months', grid);
      expect(both.status).toBe(200);
      expect(both.body.map((s: any) => [s.organisationId, s.lawyerId, s.day])).toEqual([
        [center.id, secondLawyer.id, '2027-08-05'],
        [otherCenter.id, desk.lawyer.id, '2027-08-05'],
      ]);
      // the same lawyer twice on one day across the grid is a clash, named at its cell
      const clash = await t.admin.put('/duty-shifts/months', {
        month: '2027-08',
        rosters: [
          { organisationId: center.id, shifts: [{ lawyerId: desk.lawyer.id, day: '2027-08-09' }] },
          { organisationId: otherCenter.id, shifts: [{ lawyerId: desk.lawyer.id, day: '2027-08-09' }] },
        ],
      });
      expect(clash.status).toBe(400);
      expect(clash.body.errors).toEqual([
        expect.objectContaining({ field: 'rosters.1.shifts.0.day', code: 'ALREADY_ON_DUTY', message: expect.stringContaining(`已在"${center.name}"值班`) }),
      ]);
    });

    it("refuses a district administrator's grid naming each center outside his district, checked in one query for all", async () => {
      const districtAdmin = await makeStaff(t, desk.organisation.id, 'admin');
      const elsewhere = await makeOrganisation(t);
      const foreignCenter = await makeOrganisation(t, { parentId: elsewhere.id, kind: 'service_center', name: '别区职工服务站' });
      const extraCenters = await Promise.all(
        ['一', '二', '三', '四'].map((n) => makeOrganisation(t, { parentId: desk.organisation.id, kind: 'service_center', name: `第${n}服务站` })),
      );
      const roster = (organisationId: string) => ({ organisationId, shifts: [] });
      const scopeQueries = async (rosters: { organisationId: string; shifts: never[] }[]) => {
        const query = jest.spyOn(t.dataSource, 'query');
        try {
          const response = await districtAdmin.api.put('/duty-shifts/months', { month: '2027-10', rosters });
          const asked = query.mock.calls.filter(([sql]) => /FROM organisations\s+WHERE id/i.test(String(sql))).length;
          return { response, asked };
        } finally {
          query.mockRestore();
        }
      };

      // in his district, another district's center, a center that does not exist, the first one again
      const mixed = await scopeQueries([roster(center.id), roster(foreignCenter.id), roster('00000000-0000-4000-8000-000000000000'), roster(center.id)]);
      expect(mixed.response.status).toBe(400);
      expect(mixed.response.body.errors).toEqual([
        { field: 'rosters.1.organisationId', code: 'NOT_FOUND', message: expect.any(String) },
        { field: 'rosters.2.organisationId', code: 'NOT_FOUND', message: expect.any(String) },
        { field: 'rosters.3.organisationId', code: 'DUPLICATE_IN_REQUEST', message: '与第 1 项重复' },
      ]);
      // the other district's center is told exactly as one that does not exist
      expect(mixed.response.body.errors[0].message).toBe(mixed.response.body.errors[1].message);
      expect(mixed.asked).toBe(1);

      // six centers of his district, all saved: the number of scope queries does not grow with the grid
      const six = await scopeQueries([center, otherCenter, ...extraCenters].map((c) => roster(c.id)));
      expect(six.response.status).toBe(200);
      expect(six.asked).toBeLessThanOrEqual(2);
    });
  });

  it("logs consultations in one request each and lists a lawyer's day with counts", async () => {
    const base = { organisationId: desk.organisation.id, channel: 'walk_in', advice: '告知可申请调解，准备考勤记录', durationMinutes: 12 };
    const anonymous = await desk.lawyer.api.post('/consultations', { ...base, topic: 'unpaid_wages', consultedAt: '2027-01-11T08:10:00+08:00' });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body).toMatchObject({ workerName: null, topic: 'unpaid_wages', consultedAt: '2027-01-11T08:10:00+08:00' });
    await desk.lawyer.api.post('/consultations', { ...base, topic: 'work_injury', workerName: '刘师傅', followUpNeeded: true, consultedAt: '2027-01-11T08:40:00+08:00' });
    await desk.lawyer.api.post('/consultations', { ...base, topic: 'unpaid_wages', consultedAt: '2027-01-10T16:00:00+08:00' });
    const day = (await desk.lawyer.api.get('/consultations?day=2027-01-11')).body;
    expect(day.counts).toEqual({ total: 2, followUpNeeded: 1, openedCases: 0, byTopic: { unpaid_wages: 1, work_injury: 1 } });
    const missing = await desk.lawyer.api.post('/consultations', { organisationId: desk.organisation.id, channel: 'walk_in', topic: 'other' });
    expect(missing.body.errors.map((e: any) => e.field).sort()).toEqual(['advice', 'durationMinutes']);
  });

  it('turns a consultation into a case with its data carried over, linked both ways', async () => {
    const consultation = (
      await desk.lawyer.api.post('/consultations', {
        organisationId: desk.organisation.id,
        channel: 'hotline_12351',
        topic: 'unpaid_labour_fees',
        workerName: '陈师傅',
        employerId: desk.employer.id,
        advice: '拖欠三个月劳务费，建议立案调解',
        durationMinutes: 20,
        consultedAt: '2027-01-11T08:30:00+08:00',
      })
    ).body;
    const opened = await desk.lawyer.api.post(`/consultations/${consultation.id}/case`, {
      claims: [{ worker: { name: '陈师傅', idNumber: residentId(71) }, amountClaimed: '15000.00', kind: 'labour_fees' }],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      intakeChannel: 'hotline_12351',
      intakeDate: '2027-01-11',
      summary: '拖欠劳务费：拖欠三个月劳务费，建议立案调解',
      lawyer: { id: desk.lawyer.id },
      employers: [expect.objectContaining({ id: desk.employer.id, role: 'employer' })],
      totals: { workers: 1, claimed: '15000.00' },
    });
    // the answer is the case as its page reads it, the consultation's link written to the case included
    const { warnings, ...answer } = opened.body;
    expect({ ...(await desk.lawyer.api.get(`/cases/${opened.body.id}`)).body, warnings }).toEqual({ ...answer, warnings });
    const day = (await desk.lawyer.api.get('/consultations?day=2027-01-11')).body;
    expect(day.items.find((c: any) => c.id === consultation.id).caseId).toBe(opened.body.id);
    expect((await desk.lawyer.api.get(`/cases/${opened.body.id}`)).body.consultationId).toBe(consultation.id);
    const again = await desk.lawyer.api.post(`/consultations/${consultation.id}/case`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_A_CASE');
  });

  it('refuses a consultation dated later than now, at its field', async () => {
    const base = { organisationId: desk.organisation.id, channel: 'walk_in', topic: 'unpaid_wages', advice: '告知可申请调解', durationMinutes: 10 };
    for (const consultedAt of ['2027-01-12T08:00:00+08:00', '2027-01-11T11:00:00+08:00']) {
      const refused = await desk.lawyer.api.post('/consultations', { ...base, consultedAt });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { field: 'consultedAt', code: 'TIME_IN_FUTURE', message: '时间不能晚于现在（2027-01-11 09:00）' },
      ]);
    }
    // a device whose clock runs a few minutes ahead is not refused for it
    const slightlyAhead = await desk.lawyer.api.post('/consultations', { ...base, consultedAt: '2027-01-11T09:03:00+08:00' });
    expect(slightlyAhead.status).toBe(201);
  });

  it('names the consultation\'s time, not an intake day nobody sent, when a case cannot be opened from it', async () => {
    const consultation = (
      await desk.lawyer.api.post('/consultations', {
        organisationId: desk.organisation.id,
        channel: 'walk_in',
        topic: 'unpaid_wages',
        employerId: desk.employer.id,
        advice: '建议立案调解',
        durationMinutes: 10,
      })
    ).body;
    // as one logged before future times were refused
    await t.dataSource.query(`UPDATE consultations SET consulted_at = '2027-01-13T10:00:00+08:00' WHERE id = $1`, [consultation.id]);
    const refused = await desk.lawyer.api.post(`/consultations/${consultation.id}/case`, {
      claims: [{ worker: { name: '孙师傅', idNumber: residentId(91) }, amountClaimed: '2000.00' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'consultedAt',
        code: 'CONSULTATION_DATED_IN_FUTURE',
        message: '该咨询记录的时间（2027-01-13 10:00）晚于今天，不能作为立案日期；请按实际时间重新登记这次咨询，再据此立案',
      },
    ]);
    const day = (await desk.lawyer.api.get('/consultations?day=2027-01-13')).body;
    expect(day.items.find((c: any) => c.id === consultation.id).caseId).toBeNull();
  });

  it('raises an early warning from an outreach visit that finds arrears, and opens a case from it', async () => {
    const employer = await makeEmployer(desk.lawyer.api, { kind: 'labour_subcontractor' });
    const visit = await desk.lawyer.api.post('/outreach-visits', {
      organisationId: desk.organisation.id,
      visitedOn: '2027-01-08',
      employerId: employer.id,
      site: '顺义区某工地',
      workersReached: 86,
      wageSheets: 'incomplete',
      dedicatedWageAccount: 'missing',
      guaranteeDeposit: 'in_order',
      realNameRecords: 'incomplete',
      arrearsFound: true,
      estimatedWorkers: 40,
      estimatedAmount: '600000.00',
      findings: '12月工资未发放',
    });
    expect(visit.status).toBe(201);
    expect(visit.body.earlyWarning).toMatchObject({ status: 'open', estimatedAmount: '600000.00', raisedOn: '2027-01-08' });
    const { id: _id, lawyerId: _lawyer, projectId: _project, ...again } = visit.body.visit;
    const clean = await desk.lawyer.api.post('/outreach-visits', { ...again, arrearsFound: false, findings: '工资按月足额发放' });
    expect(clean.status).toBe(201);
    expect(clean.body.earlyWarning).toBeNull();

    const open = (await desk.leader.api.get('/early-warnings?status=open')).body;
    expect(open.map((w: any) => w.id)).toContain(visit.body.earlyWarning.id);
    const opened = await desk.lawyer.api.post(`/early-warnings/${visit.body.earlyWarning.id}/case`, {});
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ intakeChannel: 'outreach_visit', summary: '送法进企业发现欠薪：12月工资未发放' });
    const after = (await desk.leader.api.get('/early-warnings')).body.find((w: any) => w.id === visit.body.earlyWarning.id);
    expect(after).toMatchObject({ status: 'case_opened', caseId: opened.body.id });
  });

  it('flags a worker already claiming in another open case, and a lawyer who acted for the employer', async () => {
    const idNumber = residentId(81);
    const first = await openCase(desk, { claims: [{ worker: { name: '赵师傅', idNumber }, amountClaimed: '3000.00' }] });
    const second = await openCase(desk, { claims: [{ worker: { name: '赵师傅', idNumber }, amountClaimed: '3000.00' }] });
    expect((await desk.lawyer.api.post('/lawyer-engagements', { employerId: desk.employer.id, note: '曾任该公司法律顾问' })).status).toBe(204);
    const conflicts = (await desk.lawyer.api.get(`/cases/${second.id}/conflicts`)).body;
    expect(conflicts.workersInOtherOpenCases).toEqual([
      expect.objectContaining({ workerName: '赵师傅', caseNumber: first.caseNumber, caseId: first.id, visible: true }),
    ]);
    expect(conflicts.lawyerActedForEmployer).toEqual([
      expect.objectContaining({ lawyerId: desk.lawyer.id, employerId: desk.employer.id, note: '曾任该公司法律顾问' }),
    ]);
    const third = await desk.lawyer.api.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2027-01-11',
      summary: '拖欠工资',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
      lawyerId: desk.lawyer.id,
    });
    expect(third.body.warnings).toEqual([{ code: 'LAWYER_ACTED_FOR_EMPLOYER', employerName: desk.employer.name, note: '曾任该公司法律顾问' }]);
    const added = await desk.lawyer.api.post(`/cases/${third.body.id}/claims`, {
      claims: [{ worker: { name: '赵师傅', idNumber }, amountClaimed: '100.00' }],
    });
    expect(added.body).toEqual({
      added: 1,
      alsoClaimingElsewhere: [
        { workerName: '赵师傅', caseNumber: first.caseNumber },
        { workerName: '赵师傅', caseNumber: second.caseNumber },
      ],
    });
  });

  it('suggests registered employers whose names look like a new one', async () => {
    const hongda = await makeEmployer(desk.lawyer.api, { name: '北京宏达建筑劳务有限公司' });
    const typedAgain = await desk.lawyer.api.post('/employers', { name: '宏达建筑劳务（北京）有限公司', kind: 'individual_contractor' });
    expect(typedAgain.body.similarEmployers).toEqual([expect.objectContaining({ id: hongda.id })]);
    const similar = (await desk.lawyer.api.get(`/employers/similar?name=${encodeURIComponent('宏达建筑劳务有限责任公司')}`)).body;
    expect(similar.map((e: any) => e.id)).toContain(hongda.id);
    const unrelated = (await desk.lawyer.api.get(`/employers/similar?name=${encodeURIComponent('远方物流有限公司')}`)).body;
    expect(unrelated.map((e: any) => e.id)).not.toContain(hongda.id);
  });
});
