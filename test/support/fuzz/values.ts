import fc from 'fast-check';
import { ApiDocument, Schema, resolve } from './openapi';

/**
 * Strings a clerk never types but an attacker, a broken client or a bad copy and paste sends: control
 * characters and NUL, invisible and right-to-left characters, mixed scripts, SQL and path traversal,
 * overlong text, malformed dates and money, and the ids and numbers that look almost right.
 */
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  '张\u0000三',
  '\u0007\u001b[31m红\u001b[0m',
  '\r\n\t',
  '\u200b',
  '\u200b\u200c\u200d\ufeff\u2060',
  '\u202eRTL\u202d李四\u202c',
  'Аdmin李𠮷👷‍♂️',
  '\ud800',
  'x'.repeat(2_001),
  '字'.repeat(10_001),
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '1; SELECT pg_sleep(5)--',
  '%_%\\',
  '$$; $1 $2',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd\u0000.csv',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0001-01-01',
  '0000-01',
  '9999-12',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '9999-12-31',
  '-2026-01-01',
  '2026-11-22T25:61:00+08:00',
  '2026-11-22T10:00:00+99:00',
  '294277-01-01',
  '12000.505',
  '0.001',
  '-5.00',
  '-0',
  '0.00',
  '99999999999999999999.99',
  '1,200.00',
  '１２３.４５',
  '١٢٣',
  '1e309',
  'NaN',
  'Infinity',
  '0x1F',
  '9223372036854775808',
  '-9223372036854775809',
  'true',
  'null',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000',
  'not-a-uuid',
  '110105194912310021'.repeat(3),
];

export const HOSTILE_NUMBERS: number[] = [
  -1, 0, -0, 0.5, 1899, 1900, 2101, 12000.505, 0.001, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 2 ** 63, 1e21, 5e-324, 2026.5,
];

/** Values of the wrong shape for any field: null, booleans, arrays where objects are expected and the reverse. */
export const HOSTILE_SHAPES: unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [null],
  [[]],
  ['x'],
  [{}],
  { a: {} },
  { $gt: '' },
  { toString: 'x', valueOf: 1 },
  Array.from({ length: 10_000 }, (_, i) => i),
];

/** Nested `levels` deep: `{"a":{"a":...}}`. Below the service's limit of 32 it is a shape error, above it a depth error. */
export function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SHAPES) },
  { weight: 1, arbitrary: fc.constantFrom(5, 31, 33, 200).map(nested) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
);

/** A query string's value is always text: the hostile strings, and random text. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS.map(String)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** The real ids and other known-good values a field of this name may take, late-bound (the scenario is built in beforeAll). */
export type Pools = (field: string) => string[] | undefined;

/**
 * A value the field would accept, or near enough to get past the first checks and reach the service's
 * own rules: an enum member, a real id of the scenario by the field's name, the document's example.
 */
export function validValue(document: ApiDocument, raw: Schema | undefined, field: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  // read when the value is drawn, not when the arbitrary is built: a pool changes as the fuzz goes (a refresh token rotates)
  if (pools(field)?.length) return fc.nat(1_000).map((i) => { const pool = pools(field)!; return pool[i % pool.length]; });
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.type === 'array' || schema.items) {
    if (depth > 4) return fc.constant([]);
    return fc.array(validValue(document, schema.items, field.replace(/s$/, ''), pools, depth + 1), { minLength: 0, maxLength: 3 });
  }
  if (schema.properties) return objectOf(document, schema, pools, { depth: depth + 1, hostile: 0, extra: 0 });
  // an optimistic lock's version: the records of a scenario have small ones, and only the current one gets past the lock
  if (field === 'version') return fc.integer({ min: 1, max: 4 });
  const examples = schema.example !== undefined ? [schema.example] : [];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return fc.oneof(fc.constantFrom(...examples, 1, 2), fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 200 }));
    case 'boolean':
      return fc.boolean();
    default:
      if (/[Oo]n$|Date$|day$|^(from|to|on)$/.test(field)) return fc.constantFrom(...examples, '2026-11-20', '2026-12-10', '2027-01-11');
      if (/At$/.test(field)) return fc.constantFrom(...examples, '2026-12-12T09:30:00+08:00', '2026-12-12T11:00:00+08:00');
      if (/[Aa]mount/.test(field)) return fc.constantFrom(...examples, '1.00', '100.50', '3000.00');
      if (examples.length > 0) return fc.constantFrom(...examples);
      return fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 12 });
  }
}

/**
 * A JSON object for the schema. Each field is valid, hostile (`hostile` in 20), or left out; a required
 * one is left out now and then (never with `hostile: 0`), and a field the schema does not know is added
 * `extra` in 9 times.
 */
export function objectOf(
  document: ApiDocument,
  raw: Schema | undefined,
  pools: Pools,
  { depth = 0, hostile = 8, extra: extraWeight = 1 }: { depth?: number; hostile?: number; extra?: number } = {},
): fc.Arbitrary<Record<string, unknown>> {
  const schema = resolve(document, raw);
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const value = (property: Schema, name: string) =>
    hostile === 0
      ? validValue(document, property, name, pools, depth)
      : fc.oneof({ weight: 20 - hostile, arbitrary: validValue(document, property, name, pools, depth) }, { weight: hostile, arbitrary: hostileValue });
  const fields = properties.map(([name, property]) =>
    fc.oneof(
      { weight: required.has(name) ? 10 : 5, arbitrary: value(property, name).map((v) => [name, v] as const) },
      { weight: required.has(name) ? (hostile === 0 ? 0 : 1) : 4, arbitrary: fc.constant(null) },
    ),
  );
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as [string, unknown][]) },
    { weight: extraWeight, arbitrary: fc.tuple(fc.constantFrom('isAdmin', '__proto__', 'constructor', 'id', 'version', 'createdAt', '名字', 'a\u0000b'), hostileValue).map((entry) => [entry]) },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([chosen, extras]) => {
    const body: Record<string, unknown> = {};
    for (const entry of chosen) if (entry) body[entry[0]] = entry[1];
    // defineProperty, so that "__proto__" is an own field of the JSON sent, not the object's prototype
    for (const [name, value] of extras) Object.defineProperty(body, name, { value, enumerable: true, writable: true, configurable: true });
    return body;
  });
}

