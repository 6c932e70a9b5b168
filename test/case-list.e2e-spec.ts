import { randomUUID } from 'node:crypto';
import { mobile, residentId } from './factories/identities';
import { makeEmployer, makeOrganisation, makeStaff, makeUser, nextNumber } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

// Starting the service on a fresh database takes a few seconds: more than Jest's default 5 s for a hook.
jest.setTimeout(120_000);

/**
 * GET /cases and GET /cases/:id over a small city. Below the 北京 city federation at the top of the
 * tree (code BJ, made by the harness) sit its 京北 office (BJB), the 顺义 district federation below
 * that, a 顺义 service center below that, and the 海淀 federation, which is not under 京北. Seven
 * cases with different statuses, intake dates, employers, lawyers, mediators and workers; every filter
 * must return exactly the cases a clerk expects, by case number.
 *
 * A user sees only the cases of their own organisation and those below it, so each case is opened
 * and moved by staff of its own organisation, and the list is read by a leader of the city federation
 * at the top, whose scope holds all seven.
 */
describe('Case list and case view', () => {
  let t: TestApp;
  /** A leader of the city federation at the top of the tree: every case below is in their scope. */
  let reader: Api;

  // Case numbers, given the organisation codes and intake years below.
  const N1 = 'BJB-2026-00001'; // 京北, received, 2026-10-08, 宏达 (employer), lawyer A
  const N2 = 'SY-2026-00001'; // 顺义, verifying, 2026-11-02, E2 (employer) + 宏达 (general contractor), lawyer B, mediator A
  const N3 = 'SY-2027-00001'; // 顺义, paying, 2027-01-15, E3, lawyer B, mediator A, 欧阳春花 among its workers
  const N4 = 'SY-2026-00002'; // 顺义, withdrawn, 2026-12-20, E2 (opened after N3: numbering goes back to 2026)
  const N5 = 'SYJD-2027-00001'; // 顺义 service center, received, 2027-02-10, 宏达, lawyer A
  const N6 = 'HD-2026-00001'; // 海淀 (not under 京北), rejected, 2026-11-25, E3, mediator B
  const N7 = 'BJB-2027-00001'; // 京北, received, 2027-02-28, E2, lawyer A, mediator B
  const ALL = [N1, N2, N3, N4, N5, N6, N7];

  const ids: Record<string, string> = {};
  const opened: Record<string, any> = {};
  let org: Record<'BJB' | 'SY' | 'SYJD' | 'HD', any>;
  let people: Record<'lawyerA' | 'lawyerB' | 'mediatorA' | 'mediatorB' | 'clerkHD', any>;
  let employers: Record<'hongda' | 'e2' | 'e3', any>;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-03-01T10:00:00+08:00') });
    const BJB = await makeOrganisation(t, { code: 'BJB', name: '北京市总工会京北工作部', kind: 'city_federation' });
    const SY = await makeOrganisation(t, { code: 'SY', name: '顺义区总工会', parentId: BJB.id });
    const SYJD = await makeOrganisation(t, {
      code: 'SYJD',
      name: '顺义区职工服务中心',
      kind: 'service_center',
      parentId: SY.id,
    });
    const HD = await makeOrganisation(t, { code: 'HD', name: '海淀区总工会' });
    org = { BJB, SY, SYJD, HD };
    people = {
      lawyerA: await staff(BJB.id, 'lawyer', '甲律师'),
      lawyerB: await staff(SY.id, 'lawyer', '乙律师'),
      mediatorA: await staff(SY.id, 'mediator', '丙调解员'),
      // The city's own mediator: the only one who can be assigned to both 海淀's and 京北's cases.
      mediatorB: await staff(t.rootOrganisationId, 'mediator', '丁调解员'),
      // 海淀's intake clerk opens its case: no one of 京北 or 顺义 can see 海淀.
      clerkHD: await staff(HD.id, 'intake_clerk', '戊受理员'),
    };
    reader = (await makeStaff(t, t.rootOrganisationId, 'leader')).api;
    const registrar = people.lawyerA.api;
    employers = {
      hongda: await makeEmployer(registrar, { name: '北京宏达建筑劳务有限公司', industry: 'construction' }),
      e2: await makeEmployer(registrar),
      e3: await makeEmployer(registrar),
    };
    const simaJianguo = worker('司马建国');

    await open(N1, people.lawyerA.api, {
      organisationId: BJB.id,
      intakeDate: '2026-10-08',
      employers: [{ employerId: employers.hongda.id, role: 'employer' }],
      lawyerId: people.lawyerA.id,
      claims: [claim(worker('赵铁柱'), '12000.50'), claim(worker('钱二牛'), '8000.00')],
    });
    await open(N2, people.lawyerB.api, {
      organisationId: SY.id,
      intakeDate: '2026-11-02',
      employers: [
        { employerId: employers.e2.id, role: 'employer' },
        { employerId: employers.hongda.id, role: 'general_contractor' },
      ],
      lawyerId: people.lawyerB.id,
      mediatorId: people.mediatorA.id,
      claims: [claim(simaJianguo, '6600.00')],
    });
    await open(N3, people.lawyerB.api, {
      organisationId: SY.id,
      intakeDate: '2027-01-15',
      employers: [{ employerId: employers.e3.id, role: 'employer' }],
      lawyerId: people.lawyerB.id,
      mediatorId: people.mediatorA.id,
      claims: [claim(worker('欧阳春花'), '10000.00'), claim(worker('孙小军'), '7500.25'), claim(worker('李大勇'), '3000.00')],
    });
    await open(N4, people.lawyerB.api, {
      organisationId: SY.id,
      intakeDate: '2026-12-20',
      employers: [{ employerId: employers.e2.id, role: 'employer' }],
    });
    await open(N5, people.lawyerA.api, {
      organisationId: SYJD.id,
      intakeDate: '2027-02-10',
      employers: [{ employerId: employers.hongda.id, role: 'employer' }],
      lawyerId: people.lawyerA.id,
    });
    await open(N6, people.clerkHD.api, {
      organisationId: HD.id,
      intakeDate: '2026-11-25',
      employers: [{ employerId: employers.e3.id, role: 'employer' }],
      mediatorId: people.mediatorB.id,
      claims: [claim(simaJianguo, '4400.00')],
    });
    await open(N7, people.lawyerA.api, {
      organisationId: BJB.id,
      intakeDate: '2027-02-28',
      employers: [{ employerId: employers.e2.id, role: 'employer' }],
      lawyerId: people.lawyerA.id,
      mediatorId: people.mediatorB.id,
    });

    await move(N2, people.mediatorA.api, { to: 'verifying' });
    await move(N3, people.mediatorA.api, { to: 'verifying' });
    await move(N3, people.mediatorA.api, { to: 'mediating' });
    await move(N4, people.mediatorA.api, { to: 'withdrawn', reason: '劳动者已与公司自行和解' });
    await move(N6, people.mediatorB.api, {
      to: 'rejected',
      reason: '属于劳动合同解除争议，非欠薪',
      referredTo: '海淀区劳动人事争议仲裁委员会',
    });

    // N3: amounts checked and confirmed by its lawyer (欧阳春花's lowered to 9800.00), then 5000.00
    // paid to her, recorded by its mediator.
    const n3Claims = (await people.lawyerB.api.get(`/cases/${ids[N3]}/claims`)).body.items as any[];
    const byName = (name: string) => n3Claims.find((c) => c.worker.name === name);
    const confirmed = await people.lawyerB.api.post(`/cases/${ids[N3]}/claims/confirmations`, {
      items: [
        { claimId: byName('欧阳春花').id, amountConfirmed: '9800.00' },
        { claimId: byName('孙小军').id, amountConfirmed: '7500.25' },
        { claimId: byName('李大勇').id, amountConfirmed: '3000.00' },
      ],
    });
    expect(confirmed.status).toBe(200);
    const paid = await people.mediatorA.api.post(`/cases/${ids[N3]}/payouts`, {
      paidOn: '2027-02-20',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: [{ claimId: byName('欧阳春花').id, amount: '5000.00' }],
    });
    expect(paid.status).toBe(201);
  });
  afterAll(() => t?.close());

  /** A user of the organisation with the given role and display name, logged in (`.api`). */
  async function staff(organisationId: string, role: string, displayName: string) {
    const user = await makeUser(t, organisationId, role, { displayName });
    return { ...user, api: await t.login(user.username) };
  }

  function worker(name: string) {
    const n = nextNumber() * 10_000;
    return { name, idNumber: residentId(n), mobile: mobile(n) };
  }

  function claim(who: ReturnType<typeof worker>, amountClaimed: string) {
    return { worker: who, amountClaimed };
  }

  async function open(expectedNumber: string, api: Api, body: Record<string, unknown>) {
    const response = await api.post('/cases', { intakeChannel: 'walk_in', summary: '拖欠工资', ...body });
    if (response.status !== 201) throw new Error(`opening ${expectedNumber}: ${response.status} ${JSON.stringify(response.body)}`);
    ids[expectedNumber] = response.body.id;
    opened[expectedNumber] = response.body;
  }

  async function move(caseNumber: string, api: Api, body: Record<string, unknown>) {
    const response = await api.post(`/cases/${ids[caseNumber]}/transitions`, body);
    if (response.status !== 200) throw new Error(`${caseNumber} ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** The case numbers GET /cases answers for a query string, in the order given. */
  async function caseNumbers(query: string): Promise<string[]> {
    const response = await reader.get(`/cases?pageSize=200&${query}`);
    if (response.status !== 200) throw new Error(`GET /cases?${query}: ${response.status} ${JSON.stringify(response.body)}`);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items.map((item: any) => item.caseNumber);
  }

  /** As caseNumbers, order ignored. */
  async function found(query: string): Promise<string[]> {
    return (await caseNumbers(query)).sort();
  }

  const sorted = (...numbers: string[]) => [...numbers].sort();

  it('numbers cases per organisation and intake year, starting again at 00001 for 2027', () => {
    expect(Object.fromEntries(ALL.map((n) => [n, opened[n].caseNumber]))).toEqual(Object.fromEntries(ALL.map((n) => [n, n])));
    expect(opened[N3].intakeDate).toBe('2027-01-15');
    expect(opened[N4].intakeDate).toBe('2026-12-20');
  });

  it('lists every case, newest intake first, when no filter is given', async () => {
    const response = await reader.get('/cases');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 7, page: 1, pageSize: 20 });
    expect(response.body.items.map((item: any) => item.caseNumber)).toEqual([N7, N5, N3, N4, N6, N2, N1]);
  });

  it('filters by one status', async () => {
    expect(await found('status=received')).toEqual(sorted(N1, N5, N7));
    expect(await found('status=paying')).toEqual([N3]);
    expect(await found('status=closed')).toEqual([]);
  });

  it('filters by a comma-separated list of statuses', async () => {
    expect(await found('status=received,paying')).toEqual(sorted(N1, N3, N5, N7));
    expect(await found(`status=${encodeURIComponent('withdrawn, rejected')}`)).toEqual(sorted(N4, N6));
  });

  it('filters by organisation, including every organisation below it', async () => {
    expect(await found(`organisationId=${t.rootOrganisationId}`)).toEqual(sorted(...ALL));
    expect(await found(`organisationId=${org.BJB.id}`)).toEqual(sorted(N1, N2, N3, N4, N5, N7));
    expect(await found(`organisationId=${org.SY.id}`)).toEqual(sorted(N2, N3, N4, N5));
    expect(await found(`organisationId=${org.SYJD.id}`)).toEqual([N5]);
    expect(await found(`organisationId=${org.HD.id}`)).toEqual([N6]);
    expect(await found(`organisationId=${randomUUID()}`)).toEqual([]);
  });

  it('filters by employer, whatever its role in the case', async () => {
    expect(await found(`employerId=${employers.hongda.id}`)).toEqual(sorted(N1, N2, N5));
    expect(await found(`employerId=${employers.e2.id}`)).toEqual(sorted(N2, N4, N7));
    expect(await found(`employerId=${employers.e3.id}`)).toEqual(sorted(N3, N6));
  });

  it('filters by lawyer and by mediator', async () => {
    expect(await found(`lawyerId=${people.lawyerA.id}`)).toEqual(sorted(N1, N5, N7));
    expect(await found(`lawyerId=${people.lawyerB.id}`)).toEqual(sorted(N2, N3));
    expect(await found(`mediatorId=${people.mediatorA.id}`)).toEqual(sorted(N2, N3));
    expect(await found(`mediatorId=${people.mediatorB.id}`)).toEqual(sorted(N6, N7));
    expect(await found(`lawyerId=${people.lawyerB.id}&mediatorId=${people.mediatorB.id}`)).toEqual([]);
  });

  it('filters by intake date, both ends included', async () => {
    expect(await found('intakeFrom=2026-11-25&intakeTo=2027-01-15')).toEqual(sorted(N3, N4, N6));
    expect(await found('intakeFrom=2027-01-01')).toEqual(sorted(N3, N5, N7));
    expect(await found('intakeTo=2026-11-02')).toEqual(sorted(N1, N2));
    expect(await found('intakeFrom=2027-02-28&intakeTo=2027-02-28')).toEqual([N7]);
  });

  it('finds cases by part of the case number, in any letter case', async () => {
    expect(await found('q=SY-2026')).toEqual(sorted(N2, N4));
    expect(await found('q=sy-2027')).toEqual([N3]);
    expect(await found('q=2027-00001')).toEqual(sorted(N3, N5, N7));
  });

  // The trigram index is asked for a whole number without its year (cases.sql.ts, caseNumberIndexPattern):
  // SY-2026-00001 and SY-2027-00001 both hold SY-…-00001, and the year tells them apart after.
  it('finds a whole case number as it is written, not the same number of another year', async () => {
    expect(await found('q=SY-2026-00001')).toEqual([N2]);
    expect(await found('q=sy-2027-00001')).toEqual([N3]);
    expect(await found('q=YJD-2027-00001')).toEqual([N5]);
    expect(await found('q=BJB-2026-00002')).toEqual([]);
  });

  it("finds cases by part of a worker's name, on every case the worker is on", async () => {
    expect(await found(`q=${encodeURIComponent('欧阳')}`)).toEqual([N3]);
    expect(await found(`q=${encodeURIComponent('司马建国')}`)).toEqual(sorted(N2, N6));
    expect(await found(`q=${encodeURIComponent('王麻子')}`)).toEqual([]);
  });

  it("finds cases by part of an employer's name, whatever its role", async () => {
    expect(await found(`q=${encodeURIComponent('宏达')}`)).toEqual(sorted(N1, N2, N5));
  });

  // Names are found through their index of one- and two-character pieces (a Chinese name is too short
  // for trigrams): every piece of a name, wherever it stands in it, must find it, and nothing else.
  it('finds a name by any piece of it: one character, the middle of a compound surname, the given name', async () => {
    expect(await found(`q=${encodeURIComponent('春')}`)).toEqual([N3]);
    expect(await found(`q=${encodeURIComponent('阳春')}`)).toEqual([N3]);
    expect(await found(`q=${encodeURIComponent('建国')}`)).toEqual(sorted(N2, N6));
    expect(await found(`q=${encodeURIComponent('宏达建筑')}`)).toEqual(sorted(N1, N2, N5));
    // every piece present, but not in this order
    expect(await found(`q=${encodeURIComponent('春阳')}`)).toEqual([]);
    expect(await found(`q=${encodeURIComponent(' 欧阳春花 ')}`)).toEqual([N3]);
  });

  it('finds the same pieces in the workers and the employers lists', async () => {
    const names = async (list: string, q: string) =>
      ((await reader.get(`/${list}?q=${encodeURIComponent(q)}&pageSize=100`)).body.items as { name: string }[]).map((item) => item.name);
    expect(await names('workers', '阳春')).toEqual(['欧阳春花']);
    expect(await names('workers', '建国')).toEqual(['司马建国']);
    expect(await names('workers', '春阳')).toEqual([]);
    expect(await names('employers', '达建筑劳')).toEqual(['北京宏达建筑劳务有限公司']);
    expect(await names('employers', '宏建')).toEqual([]);
  });

  // A GIN index's pending list is read whole by every search until a vacuum empties it, and the embedded
  // database has no autovacuum (migrations/1767700000000): every GIN index, a new one too, writes its entries at once.
  it('keeps no pending entries in any search index', async () => {
    const indexes: { name: string; options: string[] | null }[] = await t.dataSource.query(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' ORDER BY 1`,
    );
    expect(indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining(['cases_case_number_trgm_idx', 'employers_name_grams_idx', 'projects_name_grams_idx', 'workers_name_grams_idx']),
    );
    expect(indexes.filter((index) => !index.options?.includes('fastupdate=off'))).toEqual([]);
  });

  // A scope of the whole tree is known to see every worker without checking each one's cases (workers.repository.ts)
  it("lists every worker to a scope of the whole tree, and to another only those on its cases", async () => {
    const names = async (api: Api, q: string) =>
      ((await api.get(`/workers?q=${encodeURIComponent(q)}`)).body.items as { name: string }[]).map((item) => item.name);
    expect(await names(reader, '欧阳春花')).toEqual(['欧阳春花']);
    expect(await names(people.lawyerA.api, '欧阳春花')).toEqual(['欧阳春花']);
    expect(await names(people.clerkHD.api, '欧阳春花')).toEqual([]);
    expect(await names(people.clerkHD.api, '司马建国')).toEqual(['司马建国']);
  });

  it("counts a search's cases on every page, past the last one too", async () => {
    const page = async (n: number) => (await reader.get(`/cases?q=00001&pageSize=4&page=${n}`)).body;
    expect((await page(1)).items).toHaveLength(4);
    expect((await page(2)).items).toHaveLength(2);
    expect((await page(3)).items).toEqual([]);
    for (const n of [1, 2, 3]) expect((await page(n)).total).toBe(6);
    const workers = (await reader.get(`/workers?q=${encodeURIComponent('欧阳春花')}&page=5`)).body;
    expect([workers.items, workers.total]).toEqual([[], 1]);
  });

  it('needs three characters of a case number: fewer name half the city', async () => {
    expect(await found('q=SY-')).toEqual(sorted(N2, N3, N4));
    expect(await found('q=SY')).toEqual([]);
    expect(await found('q=00001')).toEqual(sorted(N1, N2, N3, N5, N6, N7));
  });

  it('treats % and _ in the search text as themselves, not as wildcards', async () => {
    expect(await found(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await found(`q=${encodeURIComponent('SY_2026')}`)).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await found(`organisationId=${org.SY.id}&status=verifying,paying&q=${encodeURIComponent('欧阳')}`)).toEqual([N3]);
    expect(await found(`organisationId=${org.BJB.id}&status=received&intakeTo=2027-02-10`)).toEqual(sorted(N1, N5));
  });

  it('sorts by intake date, oldest first', async () => {
    expect(await caseNumbers('sort=intakeDate:asc')).toEqual([N1, N2, N6, N4, N3, N5, N7]);
  });

  it('sorts by case number, descending', async () => {
    expect(await caseNumbers('sort=caseNumber:desc')).toEqual([N5, N3, N4, N2, N6, N7, N1]);
  });

  it('refuses an unknown sort key or direction with a 400 naming the sort field', async () => {
    const unknownKey = await reader.get('/cases?sort=amount:desc');
    const unknownDirection = await reader.get('/cases?sort=intakeDate:up');

    for (const response of [unknownKey, unknownDirection]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: '提交的内容有 1 处需要修改' });
      expect(response.body.errors).toEqual([
        { field: 'sort', code: 'NOT_ONE_OF', message: expect.stringMatching(/^应为以下之一：.*intakeDate:asc.*caseNumber:desc/) },
      ]);
    }
  });

  it('refuses an unknown status with a 400 naming the status field, in English when asked', async () => {
    const response = await reader.get('/cases?status=received,open', { 'Accept-Language': 'en' });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '1 field(s) need correcting' });
    expect(response.body.errors).toEqual([
      {
        field: 'status',
        code: 'NOT_ONE_OF',
        message:
          'must be one of: received, verifying, mediating, agreed, paying, closed, arbitration, litigation, referred, withdrawn, rejected',
      },
    ]);
  });

  it('pages through the list, with the total of all matching cases on every page', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => reader.get(`/cases?sort=intakeDate:asc&pageSize=3&page=${page}`)));

    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((p) => [p.body.page, p.body.pageSize, p.body.total])).toEqual([
      [1, 3, 7],
      [2, 3, 7],
      [3, 3, 7],
      [4, 3, 7],
    ]);
    expect(pages.map((p) => p.body.items.map((item: any) => item.caseNumber))).toEqual([[N1, N2, N6], [N4, N3, N5], [N7], []]);
    const filtered = await reader.get(`/cases?status=received&pageSize=1&page=2&sort=intakeDate:asc`);
    expect(filtered.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(filtered.body.items.map((item: any) => item.caseNumber)).toEqual([N5]);
  });

  it('accepts pages of up to 200 cases and refuses larger ones', async () => {
    expect((await reader.get('/cases?pageSize=200')).status).toBe(200);

    const tooLarge = await reader.get('/cases?pageSize=201');
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { count: 1 } });
    expect(tooLarge.body.errors).toEqual([{ field: 'pageSize', code: 'TOO_LARGE', message: expect.any(String) }]);

    const pageZero = await reader.get('/cases?page=0');
    expect(pageZero.status).toBe(400);
    expect(pageZero.body.errors).toEqual([{ field: 'page', code: 'TOO_SMALL', message: expect.any(String) }]);
  });

  it('says in the message what the page limits are', async () => {
    const tooLarge = await reader.get('/cases?pageSize=201');
    const pageZero = await reader.get('/cases?page=0', { 'Accept-Language': 'en' });

    expect(tooLarge.body.errors).toEqual([{ field: 'pageSize', code: 'TOO_LARGE', message: '不能大于 200' }]);
    expect(pageZero.body.errors).toEqual([{ field: 'page', code: 'TOO_SMALL', message: 'must be at least 1' }]);
  });

  it('shows on each list item its organisation, people, employers and money totals', async () => {
    const response = await reader.get('/cases?pageSize=200');
    const item = (n: string) => response.body.items.find((i: any) => i.caseNumber === n);

    expect(item(N1)).toMatchObject({
      id: ids[N1],
      status: 'received',
      intakeDate: '2026-10-08',
      organisation: { id: org.BJB.id, code: 'BJB', name: '北京市总工会京北工作部' },
      lawyer: { id: people.lawyerA.id, displayName: '甲律师' },
      mediator: null,
      employerNames: '北京宏达建筑劳务有限公司',
      totals: { workers: 2, claimed: '20000.50', paid: '0.00', outstanding: '20000.50' },
    });
    expect(item(N2)).toMatchObject({
      status: 'verifying',
      organisation: { code: 'SY', name: '顺义区总工会' },
      lawyer: { displayName: '乙律师' },
      mediator: { id: people.mediatorA.id, displayName: '丙调解员' },
      employerNames: [employers.e2.name, employers.hongda.name].sort().join('、'),
      totals: { workers: 1, claimed: '6600.00', outstanding: '6600.00' },
    });
    // each employer once with its credit code, so its name can open its record
    const byCode = (list: any[]) => [...list].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
    expect(byCode(item(N2).employers)).toEqual(
      byCode([employers.e2, employers.hongda].map((employer: any) => ({ name: employer.name, creditCode: employer.creditCode }))),
    );
    // Confirmed 9800.00 + 7500.25 + 3000.00 = 20300.25, of which 5000.00 paid.
    expect(item(N3)).toMatchObject({
      status: 'paying',
      totals: {
        workers: 3,
        unconfirmed: 0,
        claimed: '20500.25',
        confirmed: '20300.25',
        paid: '5000.00',
        outstanding: '15300.25',
        workersOwed: 3,
        workersFullyPaid: 0,
      },
    });
    expect(item(N4)).toMatchObject({ status: 'withdrawn', lawyer: null, totals: { workers: 0, claimed: '0.00', outstanding: '0.00' } });
    expect(item(N6)).toMatchObject({ status: 'rejected', totals: { workers: 1, claimed: '4400.00', outstanding: '4400.00' } });
    expect(item(N7).totals).toMatchObject({ workers: 0, claimed: '0.00', outstanding: '0.00' });
  });

  it('gives each case the same totals in the list as in its own view', async () => {
    const list = (await reader.get('/cases?pageSize=200')).body.items;

    for (const item of list) {
      const view = await reader.get(`/cases/${item.id}`);
      expect(view.status).toBe(200);
      expect({ caseNumber: view.body.caseNumber, totals: view.body.totals }).toEqual({
        caseNumber: item.caseNumber,
        totals: item.totals,
      });
    }
  });

  it('shows one case with its organisation, people, employers and their roles, and totals', async () => {
    const response = await reader.get(`/cases/${ids[N2]}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: ids[N2],
      caseNumber: N2,
      status: 'verifying',
      outcome: null,
      allowedTransitions: ['mediating', 'arbitration', 'litigation', 'referred', 'withdrawn', 'rejected'],
      organisation: { id: org.SY.id, code: 'SY', name: '顺义区总工会' },
      intakeChannel: 'walk_in',
      intakeDate: '2026-11-02',
      lawyer: { id: people.lawyerB.id, displayName: '乙律师' },
      mediator: { id: people.mediatorA.id, displayName: '丙调解员' },
      totals: { workers: 1, unconfirmed: 1, claimed: '6600.00', confirmed: '0.00', paid: '0.00', outstanding: '6600.00' },
    });
    expect(
      response.body.employers.map((e: any) => [e.name, e.role]).sort((a: string[], b: string[]) => a[1].localeCompare(b[1])),
    ).toEqual([
      [employers.e2.name, 'employer'],
      [employers.hongda.name, 'general_contractor'],
    ]);
  });

  it('answers 404 for a case that does not exist and 400 for an id that is not one', async () => {
    const missing = await reader.get(`/cases/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ statusCode: 404, code: 'CASE_NOT_FOUND', message: '案件不存在' });

    const malformed = await reader.get('/cases/SY-2026-00001');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'INVALID_PATH_ID' });
  });
});
