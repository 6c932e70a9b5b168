import { PassThrough } from 'node:stream';
import { Logger, StreamableFile } from '@nestjs/common';
import { ExportColumn, ExportFormat, contentTypeOf, writeTable } from './tabular-export';

const logger = new Logger('Export');

/**
 * A table as a download, streamed as its rows arrive. Everything that can be refused (scope,
 * parameters) must be checked before this is called: once the first bytes are out, a failure can
 * only break the download (the client sees it incomplete), never turn into an error answer.
 */
export function tableDownload<Row>(
  format: ExportFormat,
  baseName: string,
  columns: readonly ExportColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
): StreamableFile {
  const body = new PassThrough();
  const fileName = `${baseName}.${format}`;
  writeTable(format, columns, rows, body, { sheetName: baseName.slice(0, 31) }).catch((error: unknown) => {
    logger.error(`export ${fileName} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  return new StreamableFile(body, {
    type: contentTypeOf(format),
    // RFC 6266: an ASCII fallback for old clients, the Chinese name for the rest
    disposition: `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}
