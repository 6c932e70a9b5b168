import { CLOSING_OUTCOMES, REFERRAL_TARGETS } from '../src/cases/domain/case-status';
import { checkCreditCode } from '../src/common/identifiers/credit-code';
import { checkResidentId, provinceOfResidentId } from '../src/common/identifiers/resident-id';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import { SeedOptions, SeedSummary, seedDatabase } from '../tools/seed/seed-database';
import { makeStaff } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

// Starting the service on a fresh database takes a few seconds, and seeding on the embedded one more.
jest.setTimeout(300_000);

/**
 * `seedDatabase` on the service's own database (embedded PGlite, or the server named by DATABASE_URL):
 * 1,500 synthetic cases, then the rules a clerk relies on checked in SQL over every row, and the service
 * itself used on the seeded data: a case read, a worker's id number revealed, a new case numbered after
 * the seeded ones, and a second run added on top.
 */
describe('Seeding a synthetic city', () => {
  const TODAY = '2026-11-22';
  let t: TestApp;
  let cipher: PersonalDataCipher;
  let summary: SeedSummary;
  /** A lawyer of the city federation (seeded staff have no password): opens cases and reveals numbers, which an administrator may not. */
  let lawyer: Api;
  const progress: string[] = [];

  async function seed(options: Partial<SeedOptions>): Promise<SeedSummary> {
    const runner = t.dataSource.createQueryRunner();
    try {
      return await seedDatabase(runner, {
        cases: 1500,
        seed: 7,
        today: TODAY,
        cipher,
        // Small chunks, so that workers from earlier chunks come back in later seasons.
        casesPerTransaction: 500,
        ...options,
      });
    } finally {
      await runner.release();
    }
  }

  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-22T02:00:00Z') });
    // The key the service seals with: what the seed seals must open in the service.
    cipher = new PersonalDataCipher(t.shared.personalDataKey);
    summary = await seed({ onProgress: ({ phase }) => progress.push(phase) });
    lawyer = (await makeStaff(t, t.rootOrganisationId, 'lawyer')).api;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('adds the cases asked for, under the existing city federation, and reports what it wrote', async () => {
    const [{ cases }] = await sql(`SELECT count(*)::int AS cases FROM cases`);
    expect(cases).toBe(1500);
    expect(summary.inserted.cases).toBe(1500);
    expect(summary.inserted.claims).toBeGreaterThan(1500 * 3);
    expect(summary.caseFacts).toBe(1500);
    expect(progress).toEqual(expect.arrayContaining(['organisations', 'cases', 'analyze', 'case_facts']));
    const roots = await sql(`SELECT id, code FROM organisations WHERE parent_id IS NULL`);
    expect(roots).toEqual([{ id: t.rootOrganisationId, code: 'BJ' }]);
    const [{ wrong }] = await sql(
      `SELECT count(*)::int AS wrong FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id
        WHERE o.path <> COALESCE(p.path, '/') || o.id || '/'`,
    );
    expect(wrong).toBe(0);
  });

  it('seals every worker’s id number and mobile as the service does, with valid numbers', async () => {
    const workers = await sql<{ id_number_sealed: string; id_number_hash: string; mobile_sealed: string | null; home_province: string }>(
      `SELECT id_number_sealed, id_number_hash, mobile_sealed, home_province FROM workers`,
    );
    expect(workers.length).toBeGreaterThan(1500);
    const ids = new Set<string>();
    for (const worker of workers) {
      const idNumber = cipher.decrypt(worker.id_number_sealed);
      expect(checkResidentId(idNumber, TODAY)).toBeNull();
      expect(worker.id_number_hash).toBe(cipher.lookupHash(idNumber));
      expect(worker.home_province).toBe(provinceOfResidentId(idNumber));
      if (worker.mobile_sealed) expect(cipher.decrypt(worker.mobile_sealed)).toMatch(/^1[3-9][0-9]{9}$/);
      ids.add(idNumber);
    }
    expect(ids.size).toBe(workers.length);
  });

  it('brings some workers back in a later season, never twice on one case', async () => {
    const [{ returning }] = await sql(
      `SELECT count(*)::int AS returning FROM (SELECT worker_id FROM claims GROUP BY worker_id HAVING count(*) > 1) w`,
    );
    expect(returning).toBeGreaterThan(0);
    const [{ twice }] = await sql(`SELECT count(*)::int AS twice FROM (SELECT 1 FROM claims GROUP BY case_id, worker_id HAVING count(*) > 1) x`);
    expect(twice).toBe(0);
  });

  it('gives every employer that has one a valid credit code, and labour-gang heads none', async () => {
    const employers = await sql<{ credit_code: string | null; kind: string }>(`SELECT credit_code, kind FROM employers`);
    for (const { credit_code, kind } of employers) {
      if (kind === 'individual_contractor') expect(credit_code).toBeNull();
      else expect(checkCreditCode(credit_code!)).toBeNull();
    }
    expect(employers.some((e) => e.kind === 'individual_contractor')).toBe(true);
  });

  it('never pays a worker more than his confirmed amount, nor an unconfirmed claim', async () => {
    const [{ overpaid }] = await sql(
      `SELECT count(*)::int AS overpaid FROM claims c JOIN (SELECT claim_id, sum(amount_fen) AS paid FROM payouts GROUP BY 1) p ON p.claim_id = c.id
        WHERE c.confirmed_fen IS NULL OR p.paid > c.confirmed_fen`,
    );
    expect(overpaid).toBe(0);
  });

  it('closes paid in full only what owes nothing, and partly paid only what was paid in part', async () => {
    const rows = await sql<{ outcome: string; paid: string; owed: string; unconfirmed: number }>(
      `SELECT k.outcome, sum(COALESCE(p.paid, 0))::text AS paid,
              sum(COALESCE(c.confirmed_fen, c.claimed_fen) - COALESCE(p.paid, 0))::text AS owed,
              count(*) FILTER (WHERE c.confirmed_fen IS NULL)::int AS unconfirmed
         FROM cases k JOIN claims c ON c.case_id = k.id
         LEFT JOIN (SELECT claim_id, sum(amount_fen) AS paid FROM payouts GROUP BY 1) p ON p.claim_id = c.id
        WHERE k.status = 'closed' GROUP BY k.id, k.outcome`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      if (row.outcome === 'paid_in_full') expect([row.owed, row.unconfirmed]).toEqual(['0', 0]);
      else expect([BigInt(row.paid) > 0n, BigInt(row.owed) > 0n]).toEqual([true, true]);
    }
  });

  it('uses only the status and outcome combinations the lifecycle allows, with their reasons', async () => {
    const rows = await sql<{ status: string; outcome: string | null; status_reason: string | null; referred_to: string | null; closed: boolean }>(
      `SELECT status, outcome, status_reason, referred_to, closed_at IS NOT NULL AS closed FROM cases`,
    );
    for (const row of rows) {
      expect(row.closed).toBe(['closed', 'withdrawn', 'rejected'].includes(row.status));
      if (row.status === 'closed') expect(CLOSING_OUTCOMES).toContain(row.outcome);
      else expect(row.outcome).toBeNull();
      if (row.outcome === 'partly_paid' || row.status === 'withdrawn') expect(row.status_reason).toBeTruthy();
      if (row.status === 'rejected') expect([!!row.status_reason, !!row.referred_to]).toEqual([true, true]);
      if (row.status === 'referred') expect(REFERRAL_TARGETS).toContain(row.referred_to);
    }
    const statuses = new Set(rows.map((row) => row.status));
    for (const status of ['closed', 'withdrawn', 'rejected', 'received', 'mediating']) expect(statuses).toContain(status);
  });

  it('opens each case on its timeline and ends the timeline at the case’s status', async () => {
    const [{ missing, wrong }] = await sql(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = k.id AND e.kind = 'case_opened'))::int AS missing,
              count(*) FILTER (WHERE (SELECT to_status FROM case_events e WHERE e.case_id = k.id AND e.to_status IS NOT NULL
                                       ORDER BY e.id DESC LIMIT 1) <> k.status)::int AS wrong
         FROM cases k`,
    );
    expect([missing, wrong]).toEqual([0, 0]);
    // Synthetic data is not in the audit trail.
    const [{ audited }] = await sql(`SELECT count(*)::int AS audited FROM audit_log WHERE entity_type IN ('cases', 'claims', 'workers')`);
    expect(audited).toBe(0);
  });

  it('lets the administrator read a seeded case, and a lawyer reveal one of its workers’ id number', async () => {
    const [picked] = await sql<{ id: string; case_number: string }>(
      `SELECT k.id, k.case_number FROM cases k WHERE k.status = 'closed' AND k.outcome = 'paid_in_full' ORDER BY k.case_number LIMIT 1`,
    );
    const view = await t.admin.get(`/cases/${picked.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ caseNumber: picked.case_number, status: 'closed', outcome: 'paid_in_full' });
    expect(view.body.totals.outstanding).toBe('0.00');

    const claims = await t.admin.get(`/cases/${picked.id}/claims`);
    expect(claims.status).toBe(200);
    const worker = claims.body.items[0].worker;
    expect(worker.idNumber).toMatch(/^[0-9]{6}\*+[0-9]{3}[0-9X]$/);
    const revealed = await lawyer.post(`/workers/${worker.id}/reveal`, { field: 'idNumber' });
    expect(revealed.status).toBe(200);
    expect(checkResidentId(revealed.body.value, TODAY)).toBeNull();
    expect(worker.idNumber.slice(0, 6)).toBe(revealed.body.value.slice(0, 6));
  });

  it('numbers a case opened afterwards after the seeded ones of its organisation and year', async () => {
    const [busiest] = await sql<{ organisation_id: string; code: string; last: number }>(
      `SELECT k.organisation_id, o.code, max(split_part(k.case_number, '-', 3)::int) AS last
         FROM cases k JOIN organisations o ON o.id = k.organisation_id
        WHERE k.case_number LIKE '%-2026-%' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const [employer] = await sql<{ id: string }>(`SELECT id FROM employers WHERE kind = 'company' LIMIT 1`);
    const opened = await lawyer.post('/cases', {
      organisationId: busiest.organisation_id,
      intakeChannel: 'walk_in',
      intakeDate: TODAY,
      summary: '拖欠工资',
      employers: [{ employerId: employer.id, role: 'employer' }],
    });
    expect(opened.status).toBe(201);
    expect(opened.body.caseNumber).toBe(`${busiest.code}-2026-${String(Number(busiest.last) + 1).padStart(5, '0')}`);
  });

  it('adds a second run on top: the same tree and staff, new cases numbered on, nothing colliding', async () => {
    const [before] = await sql(`SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM users) AS users`);
    const again = await seed({ cases: 300 });
    expect([again.createdOrganisations, again.createdUsers]).toEqual([0, 0]);
    const [after] = await sql(`SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM users) AS users`);
    expect(after).toEqual({ cases: before.cases + 300, users: before.users });
    const [{ behind }] = await sql(
      `SELECT count(*)::int AS behind FROM (
         SELECT o.id, split_part(k.case_number, '-', 2)::int AS year, max(split_part(k.case_number, '-', 3)::int) AS last
           FROM cases k JOIN organisations o ON o.code = split_part(k.case_number, '-', 1) GROUP BY 1, 2) used
         LEFT JOIN case_number_counters n ON n.organisation_id = used.id AND n.year = used.year
        WHERE n.last_number IS DISTINCT FROM used.last`,
    );
    expect(behind).toBe(0);
    const [{ facts }] = await sql(`SELECT count(*)::int AS facts FROM case_facts`);
    expect(facts).toBe(after.cases);
  });

  it('draws another number for a worker whose id number someone registered already', async () => {
    // A worker registered before the run, and a cipher that makes the run's first three new workers
    // look like him: their rows are refused by the unique index and must come back with other numbers.
    const taken = cipher.lookupHash('110101199001010011');
    await sql(
      `INSERT INTO workers (name, id_number_sealed, id_number_hash) VALUES ('先登记者', $1, $2)`,
      [cipher.encrypt('110101199001010011'), taken],
    );
    let collisions = 3;
    const colliding = Object.create(cipher) as PersonalDataCipher;
    colliding.lookupHash = (plain: string) => (collisions-- > 0 ? taken : cipher.lookupHash(plain));
    const [before] = await sql(`SELECT count(*)::int AS workers FROM workers`);
    const run = await seed({ cases: 50, seed: 99, cipher: colliding });
    const [after] = await sql(`SELECT count(*)::int AS workers FROM workers`);
    expect(after.workers).toBe(before.workers + run.inserted.workers);
    const [{ orphans }] = await sql(
      `SELECT count(*)::int AS orphans FROM claims c WHERE NOT EXISTS (SELECT 1 FROM workers w WHERE w.id = c.worker_id)`,
    );
    expect(orphans).toBe(0);
    const [{ wrong }] = await sql(`SELECT count(*)::int AS wrong FROM workers WHERE id_number_hash = $1 AND name <> '先登记者'`, [taken]);
    expect(wrong).toBe(0);
    for (const worker of await sql(`SELECT id_number_sealed, id_number_hash FROM workers ORDER BY created_at DESC LIMIT 500`)) {
      expect(worker.id_number_hash).toBe(cipher.lookupHash(cipher.decrypt(worker.id_number_sealed)));
    }
  });
});
