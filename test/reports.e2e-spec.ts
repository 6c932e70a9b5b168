import ExcelJS from 'exceljs';
import { creditCode, residentId, workerName } from './factories/identities';
import { Desk, makeDesk, makeEmployer, makeOrganisation, makeStaff, openCase } from './factories/scenario';
import { ReportsDatabase } from '../src/database/reports-database';
import { AddYearRollups1767300000000 } from '../migrations/1767300000000-AddYearRollups';
import { AddNoProjectRollups1767500000000 } from '../migrations/1767500000000-AddNoProjectRollups';
import { RollupCompaction } from '../src/reports/rollup-compaction';
import { runOneMigration } from './support/one-migration';
import { summaryDrift } from './support/summary-drift';
import { Api, TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);
const onServer = !!process.env.DATABASE_URL;

/**
 * The leaders' reports over a small city whose every number is known: two districts (顺义 and 海淀),
 * cases opened, confirmed, paid and closed through the API as the staff would, on known days.
 *
 *   顺义 S1  2026-11-02  2 workers 3,000 + 5,000 claimed, confirmed 3,000 + 4,000, paid in full 2026-11-12, closed
 *   顺义 S2  2026-11-10  1 worker 10,000 claimed, confirmed 10,000, 6,000 paid 2026-11-20, paying
 *   顺义 S3  2026-11-15  3 workers 1,000 each, received (nothing confirmed)
 *   顺义 S4  2026-10-20  1 worker 2,000 claimed, before the period; withdrawn 2026-11-21
 *   海淀 H1  2026-11-05  1 worker 8,000 claimed, confirmed, paid in full 2026-11-25, closed
 */
