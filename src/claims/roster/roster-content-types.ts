export const CSV_CONTENT_TYPE = 'text/csv';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Body types read as raw bytes, for roster uploads; JSON rosters arrive through Fastify's JSON parser. */
export const ROSTER_CONTENT_TYPES = [CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE];
