import JSZip from 'jszip';
import { CSV, XLSX, rosterCsv, xlsxRoster } from './factories/roster-files';
import { Desk, makeDesk, makeRoster, openCase } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

// Starting the service on a fresh database takes a few seconds: more than Jest's default 5 s for a hook.
jest.setTimeout(120_000);

/** The most workers one roster file may list (src/claims/roster/roster-limits.ts). */
const MAX_ROWS = 5_000;

/**
 * Hostile and oversized roster files (issue 16, items 3 and 4): each is refused with a 400 the clerk
 * can act on, quickly and without the service's memory growing with the file, and nothing is saved.
 */
describe('Roster size limits', () => {
  let t: TestApp;
  let desk: Desk;
  let lawyer: Api;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-22T10:00:00+08:00') });
    desk = await makeDesk(t);
    lawyer = desk.lawyer.api;
  });
  afterAll(() => t?.close());

  const importUrl = (caseId: string) => `/cases/${caseId}/claims/import`;

  /** Sends `body`, and answers the response, how long it took and how much the process's memory grew meanwhile. */
  async function timed(send: () => Promise<any>) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = Date.now();
    try {
      const response = await send();
      return { response, ms: Date.now() - started, grewBy: Math.max(peak, process.memoryUsage().rss) - before };
    } finally {
      clearInterval(sampler);
    }
  }

  /** A small valid roster workbook with its first sheet's XML (or its shared strings) replaced. */
  async function doctoredWorkbook(files: Record<string, string>): Promise<Buffer> {
    const rows = makeRoster(2, 200_000n);
    const zip = await JSZip.loadAsync(
      await xlsxRoster(['姓名', '身份证号', '主张金额'], rows.map((r) => [r.name, r.idNumber, r.amountClaimed])),
    );
    for (const [path, text] of Object.entries(files)) zip.file(path, text);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }

  function expectTooManyRows(response: any) {
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('ROSTER_INVALID');
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'ROSTER_TOO_MANY_ROWS' })]);
    expect(response.body.errors[0].message).toContain(String(MAX_ROWS));
  }

  it('refuses a CSV roster of 66,000 workers with a 400 naming the limit, and saves nothing', async () => {
    const opened = await openCase(desk);
    const csv = rosterCsv(makeRoster(66_000, 66_000_000_00n));

    const { response, ms } = await timed(() => lawyer.upload(importUrl(opened.id), csv, CSV));

    expectTooManyRows(response);
    expect(ms).toBeLessThan(5_000);
    expect((await lawyer.get(`/cases/${opened.id}`)).body.totals).toMatchObject({ workers: 0 });
  });

  it('refuses a CSV or a workbook one row over the limit, on the check before a case is opened too', async () => {
    const rows = makeRoster(MAX_ROWS + 1, 5_001_000_00n);
    expectTooManyRows(await lawyer.upload('/rosters/check', rosterCsv(rows), CSV));
    const workbook = await xlsxRoster(['姓名', '身份证号', '主张金额'], rows.map((r) => [r.name, r.idNumber, r.amountClaimed]));
    expectTooManyRows(await lawyer.upload('/rosters/check', workbook, XLSX));
  });

  it('refuses a workbook of 850,000 rows quickly, reading no further than the limit', async () => {
    const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c><c r="C1" t="inlineStr"><is><t>主张金额</t></is></c></row>'];
    for (let r = 2; r <= 850_000; r += 1) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const sheet =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      rows.join('') +
      '</sheetData></worksheet>';
    const workbook = await doctoredWorkbook({ 'xl/worksheets/sheet1.xml': sheet });
    rows.length = 0;

    const { response, ms, grewBy } = await timed(() => lawyer.upload('/rosters/check', workbook, XLSX));

    expectTooManyRows(response);
    expect(ms).toBeLessThan(10_000); // about 5 s on the 2-core machine, most of it inflating 40 MB of XML twice
    expect(grewBy).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a small workbook that unzips to a huge cell before reading it, in words a clerk can act on', async () => {
    const huge = 'x'.repeat(80 * 1024 * 1024);
    const workbook = await doctoredWorkbook({
      'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${huge}</t></si></sst>`,
    });
    expect(workbook.length).toBeLessThan(1024 * 1024);

    const { response, ms, grewBy } = await timed(() => lawyer.upload('/rosters/check', workbook, XLSX));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('ROSTER_INVALID');
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'WORKBOOK_TOO_LARGE' })]);
    expect(response.body.errors[0].message).toContain('50 MB');
    expect(response.body.errors[0].message).toContain('CSV');
    expect(ms).toBeLessThan(5_000);
    expect(grewBy).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a workbook cell longer than a roster ever needs, naming its row', async () => {
    const rows = makeRoster(2, 200_000n);
    const workbook = await xlsxRoster(
      ['姓名', '身份证号', '主张金额', '签名'],
      [
        [rows[0].name, rows[0].idNumber, rows[0].amountClaimed, null],
        [rows[1].name, rows[1].idNumber, rows[1].amountClaimed, 'y'.repeat(40_000)],
      ],
    );

    const response = await lawyer.upload('/rosters/check', workbook, XLSX);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ row: 3, code: 'TOO_LONG', message: '最多 2000 个字' }]);
  });

  it('still reads an ordinary workbook roster', async () => {
    const rows = makeRoster(3, 3_000_000_00n);
    const workbook = await xlsxRoster(['姓名', '身份证号', '主张金额'], rows.map((r) => [r.name, r.idNumber, r.amountClaimed]));

    const response = await lawyer.upload('/rosters/check', workbook, XLSX);

    expect(response.status).toBe(200);
    expect(response.body.claims).toHaveLength(3);
    expect(response.body.claimedTotal).toBe('3000000.00');
  });
});
