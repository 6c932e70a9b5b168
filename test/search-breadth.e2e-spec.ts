import { SEARCH_MATCHES_MAX } from '../src/database/search-breadth';
import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

jest.setTimeout(300_000);

/**
 * A search whose text is in more names than a list is for (a surname alone, 公司) is refused with a
 * 400 on `q` that says what to type instead, before it runs: at a city's size such a search took 8-30 s
 * and held a database connection (issue 17). Up to SEARCH_MATCHES_MAX matches it searches as before.
 * The many names are written straight into the tables: twenty thousand workers through the API would
 * take minutes and prove nothing more.
 */
describe('A search too broad to list', () => {
  let t: TestApp;
  let desk: Desk;
  let caseId: string;
  const q = (text: string) => encodeURIComponent(text);

  /**
   * `count` more workers named 宽泛… with a claim each on the case (their id numbers sealed as the first one's, under
   * keys of their own), and as many employers and projects named so.
   */
  async function addNames(from: number, count: number): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO workers (name, id_number_sealed, id_number_hash)
       SELECT '宽泛' || n, (SELECT id_number_sealed FROM workers WHERE name = '宽泛测试'), 'breadth-' || n FROM generate_series($1::int, $2::int) n`,
      [from, from + count - 1],
    );
    await t.dataSource.query(
      `INSERT INTO claims (case_id, worker_id, kind, claimed_fen, position)
       SELECT $1, w.id, 'wages', 100, 1 + (SELECT max(position) FROM claims WHERE case_id = $1) + row_number() OVER (ORDER BY w.id)
         FROM workers w WHERE w.id_number_hash LIKE 'breadth-%' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.worker_id = w.id)`,
      [caseId],
    );
    await t.dataSource.query(
      `INSERT INTO employers (name, kind) SELECT '宽泛包工头' || n, 'individual_contractor' FROM generate_series($1::int, $2::int) n`,
      [from, from + count - 1],
    );
    await t.dataSource.query(`INSERT INTO projects (name) SELECT '宽泛工地' || n FROM generate_series($1::int, $2::int) n`, [from, from + count - 1]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    desk = await makeDesk(t);
    const opened = await openCase(desk, { claims: [{ worker: { name: '宽泛测试', idNumber: residentId(1) }, amountClaimed: '100.00' }] });
    caseId = opened.id;
    // with the worker opened above, exactly the most a search may match
    await addNames(1, SEARCH_MATCHES_MAX - 1);
  });
  afterAll(() => t.close());

  it('searches as before up to the limit: the cases, the workers, the employers and the projects', async () => {
    const cases = await desk.lawyer.api.get(`/cases?q=${q('宽泛')}`);
    expect(cases.status).toBe(200);
    expect(cases.body.items.map((item: any) => item.id)).toEqual([caseId]);
    const workers = await desk.lawyer.api.get(`/workers?q=${q('宽泛')}&pageSize=5`);
    expect([workers.status, workers.body.total]).toEqual([200, SEARCH_MATCHES_MAX]);
    const employers = await desk.lawyer.api.get(`/employers?q=${q('宽泛')}&pageSize=5`);
    expect([employers.status, employers.body.total]).toEqual([200, SEARCH_MATCHES_MAX - 1]);
    const projects = await desk.lawyer.api.get(`/projects?q=${q('宽泛')}&pageSize=5`);
    expect([projects.status, projects.body.total]).toEqual([200, SEARCH_MATCHES_MAX - 1]);
  });

  it('refuses one match more with a 400 on q that says what to type instead, in the lists and the export alike', async () => {
    await addNames(SEARCH_MATCHES_MAX, 2);
    const tooBroad = { field: 'q', code: 'SEARCH_TOO_BROAD' };
    for (const path of [`/cases?q=${q('宽泛')}`, `/cases?q=${q('宽泛')}&page=999`, `/workers?q=${q('宽泛')}`, `/employers?q=${q('宽泛')}`, `/projects?q=${q('宽泛')}`, `/cases/export?q=${q('宽泛')}&format=csv`]) {
      const answer = await desk.lawyer.api.get(path);
      expect([path, answer.status, answer.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(answer.body.errors).toEqual([expect.objectContaining(tooBroad)]);
    }
    const [error] = (await desk.lawyer.api.get(`/cases?q=${q('宽泛')}`)).body.errors;
    expect(error.message).toBe('含有这几个字的记录超过 20,000 条，无法列出：请多输入几个字（完整的姓名或单位名称）、案件编号，或完整的身份证号');
    const english = await desk.lawyer.api.get(`/workers?q=${q('宽泛')}`, { 'accept-language': 'en' });
    expect(english.body.errors[0].message).toContain('more than 20,000 records');

    // more of the name, or a whole id number, searches
    const named = await desk.lawyer.api.get(`/cases?q=${q('宽泛测试')}`);
    expect([named.status, named.body.items.map((item: any) => item.id)]).toEqual([200, [caseId]]);
    const byIdNumber = await desk.lawyer.api.get(`/workers?q=${residentId(1)}`);
    expect([byIdNumber.status, byIdNumber.body.items.map((item: any) => item.name)]).toEqual([200, ['宽泛测试']]);
  });

  it("counts a two-character search's workers in the caller's scope: another district's lawyer is answered, not refused", async () => {
    const elsewhere = await makeDesk(t);
    const answer = await elsewhere.lawyer.api.get(`/cases?q=${q('宽泛')}`);
    expect([answer.status, answer.body.total]).toEqual([200, 0]);
    // three characters are looked up by the name index across the city, as before
    const longer = await elsewhere.lawyer.api.get(`/cases?q=${q('宽泛1')}`);
    expect([longer.status, longer.body.total]).toEqual([200, 0]);
  });
});
