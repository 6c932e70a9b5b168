import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/**
 * Response documentation shared by every feature. Each operation declares its success answer, so the
 * web client's types (generated from /docs/json) break the build when a field is renamed; a test
 * (test/openapi.e2e-spec.ts) fails on any operation that does not.
 */

/** The paging fields of every list answer ({items, total, page, pageSize}). */
export class PageMetaView {
  @ApiProperty({ description: 'Rows matching the filters, over all pages', example: 137 })
  total: number;
  @ApiProperty({ example: 1 })
  page: number;
  @ApiProperty({ example: 20 })
  pageSize: number;
}

/** 200 with one page of `item`s: `{items: item[], total, page, pageSize}`. */
export function ApiPageResponse(item: Type<unknown>, description = 'One page of the list') {
  return applyDecorators(
    ApiExtraModels(PageMetaView, item),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaView) },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
          },
        ],
      },
    }),
  );
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BINARY = { schema: { type: 'string' as const, format: 'binary' } };

/**
 * 200 with a table that is JSON by default (`json`, when given) or a download with `?format=xlsx|csv`.
 * The download is streamed: its columns are the JSON's, with Chinese headings.
 */
export function ApiTableResponse(json?: Type<unknown>, description = 'The table, or a spreadsheet with ?format=xlsx|csv') {
  return applyDecorators(
    ...(json ? [ApiExtraModels(json)] : []),
    ApiOkResponse({
      description,
      content: {
        ...(json && { 'application/json': { schema: { $ref: getSchemaPath(json) } } }),
        [XLSX_CONTENT_TYPE]: BINARY,
        'text/csv': BINARY,
      },
    }),
  );
}

/** 200 with an HTML page (the printable agreement). */
export function ApiHtmlResponse(description: string) {
  return ApiOkResponse({ description, content: { 'text/html': { schema: { type: 'string' } } } });
}

/** A person named in an answer (lawyer, mediator, author of an event). */
export class UserRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '王律师' })
  displayName: string;
}

/** An organisation named in an answer. */
export class OrganisationRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SY' })
  code: string;
  @ApiProperty({ example: '顺义区总工会' })
  name: string;
}
