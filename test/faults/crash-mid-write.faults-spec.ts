import { Pool } from 'pg';
import { checkLedger } from '../../scripts/load/database';
import { shanghaiDate } from '../../src/common/time/shanghai';
import { CSV, rosterCsv } from '../factories/roster-files';
import { Desk, makeDesk, makeRoster, openCase } from '../factories/scenario';
import { summaryDrift } from '../support/summary-drift';
import { freshServerDatabase, whileWriting } from './support/server-database';
import { SpawnedService, spawnService } from './support/spawned-city';

/**
 * Issue 16, item 3: the service killed (SIGKILL: a crash, the OOM killer, a pulled plug of its host) in
 * the middle of a roster import and of a pay day, on the PostgreSQL server. Each is one transaction:
 * after a restart it is wholly there or wholly absent, the ledger adds up, and the reports' summary
 * tables equal what they summarise.
 */
describe('The service killed in the middle of a write (PostgreSQL server)', () => {
  let database: Awaited<ReturnType<typeof freshServerDatabase>>;
  let spawned: SpawnedService;
  let desk: Desk;

  beforeAll(async () => {
    database = await freshServerDatabase();
    // no scheduled fold: the only writer the test waits for is the request it kills
    spawned = await spawnService('crash-mid-write', { DATABASE_URL: database.url, REPORT_ROLLUP_CRON: 'off' });
    desk = await makeDesk(spawned.city);
  }, 180_000);

  afterAll(async () => {
    await spawned?.service.stop();
    await database?.drop();
  });

  /** Kills the service while `request` writes, starts it again on the same database; says whether the kill came mid-write. */
  async function killWhile(request: Promise<unknown>): Promise<boolean> {
    const answered = request.then(
      () => 'answered',
      () => 'no answer',
    );
    const midWrite = await whileWriting(database.pool, database.name, answered, () => spawned.service.signal('SIGKILL'));
    await answered;
    if (!midWrite) await spawned.service.stop();
    else await spawned.service.exited;
    spawned = await spawnService('crash-mid-write', spawned.env);
    desk = await relogin(desk);
    return midWrite;
  }

  async function relogin(old: Desk): Promise<Desk> {
    const again = async (staff: Desk['lawyer']) => ({ ...staff, api: await spawned.city.login(staff.username) });
    return { ...old, lawyer: await again(old.lawyer), mediator: await again(old.mediator), clerk: await again(old.clerk), leader: await again(old.leader) };
  }

  async function consistent(pool: Pool): Promise<void> {
    const ledger = await checkLedger(pool);
    expect(ledger.casesOff).toEqual([]);
    expect(ledger.overpaid).toEqual([]);
    expect(await summaryDrift(async (sql) => (await pool.query(sql)).rows)).toEqual([]);
  }

  it('a 3,000-worker roster import: wholly absent after a kill mid-import, wholly there when sent again', async () => {
    const opened = await openCase(desk, { mediatorId: desk.mediator.id });
    const csv = rosterCsv(makeRoster(3000, 3000n * 650_000n));
    const midWrite = await killWhile(desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, csv, CSV));
    expect(midWrite).toBe(true);

    const claims = await database.pool.query(`SELECT count(*)::int AS n FROM claims WHERE case_id = $1`, [opened.id]);
    expect(claims.rows[0].n).toBe(0);
    const orphans = await database.pool.query(`SELECT count(*)::int AS n FROM workers w WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.worker_id = w.id)`);
    expect(orphans.rows[0].n).toBe(0);
    await consistent(database.pool);

    const again = await desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, csv, CSV);
    expect(again.status).toBe(201);
    const after = await database.pool.query(`SELECT count(*)::int AS n, sum(claimed_fen)::text AS fen FROM claims WHERE case_id = $1`, [opened.id]);
    expect(after.rows[0]).toEqual({ n: 3000, fen: String(3000n * 650_000n) });
    await consistent(database.pool);
  });

  it('a pay day for 1,500 workers: no payout of it after a kill mid-write, the ledger and the reports’ tables equal', async () => {
    const roster = makeRoster(1500, 1500n * 480_000n);
    const opened = await openCase(desk, {
      mediatorId: desk.mediator.id,
      claims: roster.map((row) => ({ worker: { name: row.name, idNumber: row.idNumber }, amountClaimed: row.amountClaimed })),
    });
    const mediator = desk.mediator.api;
    for (const to of ['verifying', 'mediating']) expect((await mediator.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    const claims: { id: string; amountClaimed: string }[] = [];
    for (let page = 1; claims.length < 1500; page++) {
      claims.push(...(await mediator.get(`/cases/${opened.id}/claims?pageSize=200&page=${page}`)).body.items);
    }
    const confirmed = await mediator.post(`/cases/${opened.id}/claims/confirmations`, {
      items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })),
    });
    expect(confirmed.status).toBe(200);
    const ledgerBefore = await database.pool.query(`SELECT count(*)::int AS n FROM payouts`);

    const payDay = {
      paidOn: shanghaiDate(new Date()),
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: claims.map((claim, i) => ({ claimId: claim.id, amount: claim.amountClaimed, receiptReference: `PAY-${i}` })),
    };
    const midWrite = await killWhile(mediator.post(`/cases/${opened.id}/payouts`, payDay));
    expect(midWrite).toBe(true);

    const ledgerAfter = await database.pool.query(`SELECT count(*)::int AS n FROM payouts`);
    expect(ledgerAfter.rows[0].n).toBe(ledgerBefore.rows[0].n);
    await consistent(database.pool);

    const again = await desk.mediator.api.post(`/cases/${opened.id}/payouts`, payDay);
    expect(again.status).toBe(201);
    const paid = await database.pool.query(`SELECT paid_fen::text AS paid, owed_fen::text AS owed FROM case_facts WHERE case_id = $1`, [opened.id]);
    expect(paid.rows[0]).toEqual({ paid: String(1500n * 480_000n), owed: String(1500n * 480_000n) }); // owed: what was confirmed
    await consistent(database.pool);
  });
});
