import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
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
 * unzips to: a workbook is never loaded whole, and reading stops as soon as it is too long to be a
 * roster, so neither a sheet of a million rows nor a small file holding a huge cell costs more than
 * the limits in roster-limits.ts.
 */
async function readXlsx(bytes: Buffer): Promise<RawCell[][]> {
  const damaged = checkUnzippedSize(bytes);
  if (damaged) throw unreadable(damaged);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    entries: 'ignore',
    hyperlinks: 'ignore',
    sharedStrings: 'cache',
    styles: 'cache', // date cells are told by their number format
    worksheets: 'emit',
  });
  const table: RawCell[][] = [];
  let sheets = 0;
  let filled = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) {
        if (row.number > XLSX_MAX_ROW_NUMBER) throw tooManyRows();
        const cells: RawCell[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          const value = xlsxCellValue(cell.value);
          if (typeof value === 'string' && value.length > ROSTER_MAX_CELL_CHARS) {
            throw new AppError('ROSTER_INVALID', { count: 1 }, [
              { row: row.number, code: 'TOO_LONG', params: { max: ROSTER_MAX_CELL_CHARS } },
            ]);
          }
          cells[column - 1] = value;
        });
        table[row.number - 1] = cells;
        if (row.number > 1 && cells.some((cell) => cell !== null && cell !== undefined && cell !== '')) filled += 1;
        if (filled > ROSTER_MAX_ROWS) throw tooManyRows();
      }
      break; // the first sheet is the roster
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(`not an .xlsx workbook (${(error as Error).message})`);
  }
  if (sheets === 0) throw unreadable('the workbook has no worksheet');
  return Array.from(table, (cells) => cells ?? []);
}

function xlsxCellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return xlsxCellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return String(value);
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
