import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../common/errors/app-error';

/**
 * The most workers one roster may list. The largest rosters a union's service center meets are a
 * big construction site's, in the low thousands (the pages are built for 1,000-worker cases); 5,000
 * leaves room for those while keeping one import's transaction and the answer listing its bad rows
 * bounded. A bigger roster is split into files and imported in parts. Before this cap a 66,000-row
 * CSV or an 850,000-row workbook ran the service out of memory.
 */
export const ROSTER_MAX_ROWS = 5_000;

/**
 * The most records read from a CSV before giving up: the heading, the workers and as many blank or
 * empty lines again (Excel writes ",,,," for rows that were only formatted). Past it the file has too
 * many rows whatever they hold, and the rest is never parsed.
 */
export const CSV_MAX_RECORDS = 1 + 2 * ROSTER_MAX_ROWS;

/** Rows of a sheet numbered beyond this are refused unread, for the same reason. */
export const XLSX_MAX_ROW_NUMBER = 1 + 2 * ROSTER_MAX_ROWS;

/**
 * The most a workbook may hold unzipped, in MB. A 5,000-worker roster is a few MB of XML, and Excel's
 * styles and a logo add a few more; 50 MB is ample, and bounds what reading it costs in memory (a 333 KB
 * file holding one 300 MB cell took the service to 3.86 GB).
 */
export const XLSX_MAX_UNZIPPED_MB = 50;

/** The longest text a roster cell may hold: a note is at most 500 characters, a name 50. */
export const ROSTER_MAX_CELL_CHARS = 2_000;

export function tooManyRows(): AppError {
  return new AppError('ROSTER_INVALID', { count: 1 }, [{ code: 'ROSTER_TOO_MANY_ROWS', params: { max: ROSTER_MAX_ROWS } }]);
}

function tooLarge(): AppError {
  return new AppError('ROSTER_INVALID', { count: 1 }, [{ code: 'WORKBOOK_TOO_LARGE', params: { max: XLSX_MAX_UNZIPPED_MB } }]);
}

/**
 * Refuses a workbook whose entries unzip to more than XLSX_MAX_UNZIPPED_MB, before anything reads it.
 * The sizes the zip's central directory declares are summed, and then each entry is inflated against
 * its declared size, so a file that lies about its sizes is caught too. Returns a reason when the
 * bytes are not a zip this reader understands (the caller answers UNREADABLE_FILE), null when fine.
 */
export function checkUnzippedSize(bytes: Buffer): string | null {
  const limit = XLSX_MAX_UNZIPPED_MB * 1024 * 1024;
  // End of central directory: 22 bytes plus a comment of up to 65,535, at the end of the file.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'not an .xlsx workbook (no zip directory)';
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return 'not an .xlsx workbook (damaged zip directory)';
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    // 0xffffffff: a ZIP64 size, only ever needed past 4 GB
    if (declared === 0xffffffff || compressed === 0xffffffff) throw tooLarge();
    total += declared;
    if (total > limit) throw tooLarge();
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return 'not an .xlsx workbook (damaged zip entry)';
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      if (data.length !== declared) return 'not an .xlsx workbook (damaged zip entry)';
    } else if (method === 8) {
      try {
        // One byte more than declared: an entry that inflates past its declared size stops there.
        const inflated = inflateRawSync(data, { maxOutputLength: declared + 1 });
        if (inflated.length > declared) throw tooLarge();
        if (inflated.length < declared) return 'not an .xlsx workbook (damaged zip entry)';
      } catch (error) {
        if (error instanceof AppError) throw error;
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
        return 'not an .xlsx workbook (damaged zip entry)';
      }
    } else return `not an .xlsx workbook (zip compression method ${method})`;
  }
  return null;
}
