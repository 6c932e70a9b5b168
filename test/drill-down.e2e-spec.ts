import { FINAL_STATUSES_SQL } from '../src/cases/domain/case-status';
import { residentId } from './factories/identities';
import { makeEmployer, makeStaff, yuan } from './factories/scenario';
import { allPages, startSeededCity } from './factories/seeded-city';
import { Api, TestApp } from './support/test-app';

jest.setTimeout(900_000);

const FROM = '2025-11-01';
const TO = '2026-02-16';
const DIMENSIONS = ['organisation', 'industry', 'employer', 'project', 'lawyer', 'mediator', 'month'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Filters = Record<string, string>;

/**
 * Every figure of the reports leads to exactly the cases behind it: on a seeded city (several
 * districts and service centers, employers, projects, lawyers, seasons, payments in other months than
 * the intake, concluded cases), the case list filtered as the pages filter it finds as many cases as
 * each figure counts, and the money of exactly those cases, added up from the base tables, is the
 * figure's amount.
 */
describe('Drill-down from the reports to the case list', () => {
  let t: TestApp;
  let admin: Api;
  let districtLeader: Api;
  let root: { id: string; path: string };
  let district: { id: string; path: string };
  let ownCaseId: string;

  beforeAll(async () => {
    ({ t, admin, root, district, districtLeader } = await startSeededCity({ cases: 400, seed: 11 }));
    // The city's own case (the breakdown by organisation's row of the city itself), without a lawyer,
    // a mediator or a project, against an employer with no industry recorded (reported as other).
    const clerk = await makeStaff(t, root.id, 'intake_clerk');
    const employer = await makeEmployer(clerk.api, { industry: undefined });
    const opened = await clerk.api.post('/cases', {
      organisationId: root.id,
      intakeChannel: 'hotline_12351',
      intakeDate: '2026-01-10',
      summary: '市总热线直接受理',
      employers: [{ employerId: employer.id, role: 'employer' }],
      claims: [{ worker: { name: '市总工人', idNumber: residentId(90_001) }, amountClaimed: '3000.00' }],
    });
    expect(opened.status).toBe(201);
    ownCaseId = opened.body.id;
  });
  afterAll(() => t.close());

  const query = (filters: Filters) => new URLSearchParams(filters).toString();

  /** How many cases the list finds. */
  async function total(api: Api, filters: Filters): Promise<number> {
    const response = await api.get(`/cases?${query({ ...filters, pageSize: '1' })}`);
    expect(response.status).toBe(200);
    return response.body.total;
  }

  /** Every case the list finds, by id. */
  async function ids(api: Api, filters: Filters): Promise<string[]> {
    const found: string[] = [];
    for (let page = 1; ; page++) {
      const response = await api.get(`/cases?${query({ ...filters, page: String(page), pageSize: '200' })}`);
      expect(response.status).toBe(200);
      found.push(...response.body.items.map((item: any) => item.id));
      if (found.length >= response.body.total || response.body.items.length === 0) return found.sort();
    }
  }

  /** What the open cases among these still owe, from the claims and payouts themselves. */
  async function unpaidOf(caseIds: string[]): Promise<string> {
    const [row] = await t.dataSource.query(
      `SELECT (COALESCE((SELECT SUM(COALESCE(cl.confirmed_fen, cl.claimed_fen)) FROM claims cl JOIN cases c ON c.id = cl.case_id
                          WHERE c.id = ANY($1::uuid[]) AND c.status NOT IN ${FINAL_STATUSES_SQL}), 0)
             - COALESCE((SELECT SUM(p.amount_fen) FROM payouts p JOIN cases c ON c.id = p.case_id
                          WHERE c.id = ANY($1::uuid[]) AND c.status NOT IN ${FINAL_STATUSES_SQL}), 0))::text AS fen`,
      [caseIds],
    );
    return yuan(BigInt(row.fen));
  }

  /** What was paid on these cases in the period, and on how many of them. */
  async function paidOf(caseIds: string[], from: string, to: string): Promise<{ paid: string; cases: number }> {
    const [row] = await t.dataSource.query(
      `SELECT COALESCE(SUM(amount_fen), 0)::text AS fen, count(DISTINCT case_id)::int AS cases
         FROM payouts WHERE case_id = ANY($1::uuid[]) AND paid_on BETWEEN $2 AND $3`,
      [caseIds, from, to],
    );
    return { paid: yuan(BigInt(row.fen)), cases: row.cases };
  }

  /** The list's filters for one group of a breakdown, as the pages build them; `scopeId` is the report's organisation. */
  function groupFilters(dimension: Dimension, key: string | null, scopeId: string): Filters {
    switch (dimension) {
      case 'organisation':
        return key === scopeId ? { organisationId: key, organisationOnly: 'true' } : { organisationId: key! };
      case 'industry':
        return { industry: key! };
      case 'employer':
        return { directEmployerId: key ?? 'none' };
      case 'project':
        return { projectId: key ?? 'none' };
      case 'lawyer':
        return { lawyerId: key ?? 'none' };
      case 'mediator':
        return { mediatorId: key ?? 'none' };
      case 'month':
        return {};
    }
  }

  /** The days of the period a group counts: a month's, within the period; else the whole period. */
  function periodOf(dimension: Dimension, key: string | null): { from: string; to: string } {
    if (dimension !== 'month') return { from: FROM, to: TO };
    const [year, month] = key!.split('-').map(Number);
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const first = `${key}-01`;
    return { from: first < FROM ? FROM : first, to: last > TO ? TO : last };
  }

  /**
   * The figures of one set of cases as the list finds them: opened in the period (with what the open
   * ones still owe), concluded and paid in full of those, and paid in the period (whenever opened).
   */
  async function drilledDown(api: Api, group: Filters, period: { from: string; to: string }) {
    const opened = { ...group, intakeFrom: period.from, intakeTo: period.to };
    const openedIds = await ids(api, opened);
    const paidIds = await ids(api, { ...group, paidFrom: period.from, paidTo: period.to });
    const paid = await paidOf(paidIds, period.from, period.to);
    return {
      casesOpened: openedIds.length,
      casesConcluded: await total(api, { ...opened, open: 'false' }),
      casesPaidInFull: await total(api, { ...opened, paidInFull: 'true' }),
      unpaid: await unpaidOf(openedIds),
      paidInPeriod: paid.paid,
      // every case listed as paid in the period was paid in it
      casesPaidInPeriodListed: paid.cases === paidIds.length,
    };
  }

  const reported = (item: any) => ({
    casesOpened: item.casesOpened,
    casesConcluded: item.casesConcluded,
    casesPaidInFull: item.casesPaidInFull,
    unpaid: item.unpaid,
    paidInPeriod: item.paidInPeriod.total,
    casesPaidInPeriodListed: true,
  });

  it('has data worth drilling into', async () => {
    const summary = (await admin.get(`/reports/summary?from=${FROM}&to=${TO}`)).body;
    expect(summary.casesOpened).toBeGreaterThan(50);
    expect(summary.casesConcluded).toBeGreaterThan(5);
    expect(summary.casesPaidInFull).toBeGreaterThan(5);
    expect(summary.casesClosedInPeriod).toBeGreaterThan(5);
    expect(Number(summary.unpaid)).toBeGreaterThan(0);
    // money paid in the period on cases opened before it
    const [earlier] = await t.dataSource.query(
      `SELECT count(DISTINCT p.case_id)::int AS n FROM payouts p JOIN cases c ON c.id = p.case_id WHERE p.paid_on BETWEEN $1 AND $2 AND c.intake_date < $1`,
      [FROM, TO],
    );
    expect(earlier.n).toBeGreaterThan(0);
  });

  it('the summary: each figure, for the city and for a district', async () => {
    for (const [api, scopeId] of [
      [admin, root.id],
      [districtLeader, district.id],
    ] as const) {
      const summary = (await api.get(`/reports/summary?from=${FROM}&to=${TO}`)).body;
      expect(await drilledDown(api, {}, { from: FROM, to: TO })).toEqual(reported(summary));
      expect(await total(api, { concludedFrom: FROM, concludedTo: TO })).toBe(summary.casesClosedInPeriod);
      // the same through the report's organisation picker
      expect(await total(api, { organisationId: scopeId, intakeFrom: FROM, intakeTo: TO })).toBe(summary.casesOpened);
    }
  });

  it.each(DIMENSIONS)('by %s: every group, for the city', async (dimension) => {
    const items = await allPages(admin, `/reports/breakdowns/${dimension}?from=${FROM}&to=${TO}`);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      const actual = await drilledDown(admin, groupFilters(dimension, item.key, root.id), periodOf(dimension, item.key));
      expect({ dimension, key: item.key, ...actual }).toEqual({ dimension, key: item.key, ...reported(item) });
    }
  });

  it('by organisation: every group, for a district leader (its service centers and its own cases)', async () => {
    const items = await allPages(districtLeader, `/reports/breakdowns/organisation?from=${FROM}&to=${TO}`);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      const actual = await drilledDown(districtLeader, groupFilters('organisation', item.key, district.id), periodOf('organisation', item.key));
      expect({ key: item.key, ...actual }).toEqual({ key: item.key, ...reported(item) });
    }
  });

  it('the groups without a key and the city’s own row are exactly their cases', async () => {
    const inPeriod = { intakeFrom: FROM, intakeTo: TO };
    const expectedIds = async (condition: string) =>
      (
        await t.dataSource.query(
          `SELECT c.id FROM cases c JOIN case_facts_source s ON s.case_id = c.id
            WHERE ${condition} AND c.intake_date BETWEEN $1 AND $2 ORDER BY c.id`,
          [FROM, TO],
        )
      ).map((row: any) => row.id);
    expect(await ids(admin, { lawyerId: 'none', ...inPeriod })).toEqual(await expectedIds('c.lawyer_id IS NULL'));
    expect(await ids(admin, { mediatorId: 'none', ...inPeriod })).toEqual(await expectedIds('c.mediator_id IS NULL'));
    expect(await ids(admin, { projectId: 'none', ...inPeriod })).toEqual(await expectedIds('c.project_id IS NULL'));
    expect(await ids(admin, { industry: 'none', ...inPeriod })).toEqual(await expectedIds('s.industry IS NULL'));
    expect(await ids(admin, { industry: 'other', ...inPeriod })).toEqual(await expectedIds(`COALESCE(s.industry, 'other') = 'other'`));
    const ownCases = await ids(admin, { organisationId: root.id, organisationOnly: 'true', ...inPeriod });
    expect(ownCases).toContain(ownCaseId);
    expect(ownCases).toEqual(await expectedIds(`c.organisation_id = '${root.id}'`));
    expect(await ids(admin, { lawyerId: 'none', mediatorId: 'none', projectId: 'none', industry: 'none', ...inPeriod })).toContain(ownCaseId);
    // the direct employer is one of the chain; any role of the chain (employerId) may find more
    const [busiest] = await t.dataSource.query(
      `SELECT ce.employer_id AS id FROM case_employers ce GROUP BY 1 ORDER BY count(*) FILTER (WHERE ce.role <> 'employer') DESC, count(*) DESC LIMIT 1`,
    );
    expect(await ids(admin, { directEmployerId: busiest.id })).toEqual(
      (await t.dataSource.query(`SELECT case_id AS id FROM case_facts_source WHERE employer_id = $1 ORDER BY case_id`, [busiest.id])).map((r: any) => r.id),
    );
    expect(await ids(admin, { employerId: busiest.id })).toEqual(
      (await t.dataSource.query(`SELECT DISTINCT case_id AS id FROM case_employers WHERE employer_id = $1 ORDER BY case_id`, [busiest.id])).map((r: any) => r.id),
    );
  });

  it('before the festival: open, owing and unverified cases and what they owe, per group, for the city and a district', async () => {
    for (const [api, scopeId] of [
      [admin, root.id],
      [districtLeader, district.id],
    ] as const) {
      const festival = (await api.get('/reports/festival')).body;
      expect(festival.items.length).toBeGreaterThan(1);
      for (const item of festival.items) {
        const group = groupFilters('organisation', item.key, scopeId);
        const open = await ids(api, { ...group, open: 'true' });
        expect({
          key: item.key,
          openCases: open.length,
          casesOwing: await total(api, { ...group, open: 'true', owing: 'true' }),
          casesUnverified: await total(api, { ...group, open: 'true', unverified: 'true' }),
          unpaid: await unpaidOf(open),
        }).toEqual({ key: item.key, openCases: item.openCases, casesOwing: item.casesOwing, casesUnverified: item.casesUnverified, unpaid: item.unpaid });
      }
    }
  });

  it('the export carries exactly the drilled-down list', async () => {
    const filters = { intakeFrom: FROM, intakeTo: TO, open: 'true', owing: 'true' };
    const listed = await total(admin, filters);
    const response = await admin.getRaw(`/cases/export?${query({ ...filters, format: 'csv' })}`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(listed).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(listed);
  });

  it('refuses bad filters with the field and a reason', async () => {
    const problems = async (filters: Filters) => {
      const response = await admin.get(`/cases?${query(filters)}`);
      expect(response.status).toBe(400);
      return response.body.errors.map((error: any) => ({ field: error.field, code: error.code }));
    };
    expect(await problems({ industry: 'mining' })).toEqual([{ field: 'industry', code: 'NOT_ONE_OF' }]);
    expect(await problems({ lawyerId: 'nobody' })).toEqual([{ field: 'lawyerId', code: 'INVALID_UUID' }]);
    expect(await problems({ projectId: 'NONE' })).toEqual([{ field: 'projectId', code: 'INVALID_UUID' }]);
    expect(await problems({ owing: 'yes' })).toEqual([{ field: 'owing', code: 'NOT_A_BOOLEAN' }]);
    expect(await problems({ paidFrom: '2026-02-01', paidTo: '2026-01-31' })).toEqual([{ field: 'paidTo', code: 'PERIOD_ENDS_BEFORE_START' }]);
    expect(await problems({ concludedFrom: '2026-02-30' })).toEqual([{ field: 'concludedFrom', code: 'INVALID_DATE' }]);
    expect(await problems({ intakeFrom: '2026-02-01', intakeTo: '2026-01-01' })).toEqual([{ field: 'intakeTo', code: 'PERIOD_ENDS_BEFORE_START' }]);
    const words = await admin.get(`/cases?${query({ industry: 'mining' })}`);
    expect(words.body.errors[0].message).toContain('建筑');
    // the export refuses them alike
    expect((await admin.getRaw(`/cases/export?${query({ format: 'csv', paidFrom: '2026-02-01', paidTo: '2026-01-31' })}`)).status).toBe(400);
  });
});
