import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { loadPersonalDataKey } from '../src/personal-data/personal-data-key';
import { PNG_1X1 } from './factories/evidence-files';
import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { itOnDatabaseServer } from './support/concurrency';
import { TestApp, startTestApp } from './support/test-app';
import { TestDatabase, createTestDatabase } from './support/test-database';

jest.setTimeout(180_000);

/**
 * Backup and restore as docs/BACKUP.md tells an operator to do them: on a PostgreSQL server with
 * pg_dump -Fc and pg_restore, on the embedded default by copying EMBEDDED_DATA_DIR while the service
 * is stopped, with the personal-data key (PII_KEY / PII_KEY_FILE) kept and restored apart. The restored
 * service must give the same figures and still read the id numbers.
 */
const NOW = new Date('2027-01-20T10:00:00+08:00');
const MAIN_TABLES = ['organisations', 'users', 'employers', 'cases', 'case_employers', 'workers', 'claims', 'payouts',
  'agreements', 'instalments', 'case_events', 'case_facts', 'case_pay_days', 'case_files', 'audit_log'];
const ID_NUMBERS = [residentId(81_001), residentId(81_002), residentId(81_003)];

/** A case with three workers, an agreement and two payouts, made through the API as a mediator would. */
async function makeLedger(t: TestApp): Promise<{ desk: Desk; caseId: string; workerId: string }> {
  const desk = await makeDesk(t);
  const opened = await openCase(desk, {
    intakeDate: '2027-01-18',
    mediatorId: desk.mediator.id,
    claims: [
      { worker: { name: '王建国', idNumber: ID_NUMBERS[0], mobile: '13900081001' }, amountClaimed: '12000.50', amountConfirmed: '12000.50' },
      { worker: { name: '李明华', idNumber: ID_NUMBERS[1] }, amountClaimed: '8000.00', amountConfirmed: '7500.00' },
      { worker: { name: '张强', idNumber: ID_NUMBERS[2] }, amountClaimed: '3000.01', amountConfirmed: '3000.01' },
    ],
  });
  for (const to of ['verifying', 'mediating']) {
    expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
  }
  const agreement = { signedOn: '2027-01-19', schedule: 'total', instalments: [{ dueOn: '2027-01-31', amount: '22500.51' }] };
  expect((await desk.mediator.api.post(`/cases/${opened.id}/agreement`, agreement)).status).toBe(201);
  const claims: { id: string; worker: { id: string } }[] = (await desk.mediator.api.get(`/cases/${opened.id}/claims`)).body.items;
  const payout = (items: { claimId: string; amount: string }[], paidOn: string) =>
    desk.mediator.api.post(`/cases/${opened.id}/payouts`, { paidOn, payerKind: 'employer', channel: 'bank_transfer', items });
  expect((await payout([{ claimId: claims[0].id, amount: '12000.50' }, { claimId: claims[1].id, amount: '2500.00' }], '2027-01-19')).status).toBe(201);
  expect((await payout([{ claimId: claims[2].id, amount: '1000.01' }], '2027-01-20')).status).toBe(201);
  // the evidence lives in the database with the case: the backup carries its bytes
  const iou = await desk.lawyer.api.upload(`/cases/${opened.id}/files?kind=iou&name=${encodeURIComponent('欠条.png')}`, PNG_1X1, 'image/png');
  expect(iou.status).toBe(201);
  return { desk, caseId: opened.id, workerId: claims[0].worker.id };
}

/** What a restore must give back: the case's totals, the reports' summary and a worker's id number in full. */
async function figures(t: TestApp, ledger: { desk: Desk; caseId: string; workerId: string }) {
  const lawyer = await t.login(ledger.desk.lawyer.username);
  const caseView = await lawyer.get(`/cases/${ledger.caseId}`);
  expect(caseView.status).toBe(200);
  const summary = await t.admin.get(`/reports/summary?organisationId=${ledger.desk.organisation.id}&from=2027-01-01&to=2027-01-31`);
  expect(summary.status).toBe(200);
  const revealed = await lawyer.post(`/workers/${ledger.workerId}/reveal`, { field: 'idNumber' });
  const [file] = (await lawyer.get(`/cases/${ledger.caseId}/files`)).body;
  const content = await lawyer.getRaw(`/cases/${ledger.caseId}/files/${file.id}/content`);
  const bytes = Buffer.from(await content.arrayBuffer());
  expect(bytes.equals(PNG_1X1)).toBe(true);
  return {
    totals: caseView.body.totals,
    summary: summary.body,
    revealed: { status: revealed.status, body: revealed.body },
    file: { name: file.fileName, sha256: file.sha256, bytes: bytes.toString('base64') },
  };
}

async function rowCounts(query: (sql: string) => Promise<{ n: number }[]>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of MAIN_TABLES) counts[table] = (await query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return counts;
}

