import { addDays } from '../src/common/time/calendar-days';
import { CASE_TOTALS_AS_OF_SQL } from '../src/claims/claim-money.sql';
import { DayRange, Deadline, isRunning } from '../src/legal-clocks/domain/legal-clocks';
import { LegalClocksService } from '../src/legal-clocks/legal-clocks.service';
import { OPEN_CASES_SQL } from '../src/reminders/reminders.sql';
import { PREVIEW_SHOWN } from '../src/reminders/reminders.service';
import { residentId } from './factories/identities';
import { Desk, makeDesk, makeRoster, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * What lets the daily sweep run over a city in seconds keeps its answers: the money read from the
 * per-case summary instead of the payout ledger (also for a day swept after the fact), the legal
 * clocks computed only for the cases with a running deadline stored as due on the day, and a second run of a day
 * writing nothing.
 */
describe('The daily sweep, set based', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-12T09:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  async function mediatingCase(n: number, claims: { name: string; amount: string }[], extras: Record<string, unknown> = {}) {
    const opened = await openCase(desk, {
      intakeDate: '2026-11-30',
      mediatorId: desk.mediator.id,
      claims: claims.map((claim, i) => ({
        worker: { name: claim.name, idNumber: residentId(n * 10 + i) },
        amountClaimed: claim.amount,
        amountConfirmed: claim.amount,
      })),
      ...extras,
    });
    for (const to of ['verifying', 'mediating']) expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to, on: '2026-12-01' })).status).toBe(200);
    return opened;
  }

  async function pay(caseId: string, paidOn: string, amounts: Record<string, string>) {
    const claims = (await desk.mediator.api.get(`/cases/${caseId}/claims`)).body.items;
    const paid = await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn,
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: claims.filter((c: any) => amounts[c.worker.name]).map((c: any) => ({ claimId: c.id, amount: amounts[c.worker.name] })),
    });
    expect(paid.status).toBe(201);
  }

  it('reads each open case’s money as it stood at the end of the day swept, also for a day swept after the fact', async () => {
    const owing = await mediatingCase(1, [
      { name: '周师傅', amount: '3000.00' },
      { name: '吴师傅', amount: '2000.00' },
    ]);
    // paid after the days swept below: one worker in full on 8 January, the other in part on 10 January
    await pay(owing.id, '2027-01-08', { 周师傅: '3000.00' });
    await pay(owing.id, '2027-01-10', { 吴师傅: '500.00' });

    // The sweep's definition (case_facts and the days paid after) against the claims' own, claim by claim.
    const [{ ids }] = await t.dataSource.query(`SELECT array_agg(id) AS ids FROM cases WHERE status NOT IN ('closed', 'withdrawn', 'rejected')`);
    for (const on of ['2026-12-31', '2027-01-07', '2027-01-08', '2027-01-09', '2027-01-10', '2027-01-12']) {
      const sweep = await t.dataSource.query(OPEN_CASES_SQL, [on]);
      const ledger = await t.dataSource.query(CASE_TOTALS_AS_OF_SQL, [ids, on]);
      const byCase = new Map(ledger.map((row: any) => [row.case_id, row]));
      expect(sweep.map((row: any) => [on, row.id, row.outstanding_fen, row.workers_owed])).toEqual(
        sweep.map((row: any) => {
          const totals: any = byCase.get(row.id);
          return [on, row.id, totals?.outstanding_fen ?? '0', totals?.workers_owed ?? 0];
        }),
      );
    }

    // 30 days before the 2027 eve, swept on 12 January: the case still owed everything on the 6th.
    const preview = (await t.admin.get('/reminders/preview?on=2027-01-06')).body;
    const countdown = preview.reminders.find((r: any) => r.kind === 'festival_countdown' && r.caseId === owing.id);
    expect(countdown.body).toContain('5,000.00');
    // The leaders' digest of a back-dated day: owed at the end of it, and paid on it and the day before.
    const digestOn = async (on: string) =>
      (await t.admin.get(`/reminders/preview?on=${on}`)).body.reminders.find((r: any) => r.kind === 'leader_digest' && r.recipientId === desk.leader.id).body;
    expect(await digestOn('2027-01-08')).toContain('仍欠薪：1 件案件，1 名劳动者，共 2,000.00 元');
    expect(await digestOn('2027-01-08')).toContain('昨日以来已支付：3,000.00 元');
    expect(await digestOn('2027-01-10')).toContain('仍欠薪：1 件案件，1 名劳动者，共 1,500.00 元');
    expect(await digestOn('2027-01-10')).toContain('昨日以来已支付：500.00 元');
    expect(await digestOn('2027-01-07')).toContain('仍欠薪：1 件案件，2 名劳动者，共 5,000.00 元');
  });

  it('adds nothing, and queues nothing, when the same day is swept a second time', async () => {
    await mediatingCase(2, [{ name: '郑师傅', amount: '1200.00' }]);
    const lawyer = await t.login(desk.lawyer.username);
    expect((await lawyer.put('/me/channels/webhook', { address: 'http://127.0.0.1:9/hook' })).status).toBe(204);
    const counts = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM reminders WHERE due_on = '2027-01-06')::int AS reminders,
                  (SELECT count(*) FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE r.due_on = '2027-01-06')::int AS deliveries`,
        )
      )[0];
    const first = (await t.admin.post('/reminders/sweep', { on: '2027-01-06' })).body;
    expect(first.created).toBeGreaterThan(0);
    const afterFirst = await counts();
    expect(afterFirst.reminders).toBe(first.created);
    expect(afterFirst.deliveries).toBeGreaterThan(0);
    const second = (await t.admin.post('/reminders/sweep', { on: '2027-01-06' })).body;
    expect(second).toMatchObject({ planned: first.planned, created: 0 });
    expect(await counts()).toEqual(afterFirst);

    // a case of other people opened after the morning's sweep: a third run writes their reminders of the day
    // (their countdown and their leader's digest), and only those
    const other = await makeDesk(t);
    await openCase(other, {
      intakeDate: '2026-11-30',
      mediatorId: other.mediator.id,
      claims: [{ worker: { name: '晚到', idNumber: residentId(60) }, amountClaimed: '900.00', amountConfirmed: '900.00' }],
    });
    const third = (await t.admin.post('/reminders/sweep', { on: '2027-01-06' })).body;
    const [{ ofLate }] = await t.dataSource.query(
      `SELECT count(*)::int AS "ofLate" FROM reminders WHERE due_on = '2027-01-06' AND recipient_id = ANY($1::uuid[])`,
      [[other.lawyer.id, other.mediator.id, other.leader.id]],
    );
    expect(ofLate).toBeGreaterThan(0);
    expect(third).toMatchObject({ planned: first.planned + ofLate, created: ofLate });
    expect((await counts()).reminders).toBe(afterFirst.reminders + ofLate);
  });

  it('reminds of a stored deadline only when the clocks computed to word it still give it', async () => {
    const opened = await openCase(desk, {
      intakeDate: '2027-01-08',
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: '核对期限', idNumber: residentId(70) }, amountClaimed: '700.00', amountConfirmed: '700.00' }],
    });
    for (const to of ['verifying', 'mediating']) expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to, on: '2027-01-10' })).status).toBe(200);
    const on = '2027-01-13';
    await t.app.get(LegalClocksService).refreshPending(on);
    const [stored] = await t.dataSource.query(`SELECT due_on::text FROM pending_deadlines WHERE case_id = $1 AND clock = 'mediation'`, [opened.id]);
    expect(stored.due_on > addDays(on, 3)).toBe(true);
    // what a write between the deadlines' reading and the reminders' wording would look like: the stored day no longer the clock's
    await t.dataSource.query(`UPDATE pending_deadlines SET due_on = $2 WHERE case_id = $1 AND clock = 'mediation'`, [opened.id, on]);

    const swept = await t.admin.post('/reminders/sweep', { on });
    expect(swept.status).toBe(200);
    const mediationReminders = `SELECT count(*)::int AS n FROM reminders WHERE case_id = $1 AND kind = 'mediation_limit'`;
    expect((await t.dataSource.query(mediationReminders, [opened.id]))[0].n).toBe(0);

    // on the clock's own day (once the stored deadlines are computed again) it is reminded of
    await t.dataSource.query(`UPDATE case_clocks SET stale = true WHERE case_id = $1`, [opened.id]);
    expect((await t.admin.post('/reminders/sweep', { on: stored.due_on })).status).toBe(200);
    expect((await t.dataSource.query(mediationReminders, [opened.id]))[0].n).toBeGreaterThan(0);
  });

  it('stores every running deadline, for any day asked about, and finds every case with one due in a window', async () => {
    // clocks of every kind the reminders follow, started on days around the windows looked at below
    const mediation = await mediatingCase(3, [{ name: '调解期限', amount: '800.00' }]);
    const arbitration = await openCase(desk, { intakeDate: '2026-11-20', claims: [{ worker: { name: '仲裁', idNumber: residentId(41) }, amountClaimed: '900.00' }] });
    await desk.lawyer.api.patch(`/cases/${arbitration.id}/legal-dates`, { arbitrationAppliedOn: '2027-01-04' });
    const award = await openCase(desk, { intakeDate: '2026-10-20', claims: [{ worker: { name: '裁决', idNumber: residentId(42) }, amountClaimed: '900.00' }] });
    await desk.lawyer.api.patch(`/cases/${award.id}/legal-dates`, { arbitrationAppliedOn: '2026-11-20', arbitrationAcceptedOn: '2026-11-24' });
    // a year from the intake, and a year from the end of an employment that ended after the intake
    await openCase(desk, { intakeDate: '2026-01-08', claims: [{ worker: { name: '时效一', idNumber: residentId(43) }, amountClaimed: '700.00' }] });
    const ended = await openCase(desk, { intakeDate: '2025-12-01', claims: [{ worker: { name: '时效二', idNumber: residentId(44) }, amountClaimed: '700.00' }] });
    const [claim] = (await desk.lawyer.api.get(`/cases/${ended.id}/claims`)).body.items;
    expect((await desk.lawyer.api.patch(`/cases/${ended.id}/claims/${claim.id}`, { version: claim.version, employmentEndedOn: '2026-01-09' })).status).toBe(200);
    const instalments = await mediatingCase(5, [{ name: '分期', amount: '1000.00' }]);
    const agreement = await desk.mediator.api.post(`/cases/${instalments.id}/agreement`, {
      signedOn: '2026-12-02',
      schedule: 'total',
      instalments: [
        { dueOn: '2026-12-20', amount: '400.00' },
        { dueOn: '2027-01-15', amount: '600.00' },
      ],
    });
    expect(agreement.status).toBe(201);
    expect(mediation.id && arbitration.id).toBeTruthy();
    const orders = await openCase(desk, { intakeDate: '2026-11-20', claims: [{ worker: { name: '支付令', idNumber: residentId(45) }, amountClaimed: '900.00' }] });
    const ordered = await desk.lawyer.api.patch(`/cases/${orders.id}/legal-dates`, { paymentOrderAppliedOn: '2026-12-21', bureauOrderPayBy: '2027-01-05', bureauOrderAmount: '900.00' });
    expect(ordered.status).toBe(204);

    const clocks = t.app.get(LegalClocksService);
    const [{ ids }] = await t.dataSource.query(`SELECT array_agg(id) AS ids FROM cases`);
    const pendingIn = (deadline: Deadline, window: DayRange | undefined) =>
      window !== undefined && isRunning(deadline) && (window.from === null || deadline.dueOn >= window.from) && (window.to === null || deadline.dueOn <= window.to);
    // what is stored for a day, read as the sweep and GET /deadlines read it: brought up to date for that day first
    const storedOn = async (on: string) => {
      await clocks.refreshPending(on);
      const rows = await t.dataSource.query(`SELECT case_id, position, clock, subject, due_on::text FROM pending_deadlines`);
      return rows.map((row: any) => `${row.case_id}/${row.position}/${row.clock}/${row.subject}/${row.due_on}`).sort();
    };
    // day by day through the season, then back-dated readings (a preview of a past day), then forward again
    const days: string[] = [];
    for (let on = '2026-12-10'; on <= '2027-01-25'; on = addDays(on, 1)) days.push(on);
    days.push('2026-12-21', '2026-11-25', '2027-01-05', '2027-01-04', '2027-01-25');
    let foundFewer = false;
    for (const on of days) {
      const all = await clocks.clocksOf(ids, on);
      // every running deadline stored for the day is one computed for it, at its place, due on its day, and none is missing
      const computed = all.flatMap((c) =>
        [...c.deadlines, ...c.workers].flatMap((d, position) => (isRunning(d) ? [`${c.caseId}/${position}/${d.clock}/${d.subject}/${d.dueOn}`] : [])),
      );
      expect({ on, stored: await storedOn(on) }).toEqual({ on, stored: computed.sort() });

      const soon = { from: on, to: addDays(on, 7) };
      const windows = { mediation: soon, arbitration_acceptance: soon, arbitration_award: soon, limitation: soon, instalment: { from: null, to: addDays(on, 1) } };
      const found = new Set((await clocks.pendingFallingDue(windows, on)).map((stored) => stored.caseId));
      const due = all.filter(
        (c) =>
          c.deadlines.some((d) => pendingIn(d, windows[d.clock as keyof typeof windows])) ||
          c.workers.some((w) => pendingIn(w, windows.limitation)),
      );
      expect({ on, missing: due.filter((c) => !found.has(c.caseId)).map((c) => c.caseNumber) }).toEqual({ on, missing: [] });
      if (found.size < all.length) foundFewer = true;
    }
    expect(foundFewer).toBe(true);
  });

  it('previews a busy day by its counts per kind and its most pressing reminders, not all of them', async () => {
    // 600 workers whose limitation years all end on one day: 600 reminders for the lawyer on it.
    const opened = await openCase(desk, {
      intakeDate: '2026-01-26',
      claims: makeRoster(600, 300_000_000n).map((row) => ({ worker: { name: row.name, idNumber: row.idNumber }, amountClaimed: row.amountClaimed })),
    });
    const workers = (await desk.lawyer.api.get(`/cases/${opened.id}/deadlines`)).body.workers;
    const dueOn: string = workers[0].dueOn;
    expect(workers.every((worker: Deadline) => worker.dueOn === dueOn)).toBe(true);

    const preview = (await t.admin.get(`/reminders/preview?on=${dueOn}`)).body;

    const limitations = preview.byKind.find((row: any) => row.kind === 'limitation_deadline');
    expect(limitations.count).toBeGreaterThanOrEqual(600);
    expect(preview.byKind.reduce((sum: number, row: any) => sum + row.count, 0)).toBe(preview.planned);
    expect(preview.reminders).toHaveLength(PREVIEW_SHOWN);
    // the most urgent first, then the fewest days left
    const rank = { urgent: 0, warning: 1, info: 2 } as Record<string, number>;
    const order = preview.reminders.map((r: any) => [rank[r.urgency], r.daysLeft]);
    expect(order).toEqual([...order].sort((a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1]));
    // the 600 due today are urgent: what is listed starts with the urgent ones (others of this suite are overdue)
    expect(preview.reminders[0].urgency).toBe('urgent');
  });
});
