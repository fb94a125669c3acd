// After `astro build`: every text file of dist/client gets a Brotli (.br) and gzip (.gz) copy at
// the highest level, made once here so the server never compresses a static file per request.
// Run by `npm run build` (finish-build.ts).
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { compressStatic } from '../server/compression.ts';

const TEXT = new Set(['.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.html']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function precompress(root: string): { files: number; before: number; br: number; gzip: number } {
  const totals = { files: 0, before: 0, br: 0, gzip: 0 };
  for (const path of [...files(root)]) {
    if (path.endsWith('.br') || path.endsWith('.gz')) {
      rmSync(path);
      continue;
    }
    if (!TEXT.has(extname(path))) continue;
    const body = readFileSync(path);
    totals.files += 1;
    totals.before += body.length;
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const packed = compressStatic(body, encoding);
      // A copy that saves nothing is not worth a second file.
      if (packed.length >= body.length) continue;
      writeFileSync(path + suffix, packed);
      totals[encoding] += packed.length;
    }
  }
  return totals;
}
