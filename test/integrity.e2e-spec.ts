import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { itWhereConcurrent } from './support/concurrency';
import { TestApp, startTestApp } from './support/test-app';

/** What must hold however requests interleave, and whatever a client or a bug tries. */
describe('Integrity of money, numbers and history', () => {
  let t: TestApp;
  let desk: Desk;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-20T10:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  let workerNumber = 700;
  async function payingCase() {
    workerNumber += 1;
    const opened = await openCase(desk, {
      mediatorId: desk.mediator.id,
      claims: [{ worker: { name: '周八', idNumber: residentId(workerNumber) }, amountClaimed: '5000.00', amountConfirmed: '5000.00' }],
    });
    for (const to of ['verifying', 'mediating']) {
      expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    }
    const agreement = { signedOn: '2027-01-20', schedule: 'total', instalments: [{ dueOn: '2027-01-31', amount: '5000.00' }] };
    expect((await desk.mediator.api.post(`/cases/${opened.id}/agreement`, agreement)).status).toBe(201);
    const [claim] = (await desk.mediator.api.get(`/cases/${opened.id}/claims`)).body.items;
    return { caseId: opened.id, claim };
  }

  // The case row lock (lockOpenCase) is the only guard here: there is no database constraint on what a
  // worker is still owed, so only sessions that really interleave show whether the lock holds.
  itWhereConcurrent('lets only one of ten simultaneous full payouts of the same worker through', async () => {
    const { caseId, claim } = await payingCase();
    const attempt = () =>
      desk.mediator.api.post(`/cases/${caseId}/payouts`, {
        paidOn: '2027-01-20',
        payerKind: 'employer',
        channel: 'bank_transfer',
        items: [{ claimId: claim.id, amount: '5000.00' }],
      });
    const responses = await Promise.all(Array.from({ length: 10 }, attempt));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'PAYOUT_EXCEEDS_OUTSTANDING')).toBe(true);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
    const totals = (await desk.mediator.api.get(`/cases/${caseId}`)).body.totals;
    expect(totals).toMatchObject({ paid: '5000.00', outstanding: '0.00', workersFullyPaid: 1 });
  });

  // The counter row's upsert serialises the numbering; one transaction at a time would number well
  // without it. Numbering one opening after another is held in test/case-list.e2e-spec.ts.
  itWhereConcurrent('gives simultaneous openings in one organisation distinct consecutive case numbers', async () => {
    const other = await makeDesk(t);
    const opened = await Promise.all(Array.from({ length: 8 }, () => openCase(other, { intakeDate: '2027-01-19' })));
    const numbers = opened.map((c) => c.caseNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `${other.organisation.code}-2027-0000${i + 1}`));
  });

  it('keeps the timeline and the payout ledger append-only in the database itself', async () => {
    const { caseId, claim } = await payingCase();
    await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn: '2027-01-20',
      payerKind: 'guarantee_deposit',
      channel: 'dedicated_wage_account',
      items: [{ claimId: claim.id, amount: '100.00' }],
    });
    await expect(t.dataSource.query(`UPDATE case_events SET kind = 'note_added' WHERE case_id = $1`, [caseId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query(`DELETE FROM case_events WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE payouts SET amount_fen = 1 WHERE case_id = $1`, [caseId])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query(`DELETE FROM payouts WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only/);
    expect((await desk.mediator.api.get(`/cases/${caseId}`)).body.totals.paid).toBe('100.00');
  });

  it('refuses a confirmed amount below what was already paid', async () => {
    const { caseId, claim } = await payingCase();
    await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn: '2027-01-20',
      payerKind: 'employer',
      channel: 'cash_with_signature',
      items: [{ claimId: claim.id, amount: '3000.00' }],
    });
    const current = (await desk.lawyer.api.get(`/cases/${caseId}/claims/${claim.id}`)).body;
    const lower = await desk.lawyer.api.patch(`/cases/${caseId}/claims/${claim.id}`, { version: current.version, amountConfirmed: '2999.99' });
    expect(lower.status).toBe(409);
    expect(lower.body).toMatchObject({ code: 'CONFIRMED_BELOW_PAID', details: { confirmed: '2999.99', paid: '3000.00' } });
    // Confirming a whole roster meets the same rule, with the same code and status, each line named.
    const batch = await desk.lawyer.api.post(`/cases/${caseId}/claims/confirmations`, { items: [{ claimId: claim.id, amountConfirmed: '2999.99' }] });
    expect(batch.status).toBe(409);
    expect(batch.body).toMatchObject({
      code: 'CONFIRMED_BELOW_PAID',
      details: { confirmed: '2999.99', paid: '3000.00' },
      errors: [{ row: 1, field: 'items.0.amountConfirmed', code: 'TOO_SMALL' }],
    });
    const fair = await desk.lawyer.api.patch(`/cases/${caseId}/claims/${claim.id}`, { version: current.version, amountConfirmed: '4000.00' });
    expect(fair.status).toBe(200);
    expect(fair.body).toMatchObject({ amountConfirmed: '4000.00', amountPaid: '3000.00', amountOutstanding: '1000.00' });
  });

  it('closes partly paid with a reason when the rest cannot be recovered', async () => {
    const { caseId, claim } = await payingCase();
    await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn: '2027-01-20',
      payerKind: 'emergency_fund',
      channel: 'bank_transfer',
      items: [{ claimId: claim.id, amount: '2000.00' }],
    });
    const noReason = await desk.mediator.api.post(`/cases/${caseId}/transitions`, { to: 'closed', outcome: 'partly_paid' });
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
    const closed = await desk.mediator.api.post(`/cases/${caseId}/transitions`, {
      to: 'closed',
      outcome: 'partly_paid',
      reason: '包工头下落不明，余款由应急周转金先行垫付部分',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'partly_paid', totals: { outstanding: '3000.00' } });
  });

  it('builds the same schema on every database: tables, columns, constraints and triggers', async () => {
    const columns = await t.dataSource.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    );
    const constraints = await t.dataSource.query(
      // PostgreSQL 18 (the embedded one) also lists NOT NULL as constraints; nullability is compared above.
      `SELECT conrelid::regclass::text AS table_name, conname, contype
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n' ORDER BY 1, 2`,
    );
    const indexes = await t.dataSource.query(
      `SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
    );
    const triggers = await t.dataSource.query(
      `SELECT event_object_table, trigger_name, event_manipulation FROM information_schema.triggers ORDER BY 1, 2, 3`,
    );
    expect({ columns, constraints, indexes, triggers }).toMatchSnapshot();
  });
});
