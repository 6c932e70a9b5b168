import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excel } from '../../common/export/excel';
import { AppError, FieldProblem } from '../../common/errors/app-error';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './roster-content-types';
import {
  CSV_MAX_RECORDS,
  ROSTER_MAX_CELL_CHARS,
  ROSTER_MAX_ROWS,
  XLSX_MAX_ROW_NUMBER,
  checkUnzippedSize,
  tooManyRows,
} from './roster-limits';

export const ROSTER_FIELDS = [
  'name',
  'idNumber',
  'mobile',
  'homeProvince',
  'kind',
  'periodStart',
  'periodEnd',
  'amountClaimed',
  'amountConfirmed',
  'note',
  // 序号: the row's place on the roster, which the case keeps (see claimsFromRoster)
  'serial',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export type RawCell = string | number | boolean | Date | null;

export interface RawRosterRow {
  /** The row as the clerk sees it: the spreadsheet row or CSV line (header = 1), or the JSON item (from 1). */
  row: number;
  cells: Partial<Record<RosterField, RawCell>>;
  /** Keys of a JSON row that are not roster fields. */
  unknownKeys: string[];
  /** A file's column headings as written (类别, kind…), so an answer can use the file's words; absent for JSON. */
  headings?: Partial<Record<RosterField, string>>;
}

/** Column headings clerks actually use, in Chinese and English. Other columns (签名…) are ignored. */
const HEADER_ALIASES: Record<string, RosterField> = {
  姓名: 'name',
  name: 'name',
  身份证号: 'idNumber',
  身份证号码: 'idNumber',
  公民身份号码: 'idNumber',
  idnumber: 'idNumber',
  手机号: 'mobile',
  手机号码: 'mobile',
  联系电话: 'mobile',
  mobile: 'mobile',
  籍贯: 'homeProvince',
  户籍省份: 'homeProvince',
  homeprovince: 'homeProvince',
  类别: 'kind',
  欠款类别: 'kind',
  kind: 'kind',
  开始日期: 'periodStart',
  欠薪开始日期: 'periodStart',
  periodstart: 'periodStart',
  结束日期: 'periodEnd',
  欠薪结束日期: 'periodEnd',
  periodend: 'periodEnd',
  主张金额: 'amountClaimed',
  欠薪金额: 'amountClaimed',
  金额: 'amountClaimed',
  amountclaimed: 'amountClaimed',
  确认金额: 'amountConfirmed',
  核实金额: 'amountConfirmed',
  amountconfirmed: 'amountConfirmed',
  备注: 'note',
  note: 'note',
  序号: 'serial',
  serial: 'serial',
};

const REQUIRED_COLUMNS: { field: RosterField; heading: string }[] = [
  { field: 'name', heading: '姓名' },
  { field: 'idNumber', heading: '身份证号' },
  { field: 'amountClaimed', heading: '主张金额' },
];

/** Reads a roster from a JSON body ({ rows: [...] }), a CSV file or an XLSX workbook (first sheet). */
export async function readRoster(body: unknown, contentType: string | undefined): Promise<RawRosterRow[]> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return readJsonRoster(body);
  if (type === CSV_CONTENT_TYPE) return fromTable(readCsv(body as Buffer), 1);
  if (type === XLSX_CONTENT_TYPE) return fromTable(await readXlsx(body as Buffer), 1);
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
    type: type || '(none)',
    accepted: `application/json, ${CSV_CONTENT_TYPE}, ${XLSX_CONTENT_TYPE}`,
  });
}

function readJsonRoster(body: unknown): RawRosterRow[] {
  const rows = (body as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) throw unreadable('JSON body must be {"rows": [ … ]}');
  if (rows.length > ROSTER_MAX_ROWS) throw tooManyRows();
  return rows.map((item, index) => {
    const cells: RawRosterRow['cells'] = {};
    const unknownKeys: string[] = [];
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
        if ((ROSTER_FIELDS as readonly string[]).includes(key)) cells[key as RosterField] = toRawCell(value);
        else unknownKeys.push(key);
      }
    }
    return { row: index + 1, cells, unknownKeys };
  });
}

function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * CSV from Excel on a Chinese Windows machine is GB18030 (GBK), elsewhere UTF-8 with or without a BOM.
 * Bytes that are not valid UTF-8 are read as GB18030 rather than turned into replacement characters.
 */
