import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  contentTypeOf,
  EXPORT_FORMATS,
  ExportColumn,
  ExportFormat,
  percentText,
  writeTable,
} from './tabular-export';

interface CaseRow {
  caseNumber: string | null;
  employer: string | null;
  workers: number | null;
  /** 分, as node-postgres returns a bigint column: a string. */
  owedFen: string | bigint | number | null;
  filedOn: string | Date | null;
  recoveredRatio: number | null;
}

function makeRow(overrides: Partial<CaseRow> = {}): CaseRow {
  return {
    caseNumber: '穗劳欠〔2026〕17号',
    employer: '广州某建筑劳务有限公司',
    workers: 36,
    owedFen: '123456789012345',
    filedOn: '2026-01-15',
    recoveredRatio: 0.875,
    ...overrides,
  };
}

const COLUMNS: readonly ExportColumn<CaseRow>[] = [
  { header: '案件编号', kind: 'text', value: (row) => row.caseNumber },
  { header: '用人单位', kind: 'text', value: (row) => row.employer },
  { header: '涉及人数', kind: 'integer', value: (row) => row.workers },
  { header: '欠薪金额（元）', kind: 'yuan', value: (row) => row.owedFen },
  { header: '立案日期', kind: 'date', value: (row) => row.filedOn },
  { header: '清偿率', kind: 'ratio', value: (row) => row.recoveredRatio },
];

/** Collects everything written; `bytes` can be read while the export is still running. */
class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  bytes = 0;
  constructor(private readonly keep = true) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    if (this.keep) this.chunks.push(chunk);
    // Answer on a later turn of the event loop, as a socket would, so back-pressure has something to do.
    setImmediate(callback);
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

async function exportToBuffer(
  format: ExportFormat,
  rows: Iterable<CaseRow> | AsyncIterable<CaseRow>,
  options?: { sheetName?: string },
): Promise<Buffer> {
  const sink = new Sink();
  await writeTable(format, COLUMNS, rows, sink, options);
  return sink.buffer;
}

async function csvOf(rows: CaseRow[]): Promise<string> {
  return (await exportToBuffer('csv', rows)).toString('utf8');
}

/** The CSV lines after the BOM and the header, split on CRLF. */
async function csvBodyLines(rows: CaseRow[]): Promise<string[]> {
  const lines = (await csvOf(rows)).split('\r\n');
  expect(lines.pop()).toBe(''); // the file ends with a line break
  return lines.slice(1);
}

async function readSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's load() is typed for the pre-generic Buffer of older @types/node.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

async function* rowsThenFailure(count: number, error: Error): AsyncGenerator<CaseRow> {
  for (let i = 0; i < count; i++) yield makeRow({ caseNumber: `案件${i}` });
  throw error;
}

