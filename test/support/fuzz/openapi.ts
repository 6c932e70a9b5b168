/** The parts of the service's OpenAPI document (GET /docs/json) the fuzz builds its requests from. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  /** As the document writes it: `/cases/{caseId}/claims`. */
  path: string;
  /** `POST /cases/{caseId}/claims`, the name the suite reports by. */
  name: string;
  parameters: Parameter[];
  /** Each content type the body may have, with its schema. */
  bodies: Record<string, Schema>;
  bodyRequired: boolean;
}

export interface ApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export function operationsOf(document: ApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      name: `${method.toUpperCase()} ${path}`,
      parameters: operation.parameters ?? [],
      bodies: Object.fromEntries(Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => [type, media.schema ?? {}])),
      bodyRequired: operation.requestBody?.required ?? false,
    })),
  );
}

/** A schema with its `$ref` and single-member `allOf` (how Nest's swagger names an enum or a nested DTO) followed. */
export function resolve(document: ApiDocument, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 10) return {};
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
  const [only] = schema.allOf ?? [];
  if (schema.allOf?.length === 1) return { ...resolve(document, only, depth + 1), ...withoutAllOf(schema) };
  return schema;
}

function withoutAllOf(schema: Schema): Schema {
  const rest = { ...schema };
  delete rest.allOf;
  return rest;
}
