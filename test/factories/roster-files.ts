import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Api } from '../support/test-app';
import { RosterRow } from './scenario';

/** The content types a clerk's browser sends for a roster file. */
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell of a CSV line: quoted when it holds a comma, a quote or a line break, as Excel writes it. */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text, lines ended by CRLF as Excel writes them; no line break after the last line. */
export function csvText(lines: (string | number)[][]): string {
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n');
}

/** The roster as clerks keep it: 序号, 姓名, 身份证号, 手机号, 主张金额 (one line per worker, header first). */
export function rosterCsv(rows: RosterRow[]): string {
  return csvText([
    ['序号', '姓名', '身份证号', '手机号', '主张金额'],
    ...rows.map((row, i) => [i + 1, row.name, row.idNumber, row.mobile, row.amountClaimed]),
  ]);
}

/** The bytes Excel on a Chinese-language Windows writes for "CSV (逗号分隔)": GB18030, no BOM. */
export function gb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

/**
 * An .xlsx workbook with one sheet: the heading row, then one row per entry of `rows` (a `null` entry
 * leaves that spreadsheet row empty, so later rows keep their numbers). Cells keep their JavaScript
 * type: strings become text cells, numbers number cells, Dates date cells.
 */
export async function xlsxRoster(headings: string[], rows: (ExcelJS.CellValue[] | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农民工工资表');
  sheet.getRow(1).values = headings;
  rows.forEach((cells, index) => {
    if (cells) sheet.getRow(index + 2).values = cells;
  });
  headings.forEach((heading, column) => {
    if (/日期/.test(heading)) sheet.getColumn(column + 1).numFmt = 'yyyy-mm-dd';
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Every claim of a case, all pages. */
export async function allClaims(api: Api, caseId: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page += 1) {
    const response = await api.get(`/cases/${caseId}/claims?pageSize=200&page=${page}`);
    if (response.status !== 200) throw new Error(`claims answered ${response.status}: ${JSON.stringify(response.body)}`);
    items.push(...response.body.items);
    if (items.length >= response.body.total || response.body.items.length === 0) return items;
  }
}

/**
 * An id number as the service shows it without a reveal: the region (first six) and the last four,
 * the eight characters between starred out (110105********002X).
 */
export function maskedIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
}

/** A mobile number as the service shows it without a reveal: 138****5678. */
export function maskedMobile(mobileNumber: string): string {
  return `${mobileNumber.slice(0, 3)}****${mobileNumber.slice(7)}`;
}

/**
 * The one claim of `claims` whose worker has this id number, told by its masked form: fails unless
 * exactly one claim shows it, so two workers whose masked numbers coincide cannot be confused.
 */
export function claimOfIdNumber(claims: any[], idNumber: string): any {
  const matching = claims.filter((claim) => claim.worker.idNumber === maskedIdNumber(idNumber));
  if (matching.length !== 1) {
    throw new Error(`${matching.length} claims show the id number ${maskedIdNumber(idNumber)} (${idNumber})`);
  }
  return matching[0];
}

/** The same id number with a wrong check character: one digit miscopied at the end. */
export function withWrongCheckDigit(idNumber: string): string {
  const last = idNumber[17];
  return idNumber.slice(0, 17) + (last === '0' ? '1' : '0');
}
