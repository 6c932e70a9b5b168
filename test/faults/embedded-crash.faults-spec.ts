import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDate } from '../../src/common/time/shanghai';
import { CSV, rosterCsv } from '../factories/roster-files';
import { Desk, makeDesk, makeRoster, openCase } from '../factories/scenario';
import { isRunning } from '../../scripts/bench/service-process';
import { freePort } from './support/ports';
import { SpawnedService, spawnService } from './support/spawned-city';

/**
 * Issue 16, item 3: on the embedded database (PGlite in a process the service starts, `npm start`'s
 * default), what the service answered 201 for is on disk: killed right after the answer, it is there
 * when the service starts again; and a kill never leaves the data directory unusable, nor the
 * database's process running without its service.
 */
describe('The embedded database killed right after a 201', () => {
  let directory: string;
  let spawned: SpawnedService;
  let desk: Desk;

  beforeAll(async () => {
    directory = mkdtempSync('/tmp/wages-faults-embedded-');
    spawned = await spawnService('embedded-crash', { EMBEDDED_DATA_DIR: join(directory, 'pglite'), REPORT_ROLLUP_CRON: 'off' });
    desk = await makeDesk(spawned.city);
  }, 180_000);

  afterAll(async () => {
    await spawned?.service.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  /** SIGKILL at once, then the same service on the same data directory and key. */
  async function killAndRestart(): Promise<void> {
    spawned.service.signal('SIGKILL');
    await spawned.service.exited;
    spawned = await spawnService('embedded-crash', spawned.env);
    const again = async (staff: Desk['lawyer']) => ({ ...staff, api: await spawned.city.login(staff.username) });
    desk = { ...desk, lawyer: await again(desk.lawyer), mediator: await again(desk.mediator) };
  }

  it("ends the database's process with its service, which a service started again waits for", async () => {
    const database = spawned.service.databasePid!;
    expect(database).not.toBeNull();
    expect(isRunning(database)).toBe(true);
    spawned.service.signal('SIGKILL');
    await spawned.service.exited;
    const started = Date.now();
    while (isRunning(database) && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isRunning(database)).toBe(false);
    spawned = await spawnService('embedded-crash', spawned.env);
    desk = { ...desk, lawyer: { ...desk.lawyer, api: await spawned.city.login(desk.lawyer.username) }, mediator: { ...desk.mediator, api: await spawned.city.login(desk.mediator.username) } };
    expect(spawned.service.databasePid).not.toBe(database);
  });

  it('refuses a second service on the same files, saying which process holds them, and the first serves on', async () => {
    // the database opens while Nest makes the service's modules (main.ts): its refusal must still be what is reported
    const root = join(__dirname, '..', '..');
    const second = spawnSync(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ...spawned.env, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    });
    expect(second.signal).toBeNull();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('is in use by process');
    expect(second.stderr).toContain(String(spawned.service.databasePid));
    expect((await fetch(`${spawned.service.baseUrl}/health`)).status).toBe(200);
  }, 90_000);

  it('keeps a case opened, a roster imported and a pay day recorded, each killed right after its 201', async () => {
    const roster = makeRoster(3, 3n * 500_000n);
    const opened = await openCase(desk, {
      mediatorId: desk.mediator.id,
      claims: roster.map((row) => ({ worker: { name: row.name, idNumber: row.idNumber }, amountClaimed: row.amountClaimed })),
    });
    await killAndRestart();
    const kept = await desk.lawyer.api.get(`/cases/${opened.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.caseNumber).toBe(opened.caseNumber);

    const imported = await desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, rosterCsv(makeRoster(200, 200n * 300_000n)), CSV);
    expect(imported.status).toBe(201);
    await killAndRestart();
    expect((await desk.lawyer.api.get(`/cases/${opened.id}/claims?pageSize=1`)).body.total).toBe(203);

    const mediator = desk.mediator.api;
    for (const to of ['verifying', 'mediating']) expect((await mediator.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    const claims = (await mediator.get(`/cases/${opened.id}/claims?pageSize=3`)).body.items as { id: string; amountClaimed: string }[];
    expect(
      (await mediator.post(`/cases/${opened.id}/claims/confirmations`, { items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })) }))
        .status,
    ).toBe(200);
    const paid = await mediator.post(`/cases/${opened.id}/payouts`, {
      paidOn: shanghaiDate(new Date()),
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: claims.map((claim) => ({ claimId: claim.id, amount: claim.amountClaimed })),
    });
    expect(paid.status).toBe(201);
    await killAndRestart();
    const payouts = (await desk.mediator.api.get(`/cases/${opened.id}/payouts?pageSize=10`)).body;
    expect(payouts.total).toBe(3);
    expect(payouts.items.map((payout: { claimId: string }) => payout.claimId).sort()).toEqual(claims.map((claim) => claim.id).sort());
  });
});
