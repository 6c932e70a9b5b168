import { yuan as yuanOfFen } from './factories/scenario';
import { allPages, startSeededCity } from './factories/seeded-city';
import {
  REFERENCE_COUNTS_FACTS_SQL,
  REFERENCE_COUNTS_SQL,
  REFERENCE_DIMENSIONS,
  REFERENCE_EMPLOYER_FACTS_SQL,
  REFERENCE_EMPLOYER_SQL,
  REFERENCE_FESTIVAL_AS_OF_FACTS_SQL,
  REFERENCE_FESTIVAL_AS_OF_SQL,
  REFERENCE_FESTIVAL_FACTS_SQL,
  REFERENCE_FESTIVAL_SQL,
  ReferenceDimension,
  referenceDeskSql,
  referenceFactsSql,
  referenceFiguresSql,
  referencePaidInPeriodFactsSql,
  referencePaidInPeriodSql,
} from './support/reference-figures';
import { Api, TestApp } from './support/test-app';
import { EMPLOYER_CANDIDATES_SQL, breakdownSql } from '../src/reports/reports.sql';

jest.setTimeout(300_000);

/**
 * Every figure of every report, on a seeded city of a few thousand cases over several seasons, equals
 * the same figure computed by hand (test/support/reference-figures.ts) both ways: from the base tables,
 * and from the per-case summary (case_facts, case_pay_days). The two references give the same rows, to
 * the fen; the service is held to them for the whole city and for one district, over one season and over
 * all of them.
 */