describe('Reports for union leaders', () => {
  let t: TestApp;
  let shunyi: Desk;
  let haidian: Desk;
  let cityLeader: Api;
  let employerB: any;
  const period = 'from=2026-11-01&to=2026-11-30';
  let worker = 0;

  const claims = (amounts: number[]) =>
    amounts.map((amount) => {
      worker += 1;
      return { worker: { name: workerName(worker), idNumber: residentId(worker) }, amountClaimed: `${amount}.00`, periodStart: '2026-03-01', periodEnd: '2026-10-31' };
    });

  async function confirmAll(desk: Desk, caseId: string, amounts?: number[]) {
    const list = (await desk.lawyer.api.get(`/cases/${caseId}/claims?pageSize=100`)).body.items;
    const response = await desk.lawyer.api.post(`/cases/${caseId}/claims/confirmations`, {
      items: list.map((claim: any, i: number) => ({ claimId: claim.id, amountConfirmed: amounts ? `${amounts[i]}.00` : claim.amountClaimed })),
    });
    expect(response.status).toBe(200);
    return list;
  }

  async function move(desk: Desk, caseId: string, body: Record<string, unknown>) {
    const response = await desk.mediator.api.post(`/cases/${caseId}/transitions`, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
  }

  async function payInFull(desk: Desk, caseId: string, paidOn: string) {
    const list = (await desk.mediator.api.get(`/cases/${caseId}/claims?pageSize=100`)).body.items;
    const response = await desk.mediator.api.post(`/cases/${caseId}/payouts`, {
      paidOn,
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: list.map((claim: any) => ({ claimId: claim.id, amount: claim.amountOutstanding })),
    });
    expect(response.status).toBe(201);
  }

  async function toMediation(desk: Desk, caseId: string) {
    expect((await desk.mediator.api.post(`/cases/${caseId}/assignment`, { mediatorId: desk.mediator.id })).status).toBe(200);
    await move(desk, caseId, { to: 'verifying' });
    await move(desk, caseId, { to: 'mediating' });
  }

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-30T10:00:00+08:00') });
    shunyi = await makeDesk(t);
    haidian = await makeDesk(t);
    cityLeader = (await makeStaff(t, t.rootOrganisationId, 'leader')).api;
    employerB = await makeEmployer(shunyi.lawyer.api, { industry: 'catering' });

    const s1 = await openCase(shunyi, { intakeDate: '2026-11-02', claims: claims([3000, 5000]) });
    await toMediation(shunyi, s1.id);
    await confirmAll(shunyi, s1.id, [3000, 4000]);
    await payInFull(shunyi, s1.id, '2026-11-12');
    await move(shunyi, s1.id, { to: 'closed', outcome: 'paid_in_full' });

    const s2 = await openCase(shunyi, { intakeDate: '2026-11-10', claims: claims([10000]) });
    await toMediation(shunyi, s2.id);
    const [claim] = await confirmAll(shunyi, s2.id);
    const partial = await shunyi.mediator.api.post(`/cases/${s2.id}/payouts`, {
      paidOn: '2026-11-20',
      payerKind: 'general_contractor',
      channel: 'bank_transfer',
      items: [{ claimId: claim.id, amount: '6000.00' }],
    });
    expect(partial.status).toBe(201);

    await openCase(shunyi, {
      intakeDate: '2026-11-15',
      claims: claims([1000, 1000, 1000]),
      employers: [{ employerId: employerB.id, role: 'employer' }],
      lawyerId: undefined,
    });

    const s4 = await openCase(shunyi, { intakeDate: '2026-10-20', claims: claims([2000]) });
    await move(shunyi, s4.id, { to: 'withdrawn', reason: '工人撤回' });

    const h1 = await openCase(haidian, { intakeDate: '2026-11-05', claims: claims([8000]) });
    await toMediation(haidian, h1.id);
    await confirmAll(haidian, h1.id);
    await payInFull(haidian, h1.id, '2026-11-25');
    await move(haidian, h1.id, { to: 'closed', outcome: 'paid_in_full' });

    const consultation = await shunyi.lawyer.api.post('/consultations', {
      organisationId: shunyi.organisation.id,
      consultedAt: '2026-11-03T09:30:00+08:00',
      channel: 'walk_in',
      topic: 'unpaid_wages',
      advice: '建议申请调解',
      durationMinutes: 20,
    });
    expect(consultation.status).toBe(201);
  });
  afterAll(() => t.close());

  it('counts a district: opened, concluded, workers, money, speed and desk work of the period', async () => {
    // Tokens expire after 15 minutes of the test clock; the clock has not moved.
    const response = await shunyi.leader.api.get(`/reports/summary?${period}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      scope: { organisationId: shunyi.organisation.id },
      period: { from: '2026-11-01', to: '2026-11-30' },
      casesOpened: 3,
      casesConcluded: 1,
      completionRate: 0.3333,
      workersHelped: 6,
      claimed: '21000.00',
      confirmed: '17000.00',
      // S3's three unconfirmed claims count as claimed
      owed: '20000.00',
      recovered: '13000.00',
      recoveryRate: 0.65,
      // S2 4,000 + S3 3,000
      unpaid: '7000.00',
      casesPaidInFull: 1,
      medianDaysToFullPayment: 10,
      p90DaysToFullPayment: 10,
      // S1 closed 2026-11-30 (the clock), S4 withdrawn then too: both within the period
      casesClosedInPeriod: 2,
      consultations: 1,
      outreachVisits: 0,
    });
  });

  it("adds every district up for the city, and keeps each leader to their own scope", async () => {
    const city = (await cityLeader.get(`/reports/summary?${period}`)).body;
    expect(city).toMatchObject({ casesOpened: 4, workersHelped: 7, claimed: '29000.00', recovered: '21000.00', casesPaidInFull: 2 });
    // paid in full after 10 and 20 days: the median lies between them, the 90th percentile near the top
    expect(city.medianDaysToFullPayment).toBe(15);
    expect(city.p90DaysToFullPayment).toBe(19);

    const narrowed = (await cityLeader.get(`/reports/summary?${period}&organisationId=${haidian.organisation.id}`)).body;
    expect(narrowed).toMatchObject({ casesOpened: 1, claimed: '8000.00', recovered: '8000.00', completionRate: 1 });

    const outside = await shunyi.leader.api.get(`/reports/summary?organisationId=${haidian.organisation.id}`);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('ORGANISATION_NOT_FOUND');

    const byOrganisation = (await cityLeader.get(`/reports/breakdowns/organisation?${period}`)).body;
    expect(byOrganisation.items.map((row: any) => [row.label, row.casesOpened, row.recovered, row.consultations])).toEqual(
      expect.arrayContaining([
        [shunyi.organisation.name, 3, '13000.00', 1],
        [haidian.organisation.name, 1, '8000.00', 0],
      ]),
    );
    const districtOnly = (await shunyi.leader.api.get(`/reports/breakdowns/organisation?${period}`)).body;
    expect(districtOnly.items).toHaveLength(1);
    expect(districtOnly.items[0]).toMatchObject({ key: shunyi.organisation.id, casesOpened: 3 });
  });

  it('breaks the figures down by employer with repeat offenders first, and by industry, lawyer and month', async () => {
    const byEmployer = (await shunyi.leader.api.get(`/reports/breakdowns/employer?${period}`)).body;
    // employers are not counted: the page says whether another follows
    expect(byEmployer).toMatchObject({ total: null, more: false, page: 1, pageSize: 20 });
    expect(byEmployer.items.map((row: any) => [row.detail, row.casesOpened])).toEqual([
      [shunyi.employer.creditCode, 2],
      [employerB.creditCode, 1],
    ]);
    const byIndustry = (await shunyi.leader.api.get(`/reports/breakdowns/industry?${period}`)).body;
    expect(byIndustry.items.find((row: any) => row.key === 'catering')).toMatchObject({ label: '餐饮业', casesOpened: 1, owed: '3000.00' });
    const byLawyer = (await shunyi.leader.api.get(`/reports/breakdowns/lawyer?${period}`)).body;
    expect(byLawyer.items.find((row: any) => row.key === shunyi.lawyer.id)).toMatchObject({ casesOpened: 2, consultations: 1 });
    expect(byLawyer.items.find((row: any) => row.key === null)).toMatchObject({ casesOpened: 1 });
    const byMonth = (await shunyi.leader.api.get(`/reports/breakdowns/month?from=2026-10-01&to=2026-11-30`)).body;
    expect(byMonth.items.map((row: any) => [row.key, row.casesOpened, row.casesConcluded])).toEqual([
      ['2026-10', 1, 1],
      ['2026-11', 3, 1],
    ]);
    const first = (await shunyi.leader.api.get(`/reports/breakdowns/employer?${period}&pageSize=1&page=1`)).body;
    expect(first).toMatchObject({ total: null, more: true, page: 1, pageSize: 1 });
    expect(first.items.map((row: any) => row.detail)).toEqual([shunyi.employer.creditCode]);
    const paged = (await shunyi.leader.api.get(`/reports/breakdowns/employer?${period}&pageSize=1&page=2`)).body;
    expect(paged).toMatchObject({ total: null, more: false, page: 2, pageSize: 1 });
    expect(paged.items.map((row: any) => row.detail)).toEqual([employerB.creditCode]);
    const past = (await shunyi.leader.api.get(`/reports/breakdowns/employer?${period}&pageSize=1&page=3`)).body;
    expect(past).toMatchObject({ total: null, more: false, items: [] });
    // the groups that are counted say how many there are, and whether more follow
    expect((await shunyi.leader.api.get(`/reports/breakdowns/industry?${period}&pageSize=1`)).body).toMatchObject({ total: 2, more: true });
  });

  it('shows before the festival what open cases still owe, per organisation, with the days left', async () => {
    const response = await cityLeader.get('/reports/festival');
    expect(response.status).toBe(200);
    expect(response.body.season).toMatchObject({ festival: '2027-02-06', eve: '2027-02-05', daysToEve: 67 });
    expect(response.body.totals).toMatchObject({ openCases: 2, casesOwing: 2, workersOwed: 4, unpaid: '7000.00', casesUnverified: 1 });
    expect(response.body.items).toEqual([
      expect.objectContaining({ key: shunyi.organisation.id, openCases: 2, workersOwed: 4, unpaid: '7000.00' }),
    ]);
  });

  it("gives an employer's record by credit code, with the joint-punishment flags", async () => {
    const response = await cityLeader.get(`/reports/employers/${shunyi.employer.creditCode}`);
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({
      cases: 3,
      workers: 4,
      claimed: '20000.00',
      owed: '19000.00',
      paid: '13000.00',
      outstanding: '6000.00',
    });
    expect(response.body.outcomes).toEqual({ closed_paid_in_full: 1, paying: 1, withdrawn: 1 });
    expect(response.body.meetsListingCriteria).toBe(false);
    // the withdrawn case of October does not count: both accepted cases are of this season
    expect(response.body.flags.map((flag: any) => [flag.criterion, flag.met])).toEqual([
      ['order_ignored', false],
      ['criminal_amount', false],
      ['police_referral', false],
      ['large_group_unpaid', false],
      ['repeated_arrears', false],
    ]);

    const wrongCheck = await cityLeader.get(`/reports/employers/${shunyi.employer.creditCode.slice(0, 17)}0`);
    expect(wrongCheck.status).toBe(400);
    expect(wrongCheck.body.errors[0]).toMatchObject({ field: 'creditCode', code: 'CREDIT_CODE_CHECK_CHARACTER' });
    const unknown = await cityLeader.get(`/reports/employers/${creditCode(987654)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('EMPLOYER_NOT_FOUND');
  });

  it('refuses bad report requests with a reason a clerk can act on', async () => {
    const reversed = await cityLeader.get('/reports/summary?from=2026-12-01&to=2026-11-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'PERIOD_ENDS_BEFORE_START' })]);
    const badDay = await cityLeader.get('/reports/summary?from=2026-02-30');
    expect(badDay.status).toBe(400);
    expect(badDay.body.errors[0]).toMatchObject({ field: 'from', code: 'INVALID_DATE' });
    const dimension = await cityLeader.get('/reports/breakdowns/weather');
    expect(dimension.status).toBe(400);
    expect(dimension.body.errors[0]).toMatchObject({ field: 'dimension', code: 'NOT_ONE_OF' });
    const format = await cityLeader.get('/reports/summary?format=pdf');
    expect(format.status).toBe(400);
    expect(format.body.errors[0]).toMatchObject({ field: 'format', code: 'NOT_ONE_OF' });
    const tooLong = await cityLeader.get('/reports/summary?from=2000-01-01&to=2026-11-30');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]).toMatchObject({ field: 'to', code: 'TOO_LARGE' });
  });

  describe('exports', () => {
    async function download(path: string) {
      const response = await cityLeader.getRaw(path);
      expect(response.status).toBe(200);
      return { response, bytes: Buffer.from(await response.arrayBuffer()) };
    }

    async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    }

    it('hold the numbers of the JSON, as XLSX with Chinese headings and amounts as numbers', async () => {
      const json = (await cityLeader.get(`/reports/breakdowns/organisation?${period}`)).body;
      const { response, bytes } = await download(`/reports/breakdowns/organisation?${period}&format=xlsx`);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('分单位统计'));
      const [header, ...rows] = await sheetRows(bytes);
      expect(header.slice(0, 4)).toEqual(['单位', '单位代码', '受理案件数', '办结案件数']);
      const recovered = header.indexOf('追回金额（元）');
      const opened = header.indexOf('受理案件数');
      for (const item of json.items) {
        const row = rows.find((r) => r[0] === item.label)!;
        expect(row[opened]).toBe(item.casesOpened);
        expect(row[recovered]).toBe(Number(item.recovered));
        expect(typeof row[recovered]).toBe('number');
      }
    });

    it('hold the numbers of the JSON as CSV with a BOM, for the summary, the festival view and an employer', async () => {
      const summary = (await cityLeader.get(`/reports/summary?${period}`)).body;
      const csv = (await download(`/reports/summary?${period}&format=csv`)).bytes.toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, values] = csv.slice(1).trim().split('\r\n').map((line) => line.split(','));
      const cell = (heading: string) => values[header.indexOf(heading)];
      expect(cell('受理案件数')).toBe(String(summary.casesOpened));
      expect(cell('追回金额（元）')).toBe(summary.recovered);
      expect(cell('主张金额（元）')).toBe(summary.claimed);
      expect(cell('办结率')).toBe(`${(summary.completionRate * 100).toFixed(1)}%`);

      const festival = (await cityLeader.get('/reports/festival')).body;
      const festivalRows = (await sheetRows((await download('/reports/festival?format=xlsx')).bytes)).slice(1);
      expect(festivalRows.at(-1)).toEqual(expect.arrayContaining(['合计', festival.totals.openCases, Number(festival.totals.unpaid)]));

      const employer = (await cityLeader.get(`/reports/employers/${shunyi.employer.creditCode}`)).body;
      const employerCsv = (await download(`/reports/employers/${shunyi.employer.creditCode}?format=csv`)).bytes.toString('utf8');
      const lines = employerCsv.slice(1).trim().split('\r\n');
      expect(lines).toHaveLength(1 + employer.cases.length);
      for (const item of employer.cases) {
        const line = lines.find((l) => l.startsWith(item.caseNumber))!;
        expect(line.split(',')).toEqual(expect.arrayContaining([item.claimed, item.paid, item.outstanding]));
      }
    });

    it('export the case list with its filters, and only the cases in scope', async () => {
      const list = (await shunyi.leader.api.get('/cases?status=closed,paying,received&pageSize=100')).body;
      const rows = await sheetRows((await download('/cases/export?format=xlsx&status=closed,paying,received')).bytes);
      // the city leader's export holds 海淀's closed case too; the district leader's list does not
      expect(rows.length - 1).toBe(list.total + 1);
      const csv = Buffer.from(await (await shunyi.leader.api.getRaw('/cases/export?format=csv&status=closed,paying,received')).arrayBuffer());
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines.slice(1).map((line: string) => line.split(',')[0]).sort()).toEqual(list.items.map((item: any) => item.caseNumber).sort());
      const missing = await cityLeader.getRaw('/cases/export');
      expect(missing.status).toBe(400);
    });

    it('refuse one more export while as many stream as the service allows, saying when to try again', async () => {
      // Downloads held open, as slow clients would: each keeps its cursor and connection.
      const reportsDatabase = t.app.get(ReportsDatabase);
      const held: AsyncGenerator<unknown>[] = [];
      let refusal: unknown;
      while (!refusal && held.length < 20) {
        try {
          const rows = reportsDatabase.stream('SELECT n FROM generate_series(1, 3) n', []);
          await rows.next();
          held.push(rows);
        } catch (error) {
          refusal = error;
        }
      }
      expect(refusal).toMatchObject({ code: 'EXPORTS_BUSY', params: { seconds: 30 } });
      expect(held.length).toBeGreaterThanOrEqual(1);
      if (onServer) {
        // (the embedded database has one connection: while a download holds it, every request waits)
        const busy = await cityLeader.get('/cases/export?format=csv&status=received');
        expect(busy.status).toBe(429);
        expect(busy.body.code).toBe('EXPORTS_BUSY');
        expect(busy.headers.get('retry-after')).toBe('30');
        expect(busy.body.message).toContain('30');
      }
      for (const rows of held) await rows.return(undefined);
      expect((await cityLeader.getRaw('/cases/export?format=csv&status=received')).status).toBe(200);
    });
  });

  it("follows an employer's corrected industry at once", async () => {
    const current = (await shunyi.lawyer.api.get(`/employers/${employerB.id}`)).body;
    const corrected = await shunyi.lawyer.api.patch(`/employers/${employerB.id}`, { version: current.version, industry: 'logistics' });
    expect(corrected.status).toBe(200);
    const byIndustry = (await shunyi.leader.api.get(`/reports/breakdowns/industry?${period}`)).body.items;
    expect(byIndustry.find((row: any) => row.key === 'catering')).toBeUndefined();
    expect(byIndustry.find((row: any) => row.key === 'logistics')).toMatchObject({ label: '物流业', casesOpened: 1, owed: '3000.00' });
  });

  it('uses the organisations of the scope, not a look-alike name', async () => {
    // A district created after the cases has nothing: it is listed only where it has something to count.
    await makeOrganisation(t, { name: '新区总工会' });
    const byOrganisation = (await cityLeader.get(`/reports/breakdowns/organisation?${period}`)).body;
    expect(byOrganisation.items.map((row: any) => row.label)).not.toContain('新区总工会');
  });

  it('stays exact when the changes are folded into the monthly sums, for whole months and the days around them', async () => {
    // the last two read 2026 whole from the year rows (migrations/1767300000000), less the days after today
    const periods = [period, 'from=2026-10-01&to=2026-11-30', 'from=2026-10-15&to=2026-11-20', 'from=2026-01-01&to=2026-11-30', 'from=2025-12-15&to=2026-11-22'];
    const read = async () =>
      Promise.all(
        periods.flatMap((query) => [
          cityLeader.get(`/reports/summary?${query}`).then((response) => response.body),
          cityLeader.get(`/reports/breakdowns/organisation?${query}`).then((response) => response.body.items),
          cityLeader.get(`/reports/breakdowns/lawyer?${query}`).then((response) => response.body.items),
          cityLeader.get(`/reports/breakdowns/month?${query}`).then((response) => response.body.items),
        ]),
      );
    const before = await read();
    const [{ pending }] = await t.dataSource.query(`SELECT count(*)::int AS pending FROM report_rollup_changes`);
    expect(pending).toBeGreaterThan(0);
    expect(await t.app.get(RollupCompaction).compact()).toBeGreaterThan(0);
    const [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM report_rollup_changes`);
    expect(left).toBe(0);
    expect(await read()).toEqual(before);
    // October and November whole come from the sums alone
    expect(before[4]).toMatchObject({ casesOpened: 5, casesConcluded: 3, casesClosedInPeriod: 3, consultations: 1 });
    // so do the year's, and its months are told apart
    expect(before[12]).toMatchObject({ casesOpened: 5, casesConcluded: 3, casesClosedInPeriod: 3, consultations: 1 });
    expect(before[15].map((row: any) => [row.key, row.casesOpened])).toEqual([['2026-10', 1], ['2026-11', 4]]);
  });

  it('makes the year rows from the months when first migrated, with changes still to fold', async () => {
    const yearPeriod = 'from=2025-12-15&to=2026-11-22';
    const read = () => cityLeader.get(`/reports/breakdowns/lawyer?${yearPeriod}`).then((response) => response.body.items);
    const migrate = (step: 'up' | 'down') => runOneMigration(t.dataSource, new AddYearRollups1767300000000(), step);
    await migrate('down');
    // a case after the rollups were last folded: its changes are pending when the migration runs
    await openCase(shunyi, { intakeDate: '2026-03-03', claims: claims([1500]) });
    const [{ pending }] = await t.dataSource.query(`SELECT count(*)::int AS pending FROM report_rollup_changes`);
    expect(pending).toBeGreaterThan(0);
    await migrate('up');
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
    const [{ years }] = await t.dataSource.query(`SELECT count(*)::int AS years FROM report_rollups WHERE dimension = 'lawyer_year'`);
    expect(years).toBeGreaterThan(0);
    const before = await read();
    await openCase(shunyi, { intakeDate: '2026-03-04', claims: claims([2500]) });
    await t.app.get(RollupCompaction).compact();
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
    const after = await read();
    const opened = (items: any[]) => items.reduce((sum: number, row: any) => sum + row.casesOpened, 0);
    expect(opened(after)).toBe(opened(before) + 1);
  });

  it('rolls up the cases without a project, their days and their speed of payment, when first migrated', async () => {
    const read = () => cityLeader.get(`/reports/breakdowns/project?${period}`).then((response) => response.body.items);
    const migrate = (step: 'up' | 'down') => runOneMigration(t.dataSource, new AddNoProjectRollups1767500000000(), step);
    const rolledUpRows = async () => {
      const [{ rows }] = await t.dataSource.query(
        `SELECT count(*)::int AS rows FROM report_rollups
          WHERE (dimension IN ('project', 'project_year') AND key IS NULL AND days IS NOT NULL) OR dimension = 'project_day'`,
      );
      return rows;
    };
    await migrate('down');
    expect(await rolledUpRows()).toBe(0);
    // the report reads that group's histogram from the rollups alone: without the rows, it has none
    expect((await read())[0]).toMatchObject({ key: null, casesPaidInFull: 2, medianDaysToFullPayment: null });
    await migrate('up');
    expect(await rolledUpRows()).toBeGreaterThan(0);
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
    // none of the city's cases has a project: S1 took 10 days to be paid in full, H1 20, read from the rollups
    const items = await read();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: null, casesPaidInFull: 2, medianDaysToFullPayment: 15 });
  });

  it('moves what a service center counted to its new district when it is moved', async () => {
    const desk = await makeDesk(t, { name: '顺义区后沙峪服务站', kind: 'service_center', parentId: shunyi.organisation.id });
    const center = desk.organisation;
    const moved = await openCase(desk, { intakeDate: '2026-11-12', claims: claims([4000]) });
    expect(moved.id).toBeDefined();
    await t.app.get(RollupCompaction).compact();
    expect((await shunyi.leader.api.get(`/reports/summary?${period}`)).body).toMatchObject({ casesOpened: 4 });

    const response = await t.admin.patch(`/organisations/${center.id}`, { parentId: haidian.organisation.id });
    expect(response.status).toBe(200);
    expect((await shunyi.leader.api.get(`/reports/summary?${period}`)).body).toMatchObject({ casesOpened: 3 });
    expect((await haidian.leader.api.get(`/reports/summary?${period}`)).body).toMatchObject({ casesOpened: 2, claimed: '12000.00' });
    const byOrganisation = (await haidian.leader.api.get(`/reports/breakdowns/organisation?${period}`)).body.items;
    expect(byOrganisation.map((row: any) => [row.label, row.casesOpened])).toEqual(
      expect.arrayContaining([
        [haidian.organisation.name, 1],
        ['顺义区后沙峪服务站', 1],
      ]),
    );
    // (the suite's close checks every rollup against what it sums, the move included)
  });

  it("flags the criminal amount in an employer's record from the workers still owed, not those paid in full", async () => {
    const desk = await makeDesk(t);
    const opened = await openCase(desk, { intakeDate: '2026-11-16', claims: claims([6000, 9000]) });
    await toMediation(desk, opened.id);
    const confirmed = await confirmAll(desk, opened.id);
    const owedWorker = confirmed.find((claim: any) => claim.amountClaimed === '6000.00');
    const paidWorker = confirmed.find((claim: any) => claim.amountClaimed === '9000.00');
    const pay = (items: { claimId: string; amount: string }[]) =>
      desk.mediator.api.post(`/cases/${opened.id}/payouts`, { paidOn: '2026-11-25', payerKind: 'employer', channel: 'bank_transfer', items });
    expect((await pay([{ claimId: owedWorker.id, amount: '500.00' }, { claimId: paidWorker.id, amount: '9000.00' }])).status).toBe(201);
    const flag = async () => {
      const record = (await cityLeader.get(`/reports/employers/${desk.employer.creditCode}`)).body;
      return record.flags.find((item: any) => item.criterion === 'criminal_amount');
    };
    // eight months (March to October) and 5,500 yuan still owed to one worker: the lowest provincial figure is 5,000
    expect(await flag()).toMatchObject({ met: true, caseNumbers: [opened.caseNumber] });

    expect((await pay([{ claimId: owedWorker.id, amount: '1000.00' }])).status).toBe(201);
    expect(await flag()).toMatchObject({ met: false, caseNumbers: [] });
  });

  it("counts each employer's cases ever as a case comes in and moves to another direct employer", async () => {
    const countsOf = async (...ids: string[]) => {
      const rows = await t.dataSource.query(`SELECT employer_id, cases FROM employer_case_counts WHERE employer_id = ANY($1::uuid[])`, [ids]);
      return Object.fromEntries(ids.map((id) => [id, rows.find((row: any) => row.employer_id === id)?.cases ?? 0]));
    };
    const contractor = await makeEmployer(shunyi.lawyer.api, { industry: 'construction' });
    const direct = await makeEmployer(shunyi.lawyer.api, { industry: 'construction' });
    const opened = await openCase(shunyi, {
      intakeDate: '2026-11-12',
      claims: claims([1000]),
      employers: [{ employerId: contractor.id, role: 'general_contractor' }],
    });
    expect(await countsOf(contractor.id, direct.id)).toEqual({ [contractor.id]: 1, [direct.id]: 0 });
    // the employer who owes directly comes before the contractor: the case moves to it
    expect((await shunyi.lawyer.api.post(`/cases/${opened.id}/employers`, { employerId: direct.id, role: 'employer' })).status).toBe(201);
    expect(await countsOf(contractor.id, direct.id)).toEqual({ [contractor.id]: 0, [direct.id]: 1 });
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
    const byEmployer = (await shunyi.leader.api.get(`/reports/breakdowns/employer?${period}&pageSize=200`)).body.items;
    expect(byEmployer.find((row: any) => row.key === direct.id)).toMatchObject({ casesOpened: 1, owed: '1000.00' });
    expect(byEmployer.find((row: any) => row.key === contractor.id)).toBeUndefined();
  });
});
