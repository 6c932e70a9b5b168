/**
 * A code cache for the modules the built service loads as it starts (issue 17).
 *
 * Node compiles every CommonJS module from its source at each start: some 2,100 files, 10 MB of
 * JavaScript (TypeORM alone is 2.8 MB), about a quarter of the start-up's time on the main thread. V8 can
 * save the compiled code beside the source and load it the next time instead. Node 22 does this itself
 * (`module.enableCompileCache()`); this machine's Node 20 does not, and the packages that did it for older
 * Nodes (v8-compile-cache and its -lib fork) fail here: they compile every module with a `vm.Script`,
 * which cannot `import()` (PGlite loads its parts that way) and refuses the packages written as ES
 * modules that Node 20.19+ lets `require` load (content-disposition, under @fastify/static).
 *
 * So: each module is compiled as Node compiles it, but with the code saved by an earlier start when the
 * module's source is the same (a SHA-1 of it: V8's own check of a cache is only the source's length);
 * a module that may `import()` and an ES module go to Node's own loader. After the service
 * listens, the code of the modules it loaded is written to one file, once, when anything in it changed.
 * A cache that cannot be read or written is no cache: the service starts as it would without.
 *
 * `COMPILE_CACHE=off` turns it off, as `--enable-source-maps` does; `COMPILE_CACHE=<directory>` puts it
 * elsewhere than node_modules/.cache/wage-arrears-tracker.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Script } from 'node:vm';

/** A loaded CommonJS module, as much of it as compiling needs. */
interface LoadedModule {
  exports: unknown;
  require(id: string): unknown;
}

type RequireFunction = ((id: string) => unknown) & {
  resolve: ((request: string, options?: { paths?: string[] }) => string) & { paths(request: string): string[] | null };
  main: unknown;
  extensions: unknown;
  cache: unknown;
};

/** The parts of Node's CommonJS loader this takes over, undocumented but stable since Node 12. */
interface CommonJsLoader {
  prototype: { _compile(this: LoadedModule, content: string, filename: string, format?: string): unknown };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: LoadedModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: LoadedModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

/** The saved code of a module, by its file name. */
type SavedCode = Map<string, { sourceHash: string; code: Buffer }>;

export interface CompileCacheCounts {
  /** Modules compiled from the saved code. */
  fromCache: number;
  /** Modules compiled from their source (new, changed, or their saved code refused by V8). */
  compiled: number;
  /** Modules left to Node's own loader (ES modules). */
  leftToNode: number;
}

interface Installed {
  file: string;
  nodeCompile: CommonJsLoader['prototype']['_compile'];
  saved: SavedCode;
  /** Every module compiled here this run, to save its code, which by then includes what ran lazily. */
  loaded: Map<string, { sourceHash: string; script: Script; fromCache: boolean }>;
  counts: CompileCacheCounts;
}

let installed: Installed | null = null;

const MAY_IMPORT = /\bimport\s*\(/;

/** Where the cache lives for this Node, or null when it is turned off. */
function cacheFile(setting: string | undefined): string | null {
  if (setting === 'off') return null;
  const directory = setting || resolve(__dirname, '..', '..', 'node_modules', '.cache', 'wage-arrears-tracker');
  // compiled code is only good for the V8 that made it
  return join(directory, `compiled-modules-${process.version}-${process.arch}.bin`);
}

function readSaved(file: string): SavedCode {
  try {
    const saved: unknown = deserialize(readFileSync(file));
    return saved instanceof Map ? (saved as SavedCode) : new Map();
  } catch {
    return new Map();
  }
}

/** Installs the cache for every CommonJS module required from now on, once per process. */
function installCompileCache(setting: string | undefined): void {
  const file = cacheFile(setting);
  // Node maps the stack traces of the modules it compiles itself (--enable-source-maps), not of these
  if (installed || !file || process.sourceMapsEnabled) return;
  const loader = Module as unknown as CommonJsLoader;
  const nodeCompile = loader.prototype._compile;
  const state: Installed = { file, nodeCompile, saved: readSaved(file), loaded: new Map(), counts: { fromCache: 0, compiled: 0, leftToNode: 0 } };
  installed = state;

  loader.prototype._compile = function compileWithCache(content, filename, format) {
    // import() from code loaded out of a cache finds no loader on Node 20 (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING,
    // compile-cache.spec.ts), so a module that may import() is Node's to compile, as is an ES module
    if (format === 'module' || !/\.c?js$/.test(filename) || MAY_IMPORT.test(content)) {
      state.counts.leftToNode++;
      return nodeCompile.call(this, content, filename, format);
    }
    const sourceHash = createHash('sha1').update(content).digest('base64');
    const saved = state.saved.get(filename);
    let script: Script;
    try {
      script = new Script(loader.wrap(content), { filename, cachedData: saved?.sourceHash === sourceHash ? saved.code : undefined });
    } catch {
      // an ES module's syntax in a .js file: Node's loader knows to load it as one
      state.counts.leftToNode++;
      return nodeCompile.call(this, content, filename, format);
    }
    const fromCache = saved?.sourceHash === sourceHash && !script.cachedDataRejected;
    state.counts[fromCache ? 'fromCache' : 'compiled']++;
    state.loaded.set(filename, { sourceHash, script, fromCache });
    const moduleFunction = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return moduleFunction.call(this.exports, this.exports, requireFor(this, loader), this, filename, dirname(filename));
  };
}

/** The `require` a module is given, as Node makes it. */
function requireFor(module: LoadedModule, loader: CommonJsLoader): RequireFunction {
  const require = ((id: string) => module.require(id)) as RequireFunction;
  require.resolve = Object.assign((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, module, false, options), {
    paths: (request: string) => loader._resolveLookupPaths(request, module),
  });
  require.main = process.mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}

/**
 * Writes the code of the modules loaded so far, when any of it is not what the cache holds, and leaves
 * the modules loaded later (a workbook's reader, on the first roster) to Node. Called once the service
 * listens: by then the modules a start needs are loaded and the functions it ran are compiled.
 */
export function saveCompileCache(): CompileCacheCounts | null {
  const state = installed;
  if (!state) return null;
  const stale = [...state.loaded.values()].some((module) => !module.fromCache) || state.saved.size !== state.loaded.size;
  if (stale) {
    const code: SavedCode = new Map();
    for (const [filename, module] of state.loaded) code.set(filename, { sourceHash: module.sourceHash, code: module.script.createCachedData() });
    try {
      mkdirSync(dirname(state.file), { recursive: true });
      // written whole, then renamed: a service starting meanwhile reads the old file or the new, never half
      const partial = `${state.file}.${process.pid}`;
      writeFileSync(partial, serialize(code));
      renameSync(partial, state.file);
    } catch {
      // a read-only installation: it starts as it would without the cache
    }
  }
  (Module as unknown as CommonJsLoader).prototype._compile = state.nodeCompile;
  installed = null;
  return state.counts;
}

// Importing this module installs the cache: main.ts imports it before anything else, so that every module
// the service requires after it is compiled through it.
installCompileCache(process.env.COMPILE_CACHE);
