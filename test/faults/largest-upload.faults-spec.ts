import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROSTER_MAX_ROWS } from '../../src/claims/roster/roster-limits';
import { CSV, csvText, XLSX, xlsxRoster } from '../factories/roster-files';
import { Desk, makeDesk, makeRoster, openCase } from '../factories/scenario';
import { freshServerDatabase } from './support/server-database';
import { SpawnedService, spawnService } from './support/spawned-city';

/** The limit issue 16 sets for the service while it reads the largest upload it accepts. */
const MEMORY_LIMIT_MB = 500;

/**
 * The largest rosters the service accepts: ROSTER_MAX_ROWS workers, every one with a note of the longest
 * length a note may have, in Chinese and different on every row (nothing for the workbook's shared strings
 * to fold), as a workbook and as CSV (about 8 MB, under the 10 MB body limit).
 */
async function largestRosters(): Promise<{ format: string; bytes: Buffer; contentType: string }[]> {
  const note = (i: number) => `第${i}行：${'工地考勤表与欠条复印件已核对，'.repeat(40)}`.slice(0, 500);
  const roster = makeRoster(ROSTER_MAX_ROWS, BigInt(ROSTER_MAX_ROWS) * 350_000n);
  const headings = ['序号', '姓名', '身份证号', '手机号', '主张金额', '备注'];
  const rows = roster.map((row, i) => [i + 1, row.name, row.idNumber, row.mobile, row.amountClaimed, note(i + 1)]);
  return [
    { format: 'XLSX', bytes: await xlsxRoster(headings, rows), contentType: XLSX },
    { format: 'CSV', bytes: Buffer.from(csvText([headings, ...rows])), contentType: CSV },
  ];
}

/**
 * Issue 16, item 4: while the service reads, checks and stores the largest upload it accepts, it stays
 * under 500 MB and /health keeps answering; on the embedded database (which has one connection the
 * import holds, and a process of its own that is held to the same limit) and on the PostgreSQL server.
 */
describe('The largest accepted upload', () => {
  let rosters: Awaited<ReturnType<typeof largestRosters>>;
  beforeAll(async () => {
    rosters = await largestRosters();
  });

  /** Each roster into a case of its own, /health probed every 250 ms meanwhile; the peak memory of all of them. */
  async function importAll(spawned: SpawnedService, desk: Desk) {
    const results = [];
    for (const roster of rosters) results.push({ format: roster.format, mb: roster.bytes.length / 1024 / 1024, ...(await importWhileProbing(spawned, desk, roster)) });
    return results;
  }

  async function importWhileProbing(spawned: SpawnedService, desk: Desk, roster: { bytes: Buffer; contentType: string }) {
    const opened = await openCase(desk);
    spawned.service.resetPeak();
    const before = spawned.service.memory().rssMb;
    let done = false;
    const probes: { status: number; ms: number }[] = [];
    const probing = (async () => {
      while (!done) {
        const started = Date.now();
        const status = await fetch(`${spawned.service.baseUrl}/health`).then((response) => response.status, () => 0);
        probes.push({ status, ms: Date.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const started = Date.now();
    const answer = await desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, roster.bytes, roster.contentType);
    const tookMs = Date.now() - started;
    done = true;
    await probing;
    const peakMb = spawned.service.memory().peakMb;
    const databasePeakMb = spawned.service.databaseMemory()?.peakMb ?? 0;
    return { answer, tookMs, before, peakMb, databasePeakMb, probes };
  }

  it('on the embedded database: under 500 MB, /health answering throughout', async () => {
    const directory = mkdtempSync('/tmp/wages-faults-upload-');
    const spawned = await spawnService('largest-upload-embedded', { EMBEDDED_DATA_DIR: join(directory, 'pglite'), REPORT_ROLLUP_CRON: 'off' });
    try {
      expect(spawned.service.databasePid).not.toBeNull();
      for (const { format, mb, answer, tookMs, before, peakMb, databasePeakMb, probes } of await importAll(spawned, await makeDesk(spawned.city))) {
        console.log(
          `embedded, ${format} of ${mb.toFixed(1)} MB, ${ROSTER_MAX_ROWS} workers: imported in ${tookMs} ms; RSS ${before.toFixed(0)} MB before, ` +
            `peak ${peakMb.toFixed(0)} MB, its database's process ${databasePeakMb.toFixed(0)} MB; ` +
            `/health probes ${JSON.stringify(tally(probes))}, slowest ${Math.max(...probes.map((p) => p.ms))} ms`,
        );
        expect({ format, status: answer.status, problem: answer.status === 201 ? null : JSON.stringify(answer.body).slice(0, 400) }).toEqual({ format, status: 201, problem: null });
        expect(answer.body.imported).toBe(ROSTER_MAX_ROWS);
        expect(peakMb).toBeLessThan(MEMORY_LIMIT_MB);
        expect(databasePeakMb).toBeLessThan(MEMORY_LIMIT_MB);
        // the import holds the embedded database's one connection: /health says so (503) within its 3 s check, never hangs
        expect(probes.length).toBeGreaterThan(0);
        expect(probes.every((probe) => (probe.status === 200 || probe.status === 503) && probe.ms < 4000)).toBe(true);
      }
    } finally {
      await spawned.service.stop();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('on the PostgreSQL server: under 500 MB, /health 200 throughout', async () => {
    const database = await freshServerDatabase();
    const spawned = await spawnService('largest-upload-server', { DATABASE_URL: database.url, REPORT_ROLLUP_CRON: 'off' });
    try {
      for (const { format, mb, answer, tookMs, before, peakMb, probes } of await importAll(spawned, await makeDesk(spawned.city))) {
        expect({ format, status: answer.status, problem: answer.status === 201 ? null : JSON.stringify(answer.body).slice(0, 400) }).toEqual({ format, status: 201, problem: null });
        expect(peakMb).toBeLessThan(MEMORY_LIMIT_MB);
        expect(probes.length).toBeGreaterThan(0);
        expect(probes.every((probe) => probe.status === 200 && probe.ms < 2000)).toBe(true);
        console.log(
          `server, ${format} of ${mb.toFixed(1)} MB, ${ROSTER_MAX_ROWS} workers: imported in ${tookMs} ms; RSS ${before.toFixed(0)} MB before, ` +
            `peak ${peakMb.toFixed(0)} MB; /health probes ${JSON.stringify(tally(probes))}, slowest ${Math.max(...probes.map((p) => p.ms))} ms`,
        );
      }
    } finally {
      await spawned.service.stop();
      await database.drop();
    }
  });
});

function tally(probes: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const probe of probes) counts[probe.status] = (counts[probe.status] ?? 0) + 1;
  return counts;
}
