/**
 * Streams one table (a report, a case list) to an HTTP response or a file as CSV or XLSX.
 * Rows arrive as an iterable, typically a database cursor, and leave as they come: a 200,000-row
 * export holds a few rows and a few buffers in memory, never the whole file.
 */
import { once } from 'node:events';
import type { Stream } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { excel } from './excel';
import { formatYuan } from '../money/money';
import { shanghaiDate } from '../time/shanghai';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ColumnKind = 'text' | 'integer' | 'decimal' | 'yuan' | 'date' | 'ratio';

/**
 * What a column's `value` may return, by kind:
 * - text: a string (a number or bigint is written as its digits); null or undefined is an empty cell, as in every kind.
 * - integer: a whole number, or a bigint, or a decimal-integer string as node-postgres returns int8 and COUNT(*).
 * - yuan: an amount in integer fen (分), in any of the integer forms above.
 * - date: a 'YYYY-MM-DD' string, written as is, or a Date, written as its Asia/Shanghai calendar day.
 * - decimal: a number shown with one decimal (a median of days, 12.5), or a numeric string.
 * - ratio: a number, usually between 0 and 1 (or a numeric string, as node-postgres returns numeric).
 * A value of the wrong shape (12.5 fen, a Date in a text column) is a bug in the report, so it fails the export.
 */
export type CellValue = string | number | bigint | Date | null | undefined;

export interface ExportColumn<Row> {
  /** Chinese heading, e.g. '欠薪金额（元）'. */
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
}

/** Rows written between two turns of the event loop when nothing else makes the export wait. */
const ROWS_PER_YIELD = 1000;

export interface WriteTableOptions {
  /** XLSX only; defaults to '报表'. */
  sheetName?: string;
}

export function contentTypeOf(format: ExportFormat): string {
  switch (format) {
    case 'csv':
      return 'text/csv; charset=utf-8';
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    default:
      return assertUnreachable(format);
  }
}

/**
 * Writes the header row and every row to `out`, then ends it. Memory stays bounded whatever the number of rows:
 * rows are pulled only as fast as `out` takes the bytes. Resolves once `out` has finished; rejects if `rows`
 * throws, a value has the wrong shape or `out` fails, and then `out` is destroyed rather than ended, so a
 * client sees a broken download instead of a file that looks complete but lacks rows.
 */
