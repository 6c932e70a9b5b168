import { residentId, workerName } from './factories/identities';
import { Desk, makeDesk, makeStaff, openCase } from './factories/scenario';
import { caseTotalsSql } from '../src/claims/claim-money.sql';
import { ReportsRepository } from '../src/reports/reports.repository';
import { RollupCompaction } from '../src/reports/rollup-compaction';
import { AddPayDayCaseDates1767400000000 } from '../migrations/1767400000000-AddPayDayCaseDates';
import { runOneMigration } from './support/one-migration';
import { summaryDrift } from './support/summary-drift';
import { Api, TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * Money by the day it was paid, wages apart from labour fees, and a past season's festival view, on
 * the 2019 season entered after the fact (today is 2026-11-30). One district (顺义):
 *
 *   A  opened 2019-01-10  wages 3,000.01 + 5,000.50, labour fees 12,345.67, other 100.00 (20,446.18)
 *                         paid 2019-02-02: 3,000.01 wages + 10,000.00 labour fees (13,000.01)
 *                         paid 2019-02-03: 5,000.50 wages + 2,345.67 labour fees + 100.00 other (7,446.17); closed 2019-02-03
 *   B  opened 2019-01-20  wages 8,000.00; paid 3,000.00 on 2019-02-01 and 5,000.00 on 2019-03-10; closed 2019-03-10
 *   C  opened 2019-02-10  labour fees 6,000.00, nothing paid (received)
 *   D  opened 2018-12-01  wages 2,000.00, withdrawn 2019-01-25
 *   E  opened 2019-01-05  wages 1,000.00 × 2, nothing confirmed (received)
 *
 * The festival of 2019 was on 5 February; its eve, the 4th.
 */
describe('Reports of money by the day it was paid, by kind, and of past seasons', () => {
  let t: TestApp;
  let shunyi: Desk;
  let cityLeader: Api;
  let caseA: any;
  let worker = 0;

  const claim = (kind: 'wages' | 'labour_fees' | 'other', amount: string) => {
    worker += 1;
    return { worker: { name: workerName(worker), idNumber: residentId(worker) }, kind, amountClaimed: amount, periodStart: '2018-06-01', periodEnd: '2018-12-31' };
  };

  async function move(caseId: string, body: Record<string, unknown>) {
    const response = await shunyi.mediator.api.post(`/cases/${caseId}/transitions`, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
  }

  /** Assigned, verified and in mediation on the days given, every claim confirmed as claimed. */
  async function toMediation(caseId: string, verifyingOn: string, mediatingOn: string) {
    expect((await shunyi.mediator.api.post(`/cases/${caseId}/assignment`, { mediatorId: shunyi.mediator.id })).status).toBe(200);
    await move(caseId, { to: 'verifying', on: verifyingOn });
    const list = (await shunyi.lawyer.api.get(`/cases/${caseId}/claims?pageSize=100`)).body.items;
    const confirmed = await shunyi.lawyer.api.post(`/cases/${caseId}/claims/confirmations`, {
      items: list.map((item: any) => ({ claimId: item.id, amountConfirmed: item.amountClaimed })),
    });
    expect(confirmed.status).toBe(200);
    await move(caseId, { to: 'mediating', on: mediatingOn });
    return list as any[];
  }

  async function pay(caseId: string, paidOn: string, items: { claimId: string; amount: string }[]) {
    const response = await shunyi.mediator.api.post(`/cases/${caseId}/payouts`, { paidOn, payerKind: 'employer', channel: 'bank_transfer', items });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  }

  const byAmount = (claims: any[], amount: string) => claims.find((item) => item.amountClaimed === amount).id;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-30T10:00:00+08:00') });
    shunyi = await makeDesk(t);
    cityLeader = (await makeStaff(t, t.rootOrganisationId, 'leader')).api;

    caseA = await openCase(shunyi, {
      intakeDate: '2019-01-10',
      claims: [claim('wages', '3000.01'), claim('wages', '5000.50'), claim('labour_fees', '12345.67'), claim('other', '100.00')],
    });
    const a = await toMediation(caseA.id, '2019-01-12', '2019-01-15');
    await pay(caseA.id, '2019-02-02', [
      { claimId: byAmount(a, '3000.01'), amount: '3000.01' },
      { claimId: byAmount(a, '12345.67'), amount: '10000.00' },
    ]);
    await pay(caseA.id, '2019-02-03', [
      { claimId: byAmount(a, '5000.50'), amount: '5000.50' },
      { claimId: byAmount(a, '12345.67'), amount: '2345.67' },
      { claimId: byAmount(a, '100.00'), amount: '100.00' },
    ]);
    await move(caseA.id, { to: 'closed', outcome: 'paid_in_full', on: '2019-02-03' });

    const caseB = await openCase(shunyi, { intakeDate: '2019-01-20', claims: [claim('wages', '8000.00')] });
    const [b] = await toMediation(caseB.id, '2019-01-21', '2019-01-22');
    await pay(caseB.id, '2019-02-01', [{ claimId: b.id, amount: '3000.00' }]);
    await pay(caseB.id, '2019-03-10', [{ claimId: b.id, amount: '5000.00' }]);
    await move(caseB.id, { to: 'closed', outcome: 'paid_in_full', on: '2019-03-10' });

    await openCase(shunyi, { intakeDate: '2019-02-10', claims: [claim('labour_fees', '6000.00')] });
    const caseD = await openCase(shunyi, { intakeDate: '2018-12-01', claims: [claim('wages', '2000.00')] });
    await move(caseD.id, { to: 'withdrawn', reason: '工人撤回', on: '2019-01-25' });
    await openCase(shunyi, { intakeDate: '2019-01-05', claims: [claim('wages', '1000.00'), claim('wages', '1000.00')] });
  });
  afterAll(() => t.close());

  const money = (total: string, wages: string, labourFees: string, other: string) => ({ total, wages, labourFees, other });
  const NOTHING = money('0.00', '0.00', '0.00', '0.00');
  /** What was paid in February 2019: A in full (2nd and 3rd) and 3,000.00 of B (1st). */
  const FEBRUARY = money('23446.18', '11000.51', '12345.67', '100.00');

  const months = async (api: Api, query: string) =>
    (await api.get(`/reports/breakdowns/month?${query}`)).body.items.map((row: any) => ({
      month: row.key,
      casesOpened: row.casesOpened,
      paidInPeriod: row.paidInPeriod,
    }));

  it('puts each payment under the month it was paid in, not the month the case was opened', async () => {
    expect(await months(shunyi.leader.api, 'from=2019-01-01&to=2019-03-31')).toEqual([
      { month: '2019-01', casesOpened: 3, paidInPeriod: NOTHING },
      { month: '2019-02', casesOpened: 1, paidInPeriod: FEBRUARY },
      // no case opened in March: listed for the money paid in it
      { month: '2019-03', casesOpened: 0, paidInPeriod: money('5000.00', '5000.00', '0.00', '0.00') },
    ]);
  });

  it('counts the days of a period that are not a whole month from the payments themselves', async () => {
    // 15 January to 2 February: B's 3,000.00 of the 1st and A's 13,000.01 of the 2nd, nothing of the 3rd
    const firstDays = money('16000.01', '6000.01', '10000.00', '0.00');
    expect(await months(shunyi.leader.api, 'from=2019-01-15&to=2019-02-02')).toEqual([
      { month: '2019-01', casesOpened: 1, paidInPeriod: NOTHING },
      { month: '2019-02', casesOpened: 0, paidInPeriod: firstDays },
    ]);
    // January whole from the monthly sums, 1-2 February day by day
    expect(await months(shunyi.leader.api, 'from=2019-01-01&to=2019-02-02')).toEqual([
      { month: '2019-01', casesOpened: 3, paidInPeriod: NOTHING },
      { month: '2019-02', casesOpened: 0, paidInPeriod: firstDays },
    ]);
    const summary = (await shunyi.leader.api.get('/reports/summary?from=2019-02-03&to=2019-02-03')).body;
    expect(summary).toMatchObject({ casesOpened: 0, casesClosedInPeriod: 1, paidInPeriod: money('7446.17', '5000.50', '2345.67', '100.00') });
  });

  it("splits the summary's money into wages, labour fees and other, each adding up to its total", async () => {
    const january = (await shunyi.leader.api.get('/reports/summary?from=2019-01-01&to=2019-01-31')).body;
    expect(january).toMatchObject({
      casesOpened: 3,
      casesClosedInPeriod: 1,
      owed: '30446.18',
      owedByKind: money('30446.18', '18000.51', '12345.67', '100.00'),
      recovered: '28446.18',
      recoveredByKind: money('28446.18', '16000.51', '12345.67', '100.00'),
      // of the cases opened in January, only E is not concluded
      unpaid: '2000.00',
      unpaidByKind: money('2000.00', '2000.00', '0.00', '0.00'),
      paidInPeriod: NOTHING,
    });
    const february = (await shunyi.leader.api.get('/reports/summary?from=2019-02-01&to=2019-02-28')).body;
    expect(february).toMatchObject({
      casesOpened: 1,
      casesClosedInPeriod: 1,
      owedByKind: money('6000.00', '0.00', '6000.00', '0.00'),
      recoveredByKind: NOTHING,
      paidInPeriod: FEBRUARY,
    });
    for (const figures of [january, february]) {
      for (const split of [figures.owedByKind, figures.recoveredByKind, figures.unpaidByKind, figures.paidInPeriod]) {
        const fen = (yuan: string) => BigInt(yuan.replace('.', ''));
        expect(fen(split.wages) + fen(split.labourFees) + fen(split.other)).toBe(fen(split.total));
      }
    }
  });

  it('gives every breakdown row the money paid in the period, whichever cases it was paid on', async () => {
    const february = 'from=2019-02-01&to=2019-02-28';
    const byOrganisation = (await cityLeader.get(`/reports/breakdowns/organisation?${february}`)).body.items;
    expect(byOrganisation).toEqual([expect.objectContaining({ key: shunyi.organisation.id, casesOpened: 1, paidInPeriod: FEBRUARY })]);
    const byIndustry = (await cityLeader.get(`/reports/breakdowns/industry?${february}`)).body.items;
    expect(byIndustry).toEqual([expect.objectContaining({ key: 'landscaping', casesOpened: 1, paidInPeriod: FEBRUARY })]);
    const byLawyer = (await cityLeader.get(`/reports/breakdowns/lawyer?${february}`)).body.items;
    expect(byLawyer).toEqual([expect.objectContaining({ key: shunyi.lawyer.id, paidInPeriod: FEBRUARY })]);
    const byMediator = (await cityLeader.get(`/reports/breakdowns/mediator?${february}`)).body.items;
    // C, opened in February, has no mediator; A and B, paid in February, have
    expect(byMediator).toEqual([
      expect.objectContaining({ key: null, casesOpened: 1, paidInPeriod: NOTHING }),
      expect.objectContaining({ key: shunyi.mediator.id, casesOpened: 0, paidInPeriod: FEBRUARY }),
    ]);
    // employers are listed by the cases opened in the period: the employer of C, with what its other cases were paid
    const byEmployer = (await cityLeader.get(`/reports/breakdowns/employer?${february}`)).body.items;
    expect(byEmployer).toEqual([expect.objectContaining({ key: shunyi.employer.id, casesOpened: 1, paidInPeriod: FEBRUARY })]);
    const exported = await cityLeader.getRaw(`/reports/breakdowns/employer?${february}&format=csv`);
    const [header, row] = (await exported.text()).slice(1).trim().split('\r\n').map((line) => line.split(','));
    expect(row[header.indexOf('期内支付金额（元）')]).toBe('23446.18');
    expect(row[header.indexOf('期内支付劳务费（元）')]).toBe('12345.67');
  });

  it("moves the payments of a case with the case when its employer's industry is corrected, and stays exact once folded", async () => {
    await t.app.get(RollupCompaction).compact();
    const current = (await shunyi.lawyer.api.get(`/employers/${shunyi.employer.id}`)).body;
    const corrected = await shunyi.lawyer.api.patch(`/employers/${shunyi.employer.id}`, { version: current.version, industry: 'construction' });
    expect(corrected.status).toBe(200);
    const byIndustry = async () =>
      (await cityLeader.get('/reports/breakdowns/industry?from=2019-01-01&to=2019-03-31')).body.items.map((row: any) => [
        row.key,
        row.casesOpened,
        row.paidInPeriod.total,
      ]);
    expect(await byIndustry()).toEqual([['construction', 4, '28446.18']]);
    await t.app.get(RollupCompaction).compact();
    expect(await byIndustry()).toEqual([['construction', 4, '28446.18']]);
  });

  it("shows the 2019 festival view as it stood at the end of that season's eve", async () => {
    const response = await cityLeader.get('/reports/festival?festivalYear=2019');
    expect(response.status).toBe(200);
    expect(response.body.season).toEqual({ festivalYear: 2019, festival: '2019-02-05', eve: '2019-02-04', daysToEve: -2856, nextTarget: null });
    expect(response.body.asOf).toBe('2019-02-04');
    // open on the eve: B (5,000.00 left after the 1st) and E (2,000.00, not confirmed); A closed on the 3rd,
    // D withdrawn in January, C opened after the eve
    expect(response.body.totals).toEqual({ openCases: 2, casesOwing: 2, workersOwed: 3, unpaid: '7000.00', casesUnverified: 1 });
    expect(response.body.items).toEqual([
      expect.objectContaining({ key: shunyi.organisation.id, openCases: 2, workersOwed: 3, unpaid: '7000.00' }),
    ]);
    // the season before: nothing had been opened yet
    expect((await cityLeader.get('/reports/festival?festivalYear=2018')).body).toMatchObject({ asOf: '2018-02-15', items: [] });
    // without a year: the current season, as it stands today (C and E are open)
    const current = (await cityLeader.get('/reports/festival')).body;
    expect(current).toMatchObject({ season: { festivalYear: 2027, eve: '2027-02-05', daysToEve: 67 }, asOf: '2026-11-30' });
    expect(current.totals).toMatchObject({ openCases: 2, workersOwed: 3, unpaid: '8000.00' });
  });

  const rootPath = async () => (await t.dataSource.query(`SELECT path FROM organisations WHERE id = $1`, [t.rootOrganisationId]))[0].path as string;

  /** What the festival reads as of a day (its two statements read together), for the whole city. */
  const asOf = async (day: string) => t.app.get(ReportsRepository).festival({ path: await rootPath(), organisationId: t.rootOrganisationId }, day);

  /** The festival as of the end of each day, against every claim of the cases open then with its payouts up to then. */
  async function expectAsOfLikeClaimByClaim(days: string[]) {
    for (const day of days) {
      const fromPayDays = await asOf(day);
      // the plain way: every claim of the cases open at the end of the day, with its payouts up to then
      const [oneByOne] = await t.dataSource.query(
        `WITH open_then AS (SELECT id FROM cases WHERE intake_date <= $1::date AND (closed_on IS NULL OR closed_on > $1::date)),
              totals AS (${caseTotalsSql('ARRAY(SELECT id FROM open_then)', '$1::date')})
         SELECT (SELECT count(*) FROM open_then)::int AS open_cases,
                count(*) FILTER (WHERE outstanding_fen::bigint > 0)::int AS cases_owing,
                COALESCE(SUM(workers_owed), 0)::int AS workers_owed,
                COALESCE(SUM(outstanding_fen::bigint), 0)::text AS unpaid_fen,
                count(*) FILTER (WHERE unconfirmed > 0)::int AS cases_unverified
           FROM totals`,
        [day],
      );
      const added = (column: string) => fromPayDays.reduce((sum: bigint, row: any) => sum + BigInt(row[column]), 0n).toString();
      expect({ day, open_cases: added('open_cases'), cases_owing: added('cases_owing'), workers_owed: added('workers_owed'), unpaid_fen: added('unpaid_fen'), cases_unverified: added('cases_unverified') }).toEqual({
        day,
        ...Object.fromEntries(Object.entries(oneByOne).map(([column, value]) => [column, String(value)])),
      });
    }
  }

  it('reads what was owed at the end of any day from the pay days, as the claims add it up one by one', async () => {
    // a claim paid in two payouts on one day, and one confirmed below what it claimed once part was paid
    const extra = await openCase(shunyi, { intakeDate: '2019-01-25', claims: [claim('wages', '4000.00'), claim('other', '900.00')] });
    const [big, small] = await toMediation(extra.id, '2019-01-26', '2019-01-27');
    await pay(extra.id, '2019-02-02', [{ claimId: big.id, amount: '1000.00' }]);
    await pay(extra.id, '2019-02-02', [{ claimId: big.id, amount: '500.00' }, { claimId: small.id, amount: '600.00' }]);
    const lowered = await shunyi.lawyer.api.post(`/cases/${extra.id}/claims/confirmations`, { items: [{ claimId: small.id, amountConfirmed: '600.00' }] });
    expect(lowered.status).toBe(200);
    await pay(extra.id, '2019-03-01', [{ claimId: big.id, amount: '2500.00' }]);

    await expectAsOfLikeClaimByClaim(['2018-12-31', '2019-01-31', '2019-02-01', '2019-02-02', '2019-02-03', '2019-02-04', '2019-02-28', '2019-03-01', '2019-03-10', '2026-11-30']);
    // at the end of the 2nd: A owed three workers, B one, E two; the new case 2,500.00 to its first worker, and
    // nothing to the second, who had been paid the 600.00 confirmed since (the amounts as they stand)
    const [second] = await asOf('2019-02-02');
    expect(second).toMatchObject({ open_cases: 4, workers_owed: 7 });
  });

  it('gives the pay days their cases\' days when first migrated, and keeps them as cases close', async () => {
    const migrate = (step: 'up' | 'down') => runOneMigration(t.dataSource, new AddPayDayCaseDates1767400000000(), step);
    await migrate('down');
    // paid after the 2019 eve while the pay days carried no dates, and closed once they did
    const late = await openCase(shunyi, { intakeDate: '2019-01-28', claims: [claim('wages', '700.00')] });
    const [only] = await toMediation(late.id, '2019-01-29', '2019-01-30');
    await pay(late.id, '2019-02-20', [{ claimId: only.id, amount: '300.00' }]);
    await migrate('up');
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
    await pay(late.id, '2019-02-25', [{ claimId: only.id, amount: '400.00' }]);
    await move(late.id, { to: 'closed', outcome: 'paid_in_full', on: '2019-02-25' });
    const [{ closed }] = await t.dataSource.query(`SELECT array_agg(DISTINCT closed_on::text) AS closed FROM case_pay_days WHERE case_id = $1`, [late.id]);
    expect(closed).toEqual(['2019-02-25']);
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
    await expectAsOfLikeClaimByClaim(['2019-02-04', '2019-02-20', '2019-02-24', '2019-02-25']);
  });

  it('refuses a festival year it has no season for, naming the field', async () => {
    const later = await cityLeader.get('/reports/festival?festivalYear=2028');
    expect(later.status).toBe(400);
    // the current season is the 2027 one: a later one has no figures yet
    expect(later.body.errors).toEqual([{ field: 'festivalYear', code: 'TOO_LARGE', message: '不能大于 2027' }]);
    // the season of 1901 starts in 1900, the first year the festival calendar knows
    const ancient = await cityLeader.get('/reports/festival?festivalYear=1900');
    expect(ancient.status).toBe(400);
    expect(ancient.body.errors).toEqual([{ field: 'festivalYear', code: 'TOO_SMALL', message: '不能小于 1901' }]);
    const words = await cityLeader.get('/reports/festival?festivalYear=去年');
    expect(words.status).toBe(400);
    expect(words.body.errors).toEqual([expect.objectContaining({ field: 'festivalYear', code: 'NOT_AN_INTEGER', message: '应为整数' })]);
  });
});
