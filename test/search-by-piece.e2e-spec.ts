import { mobile, residentId } from './factories/identities';
import { Desk, makeDesk, nextNumber, openCase } from './factories/scenario';
import { summaryDrift } from './support/summary-drift';
import { TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * A search of two characters (a given name alone, 丽华) is answered from the cases' own pieces of their
 * workers' names (case_name_pieces, issue 17), counted and put in intake order there, in the caller's
 * scope. These are the ways its answer could go stale or wrong: several workers of one case so named,
 * another district's cases, a page past the last, a worker's name corrected, a case handed to another
 * organisation; and the same search with a filter, which takes the list's general way, must agree.
 */
describe('Searching two characters of a name', () => {
  let t: TestApp;
  let districtA: Desk;
  let districtB: Desk;
  let centreOfA: Desk;
  const cases: Record<'a1' | 'a2' | 'b1', { id: string; caseNumber: string }> = {} as never;
  const q = (text: string) => encodeURIComponent(text);

  function worker(name: string) {
    const n = nextNumber() * 10_000;
    return { worker: { name, idNumber: residentId(n), mobile: mobile(n) }, amountClaimed: '1000.00' };
  }

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-01T10:00:00+08:00') });
    districtA = await makeDesk(t);
    districtB = await makeDesk(t);
    centreOfA = await makeDesk(t, { kind: 'service_center', parentId: districtA.organisation.id });
    cases.a1 = await openCase(districtA, { intakeDate: '2026-11-20', claims: [worker('赵丽华'), worker('王强')] });
    cases.b1 = await openCase(districtB, { intakeDate: '2026-11-21', claims: [worker('李丽华')] });
    cases.a2 = await openCase(districtA, { intakeDate: '2026-11-22', claims: [worker('钱丽华'), worker('孙丽华')] });
  });
  afterAll(() => t?.close());

  async function search(api: Desk['lawyer']['api'], query: string): Promise<{ numbers: string[]; total: number }> {
    const answer = await api.get(`/cases?${query}`);
    if (answer.status !== 200) throw new Error(`GET /cases?${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { numbers: answer.body.items.map((item: { caseNumber: string }) => item.caseNumber), total: answer.body.total };
  }
  const numbers = (...names: (keyof typeof cases)[]) => names.map((name) => cases[name].caseNumber);

  it('finds each case once, newest intake first or oldest first, a page at a time', async () => {
    expect(await search(t.admin, `q=${q('丽华')}`)).toEqual({ numbers: numbers('a2', 'b1', 'a1'), total: 3 });
    expect(await search(t.admin, `q=${q('丽华')}&sort=intakeDate:asc`)).toEqual({ numbers: numbers('a1', 'b1', 'a2'), total: 3 });
    expect(await search(t.admin, `q=${q('丽华')}&pageSize=2&page=2`)).toEqual({ numbers: numbers('a1'), total: 3 });
    expect(await search(t.admin, `q=${q('丽华')}&pageSize=2&page=3`)).toEqual({ numbers: [], total: 3 });
    // sorted otherwise, the list's general way finds the same cases
    expect((await search(t.admin, `q=${q('丽华')}&sort=caseNumber:asc`)).numbers).toEqual(numbers('a1', 'a2', 'b1').sort());
  });

  it("finds only the caller's own district's cases, and agrees with the same search filtered", async () => {
    expect(await search(districtA.lawyer.api, `q=${q('丽华')}`)).toEqual({ numbers: numbers('a2', 'a1'), total: 2 });
    expect(await search(districtB.lawyer.api, `q=${q('丽华')}`)).toEqual({ numbers: numbers('b1'), total: 1 });
    expect(await search(districtA.lawyer.api, `q=${q('丽华')}&status=received`)).toEqual({ numbers: numbers('a2', 'a1'), total: 2 });
    expect(await search(districtA.lawyer.api, `q=${q('丽华')}&intakeTo=2026-11-21`)).toEqual({ numbers: numbers('a1'), total: 1 });
    // two characters of an employer's name are found the same way, in scope too
    const employerPiece = [...districtB.employer.name].slice(0, 2).join('');
    expect((await search(districtB.lawyer.api, `q=${q(employerPiece)}`)).numbers).toEqual(numbers('b1'));
  });

  it("follows a worker's corrected name", async () => {
    const [found] = (await districtB.lawyer.api.get(`/workers?q=${q('李丽华')}`)).body.items;
    const corrected = await districtB.lawyer.api.patch(`/workers/${found.id}`, { version: found.version, name: '李丽花' });
    expect(corrected.status).toBe(200);
    expect(await search(districtB.lawyer.api, `q=${q('丽华')}`)).toEqual({ numbers: [], total: 0 });
    expect(await search(districtB.lawyer.api, `q=${q('丽花')}`)).toEqual({ numbers: numbers('b1'), total: 1 });
  });

  it('follows a case handed to another organisation', async () => {
    const handed = await districtA.clerk.api.post(`/cases/${cases.a1.id}/dispatch`, { organisationId: centreOfA.organisation.id });
    expect(handed.status).toBe(200);
    expect(await search(centreOfA.lawyer.api, `q=${q('丽华')}`)).toEqual({ numbers: numbers('a1'), total: 1 });
    expect(await search(districtA.lawyer.api, `q=${q('丽华')}`)).toEqual({ numbers: numbers('a2', 'a1'), total: 2 });
  });

  it('keeps the pieces equal to the names they come from', async () => {
    expect(await summaryDrift((sql) => t.dataSource.query(sql))).toEqual([]);
  });
});
