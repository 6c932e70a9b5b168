import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';
import { itWhereConcurrent } from './support/concurrency';

const onServer = !!process.env.DATABASE_URL;

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

  it('reminds lawyer and mediator 30, 14, 7, 3 and 1 days before the eve of their owing cases, once a day, and leaves a case out once paid', async () => {
    // This scenario is about the countdown: the leaders' daily digest is looked at below.
    await t.admin.put('/reminder-rules/leader_digest', { enabled: false, daysBefore: [] });
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
    // One reminder a day to each of the two people, about both their cases until the second is paid on 23 January.
    expect(created).toEqual({ '2027-01-06': 2, '2027-01-22': 2, '2027-01-29': 2, '2027-02-02': 2, '2027-02-04': 2 });

    const again = (await t.admin.post('/reminders/sweep', { on: '2027-01-29' })).body;
    expect(again).toMatchObject({ planned: 2, created: 0 });

    t.clock.set(new Date('2027-02-04T09:00:00+08:00'));
    const lawyer = await t.login(desk.lawyer.username);
    const inbox = (await lawyer.get('/inbox?pageSize=50')).body;
    const mine = inbox.items.filter((r: any) => r.kind === 'festival_countdown');
    expect(mine.map((r: any) => r.dueOn).sort()).toEqual(season);
    expect(mine.map((r: any) => r.urgency).sort()).toEqual(['info', 'info', 'urgent', 'warning', 'warning']);
    // while both owe: one reminder of both, the more owed first, linked to his list of them
    const both = mine.find((r: any) => r.dueOn === '2027-01-22');
    expect(both.title).toBe('【通知】距除夕还有 14 天：您的 2 件案件仍欠 2 名劳动者 13,000.00 元');
    expect(both.body.indexOf(unpaid.caseNumber)).toBeGreaterThan(-1);
    expect(both.body.indexOf(paidMidSeason.caseNumber)).toBeGreaterThan(both.body.indexOf(unpaid.caseNumber));
    expect(both.caseId).toBeNull();
    expect(both.link).toBe(`http://127.0.0.1:3000/app/cases?lawyerId=${desk.lawyer.id}&open=true&owing=true`);
    // once one is left: that case, by name, linked to its page
    const last = mine.find((r: any) => r.dueOn === '2027-02-04');
    expect(last.title).toBe(`【紧急】距除夕还有 1 天：案件 ${unpaid.caseNumber} 仍欠 1 名劳动者 8,000.00 元`);
    expect(last.body).not.toContain(paidMidSeason.caseNumber);
    expect(last.caseId).toBe(unpaid.id);
    // the case page in the app, not the API: a reminder opened from an e-mail or WeCom lands on the page
    expect(last.link).toBe(`http://127.0.0.1:3000/app/cases/${unpaid.id}`);

    expect((await lawyer.get('/inbox/unread-count')).body).toEqual({ unread: 5 });
    expect((await lawyer.post(`/inbox/${last.id}/read`)).status).toBe(204);
    expect((await lawyer.get('/inbox/unread-count')).body).toEqual({ unread: 4 });
    expect((await desk.mediator.api.post(`/inbox/${last.id}/read`)).status).toBe(401);
    const mediator = await t.login(desk.mediator.username);
    expect((await mediator.post(`/inbox/${last.id}/read`)).status).toBe(404);
    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    await t.admin.put('/reminder-rules/leader_digest', { enabled: true, daysBefore: [] });
  });

  it('previews a day without writing anything, and follows the rules as edited', async () => {
    const other = await makeDesk(t);
    await openCase(other, {
      intakeDate: '2026-11-30',
      claims: [{ worker: { name: '钱师傅', idNumber: residentId(3) }, amountClaimed: '100.00' }],
    });
    const countdowns = (preview: any) => preview.reminders.filter((r: any) => r.kind === 'festival_countdown');
    const preview = (await t.admin.get('/reminders/preview?on=2027-01-20')).body;
    expect(countdowns(preview)).toEqual([]);
    expect((await t.admin.put('/reminder-rules/festival_countdown', { enabled: true, daysBefore: [16, 1] })).status).toBe(204);
    const edited = (await t.admin.get('/reminders/preview?on=2027-01-20')).body;
    expect(edited.dryRun).toBe(true);
    expect(countdowns(edited)).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipientId: other.lawyer.id, daysLeft: 16, urgency: 'info' })]),
    );
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM reminders WHERE due_on = '2027-01-20'`);
    expect(count).toBe(0);
    expect((await desk.lawyer.api.get('/reminders/preview?on=2027-01-20')).status).toBe(403);
    await t.admin.put('/reminder-rules/festival_countdown', { enabled: true, daysBefore: [30, 14, 7, 3, 1] });
  });

  itWhereConcurrent('writes each reminder once when several sweeps of the same day run at the same moment', async () => {
    const fresh = await makeDesk(t);
    await openCase(fresh, {
      intakeDate: '2026-11-30',
      mediatorId: fresh.mediator.id,
      claims: [{ worker: { name: '工友4', idNumber: residentId(4) }, amountClaimed: '2500.00', amountConfirmed: '2500.00' }],
    });
    const countOfDay = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS count FROM reminders WHERE due_on = '2027-02-02'`))[0].count;
    const before = await countOfDay();
    const results = await Promise.all([0, 1, 2].map(() => t.admin.post('/reminders/sweep', { on: '2027-02-02' })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    // Whoever wins writes the new reminders of the day; the others write nothing, and nothing twice.
    const after = await countOfDay();
    expect(after).toBeGreaterThan(before);
    expect(results.reduce((sum, r) => sum + r.body.created, 0)).toBe(after - before);
    const rows = await t.dataSource.query(
      `SELECT recipient_id FROM reminders WHERE due_on = '2027-02-02' AND kind = 'festival_countdown' AND recipient_id = ANY($1::uuid[])`,
      [[fresh.lawyer.id, fresh.mediator.id]],
    );
    expect(rows.map((r: any) => r.recipient_id).sort()).toEqual([fresh.lawyer.id, fresh.mediator.id].sort());
  });

  it('reminds of the mediation limit, tomorrow\'s session, instalments due and overdue, and sends leaders the digest', async () => {
    const d = await makeDesk(t);
    const opened = await openCase(d, {
      intakeDate: '2026-11-30',
      mediatorId: d.mediator.id,
      claims: [
        { worker: { name: '孙师傅', idNumber: residentId(11) }, amountClaimed: '6000.00', amountConfirmed: '6000.00' },
        { worker: { name: '李师傅', idNumber: residentId(12) }, amountClaimed: '4000.50', amountConfirmed: '4000.50' },
      ],
    });
    for (const to of ['verifying', 'mediating']) await d.mediator.api.post(`/cases/${opened.id}/transitions`, { to });
    const kindsOn = async (on: string, caseId: string | null = opened.id) => {
      await t.admin.post('/reminders/sweep', { on });
      const rows = await t.dataSource.query(
        `SELECT kind, recipient_id FROM reminders WHERE due_on = $1 AND (case_id = $2 OR ($2::uuid IS NULL AND kind = 'leader_digest'))
          ORDER BY kind, recipient_id`,
        [on, caseId],
      );
      return rows
        .map((r: any) => `${r.kind}:${r.recipient_id === d.mediator.id ? 'mediator' : r.recipient_id === d.lawyer.id ? 'lawyer' : 'leader'}`)
        .sort();
    };

    // Mediation began on 1 December 2026: 15 days end on Wednesday 16 December.
    expect(await kindsOn('2026-12-13')).toEqual(['mediation_limit:lawyer', 'mediation_limit:mediator']);
    const [limit] = await t.dataSource.query(`SELECT body FROM reminders WHERE case_id = $1 AND due_on = '2026-12-13' LIMIT 1`, [opened.id]);
    // A deadline reminder says who is still owed how much, like the countdown does.
    expect(limit.body).toContain('仍有 2 名劳动者被欠薪，尚欠 10,000.50 元');
    expect(await kindsOn('2026-12-14')).toEqual([]);

    const session = await d.mediator.api.post(`/cases/${opened.id}/sessions`, {
      startsAt: '2026-12-04T09:30:00+08:00',
      endsAt: '2026-12-04T11:00:00+08:00',
      place: '调解一室',
    });
    expect(session.status).toBe(201);
    expect(await kindsOn('2026-12-03')).toEqual(['session_tomorrow:lawyer', 'session_tomorrow:mediator']);

    const agreement = await d.mediator.api.post(`/cases/${opened.id}/agreement`, {
      signedOn: '2026-12-01',
      schedule: 'total',
      instalments: [
        { dueOn: '2026-12-20', amount: '5000.00' },
        { dueOn: '2027-01-10', amount: '5000.50' },
      ],
    });
    expect(agreement.status).toBe(201);
    expect(await kindsOn('2026-12-19')).toEqual(['instalment_due:lawyer', 'instalment_due:mediator']);
    expect(await kindsOn('2026-12-22')).toEqual(['instalment_overdue:lawyer', 'instalment_overdue:mediator']);

    // The first instalment is paid late, on 23 December: it stops being overdue from then on.
    t.clock.set(new Date('2026-12-23T10:00:00+08:00'));
    const mediator = await t.login(d.mediator.username);
    const claims = (await mediator.get(`/cases/${opened.id}/claims`)).body.items;
    const paid = await mediator.post(`/cases/${opened.id}/payouts`, {
      paidOn: '2026-12-23',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: claims.map((c: any) => ({ claimId: c.id, amount: c.amountConfirmed === '6000.00' ? '3000.00' : '2000.00' })),
    });
    expect(paid.status).toBe(201);
    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    expect(await kindsOn('2026-12-24')).toEqual([]);

    // The leader's digest: what is still owed in the district, by organisation, and what came in since yesterday.
    await t.admin.post('/reminders/sweep', { on: '2026-12-24' });
    const [digest] = await t.dataSource.query(
      `SELECT title, body FROM reminders WHERE kind = 'leader_digest' AND recipient_id = $1 AND due_on = '2026-12-24'`,
      [d.leader.id],
    );
    expect(digest.body).toContain('仍欠薪：1 件案件，2 名劳动者，共 5,000.50 元');
    expect(digest.body).toContain('昨日以来已支付：5,000.00 元');
  });

  it("reminds of the arbitration commission's deadline and of a worker's limitation year running out", async () => {
    const d = await makeDesk(t);
    const arbitration = await openCase(d, {
      intakeDate: '2026-11-20',
      mediatorId: d.mediator.id,
      claims: [{ worker: { name: '郑师傅', idNumber: residentId(41) }, amountClaimed: '900.00' }],
    });
    await d.mediator.api.post(`/cases/${arbitration.id}/transitions`, { to: 'verifying' });
    await d.mediator.api.post(`/cases/${arbitration.id}/transitions`, { to: 'arbitration' });
    await d.lawyer.api.patch(`/cases/${arbitration.id}/legal-dates`, { arbitrationAppliedOn: '2026-12-01' });
    // Applied 1 December: 5 days end on Sunday 6 December, so Monday 7 December; 3 days before is 4 December.
    await t.admin.post('/reminders/sweep', { on: '2026-12-04' });
    const arbitrationRows = await t.dataSource.query(
      `SELECT kind, subject, title FROM reminders WHERE case_id = $1 AND due_on = '2026-12-04'`,
      [arbitration.id],
    );
    expect(arbitrationRows.map((r: any) => [r.kind, r.subject])).toEqual([
      ['arbitration_deadline', `${arbitration.id}:acceptance`],
      ['arbitration_deadline', `${arbitration.id}:acceptance`],
    ]);

    // A worker who came to the union on 10 December 2025: his year ends on Thursday 10 December 2026.
    const old = await openCase(d, {
      intakeDate: '2025-12-10',
      claims: [{ worker: { name: '冯师傅', idNumber: residentId(42) }, amountClaimed: '1500.00', periodEnd: '2025-11-30' }],
    });
    await t.admin.post('/reminders/sweep', { on: '2026-12-03' });
    const [limitation] = await t.dataSource.query(
      `SELECT kind, recipient_id, title FROM reminders WHERE case_id = $1 AND due_on = '2026-12-03'`,
      [old.id],
    );
    expect(limitation).toMatchObject({ kind: 'limitation_deadline', recipient_id: d.lawyer.id });
    expect(limitation.title).toContain('冯师傅');
  });

  it('counts the mediation limit from the first entry into mediation, on the case page and in the reminders alike (LDMAA art. 14)', async () => {
    const d = await makeDesk(t);
    const claims = (n: number) => [{ worker: { name: `调解${n}`, idNumber: residentId(60 + n) }, amountClaimed: '800.00' }];
    const steady = await openCase(d, { intakeDate: '2026-11-30', mediatorId: d.mediator.id, claims: claims(1) });
    const returned = await openCase(d, { intakeDate: '2026-11-30', mediatorId: d.mediator.id, claims: claims(2) });
    // Tokens expire as the clock moves on: each day's requests come from a fresh login.
    const move = async (caseId: string, on: string, to: string) => {
      t.clock.set(new Date(`${on}T10:00:00+08:00`));
      const mediator = await t.login(d.mediator.username);
      expect((await mediator.post(`/cases/${caseId}/transitions`, { to, reason: '金额核对有误' })).status).toBe(200);
    };
    for (const caseId of [steady.id, returned.id]) {
      await move(caseId, '2027-03-02', 'verifying');
      await move(caseId, '2027-03-02', 'mediating');
    }
    // The second case goes back to verifying on 5 March and into mediation again on 9 March.
    await move(returned.id, '2027-03-05', 'verifying');
    await move(returned.id, '2027-03-09', 'mediating');

    t.clock.set(new Date('2027-03-14T10:00:00+08:00'));
    const lawyer = await t.login(d.lawyer.username);
    const mediationClock = async (caseId: string) =>
      (await lawyer.get(`/cases/${caseId}/deadlines`)).body.deadlines.find((deadline: any) => deadline.clock === 'mediation');
    // Fifteen days from 2 March end on Wednesday 17 March, for both: the return does not restart them.
    expect(await mediationClock(steady.id)).toMatchObject({ startedOn: '2027-03-02', dueOn: '2027-03-17', state: 'running' });
    expect(await mediationClock(returned.id)).toMatchObject({ startedOn: '2027-03-02', dueOn: '2027-03-17', state: 'satisfied' });

    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    const mediationReminders = async (on: string) => {
      await t.admin.post('/reminders/sweep', { on });
      const rows = await t.dataSource.query(
        `SELECT case_id FROM reminders WHERE kind = 'mediation_limit' AND due_on = $1 AND case_id = ANY($2::uuid[])`,
        [on, [steady.id, returned.id]],
      );
      return [...new Set(rows.map((row: any) => row.case_id))];
    };
    // Three days before the limit the page shows: the running clock reminds, the satisfied one does not.
    expect(await mediationReminders('2027-03-14')).toEqual([steady.id]);
    // Three days before 24 March, the limit a count from the second entry would give: nothing.
    expect(await mediationReminders('2027-03-21')).toEqual([]);
  });

  // Two processes cannot open one embedded database (its files take one process at a time), so
  // two instances sharing one database exist only on a PostgreSQL server.
  (onServer ? it : it.skip)('produces each reminder once when two service instances sweep the same day at once', async () => {
    const second = await startTestApp({ now: new Date('2026-12-01T09:00:00+08:00'), joining: t.shared });
    try {
      const d = await makeDesk(t);
      const opened = await openCase(d, {
        intakeDate: '2026-11-30',
        mediatorId: d.mediator.id,
        claims: [{ worker: { name: '吴师傅', idNumber: residentId(31) }, amountClaimed: '700.00' }],
      });
      const results = await Promise.all([t.admin, second.admin, t.admin, second.admin].map((api) => api.post('/reminders/sweep', { on: '2027-01-29' })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const rows = await t.dataSource.query(`SELECT recipient_id FROM reminders WHERE case_id = $1 AND due_on = '2027-01-29'`, [opened.id]);
      expect(rows.map((r: any) => r.recipient_id).sort()).toEqual([d.lawyer.id, d.mediator.id].sort());
    } finally {
      await second.close();
    }
  });
});
