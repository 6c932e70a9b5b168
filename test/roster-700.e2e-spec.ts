import { provinceOfResidentId } from '../src/common/identifiers/resident-id';
import { CSV, XLSX, allClaims, csvText, maskedIdNumber, maskedMobile, xlsxRoster } from './factories/roster-files';
import { Desk, RosterRow, makeDesk, makeRoster, openCase, yuan } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

// Starting the service on a fresh database takes a few seconds: more than Jest's default 5 s for a hook.
jest.setTimeout(300_000);

const KINDS = [
  { word: '工资', kind: 'wages' },
  { word: '劳务费', kind: 'labour_fees' },
  { word: '其他', kind: 'other' },
] as const;

/** What one roster line says, and so what its claim must show. */
interface Line extends RosterRow {
  serial: number;
  kind: (typeof KINDS)[number];
  periodStart: string;
  periodEnd: string;
  note: string | null;
}

/**
 * A group case's whole roster at once (issue 17 makes this path set-based): 700 workers, three of
 * them already registered on another open case, read back line by line and to the fen, then paid on
 * one pay day of 700 lines. The speed is measured by the benchmark (scripts/bench/roster-payday.ts);
 * this suite checks that the set-based writes put every value where it belongs.
 */
describe('A 700-worker roster and a 700-worker pay day', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-20T10:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t?.close());

  /**
   * 700 lines whose amounts add up to 12,345,678.91 yuan; 序号 runs backwards through the file (the case
   * keeps the 序号 order), kinds, periods and notes vary from line to line.
   */
  function roster(): Line[] {
    return makeRoster(700, 1_234_567_891n).map((row, i) => ({
      ...row,
      serial: 700 - i,
      kind: KINDS[i % 3],
      periodStart: `2026-0${1 + (i % 9)}-01`,
      periodEnd: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      note: i % 5 === 0 ? `班组${i % 7}，按考勤表核算` : null,
    }));
  }

  const headings = ['序号', '姓名', '身份证号', '手机号', '主张金额', '类别', '开始日期', '结束日期', '备注'];
  const cellsOf = (line: Line) => [line.serial, line.name, line.idNumber, line.mobile, line.amountClaimed, line.kind.word, line.periodStart, line.periodEnd, line.note ?? ''];

  /** Every claim of the case against its line: the case's order is the 序号 order. */
  async function expectEveryLine(caseId: string, lines: Line[]) {
    const inOrder = [...lines].sort((a, b) => a.serial - b.serial);
    const claims = await allClaims(desk.lawyer.api, caseId);
    expect(claims).toHaveLength(700);
    claims.forEach((claim, index) => {
      const line = inOrder[index];
      expect(claim).toEqual({
        id: expect.any(String),
        position: index + 1,
        worker: {
          id: expect.any(String),
          name: line.name,
          idNumber: maskedIdNumber(line.idNumber),
          mobile: maskedMobile(line.mobile),
          homeProvince: provinceOfResidentId(line.idNumber),
        },
        kind: line.kind.kind,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
        amountClaimed: line.amountClaimed,
        amountConfirmed: null,
        amountPaid: '0.00',
        amountOutstanding: line.amountClaimed,
        fullyPaid: false,
        note: line.note,
        version: 1,
      });
    });
    return claims;
  }

  it('imports a CSV of 700 lines, each where its 序号 puts it, to the fen, and pays them all on one day', async () => {
    // Three of the workers are already claimants in another open case of the desk.
    const lines = roster();
    const earlier = await openCase(desk);
    const registered = [lines[10], lines[350], lines[699]];
    const first = await desk.lawyer.api.upload(`/cases/${earlier.id}/claims/import`, csvText([headings, ...registered.map(cellsOf)]), CSV);
    expect(first.status).toBe(201);

    const opened = await openCase(desk);
    const response = await desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, csvText([headings, ...lines.map(cellsOf)]), CSV);

    expect(response.status).toBe(201);
    // Listed in the case's order (by 序号), each with the other case's number.
    const elsewhere = [...registered].sort((a, b) => a.serial - b.serial);
    expect(response.body).toEqual({
      imported: 700,
      claimedTotal: '12345678.91',
      alsoClaimingElsewhere: elsewhere.map((line) => ({ workerName: line.name, caseNumber: earlier.caseNumber })),
    });
    const claims = await expectEveryLine(opened.id, lines);
    // The registered workers were found, not registered again.
    const firstClaims = await allClaims(desk.lawyer.api, earlier.id);
    for (const line of registered) {
      const before = firstClaims.find((claim) => claim.worker.name === line.name && claim.worker.idNumber === maskedIdNumber(line.idNumber));
      const now = claims.find((claim) => claim.worker.name === line.name && claim.worker.idNumber === maskedIdNumber(line.idNumber));
      expect(now.worker.id).toBe(before.worker.id);
    }
    let view = (await desk.lawyer.api.get(`/cases/${opened.id}`)).body;
    expect(view.totals).toEqual({
      workers: 700,
      workersFullyPaid: 0,
      workersOwed: 700,
      unconfirmed: 700,
      claimed: '12345678.91',
      confirmed: '0.00',
      paid: '0.00',
      // while nothing is confirmed, what is claimed is outstanding
      outstanding: '12345678.91',
    });

    // Confirmed as claimed, then one pay day: every third worker in full, the others half (rounded down to the fen).
    const caseUrl = `/cases/${opened.id}`;
    const confirmed = await desk.lawyer.api.post(`${caseUrl}/claims/confirmations`, {
      items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })),
    });
    expect(confirmed.body).toEqual({ confirmed: 700, confirmedTotal: '12345678.91' });
    const mediator = desk.mediator.api;
    expect((await mediator.post(`${caseUrl}/transitions`, { to: 'verifying' })).status).toBe(200);
    expect((await mediator.post(`${caseUrl}/assignment`, { mediatorId: desk.mediator.id })).status).toBe(200);
    expect((await mediator.post(`${caseUrl}/transitions`, { to: 'mediating' })).status).toBe(200);
    const paidFen = claims.map((claim, index) => (index % 3 === 0 ? fenOf(claim.amountClaimed) : fenOf(claim.amountClaimed) / 2n));
    const total = paidFen.reduce((sum, fen) => sum + fen, 0n);
    const payDay = await mediator.post(`${caseUrl}/payouts`, {
      paidOn: '2027-01-19',
      payerKind: 'general_contractor',
      channel: 'dedicated_wage_account',
      items: claims.map((claim, index) => ({ claimId: claim.id, amount: yuan(paidFen[index]), receiptReference: `ICBC-20270119-${claim.position}` })),
    });
    expect(payDay.status).toBe(201);
    expect(payDay.body).toEqual({ batchId: expect.any(String), recorded: 700, total: yuan(total) });

    const after = await allClaims(desk.lawyer.api, opened.id);
    after.forEach((claim, index) => {
      const owed = fenOf(claims[index].amountClaimed) - paidFen[index];
      expect(claim).toMatchObject({
        id: claims[index].id,
        amountConfirmed: claims[index].amountClaimed,
        amountPaid: yuan(paidFen[index]),
        amountOutstanding: yuan(owed),
        fullyPaid: owed === 0n,
      });
    });
    view = (await desk.lawyer.api.get(caseUrl)).body;
    expect(view.status).toBe('paying');
    expect(view.totals).toEqual({
      workers: 700,
      workersFullyPaid: 234,
      workersOwed: 466,
      unconfirmed: 0,
      claimed: '12345678.91',
      confirmed: '12345678.91',
      paid: yuan(total),
      outstanding: yuan(1_234_567_891n - total),
    });
    const ledger = await desk.lawyer.api.get(`${caseUrl}/payouts?pageSize=100&page=7`);
    expect(ledger.body.total).toBe(700);
    expect(ledger.body.items.every((payout: any) => payout.batchId === payDay.body.batchId && payout.paidOn === '2027-01-19')).toBe(true);
  });

  it('imports the same kind of roster from a workbook, line for line', async () => {
    const lines = roster();
    const opened = await openCase(desk);
    const workbook = await xlsxRoster(headings, lines.map(cellsOf));

    const response = await desk.lawyer.api.upload(`/cases/${opened.id}/claims/import`, workbook, XLSX);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ imported: 700, claimedTotal: '12345678.91', alsoClaimingElsewhere: [] });
    await expectEveryLine(opened.id, lines);
  });
});

function fenOf(yuanText: string): bigint {
  const [whole, fraction = ''] = yuanText.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}