export async function writeTable<Row>(
  format: ExportFormat,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  out: NodeJS.WritableStream,
  options: WriteTableOptions = {},
): Promise<void> {
  switch (format) {
    case 'csv':
      return writeCsv(columns, rows, out);
    case 'xlsx':
      return writeXlsx(columns, rows, out, sheetNameOf(options.sheetName));
    default:
      return assertUnreachable(format);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/**
 * A leading =, +, -, @, tab or CR makes Excel read a cell as a formula ("CSV injection"); OWASP's advice is to
 * prefix such cells with an apostrophe. Only text columns carry user input; numbers and dates are ours.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

async function writeCsv<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  out: NodeJS.WritableStream,
): Promise<void> {
  // pipeline() carries back-pressure from `out` up to the row iterator, and on any failure destroys `out` and
  // calls the iterator's return(), so a database cursor behind it is closed.
  await pipeline(
    csvRecords(columns, rows),
    stringify({
      bom: true, // Excel takes a BOM-less file for the local code page (GBK) and garbles the Chinese
      record_delimiter: 'windows', // CRLF, as RFC 4180 asks
      // csv-stringify quotes a field with the delimiter, a quote or the whole record delimiter, but not a bare
      // LF or CR, which Excel and RFC 4180 readers would take as the end of the row.
      quoted_match: /[\r\n]/,
    }),
    out,
  );
}

async function* csvRecords<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): AsyncGenerator<string[]> {
  yield columns.map((column) => column.header);
  let rowsSinceYield = 0;
  for await (const row of rows) {
    yield columns.map((column) => csvCell(column, column.value(row)));
    // Rows from memory into a consumer that never pushes back would otherwise run on promise callbacks alone
    // and hold the event loop, and every other request, until the last row.
    if (++rowsSinceYield === ROWS_PER_YIELD) {
      rowsSinceYield = 0;
      await nextTurnOfEventLoop();
    }
  }
}

function csvCell<Row>(column: ExportColumn<Row>, value: CellValue): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'text': {
      const text = textOf(column, value);
      return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
    }
    case 'integer':
      return integerOf(column, value).toString();
    case 'decimal':
      return ratioOf(column, value).toFixed(1);
    case 'yuan':
      return formatYuan(integerOf(column, value));
    case 'date':
      return dateOf(column, value);
    case 'ratio':
      return percentText(ratioOf(column, value));
    default:
      return assertUnreachable(column.kind);
  }
}

/**
 * 0.875 → '87.5%'. Rounds half away from zero at the first decimal, as Excel shows the same number under '0.0%';
 * the 12 significant digits first absorb the binary error that puts 0.8745 × 1000 at 874.4999….
 */
export function percentText(ratio: number): string {
  const tenths = Math.round(Number((Math.abs(ratio) * 1000).toPrecision(12)));
  const sign = ratio < 0 && tenths !== 0 ? '-' : '';
  return `${sign}${Math.trunc(tenths / 10)}.${tenths % 10}%`;
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

export const DEFAULT_SHEET_NAME = '报表';

const YUAN_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.0%';

async function writeXlsx<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  out: NodeJS.WritableStream,
  sheetName: string,
): Promise<void> {
  const output = watchForFailure(out);
  try {
    const workbook = new (await excel()).stream.xlsx.WorkbookWriter({
      // exceljs types the option as a Stream class though it only writes to and ends it.
      stream: out as unknown as Stream,
      useSharedStrings: false, // shared strings are kept in memory until the end
      useStyles: true,
    });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ width: columnWidthOf(column) }));

    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();

    const entry = sheetEntryOf(sheet);
    let rowsSinceYield = 0;
    for await (const row of rows) {
      output.signal.throwIfAborted();
      const written = sheet.addRow(columns.map((column) => xlsxCell(column, column.value(row))));
      columns.forEach((column, index) => (written.getCell(index + 1).style = CELL_STYLES[column.kind]));
      written.commit();

      if (entry) {
        if (entry.needsDrain()) await abortable(once(entry.stream, 'drain', { signal: output.signal }), output.signal);
      } else if (++rowsSinceYield === ROWS_PER_YIELD) {
        rowsSinceYield = 0;
        await nextTurnOfEventLoop();
      }
    }
    output.signal.throwIfAborted();
    sheet.commit();
    // commit() resolves on `out`'s 'finish' and would wait forever if `out` closed early.
    await abortable(workbook.commit(), output.signal);
  } catch (error) {
    // Without an error argument: the caller learns of the failure from the rejection, and an 'error' event on
    // an `out` with no listener would crash the process.
    destroy(out);
    throw error;
  } finally {
    output.stop();
  }
}

function xlsxCell<Row>(column: ExportColumn<Row>, value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'text':
      // A string cell is never evaluated as a formula in XLSX, so no apostrophe here.
      return textOf(column, value);
    case 'integer':
      return Number(integerOf(column, value));
    case 'decimal':
      return ratioOf(column, value);
    case 'yuan':
      // A number in yuan so Excel can sum it. Doubles hold every amount below 2^53 fen to the fen.
      return Number(integerOf(column, value)) / 100;
    case 'date':
      // Text, not an Excel date serial: no time zone or 1900-leap-year question can shift it by a day.
      return dateOf(column, value);
    case 'ratio':
      return ratioOf(column, value);
    default:
      return assertUnreachable(column.kind);
  }
}

/**
 * One style object per kind, shared by every cell of that kind. exceljs recognises a style object it has seen
 * (a WeakMap) and otherwise serialises each cell's style to find its id, a quarter of the export's time.
 */
const CELL_STYLES: Record<ColumnKind, Partial<ExcelJS.Style>> = {
  date: {},
  decimal: { numFmt: '0.0' },
  integer: {},
  ratio: { numFmt: PERCENT_FORMAT },
  text: {},
  yuan: { numFmt: YUAN_FORMAT },
};

const MIN_WIDTH: Record<ColumnKind, number> = { date: 12, decimal: 8, integer: 8, ratio: 8, text: 12, yuan: 16 };
const MAX_WIDTH = 40;

/** Excel widths count narrow characters; a Chinese character takes two. Padded for the filter button. */
function columnWidthOf<Row>(column: ExportColumn<Row>): number {
  let width = 0;
  for (const char of column.header) width += WIDE_CHAR.test(char) ? 2 : 1;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH[column.kind], width + 2));
}

