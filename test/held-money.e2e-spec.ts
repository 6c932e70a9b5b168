import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * Money held for workers who could not be reached (代管): 甲 paid 5,000 directly on 1-10; the employer
 * paid 乙's 4,000 and 丙's 3,000 into the union's account on 1-12. It counts as recovered (their
 * balances fall), is listed as held by organisation and age, and the reports tell it apart from the
 * money in the workers' hands, until it is handed over.
 */
describe('Money held for workers (代管)', () => {
  let t: TestApp;
  let desk: Desk;
  let outsider: Desk;
  let caseId: string;
  const payoutOf: Record<string, string> = {};
  const period = 'from=2027-01-01&to=2027-01-31';

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-20T10:00:00+08:00') });
    desk = await makeDesk(t);
    outsider = await makeDesk(t);
    const opened = await openCase(desk, {
      intakeDate: '2027-01-05',
      mediatorId: desk.mediator.id,
      claims: [
        { worker: { name: '代管甲', idNumber: residentId(9301) }, amountClaimed: '5000.00', amountConfirmed: '5000.00' },
        { worker: { name: '代管乙', idNumber: residentId(9302) }, amountClaimed: '4000.00', amountConfirmed: '4000.00' },
        { worker: { name: '代管丙', idNumber: residentId(9303) }, amountClaimed: '3000.00', amountConfirmed: '3000.00' },
      ],
    });
    caseId = opened.id;
    for (const [to, on] of [['verifying', '2027-01-06'], ['mediating', '2027-01-07']]) {
      expect((await desk.mediator.api.post(`/cases/${caseId}/transitions`, { to, on })).status).toBe(200);
    }
    const claims: any[] = (await desk.mediator.api.get(`/cases/${caseId}/claims`)).body.items;
    const claimOf = (name: string) => claims.find((claim) => claim.worker.name === name).id;
    const direct = await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn: '2027-01-10',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: [{ claimId: claimOf('代管甲'), amount: '5000.00' }],
    });
    expect(direct.status).toBe(201);
    const held = await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn: '2027-01-12',
      payerKind: 'employer',
      channel: 'bank_transfer',
      heldIn: 'union_account',
      items: [
        { claimId: claimOf('代管乙'), amount: '4000.00' },
        { claimId: claimOf('代管丙'), amount: '3000.00' },
      ],
    });
    expect(held.status).toBe(201);
    for (const payout of (await desk.leader.api.get(`/cases/${caseId}/payouts`)).body.items) payoutOf[payout.workerName] = payout.id;
  });
  afterAll(() => t.close());

  it('counts held money as recovered, lists it by organisation and age, and tells it apart in the reports', async () => {
    const theCase = (await desk.leader.api.get(`/cases/${caseId}`)).body;
    expect(theCase.totals).toMatchObject({ paid: '12000.00', outstanding: '0.00' });
    const ledger = (await desk.leader.api.get(`/cases/${caseId}/payouts`)).body.items;
    expect(ledger.map((p: any) => [p.workerName, p.heldIn, p.handover])).toEqual([
      ['代管甲', null, null],
      ['代管乙', 'union_account', null],
      ['代管丙', 'union_account', null],
    ]);
    const held = (await desk.leader.api.get('/held-money')).body;
    expect(held.byOrganisation).toEqual([
      {
        organisationId: desk.organisation.id,
        organisationName: desk.organisation.name,
        workers: 2,
        total: '7000.00',
        within30Days: '7000.00',
        within90Days: '0.00',
        within180Days: '0.00',
        older: '0.00',
      },
    ]);
    expect(held.items.map((item: any) => [item.workerName, item.amount, item.receivedOn, item.daysHeld, item.heldIn])).toEqual([
      ['代管乙', '4000.00', '2027-01-12', 8, 'union_account'],
      ['代管丙', '3000.00', '2027-01-12', 8, 'union_account'],
    ]);
    expect((await outsider.leader.api.get('/held-money')).body).toMatchObject({ byOrganisation: [], items: [], total: 0 });
    const elsewhere = await outsider.leader.api.get(`/held-money?organisationId=${desk.organisation.id}`);
    expect(elsewhere.status).toBe(404);

    expect((await desk.leader.api.get(`/reports/summary?${period}`)).body).toMatchObject({
      recovered: '12000.00',
      recoveredHandedOver: '5000.00',
      recoveredHeld: '7000.00',
    });
  });

  it('hands the money over once, on a day after it was received, and the reports follow', async () => {
    const url = (name: string) => `/cases/${caseId}/payouts/${payoutOf[name]}/handover`;
    const early = await desk.mediator.api.post(url('代管乙'), { handedOverOn: '2027-01-11', channel: 'cash_with_signature' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'handedOverOn', code: 'BEFORE_RECEIVED', message: '早于这笔钱代管入账的日期 2027-01-12' })]);
    const direct = await desk.mediator.api.post(url('代管甲'), { handedOverOn: '2027-01-18', channel: 'cash_with_signature' });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('PAYOUT_NOT_HELD');
    expect((await outsider.mediator.api.post(url('代管乙'), { handedOverOn: '2027-01-18', channel: 'cash_with_signature' })).status).toBe(404);

    const done = await desk.mediator.api.post(url('代管乙'), { handedOverOn: '2027-01-18', channel: 'cash_with_signature', receiptReference: '签收单 0018' });
    expect(done.status).toBe(204);
    const twice = await desk.mediator.api.post(url('代管乙'), { handedOverOn: '2027-01-19', channel: 'bank_transfer' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('HELD_MONEY_HANDED_OVER');

    const ledger = (await desk.leader.api.get(`/cases/${caseId}/payouts`)).body.items;
    expect(ledger.find((p: any) => p.workerName === '代管乙').handover).toEqual({ handedOverOn: '2027-01-18', channel: 'cash_with_signature', receiptReference: '签收单 0018' });
    const events = (await desk.leader.api.get(`/cases/${caseId}/events?pageSize=100`)).body.items;
    expect(events.find((e: any) => e.kind === 'held_money_handed_over')).toMatchObject({ happenedOn: '2027-01-18', data: { amount: '4000.00' } });
    expect((await desk.leader.api.get('/held-money')).body.byOrganisation[0]).toMatchObject({ workers: 1, total: '3000.00' });
    expect((await desk.leader.api.get(`/reports/summary?${period}`)).body).toMatchObject({
      recovered: '12000.00',
      recoveredHandedOver: '9000.00',
      recoveredHeld: '3000.00',
    });
  });

  it('ages what stays held, and a correction that takes a held payout back takes it off the list', async () => {
    t.clock.set(new Date('2027-05-01T10:00:00+08:00'));
    const [leader, mediator] = await Promise.all([t.login(desk.leader.username), t.login(desk.mediator.username)]);
    expect((await leader.get('/held-money')).body.byOrganisation[0]).toMatchObject({ total: '3000.00', within30Days: '0.00', within180Days: '3000.00' });

    const voided = await mediator.post(`/cases/${caseId}/payouts/${payoutOf['代管丙']}/corrections`, { action: 'void', reason: '用人单位的转账被银行退回' });
    expect(voided.status).toBe(201);
    expect((await leader.post(`/cases/${caseId}/payout-corrections/${voided.body.id}/approve`, {})).status).toBe(200);
    expect((await leader.get('/held-money')).body).toMatchObject({ byOrganisation: [], total: 0 });
    const reversal = (await leader.get(`/cases/${caseId}/payouts`)).body.items.find((p: any) => p.entryKind === 'reversal');
    expect(reversal).toMatchObject({ workerName: '代管丙', amount: '-3000.00', heldIn: 'union_account' });
    expect((await leader.get(`/reports/summary?${period}`)).body).toMatchObject({ recovered: '9000.00', recoveredHandedOver: '9000.00', recoveredHeld: '0.00' });
  });
});
