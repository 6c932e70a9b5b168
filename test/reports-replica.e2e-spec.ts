import { TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

const onServer = !!process.env.DATABASE_URL;

/**
 * REPORTS_DATABASE_URL sends reports and exports to their own connection (a streaming-replication
 * standby in a city deployment). Here it names the suite's own database as a read-only session with its
 * own application name, which shows both that reports go through it and that they only read.
 */
describe('Reports on their own connection', () => {
  let primary: TestApp;
  let reporting: TestApp;

  // The embedded database is one process with one session: it has no replica to point at.
  (onServer ? it : it.skip)('read the figures and stream exports through REPORTS_DATABASE_URL, read-only', async () => {
    primary = await startTestApp();
    const url = new URL(primary.shared.env.DATABASE_URL);
    url.searchParams.set('application_name', 'wages-reports');
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    reporting = await startTestApp({ joining: primary.shared, env: { REPORTS_DATABASE_URL: url.toString() } });
    try {
      const summary = await reporting.admin.get('/reports/summary');
      expect(summary.status).toBe(200);
      const festival = await reporting.admin.get('/reports/festival');
      expect(festival.status).toBe(200);
      const exported = await reporting.admin.getRaw('/cases/export?format=csv');
      expect(exported.status).toBe(200);
      expect(Buffer.from(await exported.arrayBuffer()).toString('utf8').startsWith('\uFEFF案件编号')).toBe(true);

      const sessions: { application_name: string }[] = await primary.dataSource.query(
        `SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'wages-reports'`,
      );
      expect(sessions.length).toBeGreaterThan(0);
      // and the service's own writes still go to the primary
      const organisation = await reporting.admin.post('/organisations', {
        code: 'RPL',
        name: '报表测试区总工会',
        kind: 'district_federation',
        parentId: reporting.rootOrganisationId,
      });
      expect(organisation.status).toBe(201);
    } finally {
      await reporting.close();
      await primary.close();
    }
  });
});