function readCsv(bytes: Buffer): RawCell[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  let table: string[][];
  try {
    // Blank lines are kept (and skipped later) so that every row keeps the number the clerk sees.
    // `to`: a file too long to be a roster is not parsed beyond what proves it (roster-limits.ts).
    table = parse(text, { bom: true, skip_empty_lines: false, relax_column_count: true, trim: true, to: CSV_MAX_RECORDS });
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  if (table.length >= CSV_MAX_RECORDS) throw tooManyRows();
  return table;
}

/**
 * Reads the first worksheet row by row (exceljs's streaming reader), after checking what the file
 * unzips to: reading stops as soon as it is too long to be a roster, so neither a sheet of a million
 * rows nor a small file holding a huge cell costs more than the limits in roster-limits.ts. A workbook
 * is loaded whole only once proven within those limits, when the streaming reader fails on it.
 *
 * The streaming reader turns each piece of an unzipped entry into text on its own, so a Chinese
 * character cut between two pieces comes out as replacement characters (exceljs issues #2084, #2063,
 * still open): about one cell per 16 KB of Chinese text, a name or a note silently changed. When any
 * cell holds one, the workbook (proven by then to be within every limit) is read again whole, which
 * decodes each entry at once.
 */
async function readXlsx(bytes: Buffer): Promise<RawCell[][]> {
  const damaged = checkUnzippedSize(bytes);
  if (damaged) throw unreadable(damaged);
  const streamed = await readXlsxStreaming(bytes);
  // Read whole when the streaming reader could not, or cut a character (above): a workbook proven within
  // the limits by now either reads that way or is unreadable for good, and says why.
  const whole = streamed === null || streamed.some((cells) => cells.some((cell) => typeof cell === 'string' && cell.includes(REPLACEMENT_CHARACTER)));
  return whole ? readXlsxWhole(bytes) : streamed;
}

const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * The first worksheet's rows, read as the workbook streams in; null when this reader fails on it.
 * exceljs's streaming reader loses parts of a workbook now and then on a busy machine: it holds the
 * worksheet in a temporary file while later parts go by, and the workbook part (which exceljs itself
 * writes last) can pass unread ("Cannot read properties of undefined (reading 'sheets')", seen in CI).
 * The roster's own limits (AppError) are answered at once.
 */
async function readXlsxStreaming(bytes: Buffer): Promise<RawCell[][] | null> {
  const reader = new (await excel()).stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    entries: 'ignore',
    hyperlinks: 'ignore',
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told by their number format
    worksheets: 'emit',
  });
  const table = new SheetTable(unescapeXstring);
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) table.add(row);
      break; // the first sheet is the roster
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    return null;
  }
  return sheets === 0 ? null : table.rows();
}

async function readXlsxWhole(bytes: Buffer): Promise<RawCell[][]> {
  const workbook = new (await excel()).Workbook();
  try {
    // exceljs's types name an older Buffer than Node 20's; it reads this one as it is
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(`not an .xlsx workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('the workbook has no worksheet');
  const table = new SheetTable((text) => text);
  sheet.eachRow({ includeEmpty: false }, (row) => table.add(row));
  return table.rows();
}

/** A worksheet's rows as read, each at its number, held to the roster's limits as they come. */
class SheetTable {
  private readonly table: RawCell[][] = [];
  private filled = 0;

  /** `text` turns a cell's text as the reader gives it into the text it stands for. */
  constructor(private readonly text: (raw: string) => string) {}

  add(row: ExcelJS.Row): void {
    if (row.number > XLSX_MAX_ROW_NUMBER) throw tooManyRows();
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = xlsxCellValue(cell.value, this.text);
      if (typeof value === 'string' && value.length > ROSTER_MAX_CELL_CHARS) {
        throw new AppError('ROSTER_INVALID', { count: 1 }, [{ row: row.number, code: 'TOO_LONG', params: { max: ROSTER_MAX_CELL_CHARS } }]);
      }
      cells[column - 1] = value;
    });
    this.table[row.number - 1] = cells;
    if (row.number > 1 && cells.some((cell) => cell !== null && cell !== undefined && cell !== '')) this.filled += 1;
    if (this.filled > ROSTER_MAX_ROWS) throw tooManyRows();
  }

  rows(): RawCell[][] {
    return Array.from(this.table, (cells) => cells ?? []);
  }
}

function xlsxCellValue(value: ExcelJS.CellValue, text: (raw: string) => string): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return text(value.richText.map((part) => part.text).join(''));
    if ('result' in value) return xlsxCellValue(value.result as ExcelJS.CellValue, text);
    if ('text' in value) return text(String(value.text));
  }
  return String(value);
}

/**
 * Excel writes a character XML cannot hold (a control character, the CR of a line break typed with
 * Alt+Enter) as _xHHHH_, and an underscore that would otherwise start such an escape as _x005F_
 * (ECMA-376 Part 1, ST_Xstring); exceljs leaves the escapes as they are. Read as the text they stand
 * for, a note keeps its line breaks and a control character is refused like any other
 * (roster-rows.ts), instead of "_x0000_" being stored as part of a name. Only the streaming reader
 * needs this: reading a workbook whole, exceljs decodes the escapes itself (its TextXform), and
 * decoding twice would turn the text "_x0041_" (stored as _x005F_x0041_) into "A".
 */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A header row, then one worker per row; blank rows are skipped but keep their numbers. */
function fromTable(table: RawCell[][], headerRow: number): RawRosterRow[] {
  const header = table[headerRow - 1] ?? [];
  const columns = header.map((heading) =>
    typeof heading === 'string' ? HEADER_ALIASES[heading.trim().replace(/\s/g, '').toLowerCase()] : undefined,
  );
  const missing: FieldProblem[] = REQUIRED_COLUMNS.filter(({ field }) => !columns.includes(field)).map(
    ({ heading }) => ({ row: headerRow, code: 'MISSING_COLUMN', params: { column: heading } }),
  );
  if (missing.length > 0) throw new AppError('ROSTER_INVALID', { count: missing.length }, missing);
  // as with the cells, the last of two columns for one field is the one read
  const headings: Partial<Record<RosterField, string>> = {};
  columns.forEach((field, column) => {
    if (field) headings[field] = String(header[column]).trim();
  });

  const rows: RawRosterRow[] = [];
  table.slice(headerRow).forEach((cells, index) => {
    if (cells.every((cell) => cell === null || cell === undefined || cell === '')) return;
    const row: RawRosterRow = { row: headerRow + index + 1, cells: {}, unknownKeys: [], headings };
    columns.forEach((field, column) => {
      if (field) row.cells[field] = cells[column] ?? null;
    });
    rows.push(row);
  });
  if (rows.length > ROSTER_MAX_ROWS) throw tooManyRows();
  return rows;
}

function unreadable(detail: string): AppError {
  return new AppError('ROSTER_INVALID', { count: 1 }, [{ code: 'UNREADABLE_FILE', params: { detail } }]);
}
