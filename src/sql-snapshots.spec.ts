import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The final SQL of every statement the features keep in their `*.sql.ts` files, written whole into a
 * committed `.final.sql` file beside each (immich's habit; not `X.sql`, which `require('./X.sql')` would
 * find before `X.sql.ts`). Statements are assembled from shared fragments (the balance, the final
 * statuses, the report figures), so a change to one fragment shows up in review as the diff of every
 * statement it reaches. This test fails when a `.final.sql` file is out of date;
 * `UPDATE_SQL=1 npm test -- --selectProjects unit --runTestsByPath src/sql-snapshots.spec.ts` rewrites them.
 */
const SRC = __dirname;
const SQL_STATEMENT = /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i;

/** Statement builders that take a dimension or a flag: each written out for every value it is called with. */
function builtStatements(exports: Record<string, unknown>): [string, string][] {
  const names = exports.DIMENSION_NAMES as string[] | undefined;
  if (!names) return [];
  const breakdown = exports.breakdownSql as (name: string, reading?: string) => string;
  const speed = exports.breakdownSpeedSql as (name: string) => string;
  const speedByKeys = exports.speedByKeys as (name: string) => boolean;
  const isRolledUp = exports.isRolledUp as (name: string) => boolean;
  return names.flatMap((name): [string, string][] => [
    [`breakdownSql('${name}')`, breakdown(name)],
    [`breakdownSql('${name}', 'every row')`, breakdown(name, 'every row')],
    ...(isRolledUp(name) ? [] : [[`breakdownSql('${name}', 'page of candidates')`, breakdown(name, 'page of candidates')] as [string, string]]),
    ...(speedByKeys(name) ? [[`breakdownSpeedSql('${name}')`, speed(name)] as [string, string]] : []),
  ]);
}

function sqlModules(): string[] {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(SRC, dir.name)).filter((file) => file.endsWith('.sql.ts')).map((file) => join(SRC, dir.name, file)));
}

function rendered(modulePath: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(modulePath) as Record<string, unknown>;
  const statements: [string, string][] = [
    ...Object.entries(exports).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && SQL_STATEMENT.test(entry[1])),
    ...builtStatements(exports),
  ];
  const header = `-- Written by src/sql-snapshots.spec.ts from ${basename(modulePath)}: every statement it exports, whole. Do not edit.\n`;
  return header + statements.map(([name, sql]) => `\n-- ${name}\n${dedent(sql)};\n`).join('');
}

function dedent(sql: string): string {
  const lines = sql.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)![0].length));
  return lines.map((line) => line.slice(Math.min(indent, line.match(/^ */)![0].length))).join('\n');
}

describe('the final SQL of each feature', () => {
  it.each(sqlModules().map((path) => [path.slice(SRC.length + 1), path]))('%s matches its committed .sql file', (_name, path) => {
    const target = path.replace(/\.sql\.ts$/, '.final.sql');
    const expected = rendered(path);
    if (process.env.UPDATE_SQL === '1') writeFileSync(target, expected);
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '(missing)';
    if (committed !== expected) {
      throw new Error(`${target} is out of date: run UPDATE_SQL=1 npm test -- --selectProjects unit --runTestsByPath src/sql-snapshots.spec.ts, and review the diff`);
    }
    expect(committed).toBe(expected);
  });
});
