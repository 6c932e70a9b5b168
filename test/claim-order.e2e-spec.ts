import { AddClaimRosterOrder1765500000000 } from '../migrations/1765500000000-AddClaimRosterOrder';
import { mobile, residentId } from './factories/identities';
import { CSV, csvText, xlsxRoster, XLSX } from './factories/roster-files';
import { Desk, makeDesk, nextNumber, openCase } from './factories/scenario';
import { itWhereConcurrent } from './support/concurrency';
import { runOneMigration } from './support/one-migration';
import { Api, TestApp, startTestApp } from './support/test-app';

// Starting the service on a fresh database takes a few seconds: more than Jest's default 5 s for a hook.
jest.setTimeout(120_000);

/**
 * A case's claims keep the roster's order (序号): the order the clerk, the workers and the signed
 * agreement know them by, not the order of their names. Later additions come after the roster.
 */
describe("Claims in the roster's order", () => {
  let t: TestApp;
  let desk: Desk;
  let lawyer: Api;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-11T10:00:00+08:00') });
    desk = await makeDesk(t);
    lawyer = desk.lawyer.api;
  });
  afterAll(() => t?.close());

  /** A worker nobody has registered: his name, a fresh id number and mobile, and what he claims. */
  function worker(name: string, amountClaimed: string) {
    const n = nextNumber() * 10_000 + 7;
    return { name, idNumber: residentId(n), mobile: mobile(n), amountClaimed };
  }

  async function claimsOf(caseId: string, query = '') {
    const response = await lawyer.get(`/cases/${caseId}/claims?pageSize=200${query}`);
    expect(response.status).toBe(200);
    return response.body.items as { position: number; worker: { name: string }; amountClaimed: string }[];
  }

  it('lists a roster of 王五, 张三, 李四 in that order, and a worker added later last', async () => {
    const opened = await openCase(desk, { intakeDate: '2027-01-08' });
    const roster = [worker('王五', '3000.00'), worker('张三', '4000.00'), worker('李四', '5000.00')];
    const csv = csvText([['序号', '姓名', '身份证号', '手机号', '主张金额'], ...roster.map((w, i) => [i + 1, w.name, w.idNumber, w.mobile, w.amountClaimed])]);
    expect((await lawyer.upload(`/cases/${opened.id}/claims/import`, csv, CSV)).status).toBe(201);

    expect((await claimsOf(opened.id)).map((c) => [c.position, c.worker.name, c.amountClaimed])).toEqual([
      [1, '王五', '3000.00'],
      [2, '张三', '4000.00'],
      [3, '李四', '5000.00'],
    ]);

    const later = worker('赵六', '1000.00');
    const added = await lawyer.post(`/cases/${opened.id}/claims`, { claims: [{ worker: { name: later.name, idNumber: later.idNumber }, amountClaimed: '1000.00' }] });
    expect(added.status).toBe(201);
    const claims = await claimsOf(opened.id);
    expect(claims.map((c) => [c.position, c.worker.name])).toEqual([
      [1, '王五'],
      [2, '张三'],
      [3, '李四'],
      [4, '赵六'],
    ]);
    // a filtered list and a page keep the same order and the same numbers
    expect((await claimsOf(opened.id, '&standing=unconfirmed')).map((c) => c.position)).toEqual([1, 2, 3, 4]);
    const secondPage = (await lawyer.get(`/cases/${opened.id}/claims?pageSize=2&page=2`)).body.items;
    expect(secondPage.map((c: any) => c.worker.name)).toEqual(['李四', '赵六']);
  });

  it("follows the 序号 column when the sheet's rows were sorted otherwise", async () => {
    const opened = await openCase(desk, { intakeDate: '2027-01-08' });
    const [wang, zhang, li] = [worker('王五', '3000.00'), worker('张三', '4000.00'), worker('李四', '5000.00')];
    // sorted by name in Excel: the 序号 still says who is first
    const sheet = await xlsxRoster(
      ['序号', '姓名', '身份证号', '主张金额'],
      [
        [3, li.name, li.idNumber, li.amountClaimed],
        [1, wang.name, wang.idNumber, wang.amountClaimed],
        [2, zhang.name, zhang.idNumber, zhang.amountClaimed],
      ],
    );
    expect((await lawyer.upload(`/cases/${opened.id}/claims/import`, sheet, XLSX)).status).toBe(201);
    expect((await claimsOf(opened.id)).map((c) => [c.position, c.worker.name])).toEqual([
      [1, '王五'],
      [2, '张三'],
      [3, '李四'],
    ]);
  });

  it('keeps the order of a roster checked for a new case through to the case opened with it', async () => {
    const [wang, zhang, li] = [worker('王五', '3000.00'), worker('张三', '4000.00'), worker('李四', '5000.00')];
    const csv = csvText([
      ['序号', '姓名', '身份证号', '主张金额'],
      [2, zhang.name, zhang.idNumber, zhang.amountClaimed],
      [3, li.name, li.idNumber, li.amountClaimed],
      [1, wang.name, wang.idNumber, wang.amountClaimed],
    ]);
    const checked = await lawyer.upload('/rosters/check', csv, CSV);
    expect(checked.status).toBe(200);
    // each row keeps its line in the file, for the clerk to find it
    expect(checked.body.claims.map((c: any) => [c.row, c.worker.name])).toEqual([
      [4, '王五'],
      [2, '张三'],
      [3, '李四'],
    ]);
    const opened = await openCase(desk, { intakeDate: '2027-01-08', claims: checked.body.claims.map(({ row: _row, ...claim }: any) => claim) });
    expect((await claimsOf(opened.id)).map((c) => c.worker.name)).toEqual(['王五', '张三', '李四']);
  });

  it("prints the agreement's workers in the roster's order", async () => {
    const roster = [worker('王五', '3000.00'), worker('张三', '4000.00'), worker('李四', '5000.00')];
    const opened = await openCase(desk, {
      intakeDate: '2027-01-08',
      mediatorId: desk.mediator.id,
      claims: roster.map((w) => ({ worker: { name: w.name, idNumber: w.idNumber }, amountClaimed: w.amountClaimed, amountConfirmed: w.amountClaimed })),
    });
    for (const to of ['verifying', 'mediating']) {
      expect((await desk.mediator.api.post(`/cases/${opened.id}/transitions`, { to })).status).toBe(200);
    }
    const agreement = await desk.mediator.api.post(`/cases/${opened.id}/agreement`, {
      signedOn: '2027-01-10',
      schedule: 'total',
      instalments: [{ dueOn: '2027-01-25', amount: '12000.00' }],
    });
    expect(agreement.status).toBe(201);
    const html = await (await lawyer.getRaw(`/cases/${opened.id}/agreement/document`)).text();
    const places = ['王五', '张三', '李四'].map((name) => html.indexOf(`<td>${name}</td>`));
    expect(places.every((place) => place > 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it('places the claims a case had before the column existed as they were added, by name within one addition', async () => {
    const opened = await openCase(desk, {
      intakeDate: '2027-01-08',
      claims: ['王五', '张三', '李四'].map((name) => {
        const w = worker(name, '100.00');
        return { worker: { name: w.name, idNumber: w.idNumber }, amountClaimed: w.amountClaimed };
      }),
    });
    const later = worker('赵六', '100.00');
    await lawyer.post(`/cases/${opened.id}/claims`, { claims: [{ worker: { name: later.name, idNumber: later.idNumber }, amountClaimed: '100.00' }] });
    const auditedBefore = await claimAuditRows();

    // the migration as it runs on a database whose claims have no place yet
    await runOneMigration(t.dataSource, new AddClaimRosterOrder1765500000000(), 'down');
    await runOneMigration(t.dataSource, new AddClaimRosterOrder1765500000000(), 'up');

    // the first three came in one statement (one created_at): the database's own order of their names
    const byName: { name: string }[] = await t.dataSource.query(
      `SELECT name FROM (VALUES ('王五'), ('张三'), ('李四')) AS n(name) ORDER BY name`,
    );
    expect((await claimsOf(opened.id)).map((c) => [c.position, c.worker.name])).toEqual([
      ...byName.map(({ name }, i) => [i + 1, name]),
      [4, '赵六'],
    ]);
    // filling the new column is no change anybody made to a claim
    expect(await claimAuditRows()).toBe(auditedBefore);
  });

  async function claimAuditRows(): Promise<number> {
    const [{ rows }] = await t.dataSource.query(`SELECT count(*)::int AS rows FROM audit_log WHERE entity_type = 'claims'`);
    return rows;
  }

  itWhereConcurrent('gives two clerks adding to the same case at once distinct places, each batch in its order', async () => {
    const opened = await openCase(desk, { intakeDate: '2027-01-08' });
    const batches = [0, 1].map((b) =>
      Array.from({ length: 30 }, (_, i) => worker(`工人${b}-${String(i).padStart(2, '0')}`, '100.00')),
    );
    const clerks = [lawyer, desk.clerk.api];
    const answers = await Promise.all(
      batches.map((batch, b) =>
        clerks[b].post(`/cases/${opened.id}/claims`, {
          claims: batch.map((w) => ({ worker: { name: w.name, idNumber: w.idNumber }, amountClaimed: w.amountClaimed })),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const claims = await claimsOf(opened.id);
    expect(claims.map((c) => c.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // one batch took places 1-30 and the other 31-60, each in the order it was sent
    const names = claims.map((c) => c.worker.name);
    const first = names[0].startsWith('工人0') ? 0 : 1;
    expect(names).toEqual([...batches[first], ...batches[1 - first]].map((w) => w.name));
  });
});
