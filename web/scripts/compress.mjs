// Writes a brotli and a gzip copy beside every built script and style sheet; the service sends the
// compressed copy to a browser that accepts it (@fastify/static preCompressed): a phone on a building
// site's mobile connection downloads a quarter of the bytes, and nothing is compressed per request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = process.argv[2] ?? new URL('../dist/assets/', import.meta.url).pathname;
for (const name of readdirSync(assets)) {
  if (!/\.(js|css)$/.test(name)) continue;
  const bytes = readFileSync(join(assets, name));
  writeFileSync(join(assets, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(assets, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}
