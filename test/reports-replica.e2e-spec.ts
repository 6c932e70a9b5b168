import { ReportsDatabase } from '../src/database/reports-database';
import { makeDesk, openCase } from './factories/scenario';
import { itOnDatabaseServer } from './support/concurrency';
import { TestApp, startTestApp } from './support/test-app';
import { TestDatabase, copyTestDatabase, createTestDatabase } from './support/test-database';

jest.setTimeout(120_000);

/**
 * REPORTS_DATABASE_URL sends reports and exports to their own connection (a streaming-replication
 * standby in a city deployment). To show that their figures really come from there, the "replica" is
 * a copy of the primary taken after one case was opened (CREATE DATABASE … TEMPLATE), and a second
 * case is then opened on the primary only: the primary and the replica now answer differently, so the
 * figures and the export say which one was read. The replica's session is read-only, which also shows
 * that reports only read, while the service's own writes still go to the primary.
 */
describe('Reports on their own connection', () => {
  // The embedded database is one process with one session: it has no replica to point at.
  itOnDatabaseServer('read the figures and stream exports through REPORTS_DATABASE_URL, read-only', 'the embedded database has no replica to point at', async () => {
    const primaryDatabase = await createTestDatabase();
    let replicaDatabase: TestDatabase | undefined;
    const running: TestApp[] = [];
    try {
      // 1. One case, opened before the copy: on both.
      const seeding = await startTestApp({ database: primaryDatabase });
      running.push(seeding);
      const desk = await makeDesk(seeding);
      const onBoth = await openCase(desk);
      running.pop();
      await seeding.close();
      replicaDatabase = await copyTestDatabase(primaryDatabase);

      // 2. The service on the primary, reporting from the replica; and one that reports from the primary.
      const replicaUrl = new URL(replicaDatabase.env.DATABASE_URL);
      replicaUrl.searchParams.set('options', '-c default_transaction_read_only=on');
      const reporting = await startTestApp({ joining: seeding.shared, env: { REPORTS_DATABASE_URL: replicaUrl.toString() } });
      running.push(reporting);
      const direct = await startTestApp({ joining: seeding.shared });
      running.push(direct);

      // 3. A second case, opened through the instance with the replica: written to the primary only.
      const lawyer = { ...desk, lawyer: { ...desk.lawyer, api: await reporting.login(desk.lawyer.username) } };
      const primaryOnly = await openCase(lawyer);
      const countCases = async (app: TestApp) =>
        (await app.dataSource.query(`SELECT count(*)::int AS n FROM cases WHERE organisation_id = $1`, [desk.organisation.id]))[0].n;
      expect(await countCases(reporting)).toBe(2);

      // The same requests, answered from the replica (one case) and from the primary (two).
      const query = `organisationId=${desk.organisation.id}&from=2026-11-01&to=2026-11-30`;
      for (const [app, cases] of [
        [reporting, 1],
        [direct, 2],
      ] as const) {
        const summary = await app.admin.get(`/reports/summary?${query}`);
        expect(summary.status).toBe(200);
        expect(summary.body.casesOpened).toBe(cases);
        const festival = await app.admin.get(`/reports/festival?organisationId=${desk.organisation.id}`);
        expect(festival.status).toBe(200);
        expect(festival.body.totals.openCases).toBe(cases);
      }

      const exportOf = async (app: TestApp) => {
        const exported = await app.admin.getRaw(`/cases/export?format=csv&organisationId=${desk.organisation.id}`);
        expect(exported.status).toBe(200);
        return Buffer.from(await exported.arrayBuffer()).toString('utf8');
      };
      const fromReplica = await exportOf(reporting);
      expect(fromReplica.startsWith('\uFEFF案件编号')).toBe(true);
      expect(fromReplica).toContain(onBoth.caseNumber);
      expect(fromReplica).not.toContain(primaryOnly.caseNumber);
      expect(await exportOf(direct)).toContain(primaryOnly.caseNumber);

      // 4. The replica's pool has the primary's time limits (issue 16) and session settings: a frozen replica
      //    gives leaders a quick 503 rather than holding their requests, and the replica URL's own options still hold.
      const reports = reporting.app.get(ReportsDatabase);
      const setting = async (name: string) => (await reports.query<Record<string, string>>(`SHOW ${name}`, []))[0][name];
      expect(await setting('statement_timeout')).toBe('30s');
      expect(await setting('jit')).toBe('off');
      // no helpers within a statement, on either connection (typeorm-options.ts says why)
      expect(await setting('max_parallel_workers_per_gather')).toBe('0');
      const [primaryParallel] = await reporting.dataSource.query(`SHOW max_parallel_workers_per_gather`);
      expect(primaryParallel.max_parallel_workers_per_gather).toBe('0');
      expect(await setting('default_transaction_read_only')).toBe('on');
      const replicaPool = (reports as unknown as { replica: { driver: { master: { options: Record<string, unknown> } } } }).replica.driver
        .master;
      const primaryPool = (reporting.dataSource.driver as unknown as { master: { options: Record<string, unknown> } }).master;
      const limits = ({ statement_timeout, query_timeout, connectionTimeoutMillis, max }: Record<string, unknown>) => ({
        statement_timeout,
        query_timeout,
        connectionTimeoutMillis,
        max,
      });
      expect(limits(replicaPool.options)).toEqual({ statement_timeout: 30_000, query_timeout: 35_000, connectionTimeoutMillis: 5_000, max: 5 });
      expect(limits(replicaPool.options)).toEqual(limits(primaryPool.options));
    } finally {
      for (const app of running.reverse()) await app.close();
      await replicaDatabase?.drop();
      await primaryDatabase.drop();
    }
  });
});
