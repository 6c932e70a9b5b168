import { residentId } from './factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * Corrections to the payout ledger (冲正) with four eyes, on a case whose every fen is known:
 *
 *   Workers 甲 10,000 and 乙 5,000, confirmed; an agreement of one instalment, 10,000 due 2026-11-20.
 *   Recorded: 11-18 甲 6,000 (right); 11-19 甲 3,000 (in fact paid to 乙); 11-19 乙 1,000 (never paid).
 *   Before: 甲 paid 9,000, 乙 1,000; 10,000 by 11-20, the instalment paid.
 *   After moving the second to 乙 and voiding the third: 甲 6,000, 乙 3,000; 9,000 by 11-20, the
 *   instalment overdue; the reports' recovered and paid in the period 1,000 less.
 *
 * And a case closed as paid in full whose only payout is voided goes back to paying.
 */
describe('Corrections to the payout ledger', () => {
  let t: TestApp;
  let desk: Desk;
  let requester: Api; // a mediator who is also a leader: he may ask, and may not approve his own
  let requesterId: string;
  let outsider: Desk;
  let caseId: string;
  let claimA: string;
  let claimB: string;
  const payoutIds: Record<string, string> = {};
  const period = 'from=2026-11-01&to=2026-11-30';

  const claimsOf = async (id: string) =>
    Object.fromEntries(
      ((await desk.leader.api.get(`/cases/${id}/claims`)).body.items as any[]).map((claim) => [claim.worker.name, [claim.amountPaid, claim.amountOutstanding]]),
    );
  const summary = async () => (await desk.leader.api.get(`/reports/summary?${period}`)).body;
  const ledger = async (id: string) =>
    ((await desk.leader.api.get(`/cases/${id}/payouts?pageSize=100`)).body.items as any[]).map((p) => [
      p.workerName,
      p.amount,
      p.paidOn,
      p.entryKind,
      p.reversedByCorrectionId !== null,
    ]);

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-30T10:00:00+08:00') });
    desk = await makeDesk(t);
    outsider = await makeDesk(t);
    const both = await makeStaff(t, desk.organisation.id, ['leader', 'mediator']);
    requester = both.api;
    requesterId = both.id;

    const opened = await openCase(desk, {
      intakeDate: '2026-11-10',
      mediatorId: desk.mediator.id,
      claims: [
        { worker: { name: '更正甲', idNumber: residentId(9101) }, amountClaimed: '10000.00', amountConfirmed: '10000.00' },
        { worker: { name: '更正乙', idNumber: residentId(9102) }, amountClaimed: '5000.00', amountConfirmed: '5000.00' },
      ],
    });
    caseId = opened.id;
    for (const [to, on] of [['verifying', '2026-11-11'], ['mediating', '2026-11-12']]) {
      expect((await desk.mediator.api.post(`/cases/${caseId}/transitions`, { to, on })).status).toBe(200);
    }
    const agreed = await desk.mediator.api.post(`/cases/${caseId}/agreement`, {
      signedOn: '2026-11-15',
      schedule: 'total',
      instalments: [
        { dueOn: '2026-11-20', amount: '10000.00' },
        { dueOn: '2026-12-20', amount: '5000.00' },
      ],
    });
    expect(agreed.status).toBe(201);
    const claims: any[] = (await desk.mediator.api.get(`/cases/${caseId}/claims`)).body.items;
    claimA = claims.find((claim) => claim.worker.name === '更正甲').id;
    claimB = claims.find((claim) => claim.worker.name === '更正乙').id;
    const pay = async (paidOn: string, claimId: string, amount: string) => {
      const response = await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
        paidOn,
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: [{ claimId, amount, receiptReference: `ICBC-${paidOn}-${amount}` }],
      });
      expect(response.status).toBe(201);
    };
    await pay('2026-11-18', claimA, '6000.00');
    await pay('2026-11-19', claimA, '3000.00');
    await pay('2026-11-19', claimB, '1000.00');
    const items: any[] = (await desk.leader.api.get(`/cases/${caseId}/payouts`)).body.items;
    payoutIds.right = items[0].id;
    payoutIds.wrongWorker = items[1].id;
    payoutIds.neverPaid = items[2].id;
  });
  afterAll(() => t.close());

  it('keeps a requested correction pending, counted nowhere, until a second person approves it', async () => {
    const before = { claims: await claimsOf(caseId), summary: await summary() };
    expect(before.claims).toEqual({ 更正甲: ['9000.00', '1000.00'], 更正乙: ['1000.00', '4000.00'] });
    expect(before.summary).toMatchObject({ recovered: '10000.00', paidInPeriod: { total: '10000.00' } });
    expect((await desk.leader.api.get(`/cases/${caseId}/agreement`)).body.instalments.map((i: any) => [i.paid, i.state])).toEqual([
      ['10000.00', 'paid'],
      ['0.00', 'upcoming'],
    ]);

    const moved = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.wrongWorker}/corrections`, {
      action: 'replace',
      claimId: claimB,
      reason: '银行回单显示这笔3000元付给了更正乙，误登记在更正甲名下',
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      status: 'pending',
      action: 'replace',
      original: { workerName: '更正甲', amount: '3000.00', paidOn: '2026-11-19' },
      replacement: { workerName: '更正乙', amount: '3000.00', paidOn: '2026-11-19' },
      requestedBy: { id: desk.mediator.id },
      decidedBy: null,
    });
    const voided = await requester.post(`/cases/${caseId}/payouts/${payoutIds.neverPaid}/corrections`, {
      action: 'void',
      reason: '用人单位未实际支付，误登记',
    });
    expect(voided.status).toBe(201);

    // pending: nothing moved
    expect(await claimsOf(caseId)).toEqual(before.claims);
    expect(await summary()).toEqual(before.summary);
    expect((await desk.leader.api.get(`/payout-corrections/pending`)).body).toMatchObject({ total: 2 });
    expect((await outsider.leader.api.get(`/payout-corrections/pending`)).body).toMatchObject({ total: 0, items: [] });

    // four eyes: not the requester, not a mediator, not another district
    const own = await requester.post(`/cases/${caseId}/payout-corrections/${voided.body.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('OWN_CORRECTION');
    const mediator = await desk.mediator.api.post(`/cases/${caseId}/payout-corrections/${moved.body.id}/approve`, {});
    expect(mediator.status).toBe(403);
    expect(mediator.body.code).toBe('FORBIDDEN');
    const elsewhere = await outsider.leader.api.post(`/cases/${caseId}/payout-corrections/${moved.body.id}/approve`, {});
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('CASE_NOT_FOUND');
    expect(await claimsOf(caseId)).toEqual(before.claims);

    // one request at a time per payout
    const again = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.wrongWorker}/corrections`, {
      action: 'void',
      reason: '重复申请',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PAYOUT_CORRECTION_PENDING');

    // approved, by the district's leader and by the city's administrator
    const approved = await desk.leader.api.post(`/cases/${caseId}/payout-corrections/${moved.body.id}/approve`, { note: '已核对银行回单' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { id: desk.leader.id }, decisionNote: '已核对银行回单' });
    const byAdmin = await t.admin.post(`/cases/${caseId}/payout-corrections/${voided.body.id}/approve`, {});
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.requestedBy.id).toBe(requesterId);

    const twice = await desk.leader.api.post(`/cases/${caseId}/payout-corrections/${moved.body.id}/approve`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CORRECTION_NOT_PENDING');
  });

  it('moves the balances, the instalments and the reports exactly, and keeps the original in the ledger', async () => {
    expect(await claimsOf(caseId)).toEqual({ 更正甲: ['6000.00', '4000.00'], 更正乙: ['3000.00', '2000.00'] });
    // by the day paid, then in the order recorded: the originals stay, marked as taken back
    expect(await ledger(caseId)).toEqual([
      ['更正甲', '6000.00', '2026-11-18', 'payment', false],
      ['更正甲', '3000.00', '2026-11-19', 'payment', true],
      ['更正乙', '1000.00', '2026-11-19', 'payment', true],
      ['更正甲', '-3000.00', '2026-11-19', 'reversal', false],
      ['更正乙', '3000.00', '2026-11-19', 'replacement', false],
      ['更正乙', '-1000.00', '2026-11-19', 'reversal', false],
    ]);
    const agreement = (await desk.leader.api.get(`/cases/${caseId}/agreement`)).body;
    expect(agreement.instalments.map((i: any) => [i.paid, i.state])).toEqual([
      ['9000.00', 'overdue'],
      ['0.00', 'upcoming'],
    ]);
    const after = await summary();
    expect(after).toMatchObject({ recovered: '9000.00', paidInPeriod: { total: '9000.00' }, unpaid: '6000.00' });
    const byMonth = (await desk.leader.api.get(`/reports/breakdowns/month?${period}`)).body.items;
    expect(byMonth.map((row: any) => [row.key, row.recovered, row.paidInPeriod.total])).toEqual([['2026-11', '9000.00', '9000.00']]);

    const kinds = ((await desk.leader.api.get(`/cases/${caseId}/events?pageSize=100`)).body.items as any[]).map((e) => e.kind);
    expect(kinds.filter((kind) => kind.startsWith('payout_correction') || kind === 'payout_corrected')).toEqual(
      expect.arrayContaining(['payout_correction_requested', 'payout_correction_requested', 'payout_corrected', 'payout_corrected']),
    );
    const audit = (await t.admin.get(`/audit?entityType=payout_corrections&pageSize=50`)).body.items;
    expect(audit.map((entry: any) => entry.action).sort()).toEqual(['insert', 'insert', 'update', 'update']);
  });

  it('refuses what a correction cannot do, saying why', async () => {
    const corrected = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.wrongWorker}/corrections`, {
      action: 'void',
      reason: '再次冲正',
    });
    expect(corrected.status).toBe(409);
    expect(corrected.body.code).toBe('PAYOUT_ALREADY_CORRECTED');

    const reversal = (await desk.leader.api.get(`/cases/${caseId}/payouts?pageSize=100`)).body.items.find((p: any) => p.entryKind === 'reversal');
    const ofReversal = await desk.mediator.api.post(`/cases/${caseId}/payouts/${reversal.id}/corrections`, { action: 'void', reason: '冲销的冲销' });
    expect(ofReversal.status).toBe(409);
    expect(ofReversal.body.code).toBe('REVERSAL_NOT_CORRECTABLE');

    // taking back 甲's 6,000 leaves him owed all of his 10,000: a replacement may be no more
    const tooMuch = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.right}/corrections`, {
      action: 'replace',
      amount: '10000.01',
      reason: '金额登记错误',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'PAYOUT_EXCEEDS_OUTSTANDING', details: { amount: '10000.01', outstanding: '10000.00' } });

    const same = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.right}/corrections`, {
      action: 'replace',
      amount: '6000.00',
      reason: '没有变化',
    });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'action', code: 'CHANGES_NOTHING' })]);

    const voidWithAmount = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.right}/corrections`, {
      action: 'void',
      amount: '1.00',
      reason: '  ',
    });
    expect(voidWithAmount.status).toBe(400);
    expect(voidWithAmount.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'reason', code: 'REQUIRED' }),
        expect.objectContaining({ field: 'amount', code: 'NOT_WITH_VOID' }),
      ]),
    );

    const future = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.right}/corrections`, {
      action: 'replace',
      paidOn: '2026-12-01',
      reason: '日期登记错误',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'paidOn', code: 'DATE_IN_FUTURE' })]);

    const unknown = await desk.mediator.api.post(`/cases/${caseId}/payouts/${claimA}/corrections`, { action: 'void', reason: '不存在' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PAYOUT_NOT_FOUND');

    // a rejection leaves the ledger as it was
    const dayWrong = await desk.mediator.api.post(`/cases/${caseId}/payouts/${payoutIds.right}/corrections`, {
      action: 'replace',
      paidOn: '2026-11-17',
      reason: '实际支付日期为11月17日',
    });
    expect(dayWrong.status).toBe(201);
    const rejected = await desk.leader.api.post(`/cases/${caseId}/payout-corrections/${dayWrong.body.id}/reject`, { note: '回单日期为11月18日' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '回单日期为11月18日' });
    expect(await claimsOf(caseId)).toEqual({ 更正甲: ['6000.00', '4000.00'], 更正乙: ['3000.00', '2000.00'] });
    const list = (await desk.lawyer.api.get(`/cases/${caseId}/payout-corrections`)).body;
    expect(list.map((c: any) => c.status)).toEqual(['rejected', 'approved', 'approved']);
  });

  it('takes a case closed as paid in full back to paying when its payout is voided', async () => {
    const opened = await openCase(desk, {
      intakeDate: '2026-11-10',
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: '结案丙', idNumber: residentId(9103) }, amountClaimed: '2000.00', amountConfirmed: '2000.00' }],
    });
    const url = `/cases/${opened.id}`;
    for (const [to, on] of [['verifying', '2026-11-11'], ['mediating', '2026-11-12']]) {
      expect((await desk.mediator.api.post(`${url}/transitions`, { to, on })).status).toBe(200);
    }
    const [claim] = (await desk.mediator.api.get(`${url}/claims`)).body.items;
    expect(
      (await desk.mediator.api.post(`${url}/payouts`, { paidOn: '2026-11-22', payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: claim.id, amount: '2000.00' }] }))
        .status,
    ).toBe(201);
    expect((await desk.mediator.api.post(`${url}/transitions`, { to: 'closed', outcome: 'paid_in_full', on: '2026-11-23' })).status).toBe(200);
    const closedFigures = await summary();
    let clocks = (await desk.lawyer.api.get(`${url}/deadlines`)).body;
    expect(clocks.workers[0]).toMatchObject({ state: 'satisfied', endedOn: '2026-11-22' });

    const [payout] = (await desk.leader.api.get(`${url}/payouts`)).body.items;
    const voided = await desk.mediator.api.post(`${url}/payouts/${payout.id}/corrections`, { action: 'void', reason: '转账被退回，工人未收到' });
    expect(voided.status).toBe(201);
    const [callback] = (await desk.leader.api.get(`${url}/callbacks`)).body;
    expect(callback.status).toBe('open');
    expect((await desk.leader.api.post(`${url}/payout-corrections/${voided.body.id}/approve`, {})).status).toBe(200);

    const reopened = (await desk.leader.api.get(url)).body;
    // the callback after closing waited on a closing that no longer stands
    expect((await desk.leader.api.get(`${url}/callbacks`)).body.map((c: any) => c.status)).toEqual(['cancelled']);
    expect(reopened).toMatchObject({ status: 'paying', outcome: null, totals: { paid: '0.00', outstanding: '2000.00' } });
    const events: any[] = (await desk.leader.api.get(`${url}/events?pageSize=100`)).body.items;
    expect(events.find((e) => e.kind === 'status_changed' && e.fromStatus === 'closed')).toMatchObject({
      toStatus: 'paying',
      happenedOn: '2026-11-30',
      data: { note: 'a payout correction left money owed' },
    });
    const after = await summary();
    expect(after.casesConcluded).toBe(closedFigures.casesConcluded - 1);
    expect(BigInt(after.unpaid.replace('.', ''))).toBe(BigInt(closedFigures.unpaid.replace('.', '')) + 200_000n);
    expect(after.recovered).toBe('9000.00');
    clocks = (await desk.lawyer.api.get(`${url}/deadlines`)).body;
    expect(clocks.workers[0].state).not.toBe('satisfied');
  });
});
