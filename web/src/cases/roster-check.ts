import { api, unwrap } from '../common/api/client';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a roster file to the API to be read and checked; nothing is saved. */
export function checkRoster(file: File) {
  const contentType = file.name.toLowerCase().endsWith('.csv') || file.type === CSV_TYPE ? CSV_TYPE : XLSX_TYPE;
  return unwrap(
    api.POST('/rosters/check', {
      // the file's bytes go as they are, with their own content type
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'content-type': contentType },
    }),
  );
}
