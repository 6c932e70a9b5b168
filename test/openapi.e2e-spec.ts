import { TestApp, startTestApp } from './support/test-app';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Schema {
  $ref?: string;
  type?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
}

/**
 * The web client's types are generated from /docs/json: an operation whose success answer is not
 * described gives the client an untyped body, and a renamed field would break a clerk's day instead
 * of the build. Every operation must describe its answer, and every schema it names must have fields.
 */
describe('The OpenAPI document describes every answer', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.anonymous.get('/docs/json')).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );

  it('describes the success body of every operation (204 excepted)', () => {
    const undocumented = operations()
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) return true;
        return success.some(
          ([status, response]) =>
            status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
        );
      })
      .map(({ name }) => name);
    expect(operations().length).toBeGreaterThan(90);
    expect(undocumented).toEqual([]);
  });

  it('names only schemas that exist and have fields', () => {
    const schemas = document.components.schemas;
    const problems: string[] = [];
    const visit = (schema: Schema | undefined, where: string) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.replace('#/components/schemas/', '');
        if (!schemas[name]) problems.push(`${where}: ${name} is not defined`);
        return;
      }
      schema.allOf?.forEach((part) => visit(part, where));
      schema.oneOf?.forEach((part) => visit(part, where));
      visit(schema.items, where);
      Object.values(schema.properties ?? {}).forEach((property) => visit(property, where));
    };
    for (const { name, operation } of operations()) {
      for (const response of Object.values(operation.responses)) {
        for (const media of Object.values(response.content ?? {})) visit(media.schema, name);
      }
    }
    for (const [name, schema] of Object.entries(schemas)) {
      const hasShape = schema.properties || schema.allOf || schema.oneOf || schema.enum || schema.items || schema.type === 'string';
      if (!hasShape || (schema.properties && Object.keys(schema.properties).length === 0)) problems.push(`${name} has no fields`);
      visit(schema, name);
    }
    expect(problems).toEqual([]);
  });

});