describe('Reports agree with plain SQL over the base tables and over the per-case summary', () => {
  let t: TestApp;
  let admin: Api;
  let districtLeader: Api;
  let root: { id: string; path: string };
  let district: { id: string; path: string; name: string };

  beforeAll(async () => {
    ({ t, admin, root, district, districtLeader } = await startSeededCity({ cases: 2500, seed: 7 }));
  });
  afterAll(() => t.close());

  /**
   * Runs a reference both ways and returns its rows, after checking that the query over the base tables
   * and the one over the per-case summary gave the same rows (in key order).
   */
  const bothWays = async (base: string, facts: string, params: unknown[]): Promise<any[]> => {
    const byKey = (rows: any[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
    const [fromBase, fromFacts] = [await t.dataSource.query(base, params), await t.dataSource.query(facts, params)];
    expect({ facts, rows: byKey(fromFacts) }).toEqual({ facts, rows: byKey(fromBase) });
    return fromBase;
  };
  const figuresOf = (dimension: ReferenceDimension, params: unknown[]) =>
    bothWays(referenceFiguresSql(dimension), referenceFactsSql(dimension), params);
  const paidInPeriodOf = (dimension: ReferenceDimension, params: unknown[]) =>
    bothWays(referencePaidInPeriodSql(dimension), referencePaidInPeriodFactsSql(dimension), params);

  const periods = [
    { name: 'the 2025-26 season', from: '2025-11-01', to: '2026-02-16' },
    { name: 'every season', from: '2020-01-01', to: '2026-11-22' },
    // days on both sides of the whole months, and days within one month: read from the day rollups
    { name: 'mid-October to mid-February', from: '2025-10-17', to: '2026-02-09' },
    // most of October and of February: both months read whole, less their days outside the period
    { name: 'October from its 8th to February 20th', from: '2025-10-08', to: '2026-02-20' },
    // 2026 read whole from the year rows, less its days after November 22nd; November 2025's last eight days
    { name: 'a year from November 23rd', from: '2025-11-23', to: '2026-11-22' },
    // 2025 read whole, less January and February
    { name: 'March to December 2025', from: '2025-03-01', to: '2025-12-31' },
    // January less its first and last day
    // (a month's payments are mostly on its own cases, paid later: fewer than half of what they recovered)
    { name: 'most of January', from: '2026-01-02', to: '2026-01-30', paidOnEarlierCases: false },
  ];

  /** The reference row as the API shows it. */
  const expected = (row: any) => ({
    casesOpened: row.opened,
    casesConcluded: row.concluded,
    workersHelped: row.workers,
    claimed: yuan(row.claimed_fen),
    confirmed: yuan(row.confirmed_fen),
    owed: yuan(row.owed_fen),
    recovered: yuan(row.recovered_fen),
    unpaid: yuan(row.unpaid_fen),
    casesPaidInFull: row.paid_in_full,
    medianDaysToFullPayment: row.median_days === null ? null : Math.round(row.median_days * 10) / 10,
    p90DaysToFullPayment: row.p90_days === null ? null : Math.round(row.p90_days * 10) / 10,
    completionRate: row.opened ? round4(row.concluded / row.opened) : null,
    owedByKind: byKind(row.owed_fen, row.owed_wages_fen, row.owed_labour_fees_fen, row.owed_other_fen),
    recoveredByKind: byKind(row.recovered_fen, row.recovered_wages_fen, row.recovered_labour_fees_fen, row.recovered_other_fen),
    unpaidByKind: byKind(row.unpaid_fen, row.unpaid_wages_fen, row.unpaid_labour_fees_fen, row.unpaid_other_fen),
  });
  const actual = (item: any) => ({
    casesOpened: item.casesOpened,
    casesConcluded: item.casesConcluded,
    workersHelped: item.workersHelped,
    claimed: item.claimed,
    confirmed: item.confirmed,
    owed: item.owed,
    recovered: item.recovered,
    unpaid: item.unpaid,
    casesPaidInFull: item.casesPaidInFull,
    medianDaysToFullPayment: item.medianDaysToFullPayment,
    p90DaysToFullPayment: item.p90DaysToFullPayment,
    completionRate: item.completionRate,
    owedByKind: item.owedByKind,
    recoveredByKind: item.recoveredByKind,
    unpaidByKind: item.unpaidByKind,
  });
  /** The money paid in the period, as the API shows it, of a reference row (none: nothing paid). */
  const paidOf = (row: any) =>
    row ? byKind(row.paid_fen, row.paid_wages_fen, row.paid_labour_fees_fen, row.paid_other_fen) : byKind('0', '0', '0', '0');

  describe.each(periods)('over $name', ({ from, to, paidOnEarlierCases = true }) => {
    const scopes = () => [
      { name: 'city', api: admin, path: root.path, id: root.id },
      { name: 'district', api: districtLeader, path: district.path, id: district.id },
    ];

    it('has data worth comparing', async () => {
      const [row] = await figuresOf('total', [root.path, root.id, from, to]);
      expect(row.opened).toBeGreaterThan(100);
      expect(BigInt(row.recovered_fen)).toBeGreaterThan(0n);
      expect(row.paid_in_full).toBeGreaterThan(10);
      // money of every kind, and paid in the period on cases opened before it
      expect(BigInt(row.owed_wages_fen)).toBeGreaterThan(0n);
      expect(BigInt(row.owed_labour_fees_fen)).toBeGreaterThan(0n);
      const [paid] = await paidInPeriodOf('total', [root.path, root.id, from, to]);
      expect(BigInt(paid.paid_fen)).toBeGreaterThan(paidOnEarlierCases ? BigInt(row.recovered_fen) / 2n : 0n);
    });

    it('summary: every figure, for the city and for a district', async () => {
      for (const scope of scopes()) {
        const params = [scope.path, scope.id, from, to];
        const [figures] = await figuresOf('total', params);
        const [counts] = await bothWays(REFERENCE_COUNTS_SQL, REFERENCE_COUNTS_FACTS_SQL, params);
        const [paid] = await paidInPeriodOf('total', params);
        const response = await scope.api.get(`/reports/summary?from=${from}&to=${to}`);
        expect(response.status).toBe(200);
        expect({ scope: scope.name, ...actual(response.body) }).toEqual({ scope: scope.name, ...expected(figures) });
        expect({ scope: scope.name, paidInPeriod: response.body.paidInPeriod }).toEqual({ scope: scope.name, paidInPeriod: paidOf(paid) });
        expect(response.body).toMatchObject({
          casesClosedInPeriod: counts.closed_in_period,
          consultations: counts.consultations,
          outreachVisits: counts.outreach_visits,
          recoveryRate: BigInt(figures.owed_fen) > 0n ? round4(Number(BigInt(figures.recovered_fen) * 1_000_000n / BigInt(figures.owed_fen)) / 1_000_000) : null,
        });
      }
    });

    it.each(REFERENCE_DIMENSIONS)('by %s: every group and every figure', async (dimension) => {
      for (const scope of scopes()) {
        const params = [scope.path, scope.id, from, to];
        const reference = await figuresOf(dimension, params);
        const desk: any[] =
          dimension === 'organisation' || dimension === 'lawyer' || dimension === 'month'
            ? await t.dataSource.query(referenceDeskSql(dimension), params)
            : [];
        const paid = await paidInPeriodOf(dimension, params);
        const items = await allPages(scope.api, `/reports/breakdowns/${dimension}?from=${from}&to=${to}`);
        // pages of seven hold the same groups, in the same order, with the same figures (a page's keys are read again by key)
        expect(await allPages(scope.api, `/reports/breakdowns/${dimension}?from=${from}&to=${to}`, 7)).toEqual(items);
        const withCases = items.filter((item) => item.casesOpened > 0);
        expect(withCases.map((item) => item.key).sort()).toEqual(reference.map((row) => row.key).sort());
        for (const row of reference) {
          const item = withCases.find((candidate) => candidate.key === row.key);
          expect({ dimension, key: row.key, ...actual(item) }).toEqual({ dimension, key: row.key, ...expected(row) });
        }
        for (const row of desk) {
          const item = items.find((candidate) => candidate.key === row.key);
          expect({ key: row.key, consultations: item?.consultations, visits: item?.outreachVisits }).toEqual({
            key: row.key,
            consultations: row.consultations,
            visits: row.visits,
          });
        }
        // every group listed has what was paid to it in the period, whichever cases it was paid on
        for (const item of items) {
          const row = paid.find((candidate) => candidate.key === item.key);
          expect({ dimension, key: item.key, paidInPeriod: item.paidInPeriod }).toEqual({ dimension, key: item.key, paidInPeriod: paidOf(row) });
        }
        // every group paid in the period is listed, but employers and projects (too many to roll up by the month
        // they were paid in) only with cases opened in it
        if (dimension !== 'employer' && dimension !== 'project') {
          expect(items.map((item) => item.key).sort()).toEqual(expect.arrayContaining(paid.map((row) => row.key).sort()));
        }
        // groups without cases are there only for their desk work or the money paid to them
        for (const item of items.filter((candidate) => candidate.casesOpened === 0)) {
          expect((item.consultations ?? 0) + (item.outreachVisits ?? 0) > 0 || item.paidInPeriod.total !== '0.00').toBe(true);
        }
        if (dimension === 'employer') {
          const opened = withCases.map((item) => item.casesOpened);
          expect(opened).toEqual([...opened].sort((a, b) => b - a));
          // repeat offenders first, and among as many cases, the most still owed first, across every page
          const outOfOrder = withCases.filter(
            (item, i) => i > 0 && item.casesOpened === withCases[i - 1].casesOpened && Number(item.unpaid) > Number(withCases[i - 1].unpaid),
          );
          expect(outOfOrder).toEqual([]);
        }
      }
    });
  });

  it('by employer: a page read among its candidates is the page read among every employer, with or without more after it', async () => {
    let leftOut = 0;
    for (const { from, to } of periods) {
      for (const scope of [root, district]) {
        const [{ ids }] = await t.dataSource.query(`SELECT array_agg(id)::text[] AS ids FROM organisations WHERE path LIKE $1 || '%'`, [scope.path]);
        const period = [from, to, ids];
        const groups = (await t.dataSource.query(breakdownSql('employer', 'every row'), [...period, null, 0])).length;
        for (const [limit, offset] of [[1, 0], [7, 0], [7, 7], [7, 35], [20, 0], [20, 20], [200, 0], [7, Math.max(0, groups - 3)], [7, groups]]) {
          const through = offset + limit;
          const [{ fewest_cases, candidates }] = await t.dataSource.query(EMPLOYER_CANDIDATES_SQL, [...period, 4 * through, through, 100_000]);
          const amongEvery = await t.dataSource.query(breakdownSql('employer'), [...period, limit, offset]);
          const amongCandidates = await t.dataSource.query(breakdownSql('employer', 'page of candidates'), [...period, limit, offset, fewest_cases]);
          expect({ from, to, limit, offset, rows: amongCandidates }).toEqual({ from, to, limit, offset, rows: amongEvery });
          expect(amongEvery.every((row: any) => row.more === (through < groups))).toBe(true);
          const [{ employers }] = await t.dataSource.query(`SELECT count(*)::int AS employers FROM employer_case_counts`);
          leftOut = Math.max(leftOut, employers - candidates);
        }
      }
    }
    // the candidates were fewer than every employer on some pages: the bound was put to the test
    expect(leftOut).toBeGreaterThan(0);
  });

  it('before the festival: what every group of the scope still owes', async () => {
    for (const [api, scope] of [
      [admin, root],
      [districtLeader, district],
    ] as const) {
      const reference = await bothWays(REFERENCE_FESTIVAL_SQL, REFERENCE_FESTIVAL_FACTS_SQL, [scope.path, scope.id]);
      const response = await api.get('/reports/festival');
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: any) => item.key).sort()).toEqual(reference.map((row) => row.key).sort());
      for (const row of reference) {
        expect(response.body.items.find((item: any) => item.key === row.key)).toMatchObject({
          openCases: row.open_cases,
          casesOwing: row.cases_owing,
          workersOwed: row.workers_owed,
          unpaid: yuan(row.unpaid_fen),
          casesUnverified: row.cases_unverified,
        });
      }
    }
  });

  it.each([2025, 2026])('before the festival of %i: what every group owed at the end of the eve', async (festivalYear) => {
    const eve = { 2025: '2025-01-28', 2026: '2026-02-16' }[festivalYear]!;
    for (const [api, scope] of [
      [admin, root],
      [districtLeader, district],
    ] as const) {
      const reference = await bothWays(REFERENCE_FESTIVAL_AS_OF_SQL, REFERENCE_FESTIVAL_AS_OF_FACTS_SQL, [scope.path, scope.id, eve]);
      expect(reference.reduce((sum, row) => sum + row.open_cases, 0)).toBeGreaterThan(10);
      const response = await api.get(`/reports/festival?festivalYear=${festivalYear}`);
      expect(response.status).toBe(200);
      expect(response.body.season).toMatchObject({ festivalYear, eve });
      expect(response.body.asOf).toBe(eve);
      expect(response.body.items.map((item: any) => item.key).sort()).toEqual(reference.map((row) => row.key).sort());
      for (const row of reference) {
        expect(response.body.items.find((item: any) => item.key === row.key)).toMatchObject({
          openCases: row.open_cases,
          casesOwing: row.cases_owing,
          workersOwed: row.workers_owed,
          unpaid: yuan(row.unpaid_fen),
          casesUnverified: row.cases_unverified,
        });
      }
    }
  });

  it("an employer's record: the repeat offenders' cases and money in each scope", async () => {
    const offenders: { id: string; credit_code: string }[] = await t.dataSource.query(
      `SELECT e.id, e.credit_code FROM employers e JOIN case_employers ce ON ce.employer_id = e.id
        WHERE e.credit_code IS NOT NULL GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 3`,
    );
    // the workers still owed on the offenders' cases (which the service reads for the criminal-amount test)
    let owedWorkers = 0;
    for (const offender of offenders) {
      for (const [api, scope] of [
        [admin, root],
        [districtLeader, district],
      ] as const) {
        const [row] = await bothWays(REFERENCE_EMPLOYER_SQL, REFERENCE_EMPLOYER_FACTS_SQL, [offender.id, scope.path]);
        owedWorkers += row.detail.reduce((sum: number, one: any) => sum + one.owed_workers.length, 0);
        const response = await api.get(`/reports/employers/${offender.credit_code}`);
        expect(response.status).toBe(200);
        expect(response.body.totals).toMatchObject({
          cases: row.cases,
          claimed: yuan(row.claimed_fen),
          owed: yuan(row.owed_fen),
          paid: yuan(row.paid_fen),
        });
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(
          [...response.body.cases].sort(byId).map((one: any) => ({
            id: one.id,
            workers: one.workers,
            workersOwed: one.workersOwed,
            claimed: one.claimed,
            owed: one.owed,
            paid: one.paid,
          })),
        ).toEqual(
          [...row.detail].sort(byId).map((one: any) => ({
            id: one.id,
            workers: one.workers,
            workersOwed: one.workers_owed,
            claimed: yuan(one.claimed_fen),
            owed: yuan(one.owed_fen),
            paid: yuan(one.paid_fen),
          })),
        );
      }
    }
    expect(owedWorkers).toBeGreaterThan(0);
  });
});


const yuan = (fen: string) => yuanOfFen(BigInt(fen));

/** An amount by kind of claim as the API shows it. */
function byKind(total: string, wages: string, labourFees: string, other: string) {
  expect(BigInt(wages) + BigInt(labourFees) + BigInt(other)).toBe(BigInt(total));
  return { total: yuan(total), wages: yuan(wages), labourFees: yuan(labourFees), other: yuan(other) };
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
