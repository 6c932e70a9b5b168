import { Desk, makeDesk, makeRoster, openCase, yuan } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * A season recorded after the fact: the 2019 Shunyi case (a greening company owes its workers wages
 * and labour fees; the 2019 Spring Festival fell on 5 February) entered in December 2026, every step
 * with the day it happened. The figures, the employer record, the timeline and the legal clocks must
 * count those days, not the day they were typed in.
 */
describe('A back-dated case of the 2019 season', () => {
  let t: TestApp;
  let desk: Desk;
  let caseUrl: string;
  let creditCode: string;
  const roster = makeRoster(12, 12_003_456_78n);
  const fenOf = (amount: string) => BigInt(amount.replace('.', ''));

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-04T10:00:00+08:00') });
    desk = await makeDesk(t);
    creditCode = desk.employer.creditCode;
  });
  afterAll(() => t.close());

  it('is replayed from intake in January to closing on 3 February 2019', async () => {
    const { lawyer, mediator } = { lawyer: desk.lawyer.api, mediator: desk.mediator.api };
    const opened = await openCase(desk, {
      intakeChannel: 'hotline_12351',
      intakeDate: '2019-01-08',
      mediatorId: desk.mediator.id,
      summary: '某绿化公司拖欠农民工工资及劳务费',
    });
    expect(opened.caseNumber).toBe(`${desk.organisation.code}-2019-00001`);
    caseUrl = `/cases/${opened.id}`;
    // Half the workers are owed wages (工资), half labour fees (劳务费).
    const csv = ['序号,姓名,身份证号,主张金额,类别']
      .concat(roster.map((row, i) => `${i + 1},${row.name},${row.idNumber},${row.amountClaimed},${i % 2 === 0 ? '工资' : '劳务费'}`))
      .join('\r\n');
    expect((await lawyer.upload(`${caseUrl}/claims/import`, csv, 'text/csv')).status).toBe(201);

    await move({ to: 'verifying', on: '2019-01-10' });
    await move({ to: 'mediating', on: '2019-01-15' });
    const claims = (await mediator.get(`${caseUrl}/claims?pageSize=100`)).body.items;
    const confirmed = await mediator.post(`${caseUrl}/claims/confirmations`, {
      confirmedOn: '2019-01-20',
      items: claims.map((claim: any) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })),
    });
    expect(confirmed.status).toBe(200);
    const agreement = await mediator.post(`${caseUrl}/agreement`, {
      signedOn: '2019-01-31',
      schedule: 'total',
      instalments: [{ dueOn: '2019-02-03', amount: '12003456.78' }],
    });
    expect(agreement.status).toBe(201);

    // Two pay days: 60 % of each worker's amount on 2 February, the rest on the 3rd.
    const first = claims.map((claim: any) => ({ claimId: claim.id, amount: yuan((fenOf(claim.amountClaimed) * 6n) / 10n) }));
    const rest = claims.map((claim: any, i: number) => ({
      claimId: claim.id,
      amount: yuan(fenOf(claim.amountClaimed) - fenOf(first[i].amount)),
    }));
    for (const [paidOn, items] of [['2019-02-02', first], ['2019-02-03', rest]] as const) {
      const paid = await mediator.post(`${caseUrl}/payouts`, { paidOn, payerKind: 'employer', channel: 'bank_transfer', items });
      expect(paid.status).toBe(201);
    }
    const closed = await move({ to: 'closed', outcome: 'paid_in_full', on: '2019-02-03' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'paid_in_full', closedOn: '2019-02-03' });
  });

  it('keeps on the timeline the day each thing happened, and when it was recorded', async () => {
    const events = (await desk.mediator.api.get(`${caseUrl}/events?pageSize=100`)).body.items as any[];
    const days = events.map((event) => [event.kind, event.toStatus, event.happenedOn]);
    expect(days).toEqual([
      ['case_opened', 'received', '2019-01-08'],
      // the roster was imported today, and says so
      ['claims_added', null, '2026-12-04'],
      ['status_changed', 'verifying', '2019-01-10'],
      ['status_changed', 'mediating', '2019-01-15'],
      ['claims_confirmed', null, '2019-01-20'],
      ['status_changed', 'agreed', '2019-01-31'],
      ['agreement_signed', null, '2019-01-31'],
      ['payouts_recorded', null, '2019-02-02'],
      ['status_changed', 'paying', '2019-02-02'],
      ['payouts_recorded', null, '2019-02-03'],
      ['status_changed', 'closed', '2019-02-03'],
    ]);
    for (const event of events) expect(event.recordedAt).toMatch(/^2026-12-04T10:00/);
    expect(new Set(events.map((event) => event.actorId)).size).toBeGreaterThan(0);
  });

  it('counts the case closed in February 2019, not in December 2026', async () => {
    const season = await desk.leader.api.get('/reports/summary?from=2019-01-01&to=2019-02-28');
    expect(season.status).toBe(200);
    expect(season.body).toMatchObject({ casesOpened: 1, casesClosedInPeriod: 1 });
    const now = await desk.leader.api.get('/reports/summary?from=2026-12-01&to=2026-12-04');
    expect(now.body).toMatchObject({ casesOpened: 0, casesClosedInPeriod: 0 });
  });

  it('puts the money under February, the month it was paid, split into wages and labour fees', async () => {
    const wagesFen = roster.filter((_, i) => i % 2 === 0).reduce((sum, row) => sum + fenOf(row.amountClaimed), 0n);
    const months = (await desk.leader.api.get('/reports/breakdowns/month?from=2019-01-01&to=2019-02-28')).body.items;
    const figures = months.map((row: any) => ({ month: row.key, opened: row.casesOpened, paid: row.paidInPeriod }));
    expect(figures).toEqual([
      { month: '2019-01', opened: 1, paid: { total: '0.00', wages: '0.00', labourFees: '0.00', other: '0.00' } },
      {
        month: '2019-02',
        opened: 0,
        paid: { total: '12003456.78', wages: yuan(wagesFen), labourFees: yuan(12_003_456_78n - wagesFen), other: '0.00' },
      },
    ]);
    const season = (await desk.leader.api.get('/reports/summary?from=2019-01-01&to=2019-02-28')).body;
    expect(season).toMatchObject({ recovered: '12003456.78', unpaid: '0.00', paidInPeriod: { total: '12003456.78' } });
  });

  it('shows the 2019 season before its festival: nothing left open on the eve, closed on the 3rd', async () => {
    const festival = (await desk.leader.api.get('/reports/festival?festivalYear=2019')).body;
    expect(festival).toMatchObject({ season: { festivalYear: 2019, festival: '2019-02-05', eve: '2019-02-04' }, asOf: '2019-02-04' });
    expect(festival.totals).toMatchObject({ openCases: 0, unpaid: '0.00' });
  });

  it('shows each worker paid in full with his limitation year satisfied, not overdue', async () => {
    const clocks = (await desk.mediator.api.get(`/cases/${caseUrl.split('/')[2]}/deadlines`)).body;
    expect(clocks.workers).toHaveLength(12);
    expect(new Set(clocks.workers.map((worker: any) => `${worker.state} ${worker.daysLeft}`))).toEqual(new Set(['satisfied null']));
  });

  it("shows the closing day on the employer's record", async () => {
    const record = await desk.leader.api.get(`/reports/employers/${creditCode}`);
    expect(record.status).toBe(200);
    expect(record.body.cases).toEqual([expect.objectContaining({ closedOn: '2019-02-03', status: 'closed' })]);
  });

  it('starts the mediation clock on the day of the first entry into mediation, and ends it with the agreement', async () => {
    const clocks = (await desk.mediator.api.get(`/cases/${caseUrl.split('/')[2]}/deadlines`)).body;
    const mediation = clocks.deadlines.find((deadline: any) => deadline.clock === 'mediation');
    expect(mediation).toMatchObject({ startedOn: '2019-01-15', state: 'satisfied' });
  });

  describe('what cannot be true is refused, with the field named', () => {
    let open: { url: string; claimId: string };

    beforeAll(async () => {
      const opened = await openCase(desk, {
        intakeDate: '2026-11-20',
        mediatorId: desk.mediator.id,
        claims: [{ worker: { name: roster[0].name, idNumber: roster[0].idNumber }, amountClaimed: '5000.00' }],
      });
      const url = `/cases/${opened.id}`;
      const claims = (await desk.mediator.api.get(`${url}/claims`)).body.items;
      open = { url, claimId: claims[0].id };
      expect((await desk.mediator.api.post(`${url}/transitions`, { to: 'verifying', on: '2026-11-25' })).status).toBe(200);
    });

    const refused = async (path: string, body: unknown, method: 'post' | 'patch' = 'post') => {
      const response = await desk.mediator.api[method](`${open.url}${path}`, body);
      return { status: response.status, errors: response.body.errors, code: response.body.code, message: response.body.message };
    };

    it('a move in the future, before the case was opened, or before the previous move', async () => {
      expect(await refused('/transitions', { to: 'mediating', on: '2026-12-05' })).toMatchObject({
        status: 400,
        errors: [{ field: 'on', code: 'DATE_IN_FUTURE', message: '日期不能晚于今天' }],
      });
      expect(await refused('/transitions', { to: 'mediating', on: '2026-11-19' })).toMatchObject({
        status: 400,
        errors: [{ field: 'on', code: 'BEFORE_INTAKE', message: '日期不能早于案件受理日 2026-11-20' }],
      });
      expect(await refused('/transitions', { to: 'mediating', on: '2026-11-24' })).toMatchObject({
        status: 400,
        errors: [{ field: 'on', code: 'BEFORE_LAST_STATUS_CHANGE', message: '日期不能早于上一次状态变更的日期 2026-11-25' }],
      });
      expect((await desk.mediator.api.get(open.url)).body.status).toBe('verifying');
    });

    it('agreed by hand, with no agreement recorded', async () => {
      expect((await desk.mediator.api.post(`${open.url}/transitions`, { to: 'mediating', on: '2026-11-26' })).status).toBe(200);
      const byHand = await refused('/transitions', { to: 'agreed' });
      expect(byHand).toMatchObject({ status: 409, code: 'AGREEMENT_REQUIRED' });
      expect(byHand.message).toContain('请录入调解协议');
      expect((await desk.mediator.api.get(open.url)).body).toMatchObject({ status: 'mediating', allowedTransitions: expect.not.arrayContaining(['agreed']) });
    });

    it('a payout, an agreement or a confirmation dated before the case was opened or in the future', async () => {
      expect(
        await refused('/payouts', { paidOn: '2016-05-01', payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: open.claimId, amount: '100.00' }] }),
      ).toMatchObject({ status: 400, errors: [{ field: 'paidOn', code: 'BEFORE_INTAKE' }] });
      expect(
        await refused('/agreement', { signedOn: '2026-11-01', schedule: 'total', instalments: [{ dueOn: '2026-12-20', amount: '100.00' }] }),
      ).toMatchObject({ status: 400, errors: [{ field: 'signedOn', code: 'BEFORE_INTAKE' }] });
      expect(
        await refused('/claims/confirmations', { confirmedOn: '2026-12-25', items: [{ claimId: open.claimId, amountConfirmed: '5000.00' }] }),
      ).toMatchObject({ status: 400, errors: [{ field: 'confirmedOn', code: 'DATE_IN_FUTURE' }] });
      const payouts = (await desk.mediator.api.get(`${open.url}/payouts`)).body;
      expect(payouts.total).toBe(0);
    });

    it('an arbitration accepted before it was applied for, or in the future', async () => {
      expect(
        await refused('/legal-dates', { arbitrationAppliedOn: '2026-12-01', arbitrationAcceptedOn: '2026-11-28' }, 'patch'),
      ).toMatchObject({
        status: 400,
        errors: [{ field: 'arbitrationAcceptedOn', code: 'BEFORE_EARLIER_STEP', message: '日期不能早于申请仲裁的日期 2026-12-01' }],
      });
      expect(await refused('/legal-dates', { arbitrationAcceptedOn: '2026-12-09' }, 'patch')).toMatchObject({
        status: 400,
        errors: [{ field: 'arbitrationAcceptedOn', code: 'DATE_IN_FUTURE' }],
      });
      expect((await desk.mediator.api.patch(`${open.url}/legal-dates`, { arbitrationAppliedOn: '2026-12-01' })).status).toBe(204);
      expect(await refused('/legal-dates', { arbitrationAcceptedOn: '2026-11-30' }, 'patch')).toMatchObject({
        status: 400,
        errors: [{ field: 'arbitrationAcceptedOn', code: 'BEFORE_EARLIER_STEP' }],
      });
    });

    it("a session's outcome before the day it was booked for", async () => {
      const booked = await desk.mediator.api.post(`${open.url}/sessions`, {
        startsAt: '2026-12-07T09:00:00+08:00',
        endsAt: '2026-12-07T10:00:00+08:00',
      });
      expect(booked.status).toBe(201);
      const early = await refused(`/sessions/${booked.body.id}/outcome`, { version: booked.body.version, outcome: 'no_agreement' });
      expect(early).toMatchObject({ status: 409, code: 'SESSION_NOT_YET_HELD', message: '这次调解定于 2026-12-07，当天或之后才能登记结果' });
    });
  });

  it("finds the cases of a worker by his whole id number (through the keyed hash), and nothing by another's", async () => {
    const found = await desk.lawyer.api.get(`/cases?q=${roster[3].idNumber}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((item: any) => item.caseNumber)).toEqual([`${desk.organisation.code}-2019-00001`]);
    const byLowercaseX = await desk.lawyer.api.get(`/cases?q=${encodeURIComponent(' ' + roster[3].idNumber.toLowerCase() + ' ')}`);
    expect(byLowercaseX.body.total).toBe(1);
    const stranger = await desk.lawyer.api.get('/cases?q=11010519491231002X');
    expect(stranger.body.total).toBe(0);
  });

  async function move(body: Record<string, unknown>) {
    const response = await desk.mediator.api.post(`${caseUrl}/transitions`, body);
    expect({ to: body.to, status: response.status, body: response.status === 200 ? undefined : response.body }).toEqual({
      to: body.to,
      status: 200,
      body: undefined,
    });
    return response.body;
  }
});
