import { readFileSync } from 'node:fs';
import { CSV, rosterCsv } from '../factories/roster-files';
import { Desk, makeDesk, makeRoster, openCase } from '../factories/scenario';
import { summaryDrift } from '../support/summary-drift';
import { freshServerDatabase, whileWriting } from './support/server-database';
import { SpawnedService, spawnService } from './support/spawned-city';

/**
 * Issue 16, item 3: SIGTERM (a deployment, `systemctl stop`, Ctrl-C) while a request is in flight and
 * every scheduled job runs each second: the request finishes and is answered, the jobs stop without
 * failing on a closed database, and the process exits 0 within a bounded time.
 */
describe('SIGTERM with a request in flight and the schedulers running', () => {
  let database: Awaited<ReturnType<typeof freshServerDatabase>>;
  let spawned: SpawnedService;
  let desk: Desk;

  beforeAll(async () => {
    database = await freshServerDatabase();
    spawned = await spawnService(
      'graceful-stop',
      {
        DATABASE_URL: database.url,
        LOG_LEVEL: 'log',
        REMINDER_SWEEP_CRON: '* * * * * *',
        REMINDER_DELIVERY_CRON: '* * * * * *',
        REPORT_ROLLUP_CRON: '* * * * * *',
        DEADLINES_REFRESH_CRON: '* * * * * *',
      },
      { schedulers: true },
    );
    desk = await makeDesk(spawned.city);
  }, 180_000);

  afterAll(async () => {
    await spawned?.service.stop();
    await database?.drop();
  });

  it('answers the roster import in flight, stops the jobs and exits 0 within 25 s', async () => {
    // the jobs must have run before the signal for the test to say anything of them: the first sweep is
    // due within a second of the start, but a quick set-up can outrun it (seen once in CI)
    for (const deadline = Date.now() + 15_000; !/Sweep of \d{4}-\d{2}-\d{2}/.test(readFileSync(spawned.logFile, 'utf8')) && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const opened = await openCase(desk);
    const csv = rosterCsv(makeRoster(4000, 4000n * 420_000n));
    const importing = desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, csv, CSV);
    let signalledAt = 0;
    const midWrite = await whileWriting(database.pool, database.name, importing, () => {
      signalledAt = Date.now();
      spawned.service.signal('SIGTERM');
    });
    expect(midWrite).toBe(true);

    const answer = await importing;
    expect(answer.status).toBe(201);
    const exit = await spawned.service.exited;
    const tookMs = Date.now() - signalledAt;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(25_000);

    const claims = await database.pool.query(`SELECT count(*)::int AS n FROM claims WHERE case_id = $1`, [opened.id]);
    expect(claims.rows[0].n).toBe(4000);
    expect(await summaryDrift(async (sql) => (await database.pool.query(sql)).rows)).toEqual([]);
    // the jobs ran before the signal, and none failed on a database closed under it
    const log = readFileSync(spawned.logFile, 'utf8');
    expect(log).toMatch(/Sweep of \d{4}-\d{2}-\d{2}/);
    const afterSignal = log.slice(log.lastIndexOf('SIGTERM received'));
    expect(afterSignal).not.toMatch(/failed|ERROR/);
    console.log(`SIGTERM mid-import: the import answered ${answer.status}, the process exited ${exit.code} after ${tookMs} ms`);
  });
});
