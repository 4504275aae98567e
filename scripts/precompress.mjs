#!/usr/bin/env node
/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of a built folder, once
 * at build time at the highest levels, so the server sends them without compressing per request.
 * Files under 1 KB, and copies that would not be smaller, are skipped.
 *
 *   node scripts/precompress.mjs client/dist/h5
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|wasm|xml)$/i;
const MIN_BYTES = 1024;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

export function precompress(dir) {
  let written = 0;
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const copies = {
      br: brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gz: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }),
    };
    for (const [ext, bytes] of Object.entries(copies)) {
      if (bytes.length >= raw.length) continue;
      writeFileSync(`${path}.${ext}`, bytes);
      written++;
    }
  }
  return written;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/precompress.mjs <folder>');
  process.exit(2);
}
console.log(`precompress: ${precompress(dir)} files written under ${dir}`);
