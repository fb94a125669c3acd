// `npm run build` runs this after `astro build`: the stylesheets trimmed to what the pages use,
// then every static text file compressed once.
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.ts';
import { trimBuiltCss } from './trim-css.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const site = fileURLToPath(new URL('../../site', import.meta.url));
const css = trimBuiltCss(dist, [site]);
console.log(
  `Trimmed CSS to what the site uses: ${(css.before / 1024).toFixed(1)} KB → ${(css.after / 1024).toFixed(1)} KB.`,
);
const totals = precompress(`${dist}/client`);
console.log(
  `Precompressed ${totals.files} files: ${(totals.before / 1024).toFixed(1)} KB → ` +
    `${(totals.br / 1024).toFixed(1)} KB Brotli, ${(totals.gzip / 1024).toFixed(1)} KB gzip.`,
);
