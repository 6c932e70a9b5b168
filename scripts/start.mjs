/**
 * `npm start`: builds what changed since the last build, then serves (issue 17: it used to rebuild the
 * server and the pages on every start, about 30 s on an unchanged checkout).
 *
 * The server and the pages each keep, beside what was built, a digest of what it was built from: their
 * sources, their configuration and the lockfile. A part whose digest still matches is not built again.
 * A digest of the files' sizes and times, recorded with it, spares reading them when nothing was touched.
 * `npm run build` always builds both, and records their digests (`--record`).
 *
 * Plain JavaScript, not TypeScript through ts-node: it runs before anything is built, on every start.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What each part is built from, what its build writes, and how it is built. */
const PARTS = [
  {
    name: 'server',
    inputs: ['src', 'migrations', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'],
    output: 'dist/src/main.js',
    record: 'dist/.built-from',
    build: ['npx', ['nest', 'build']],
  },
  {
    name: 'pages',
    inputs: ['web/src', 'web/scripts', 'web/index.html', 'web/package.json', 'web/vite.config.ts', 'web/tsconfig.json', 'package-lock.json'],
    output: 'web/dist/index.html',
    record: 'web/dist/.built-from',
    build: ['npm', ['run', 'build', '-w', 'web']],
  },
];

/** Every file under the inputs, in a stable order, with what `stat` says of it. */
function filesOf(inputs) {
  const files = [];
  const visit = (path) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
      return;
    }
    files.push({ path: relative(root, full), full, size: stat.size, modified: stat.mtimeMs });
  };
  for (const input of inputs) visit(input);
  return files;
}

/** A digest of the files' paths and contents: what decides whether a part is built again. */
function contentDigest(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(readFileSync(file.full)).update('\0');
  return hash.digest('hex');
}

/**
 * A digest of the files' paths, sizes and times of change, which needs no file read: when it matches the
 * one recorded with the content digest, nothing was edited, added, removed or renamed since, and reading
 * every source again (about a tenth of a second) is spared.
 */
function statDigest(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.size}\0${file.modified}\0`);
  return hash.digest('hex');
}

/** The record beside a build: its content digest, then its stat digest (older records hold the first only). */
function readRecord(part) {
  const record = join(root, part.record);
  if (!existsSync(join(root, part.output)) || !existsSync(record)) return null;
  const [content, stat] = readFileSync(record, 'utf8').split('\n');
  return { content, stat };
}

function writeRecord(part, files, content) {
  writeFileSync(join(root, part.record), `${content}\n${statDigest(files)}`);
}

const recordOnly = process.argv.includes('--record');
for (const part of PARTS) {
  const files = filesOf(part.inputs);
  if (recordOnly) {
    if (existsSync(join(root, part.output))) writeRecord(part, files, contentDigest(files));
    continue;
  }
  const record = readRecord(part);
  if (record && record.stat === statDigest(files)) continue;
  const content = contentDigest(files);
  if (record && record.content === content) {
    writeRecord(part, files, content); // the same sources, touched (a checkout): remember their times
    continue;
  }
  console.log(`Building the ${part.name}: ${existsSync(join(root, part.output)) ? 'its sources changed since the last build' : 'not built yet'}…`);
  const [command, args] = part.build;
  const built = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  writeRecord(part, files, content);
}
if (!recordOnly) await import(pathToFileURL(join(root, 'dist', 'src', 'main.js')).href);
