import JSZip from 'jszip';
import { CSV, XLSX, allClaims, csvText, xlsxRoster } from './factories/roster-files';
import { Desk, makeDesk, makeRoster, openCase } from './factories/scenario';
import { Api, TestApp, startTestApp } from './support/test-app';

// Starting the service on a fresh database takes a few seconds: more than Jest's default 5 s for a hook.
jest.setTimeout(120_000);

const CONTROL_CHARACTER_ZH = '含有看不见的控制字符（多为从别处复制粘贴带入），请删除后重新输入';

/**
 * Control characters in the cells of a roster file (issue 16): a JSON body carrying one is refused
 * before validation (src/common/http/hostile-input.ts), and a file's cells are refused by the same
 * rule, row by row with the column, instead of reaching PostgreSQL (which refuses NUL in text: a 500).
 */
describe('Control characters in roster files', () => {
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

  it('refuses a CSV with a NUL in the note or the name and other control characters elsewhere, row by row, saving nothing', async () => {
    const opened = await openCase(desk);
    const rows = makeRoster(5, 5_000_000n);
    const csv = csvText([
      ['序号', '姓名', '身份证号', '手机号', '主张金额', '类别', '备注'],
      [1, rows[0].name, rows[0].idNumber, rows[0].mobile, rows[0].amountClaimed, '工资', '2026年9月\u0000工资'],
      [2, rows[1].name, rows[1].idNumber, rows[1].mobile, rows[1].amountClaimed, '工资', '按月结算\r\n年底补齐'],
      [3, `${rows[2].name}\u0000`, rows[2].idNumber, rows[2].mobile, rows[2].amountClaimed, '工资', ''],
      [4, rows[3].name, rows[3].idNumber, `${rows[3].mobile}\u001b`, rows[3].amountClaimed, '工\u0007资', ''],
      ['5\u0000', rows[4].name, rows[4].idNumber, rows[4].mobile, rows[4].amountClaimed, '工资', ''],
    ]);

    const checked = await lawyer.upload('/rosters/check', csv, CSV);
    const imported = await lawyer.upload(importUrl(opened.id), csv, CSV);
    const inEnglish = await lawyer.withHeaders({ 'Accept-Language': 'en' }).upload(importUrl(opened.id), csv, CSV);

    for (const response of [checked, imported]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        code: 'ROSTER_INVALID',
        message: '名单有 5 处错误，整份名单未导入；请改正后重新上传',
        details: { count: 5 },
        errors: [
          { row: 2, field: 'note', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
          // row 3: line breaks in a note are kept, as in a note typed in a form
          { row: 4, field: 'name', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
          { row: 5, field: 'mobile', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
          { row: 5, field: 'kind', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
          { row: 6, field: 'serial', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
        ],
      });
    }
    expect(inEnglish.body.errors[0]).toEqual({
      row: 2,
      field: 'note',
      code: 'CONTROL_CHARACTER',
      message: 'contains an invisible control character (usually brought in by copy and paste); delete it and type it again',
    });
    expect(await allClaims(lawyer, opened.id)).toEqual([]);
    expect((await lawyer.get(`/workers?q=${rows[1].idNumber}`)).body.total).toBe(0);
  });

  it('refuses a workbook whose cells hold control characters as Excel stores them (_x0000_), naming row and column', async () => {
    const opened = await openCase(desk);
    const rows = makeRoster(3, 3_000_000n);
    // exceljs drops control characters when it writes a workbook; Excel keeps them, escaped as _xHHHH_
    // (ECMA-376 ST_Xstring), so the shared strings are written here as Excel writes them.
    const workbook = await doctored(
      await xlsxRoster(
        ['姓名', '身份证号', '主张金额', '备注', '工程'],
        [
          [rows[0].name, rows[0].idNumber, rows[0].amountClaimed, 'NOTE-ONE', '某某园林'],
          [rows[1].name, rows[1].idNumber, rows[1].amountClaimed, 'NOTE-TWO', '某某园林'],
          ['NAME-THREE', rows[2].idNumber, rows[2].amountClaimed, null, '某某园林'],
        ],
      ),
      {
        'NOTE-ONE': '九月_x0000_工资',
        'NOTE-TWO': '第一行_x000D__x000A_第二行',
        'NAME-THREE': `${rows[2].name}_x0001_`,
      },
    );

    const checked = await lawyer.upload('/rosters/check', workbook, XLSX);
    const imported = await lawyer.upload(importUrl(opened.id), workbook, XLSX);

    for (const response of [checked, imported]) {
      // status, code and errors in one assertion, so that a failure prints the whole answer
      expect({ status: response.status, code: response.body.code, count: response.body.details?.count, errors: response.body.errors }).toEqual({
        status: 400,
        code: 'ROSTER_INVALID',
        count: 2,
        errors: [
          { row: 2, field: 'note', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
          { row: 4, field: 'name', code: 'CONTROL_CHARACTER', message: CONTROL_CHARACTER_ZH },
        ],
      });
    }
    expect(await allClaims(lawyer, opened.id)).toEqual([]);
  });

  it('reads Excel’s escapes as the text they stand for: a line break in a note, and an escaped underscore', async () => {
    const opened = await openCase(desk);
    const rows = makeRoster(2, 2_000_000n);
    const workbook = await doctored(
      await xlsxRoster(
        ['姓名', '身份证号', '主张金额', '备注'],
        [
          [rows[0].name, rows[0].idNumber, rows[0].amountClaimed, 'NOTE-ONE'],
          [rows[1].name, rows[1].idNumber, rows[1].amountClaimed, 'NOTE-TWO'],
        ],
      ),
      // what Excel writes for a note typed with Alt+Enter, and for the text "_x0041_" typed as it is
      { 'NOTE-ONE': '第一行_x000D__x000A_第二行', 'NOTE-TWO': '编号_x005F_x0041_' },
    );

    const response = await lawyer.upload(importUrl(opened.id), workbook, XLSX);

    expect(response.status).toBe(201);
    const notes = (await allClaims(lawyer, opened.id)).map((claim) => claim.note).sort();
    expect(notes).toEqual(['第一行\r\n第二行', '编号_x0041_'].sort());
  });

  it('reads the escapes once when the workbook is read whole (a cell the streaming reader could have cut sends it there)', async () => {
    const opened = await openCase(desk);
    const rows = makeRoster(2, 2_000_000n);
    // U+FFFD in any cell is what the streaming reader leaves where it cut a character in two
    // (roster-reader.ts), so this workbook is read again whole, where exceljs decodes the escapes itself.
    const workbook = await doctored(
      await xlsxRoster(
        ['姓名', '身份证号', '主张金额', '备注', '签名'],
        [
          [rows[0].name, rows[0].idNumber, rows[0].amountClaimed, 'NOTE-ONE', '\uFFFD'],
          [rows[1].name, rows[1].idNumber, rows[1].amountClaimed, 'NOTE-TWO', null],
        ],
      ),
      { 'NOTE-ONE': '第一行_x000D__x000A_第二行', 'NOTE-TWO': '编号_x005F_x0041_' },
    );

    const response = await lawyer.upload(importUrl(opened.id), workbook, XLSX);

    expect(response.status).toBe(201);
    const notes = (await allClaims(lawyer, opened.id)).map((claim) => claim.note).sort();
    expect(notes).toEqual(['第一行\r\n第二行', '编号_x0041_'].sort());
  });

  /** The workbook with some of its shared strings replaced by raw XML text, as Excel would have written them. */
  async function doctored(workbook: Buffer, replacements: Record<string, string>): Promise<Buffer> {
    const zip = await JSZip.loadAsync(workbook);
    let strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    for (const [placeholder, xmlText] of Object.entries(replacements)) {
      if (!strings.includes(`<t>${placeholder}</t>`)) throw new Error(`no shared string ${placeholder}`);
      strings = strings.replace(`<t>${placeholder}</t>`, `<t>${xmlText}</t>`);
    }
    zip.file('xl/sharedStrings.xml', strings);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
});
