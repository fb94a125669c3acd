// Transferred bytes (gzip) of HTML, CSS and JavaScript per page type, measured from the built
// server the way a browser loads a page: the HTML, its stylesheets and scripts, and every
// module those scripts import. Run `npm run bench:weight` (builds first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBuiltServer } from './built-server.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4397);
const TARGET_KB = { withoutMap: 15, withMap: 70 } as const;
/** Stylesheets (gzip), after the build trimmed them to the classes the site uses. */
const CSS_TARGET_KB = { withoutMap: 10, withMap: 15 } as const;

const PAGES: { name: string; path: string; map: boolean }[] = [
  { name: 'home', path: '/', map: false },
  { name: 'wijken', path: '/wijken', map: false },
  { name: 'wat is mijn wijk', path: '/wijken/mijn-wijk', map: false },
  { name: 'zoeken', path: '/zoeken?q=eenzaam', map: false },
  { name: 'organisatie', path: '/organisaties/karaat', map: false },
  { name: 'infopagina', path: '/toegankelijkheid', map: false },
  { name: 'vraag', path: '/vraag', map: false },
  { name: 'wijk', path: '/wijken/slikkerveer', map: true },
  { name: 'aanbod', path: '/aanbod/alzheimer-cafe', map: true },
  { name: 'kaart', path: '/kaart', map: true },
];

const gzipped = (text: string): number => gzipSync(text).length;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}

/** The script and every module it imports, statically or dynamically (a browser may load both). */
async function moduleGraph(url: string, seen: Map<string, string>): Promise<void> {
  if (seen.has(url)) return;
  const source = await text(url);
  seen.set(url, source);
  const imports = [
    ...source.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g),
  ].map((match) => new URL(match[1] ?? '', url).href);
  for (const next of imports) await moduleGraph(next, seen);
}

const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-weight-'));
const { base, stop } = await startBuiltServer(PORT, {
  DATABASE_PATH: join(dir, 'weight.sqlite'),
  DEMO_DATA: 'true',
  SEARCH_SYNC_INTERVAL_SECONDS: '0',
});
const failures: string[] = [];
const rows: string[] = [];
try {
  for (const page of PAGES) {
    const html = await text(base + page.path);
    const attribute = (pattern: RegExp) =>
      [...html.matchAll(pattern)].map((match) => new URL(match[1] ?? '', base).href);
    const css = attribute(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
    const scripts = new Map<string, string>();
    for (const src of attribute(/<script[^>]+type="module"[^>]+src="([^"]+)"/g))
      await moduleGraph(src, scripts);
    const cssBytes = (await Promise.all(css.map(text))).reduce((sum, source) => sum + gzipped(source), 0);
    const jsBytes = [...scripts.values()].reduce((sum, source) => sum + gzipped(source), 0);
    const leaflet =
      [...scripts.values()].some((source) => source.includes('leaflet-container')) ||
      css.some((href) => href.includes('leaflet'));
    const limit = page.map ? TARGET_KB.withMap : TARGET_KB.withoutMap;
    if (jsBytes / 1024 > limit)
      failures.push(`${page.name}: ${kb(jsBytes)} KB JavaScript (target ≤ ${limit} KB)`);
    const cssLimit = page.map ? CSS_TARGET_KB.withMap : CSS_TARGET_KB.withoutMap;
    if (cssBytes / 1024 > cssLimit)
      failures.push(`${page.name}: ${kb(cssBytes)} KB CSS (target ≤ ${cssLimit} KB)`);
    if (leaflet !== page.map)
      failures.push(
        `${page.name}: ${leaflet ? 'loads Leaflet without a map' : 'shows a map without Leaflet'}`,
      );
    rows.push(
      `| ${page.name.padEnd(16)} | ${page.map ? 'yes' : 'no '} | ${kb(gzipped(html)).padStart(5)} | ${kb(cssBytes).padStart(5)} | ${kb(jsBytes).padStart(5)} | ${(leaflet ? 'yes' : 'no').padEnd(7)} | ≤ ${String(limit).padStart(2)} KB | ≤ ${String(cssLimit).padStart(2)} KB |`,
    );
  }
} finally {
  stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log('\nTransferred size per page type, gzip, KB');
console.log('| page             | map | HTML  | CSS   | JS    | Leaflet | JS target | CSS target |');
console.log('|------------------|-----|-------|-------|-------|---------|-----------|------------|');
for (const row of rows) console.log(row);
if (failures.length > 0) {
  console.log(`\nTargets missed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(
    '\nAll targets met: pages without a map ≤ 15 KB JavaScript and ≤ 10 KB CSS, map pages ≤ 70 KB and ≤ 15 KB, Leaflet only where a map is shown.',
  );
}