/** CJK ideographs and punctuation, Hangul, full-width forms such as （）. */
const WIDE_CHAR = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Excel refuses a workbook whose sheet name is over 31 characters or holds any of : \ / ? * [ ]. */
function sheetNameOf(requested: string | undefined): string {
  const cleaned = (requested ?? '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31)
    .replace(/^'+|'+$/g, '');
  return cleaned === '' ? DEFAULT_SHEET_NAME : cleaned;
}

/**
 * Back-pressure, and why it reaches into exceljs. exceljs 4.4 writes each sheet's XML into a PassThrough
 * that feeds the zip archive, and ignores that stream's write() result. So `out` filling up stops the archive
 * but not exceljs, and the rest of the sheet piles up in that PassThrough: over 200 bytes a row, some 45 MB
 * for 200,000 rows. That PassThrough does flag needDrain and emit 'drain', so we pause on it, which carries
 * `out`'s back-pressure through the archive to the row iterator. If a later exceljs is built differently this
 * returns undefined and we fall back to yielding to the event loop every ROWS_PER_YIELD rows, which keeps the
 * process responsive but not memory bounded; the streaming test in the spec then fails.
 */
interface SheetEntry {
  stream: NodeJS.EventEmitter;
  needsDrain(): boolean;
}

interface ExcelJsSheetInternals {
  stream?: { pipes?: unknown[] };
}

interface ReadableStreamInternals extends NodeJS.EventEmitter {
  _writableState?: { needDrain?: unknown };
}

function sheetEntryOf(sheet: ExcelJS.Worksheet): SheetEntry | undefined {
  const pipes = (sheet as unknown as ExcelJsSheetInternals).stream?.pipes;
  const entry = pipes?.length === 1 ? (pipes[0] as ReadableStreamInternals) : undefined;
  if (typeof entry?.once !== 'function' || typeof entry._writableState?.needDrain !== 'boolean') return undefined;
  const state = entry._writableState;
  return { stream: entry, needsDrain: () => state.needDrain === true };
}

// ---------------------------------------------------------------------------------------------------------------
// Output failure

interface FailureWatch {
  /** Aborted, with the reason, once `out` errors or closes before the export has ended (a client hanging up). */
  signal: AbortSignal;
  stop(): void;
}

function watchForFailure(out: NodeJS.WritableStream): FailureWatch {
  const controller = new AbortController();
  // A finished stream closes next, a tick before exceljs's commit() resolves; that close is no failure.
  let finished = false;
  const onFinish = () => (finished = true);
  const onError = (error: unknown) => controller.abort(error);
  const onClose = () => {
    if (!finished) controller.abort(new Error('The export output closed before the table was written'));
  };
  out.on('finish', onFinish);
  out.on('error', onError);
  out.on('close', onClose);
  return {
    signal: controller.signal,
    stop() {
      out.off('finish', onFinish);
      out.off('error', onError);
      out.off('close', onClose);
    },
  };
}

/** Waits for `work`, or throws the reason `signal` was aborted with, whichever comes first. */
async function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function destroy(out: NodeJS.WritableStream): void {
  const destroyable = out as NodeJS.WritableStream & { destroy?: () => void };
  if (typeof destroyable.destroy === 'function') destroyable.destroy();
  else out.end();
}

// ---------------------------------------------------------------------------------------------------------------
// Values

type PresentValue = Exclude<CellValue, null | undefined>;

const INTEGER_TEXT = /^-?[0-9]+$/;

function textOf<Row>(column: ExportColumn<Row>, value: PresentValue): string {
  if (value instanceof Date) throw wrongShape(column, value, 'text');
  return String(value);
}

/** Whole numbers exactly, including int8 and fen sums beyond 2^53 that node-postgres returns as strings. */
function integerOf<Row>(column: ExportColumn<Row>, value: PresentValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return BigInt(value);
  throw wrongShape(column, value, column.kind === 'yuan' ? 'an integer number of fen' : 'an integer');
}

function dateOf<Row>(column: ExportColumn<Row>, value: PresentValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return shanghaiDate(value);
  throw wrongShape(column, value, "a 'YYYY-MM-DD' string or a Date");
}

function ratioOf<Row>(column: ExportColumn<Row>, value: PresentValue): number {
  // Number('') is 0, which would turn a missing value into 0.0%.
  const isNumeric = typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
  const ratio = isNumeric ? Number(value) : Number.NaN;
  if (!Number.isFinite(ratio)) throw wrongShape(column, value, 'a number');
  return ratio;
}

function wrongShape<Row>(column: ExportColumn<Row>, value: PresentValue, expected: string): Error {
  const shown = value instanceof Date ? `the Date ${String(value)}` : `${typeof value} ${String(value)}`;
  return new Error(`Export column "${column.header}" (${column.kind}) expects ${expected}, got ${shown}`);
}

function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value ${String(value)}`);
}