describe('contentTypeOf', () => {
  it('names UTF-8 CSV and the Office Open XML spreadsheet', () => {
    expect(contentTypeOf('csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOf('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('CSV export', () => {
  it('starts with a BOM, then the Chinese headers, with CRLF line ends', async () => {
    const csv = await csvOf([makeRow()]);
    expect(csv.startsWith('\uFEFF案件编号,用人单位,涉及人数,欠薪金额（元）,立案日期,清偿率\r\n')).toBe(true);
    expect(csv).toBe(
      '\uFEFF案件编号,用人单位,涉及人数,欠薪金额（元）,立案日期,清偿率\r\n' +
        '穗劳欠〔2026〕17号,广州某建筑劳务有限公司,36,1234567890123.45,2026-01-15,87.5%\r\n',
    );
  });

  it('writes only the header for no rows', async () => {
    expect(await csvOf([])).toBe('\uFEFF案件编号,用人单位,涉及人数,欠薪金额（元）,立案日期,清偿率\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 asks', async () => {
    const lines = await csvBodyLines([
      makeRow({ caseNumber: 'A,B', employer: '某"阳光"公司' }),
      makeRow({ caseNumber: '第一行\n第二行', employer: '甲\r\n乙' }),
    ]);
    expect(lines[0]).toBe('"A,B","某""阳光""公司",36,1234567890123.45,2026-01-15,87.5%');
    // The second record spans lines; split on CRLF cuts it inside the quoted 甲\r\n乙.
    expect(lines.slice(1).join('\r\n')).toBe('"第一行\n第二行","甲\r\n乙",36,1234567890123.45,2026-01-15,87.5%');
  });

  it('reads back cell for cell with an RFC 4180 parser', async () => {
    const tricky = ['逗号,引号"换行\n回车\r结尾', '  前后空格  ', '"整格引号"', ''];
    const csv = await csvOf(tricky.map((employer) => makeRow({ employer })));
    const records: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(records.slice(1).map((record) => record[1])).toEqual(tricky);
  });

  it.each<[string | bigint | number, string]>([
    ['123456789012345', '1234567890123.45'],
    [123456789012345n, '1234567890123.45'],
    [123456789012345, '1234567890123.45'],
    ['99999999999999999999', '999999999999999999.99'],
    [5, '0.05'],
    ['5', '0.05'],
    [-5, '-0.05'],
    [-123450n, '-1234.50'],
    [120000050, '1200000.50'],
    [0, '0.00'],
  ])('writes %p fen as %s yuan, exactly and without separators', async (owedFen, yuan) => {
    const [line] = await csvBodyLines([makeRow({ owedFen })]);
    expect(line.split(',')[3]).toBe(yuan);
  });

  it.each<[number | null, string]>([
    [0.875, '87.5%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [2 / 3, '66.7%'],
    [null, ''],
  ])('writes the ratio %p as %p', async (recoveredRatio, text) => {
    const [line] = await csvBodyLines([makeRow({ recoveredRatio })]);
    expect(line.split(',')[5]).toBe(text);
  });

  it('leaves missing values empty in every kind of column', async () => {
    const [line] = await csvBodyLines([
      { caseNumber: null, employer: null, workers: null, owedFen: null, filedOn: null, recoveredRatio: null },
    ]);
    expect(line).toBe(',,,,,');
  });

  it('writes a Date as its calendar day in Shanghai', async () => {
    const [line] = await csvBodyLines([makeRow({ filedOn: new Date('2026-11-22T16:30:00Z') })]);
    expect(line.split(',')[4]).toBe('2026-11-23');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['+8613800138000', "'+8613800138000"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('prefixes the text cell %p with an apostrophe so Excel does not run it', async (employer, written) => {
    const csv = await csvOf([makeRow({ employer })]);
    const body = csv.slice(csv.indexOf('\r\n') + 2);
    expect(body.startsWith(`穗劳欠〔2026〕17号,${written},`)).toBe(true);
  });

  it('leaves text alone when the formula character is not first, and never touches numbers', async () => {
    const [line] = await csvBodyLines([makeRow({ employer: '甲=乙', owedFen: -5 })]);
    expect(line.split(',').slice(1, 4)).toEqual(['甲=乙', '36', '-0.05']);
  });
});

describe('percentText', () => {
  it.each<[number, string]>([
    [0.8745, '87.5%'], // 0.8745 × 1000 is 874.4999… in binary; Excel shows 87.5%
    [0.0005, '0.1%'],
    [0.00049, '0.0%'],
    [1.25, '125.0%'],
    [-0.0005, '-0.1%'],
    [-0.00001, '0.0%'],
  ])('formats %p as %p', (ratio, text) => {
    expect(percentText(ratio)).toBe(text);
  });
});

describe('XLSX export', () => {
  it('writes the bold Chinese headers on a frozen first row of the sheet 报表', async () => {
    const sheet = await readSheet(await exportToBuffer('xlsx', [makeRow()]));

    expect(sheet.name).toBe('报表');
    expect(sheet.getRow(1).values).toEqual([
      undefined, // exceljs rows are 1-based
      '案件编号',
      '用人单位',
      '涉及人数',
      '欠薪金额（元）',
      '立案日期',
      '清偿率',
    ]);
    expect(sheet.getRow(1).getCell(4).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(2);
  });

  it('sizes columns from the header, a Chinese character counting twice', async () => {
    const sheet = await readSheet(await exportToBuffer('xlsx', []));
    // 用人单位: 4 characters, 8 wide, +2, but a text column gets 12; 欠薪金额（元）: 7 characters, 14 wide, +2.
    expect([2, 3, 4, 5, 6].map((n) => sheet.getColumn(n).width)).toEqual([12, 10, 16, 12, 8]);
  });

  it('names the sheet as asked, dropping what Excel forbids in a sheet name', async () => {
    expect((await readSheet(await exportToBuffer('xlsx', [], { sheetName: '欠薪案件' }))).name).toBe('欠薪案件');
    const cleaned = await readSheet(await exportToBuffer('xlsx', [], { sheetName: '2026/01 案件:清单[全部]' }));
    expect(cleaned.name).toBe('2026 01 案件 清单 全部');
  });

  it.each<[string | bigint | number, number]>([
    ['123456789012345', 1234567890123.45],
    [123456789012345n, 1234567890123.45],
    [5, 0.05],
    ['-5', -0.05],
    [120000050n, 1200000.5],
  ])('writes %p fen as the number %p yuan, formatted #,##0.00, so Excel can sum it', async (owedFen, yuan) => {
    const sheet = await readSheet(await exportToBuffer('xlsx', [makeRow({ owedFen })]));
    const cell = sheet.getRow(2).getCell(4);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(yuan);
    expect(cell.numFmt).toBe('#,##0.00');
  });

  it('writes counts as numbers, ratios as numbers formatted 0.0%, dates and text as text', async () => {
    const sheet = await readSheet(
      await exportToBuffer('xlsx', [
        makeRow({ workers: 36, recoveredRatio: 0.875, filedOn: new Date('2026-11-22T16:30:00Z') }),
      ]),
    );
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe(36);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(5).value).toBe('2026-11-23');
    expect(row.getCell(6).value).toBe(0.875);
    expect(row.getCell(6).numFmt).toBe('0.0%');
    expect(row.getCell(1).value).toBe('穗劳欠〔2026〕17号');
  });

  it('keeps formula-like text as a plain string cell (XLSX never evaluates it), without an apostrophe', async () => {
    const sheet = await readSheet(await exportToBuffer('xlsx', [makeRow({ employer: '=1+1' })]));
    const cell = sheet.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });

  it('leaves missing values empty', async () => {
    const sheet = await readSheet(
      await exportToBuffer('xlsx', [
        { caseNumber: 'A1', employer: null, workers: null, owedFen: null, filedOn: null, recoveredRatio: null },
      ]),
    );
    expect([2, 3, 4, 5, 6].map((n) => sheet.getRow(2).getCell(n).value)).toEqual([null, null, null, null, null]);
  });

  it('writes every row of a synchronous iterable, in order', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => makeRow({ caseNumber: `案件${i}`, owedFen: BigInt(i) }));
    const sheet = await readSheet(await exportToBuffer('xlsx', rows));
    expect(sheet.rowCount).toBe(2501);
    expect(sheet.getRow(2501).getCell(1).value).toBe('案件2499');
    expect(sheet.getRow(2501).getCell(4).value).toBe(24.99);
  });
});

describe.each(EXPORT_FORMATS)('%s export failures', (format) => {
  it('rejects with the error the rows threw, and destroys the output', async () => {
    const sink = new Sink();
    const failure = new Error('cursor lost');
    await expect(writeTable(format, COLUMNS, rowsThenFailure(3, failure), sink)).rejects.toBe(failure);
    expect(sink.destroyed).toBe(true);
  });

  it('rejects when a synchronous iterable throws', async () => {
    function* rows(): Generator<CaseRow> {
      yield makeRow();
      throw new Error('bad row');
    }
    await expect(writeTable(format, COLUMNS, rows(), new Sink())).rejects.toThrow('bad row');
  });

  it('rejects a fen amount that is not a whole number, naming the column', async () => {
    await expect(writeTable(format, COLUMNS, [makeRow({ owedFen: 12.5 })], new Sink())).rejects.toThrow(
      'Export column "欠薪金额（元）" (yuan) expects an integer number of fen, got number 12.5',
    );
  });

  it('rejects an impossible date instead of writing "Invalid Date"', async () => {
    const rows = [makeRow({ filedOn: new Date('2026-02-30x') })];
    await expect(writeTable(format, COLUMNS, rows, new Sink())).rejects.toThrow(
      `Export column "立案日期" (date) expects a 'YYYY-MM-DD' string or a Date, got the Date Invalid Date`,
    );
  });

  it('stops and closes the row source when the client hangs up', async () => {
    let sourceClosed = false;
    async function* endless(): AsyncGenerator<CaseRow> {
      try {
        for (let i = 0; ; i++) yield makeRow({ caseNumber: `案件${i}` });
      } finally {
        sourceClosed = true;
      }
    }
    // A client that takes the first bytes, then drops the connection.
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        callback();
        sink.destroy();
      },
    });
    await expect(writeTable(format, COLUMNS, endless(), sink)).rejects.toThrow();
    expect(sourceClosed).toBe(true);
  });
});

/**
 * Bytes the process holds after a full collection. heapUsed alone would miss the Buffers (arrayBuffers) in
 * which an unbounded backlog of XML or CSV text would sit, and without a collection it mostly measures garbage.
 */
function retainedBytes(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe.each(EXPORT_FORMATS)('%s export, other work', (format) => {
  it('keeps the event loop turning, even for a consumer that never pushes back', async () => {
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    let otherWorkRanBeforeTheEnd = false;
    function* rows(): Generator<CaseRow> {
      for (let i = 0; i < 20_000; i++) yield makeRow();
      otherWorkRanBeforeTheEnd = otherWorkRan;
    }
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await writeTable(format, COLUMNS, rows(), sink);
    expect(otherWorkRanBeforeTheEnd).toBe(true);
  });
});

describe.each(EXPORT_FORMATS)('%s export of 200,000 rows', (format) => {
  it('streams with bounded memory: the output grows while rows are read, and little is held', async () => {
    const total = 200_000;
    const sink = new Sink(false);
    const samples: number[] = [];
    let bytesAtHalf = 0;
    async function* cursor(): AsyncGenerator<CaseRow> {
      for (let i = 0; i < total; i++) {
        if (i % 20_000 === 0) samples.push(retainedBytes());
        if (i === total / 2) bytesAtHalf = sink.bytes;
        yield makeRow({ caseNumber: `穗劳欠〔2026〕${i}号`, owedFen: BigInt(i) * 137n, workers: i % 500 });
      }
    }

    const before = retainedBytes();
    await writeTable(format, COLUMNS, cursor(), sink);

    const growthMb = (Math.max(...samples) - before) / 2 ** 20;
    expect(growthMb).toBeLessThan(24); // without back-pressure the XLSX sheet piles up, 50 MB by row 180,000
    // Half-way through the rows, a good part of the file has already gone out.
    expect(bytesAtHalf / sink.bytes).toBeGreaterThan(0.3);
  });
});
