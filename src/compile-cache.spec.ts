import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, ScriptTarget, transpileModule } from 'typescript';

/**
 * The compile cache in real Node processes, as the built service loads it: a program whose first require
 * is the cache, then modules of every kind the service's packages are (CommonJS, an ES module required
 * from CommonJS, a module that import()s, require.resolve), started again and again.
 */
describe('the compile cache of the modules loaded at start-up', () => {
  let dir: string;
  let cacheDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    cacheDir = join(dir, 'cache');
    const source = readFileSync(join(__dirname, 'compile-cache.ts'), 'utf8');
    const { outputText } = transpileModule(source, { compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022, esModuleInterop: true } });
    writeFileSync(join(dir, 'compile-cache.js'), outputText);
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'greeting.js'), `exports.greeting = () => 'one';\n`);
    writeFileSync(join(dir, 'lib', 'uses-require.js'), `exports.resolved = require.resolve('./greeting');\nexports.sum = require('./sum.cjs')(2, 3);\n`);
    writeFileSync(join(dir, 'lib', 'sum.cjs'), `module.exports = (a, b) => a + b;\n`);
    writeFileSync(join(dir, 'lib', 'imports.js'), `exports.load = () => import('./later.mjs').then((later) => later.answer);\n`);
    writeFileSync(join(dir, 'lib', 'later.mjs'), `export const answer = 42;\n`);
    mkdirSync(join(dir, 'node_modules', 'an-es-module'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'an-es-module', 'package.json'), JSON.stringify({ name: 'an-es-module', type: 'module', exports: './index.js' }));
    writeFileSync(join(dir, 'node_modules', 'an-es-module', 'index.js'), `export function shout(text) { return text.toUpperCase(); }\n`);
    writeFileSync(
      join(dir, 'main.js'),
      `const { saveCompileCache } = require('./compile-cache');
       const { greeting } = require('./lib/greeting');
       const { resolved, sum } = require('./lib/uses-require');
       const { shout } = require('an-es-module');
       require('./lib/imports').load().then((answer) => {
         const counts = saveCompileCache();
         console.log(JSON.stringify({ greeting: greeting(), resolved, sum, shouted: shout('ok'), answer, counts }));
       });`,
    );
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const start = (setting = cacheDir) => JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: dir, env: { ...process.env, COMPILE_CACHE: setting }, encoding: 'utf8' }));

  it('compiles the first start from the sources and the next from the code it saved, with the same results', () => {
    const first = start();
    expect(first).toEqual({
      greeting: 'one',
      resolved: join(dir, 'lib', 'greeting.js'),
      sum: 5,
      shouted: 'OK',
      answer: 42,
      // greeting, uses-require, sum.cjs; the module that import()s and the ES modules are Node's to compile
      counts: { fromCache: 0, compiled: 3, leftToNode: 2 },
    });
    expect(readdirSync(cacheDir)).toEqual([`compiled-modules-${process.version}-${process.arch}.bin`]);

    const second = start();
    expect(second).toEqual({ ...first, counts: { fromCache: 3, compiled: 0, leftToNode: 2 } });
  });

  it('compiles a module changed since the cache was saved from its new source, even at the same length', () => {
    start();
    writeFileSync(join(dir, 'lib', 'greeting.js'), `exports.greeting = () => 'two';\n`);
    const changed = start();
    expect(changed.greeting).toBe('two');
    expect(changed.counts).toEqual({ fromCache: 2, compiled: 1, leftToNode: 2 });
    expect(start().counts).toEqual({ fromCache: 3, compiled: 0, leftToNode: 2 });
  });

  it('starts as without a cache when it cannot be written or is not what it should be', () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, '');
    expect(start(notADirectory).counts).toEqual({ fromCache: 0, compiled: 3, leftToNode: 2 });

    start();
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file), 'not a cache');
    expect(start()).toMatchObject({ greeting: 'one', answer: 42, counts: { fromCache: 0, compiled: 3 } });
  });

  it('is off with COMPILE_CACHE=off, and when Node maps stack traces to the sources', () => {
    const off = start('off');
    expect(off).toMatchObject({ greeting: 'one', sum: 5, shouted: 'OK', answer: 42, counts: null });
    expect(existsSync(cacheDir)).toBe(false);

    const mapped = JSON.parse(execFileSync(process.execPath, ['--enable-source-maps', 'main.js'], { cwd: dir, env: { ...process.env, COMPILE_CACHE: cacheDir }, encoding: 'utf8' }));
    expect(mapped).toMatchObject({ greeting: 'one', answer: 42, counts: null });
    expect(existsSync(cacheDir)).toBe(false);
  });
});
