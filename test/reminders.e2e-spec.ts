import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The festival countdown over the 2027 season (eve: 5 February 2027), swept day by day with the
 * clock moved: who is reminded, on which days, exactly once, and not after their case is paid.
 */
describe('Reminders before the Spring Festival', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-01T09:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  async function owingCase(n: number, amount: string) {
    return openCase(desk, {
      intakeDate: '2026-11-30',
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: `工友${n}`, idNumber: residentId(n) }, amountClaimed: amount, amountConfirmed: amount }],
    });
  }

  it('reminds lawyer and mediator 30, 14, 7, 3 and 1 days before the eve, exactly once, and stops once paid', async () => {
    const unpaid = await owingCase(1, '8000.00');
    const paidMidSeason = await owingCase(2, '5000.00');
    const season = ['2027-01-06', '2027-01-22', '2027-01-29', '2027-02-02', '2027-02-04'];
    const created: Record<string, number> = {};
    for (let day = new Date('2026-12-01T00:00:00Z'); day <= new Date('2027-02-10T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
      const on = day.toISOString().slice(0, 10);
      if (on === '2027-01-23') {
        // The second case is paid in full on 23 January.
        for (const to of ['verifying', 'mediating']) await desk.mediator.api.post(`/cases/${paidMidSeason.id}/transitions`, { to });
        const [claim] = (await desk.mediator.api.get(`/cases/${paidMidSeason.id}/claims`)).body.items;
        t.clock.set(new Date(`${on}T10:00:00+08:00`));
        const mediator = await t.login(desk.mediator.username);
        const paid = await mediator.post(`/cases/${paidMidSeason.id}/payouts`, {
          paidOn: on,
          payerKind: 'employer',
          channel: 'bank_transfer',
          items: [{ claimId: claim.id, amount: '5000.00' }],
        });
        expect(paid.status).toBe(201);
        // Back to the first morning, when every token of the suite was issued.
        t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
      }
      const result = (await t.admin.post('/reminders/sweep', { on })).body;
      if (result.created > 0) created[on] = result.created;
    }
    // Two people per owing case; the paid case only until 23 January.
    expect(created).toEqual({ '2027-01-06': 4, '2027-01-22': 4, '2027-01-29': 2, '2027-02-02': 2, '2027-02-04': 2 });

    const again = (await t.admin.post('/reminders/sweep', { on: '2027-01-29' })).body;
    expect(again).toMatchObject({ planned: 2, created: 0 });

    t.clock.set(new Date('2027-02-04T09:00:00+08:00'));
    const lawyer = await t.login(desk.lawyer.username);
    const inbox = (await lawyer.get('/inbox?pageSize=50')).body;
    const mine = inbox.items.filter((r: any) => r.caseId === unpaid.id);
    expect(mine.map((r: any) => r.dueOn).sort()).toEqual(season);
    expect(mine.map((r: any) => r.urgency).sort()).toEqual(['info', 'info', 'urgent', 'warning', 'warning']);
    const last = mine.find((r: any) => r.dueOn === '2027-02-04');
    expect(last.title).toContain(unpaid.caseNumber);
    expect(last.body).toContain('8,000.00');
    expect(last.link).toBe(`http://127.0.0.1:3000/cases/${unpaid.id}`);
    expect(inbox.items.filter((r: any) => r.caseId === paidMidSeason.id).map((r: any) => r.dueOn).sort()).toEqual([
      '2027-01-06',
      '2027-01-22',
    ]);

    expect((await lawyer.get('/inbox/unread-count')).body).toEqual({ unread: 7 });
    expect((await lawyer.post(`/inbox/${last.id}/read`)).status).toBe(204);
    expect((await lawyer.get('/inbox/unread-count')).body).toEqual({ unread: 6 });
    expect((await desk.mediator.api.post(`/inbox/${last.id}/read`)).status).toBe(401);
    const mediator = await t.login(desk.mediator.username);
    expect((await mediator.post(`/inbox/${last.id}/read`)).status).toBe(404);
    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
  });

  it('previews a day without writing anything, and follows the rules as edited', async () => {
    const other = await makeDesk(t);
    await openCase(other, {
      intakeDate: '2026-11-30',
      claims: [{ worker: { name: '钱师傅', idNumber: residentId(3) }, amountClaimed: '100.00' }],
    });
    const preview = (await t.admin.get('/reminders/preview?on=2027-01-20')).body;
    expect(preview).toMatchObject({ planned: 0 });
    expect((await t.admin.put('/reminder-rules/festival_countdown', { enabled: true, daysBefore: [16, 1] })).status).toBe(204);
    const edited = (await t.admin.get('/reminders/preview?on=2027-01-20')).body;
    expect(edited.dryRun).toBe(true);
    expect(edited.reminders).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipientId: other.lawyer.id, daysLeft: 16, urgency: 'info' })]),
    );
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM reminders WHERE due_on = '2027-01-20'`);
    expect(count).toBe(0);
    expect((await desk.lawyer.api.get('/reminders/preview?on=2027-01-20')).status).toBe(403);
    await t.admin.put('/reminder-rules/festival_countdown', { enabled: true, daysBefore: [30, 14, 7, 3, 1] });
  });

  it('writes each reminder once when several sweeps of the same day run at the same moment', async () => {
    const fresh = await owingCase(4, '2500.00');
    const countOfDay = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS count FROM reminders WHERE due_on = '2027-02-02'`))[0].count;
    const before = await countOfDay();
    const results = await Promise.all([0, 1, 2].map(() => t.admin.post('/reminders/sweep', { on: '2027-02-02' })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    // Whoever wins writes the new reminders of the day; the others write nothing, and nothing twice.
    const after = await countOfDay();
    expect(after).toBeGreaterThan(before);
    expect(results.reduce((sum, r) => sum + r.body.created, 0)).toBe(after - before);
    const rows = await t.dataSource.query(`SELECT recipient_id FROM reminders WHERE case_id = $1 ORDER BY recipient_id`, [fresh.id]);
    expect(rows.map((r: any) => r.recipient_id).sort()).toEqual([desk.lawyer.id, desk.mediator.id].sort());
  });
});
