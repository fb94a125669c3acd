// `npm run build` runs this after `astro build`: the stylesheet trimmed to what the pages use,
// then every static text file compressed once.
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.ts';

const client = fileURLToPath(new URL('../../dist/client', import.meta.url));
const totals = precompress(client);
console.log(
  `Precompressed ${totals.files} files: ${(totals.before / 1024).toFixed(1)} KB → ` +
    `${(totals.br / 1024).toFixed(1)} KB Brotli, ${(totals.gzip / 1024).toFixed(1)} KB gzip.`,
);
