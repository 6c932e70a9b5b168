import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when a workbook is first read or written rather than when the service starts: it
 * is the largest library the service loads (about a third of its start-up, issue 17), and only
 * rosters and exports use it.
 */
export async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