describe('Backup and restore', () => {
  itOnDatabaseServer('restores a pg_dump -Fc into a new database with the same totals, and the same key decrypts', 'pg_dump and pg_restore need a PostgreSQL server', async () => {
    const original = await createTestDatabase();
    let restored: TestDatabase | undefined;
    const running: TestApp[] = [];
    const workDir = mkdtempSync(join(tmpdir(), 'wages-backup-'));
    try {
      const t = await startTestApp({ database: original, now: NOW });
      running.push(t);
      const ledger = await makeLedger(t);
      const before = await figures(t, ledger);
      expect(before.revealed).toEqual({ status: 200, body: { field: 'idNumber', value: ID_NUMBERS[0] } });
      expect(before.totals).toMatchObject({ workers: 3, paid: '15500.51', outstanding: '7000.00' });
      running.pop();
      await t.close();

      // The backup, exactly as docs/BACKUP.md gives it; then a new, empty database restored from it.
      const dump = join(workDir, 'wages.dump');
      execFileSync('pg_dump', ['-Fc', '--no-owner', '-f', dump, '--dbname', original.env.DATABASE_URL]);
      restored = await createTestDatabase();
      execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored.env.DATABASE_URL, dump]);

      // Every row of the main tables is there, before any service touches the restored database.
      const countsOf = async (database: TestDatabase) => {
        const client = new Client({ connectionString: database.env.DATABASE_URL });
        await client.connect();
        try {
          return await rowCounts(async (sql) => (await client.query(sql)).rows);
        } finally {
          await client.end();
        }
      };
      const originalCounts = await countsOf(original);
      expect(originalCounts.payouts).toBeGreaterThanOrEqual(2);
      expect(await countsOf(restored)).toEqual(originalCounts);

      // Without its key a server deployment refuses to start, naming PII_KEY.
      const noKey = loadConfig({ DATABASE_URL: restored.env.DATABASE_URL, PII_KEY_FILE: join(workDir, 'no-such.key') });
      expect(() => loadPersonalDataKey(noKey)).toThrow(/PII_KEY/);

      // A service on the restored database with the same PII_KEY: same figures, and the id number reads.
      const onRestored = await startTestApp({ joining: { ...t.shared, env: restored.env }, now: NOW });
      running.push(onRestored);
      expect(await figures(onRestored, ledger)).toEqual(before);
    } finally {
      for (const app of running.reverse()) await app.close();
      await restored?.drop();
      await original.drop();
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  // Runs on every test run: DATABASE_URL set empty makes this suite's services use the embedded database.
  it('restores a copy of the stopped embedded data directory; only with its key file are the id numbers read', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'wages-backup-'));
    const running: TestApp[] = [];
    try {
      // The service's own layout: the data directory, and the key file kept apart from it.
      const dataDir = join(workDir, 'service', 'pglite');
      const keyFile = join(workDir, 'keys', 'pii.key');
      const t = await startTestApp({ env: { DATABASE_URL: '', EMBEDDED_DATA_DIR: dataDir }, now: NOW });
      running.push(t);
      mkdirSync(join(workDir, 'keys'));
      writeFileSync(keyFile, t.shared.personalDataKey.toString('base64') + '\n', { mode: 0o600 });
      const ledger = await makeLedger(t);
      const before = await figures(t, ledger);
      expect(before.revealed).toEqual({ status: 200, body: { field: 'idNumber', value: ID_NUMBERS[0] } });
      const countsBefore = await rowCounts((sql) => t.dataSource.query(sql));
      running.pop();
      await t.close();
      expect(existsSync(`${dataDir}.lock`)).toBe(false); // stopped: the files are no longer in use

      // The backup: the stopped directory copied whole; the key file copied on its own, elsewhere.
      const backupDir = join(workDir, 'backup', 'pglite');
      cpSync(dataDir, backupDir, { recursive: true });
      const backupKey = join(workDir, 'key-backup', 'pii.key');
      mkdirSync(join(workDir, 'key-backup'));
      cpSync(keyFile, backupKey);

      // Restored on "another machine": both copied back, the key through PII_KEY_FILE as `npm start` reads it.
      const restoredDir = join(workDir, 'restored', 'pglite');
      cpSync(backupDir, restoredDir, { recursive: true });
      const restoredKey = join(workDir, 'restored', 'pii.key');
      cpSync(backupKey, restoredKey);
      const withKey = loadPersonalDataKey(loadConfig({ EMBEDDED_DATA_DIR: restoredDir, PII_KEY_FILE: restoredKey }));
      const env = { DATABASE_URL: '', EMBEDDED_DATA_DIR: restoredDir };
      const restored = await startTestApp({ joining: { ...t.shared, env, personalDataKey: withKey }, now: NOW });
      running.push(restored);
      // (counted through the restored service, whose start-up logins may add to the audit log)
      expect(await rowCounts((sql) => restored.dataSource.query(sql))).toEqual({ ...countsBefore, audit_log: expect.any(Number) });
      expect(await figures(restored, ledger)).toEqual(before);
      running.pop();
      await restored.close();

      // The same directory without its key file: on the embedded default a missing key file is taken for a
      // first start and a new key is made; the service then refuses to start, naming the key, rather than seal
      // new numbers with the wrong key and fail on every worker page (src/workers/personal-data-key-check.ts).
      const missingKey = join(workDir, 'restored', 'no-such-dir', 'pii.key');
      const newKey = loadPersonalDataKey(loadConfig({ EMBEDDED_DATA_DIR: restoredDir, PII_KEY_FILE: missingKey }));
      expect(newKey.equals(t.shared.personalDataKey)).toBe(false);
      await expect(startTestApp({ joining: { ...t.shared, env, personalDataKey: newKey }, now: NOW })).rejects.toThrow(
        /personal-data key .* does not open the id numbers/,
      );
    } finally {
      for (const app of running.reverse()) await app.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
