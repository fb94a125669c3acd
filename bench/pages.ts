// `npm run bench:pages`: what a resident's phone and the server pay per page. In one run, next to
// a plain node:http hello-world server: requests per second and p50/p97.5 latency at 20
// connections, and the bytes a browser receives on a first and a repeat visit (Accept-Encoding,
// conditional requests, cached immutable files). Exits non-zero when a target is missed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltServer, waitFor } from './built-server.ts';
import { RawConnection, decodeBody, loadTest, type LoadResult, type RawResponse } from './raw-http.ts';

const HOST = '127.0.0.1';
const APP_PORT = Number(process.env.BENCH_PORT ?? 4395);
const HELLO_PORT = APP_PORT + 1;
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MAX_REQUESTS = 200_000;
const TARGET = { shareOfHelloWorld: 0.25, homeFirstKB: 30, homeRepeatKB: 5, pageKB: 60, mapPageKB: 120 };

/** What Chromium sends for a page and for its files. */
const BROWSER = {
  'Accept-Encoding': 'gzip, deflate, br, zstd',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'User-Agent': 'Mozilla/5.0 (Linux; Android 14) wijkwijzer-bench',
};

const THROUGHPUT: { name: string; path: string; page: boolean }[] = [
  { name: '/api/health', path: '/api/health', page: false },
  { name: 'home', path: '/', page: true },
  { name: 'wijk', path: '/wijken/slikkerveer', page: true },
  { name: 'aanbod', path: '/aanbod/alzheimer-cafe', page: true },
  { name: 'zoeken', path: '/zoeken?q=schulden', page: true },
  { name: '/api/zoeken', path: '/api/zoeken?q=schulden', page: true },
];

const WEIGHT: { name: string; path: string; map: boolean }[] = [
  { name: 'home', path: '/', map: false },
  { name: 'wijken', path: '/wijken', map: false },
  { name: 'wat is mijn wijk', path: '/wijken/mijn-wijk', map: false },
  { name: 'zoeken', path: '/zoeken?q=schulden', map: false },
  { name: 'organisatie', path: '/organisaties/karaat', map: false },
  { name: 'infopagina', path: '/toegankelijkheid', map: false },
  { name: 'vraag', path: '/vraag', map: false },
  { name: 'niet gevonden', path: '/bestaat-niet', map: false },
  { name: 'wijk', path: '/wijken/slikkerveer', map: true },
  { name: 'aanbod', path: '/aanbod/alzheimer-cafe', map: true },
  { name: 'kaart', path: '/kaart', map: true },
];

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Files the page makes the browser load: stylesheets, icons, images, scripts and their imports. */
async function subresources(connection: RawConnection, html: string, base: string): Promise<string[]> {
  const found = new Set<string>();
  const add = (href: string | undefined, from: string) => {
    if (!href || href.startsWith('data:')) return;
    const url = new URL(href.replace(/&amp;/g, '&'), from);
    if (url.origin === new URL(base).origin) found.add(url.pathname + url.search);
  };
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (/rel="(stylesheet|icon)"/.test(tag)) add(/href="([^"]+)"/.exec(tag)?.[1], base);
  }
  for (const match of html.matchAll(/<img\b[^>]*src="([^"]+)"/g)) add(match[1], base);
  const scripts = [...html.matchAll(/<script\b[^>]*type="module"[^>]*src="([^"]+)"/g)].map(
    (match) => new URL(match[1] ?? '', base).href,
  );
  const seen = new Set<string>();
  while (scripts.length > 0) {
    const next = scripts.pop() ?? '';
    if (seen.has(next)) continue;
    seen.add(next);
    add(next, base);
    const source = decodeBody(await connection.request(new URL(next).pathname, BROWSER));
    for (const match of source.matchAll(
      /(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g,
    ))
      scripts.push(new URL(match[1] ?? '', next).href);
  }
  return [...found];
}

/** Whether a browser would use its stored copy without asking. */
const freshInBrowser = (response: RawResponse): boolean =>
  /immutable/.test(response.headers['cache-control'] ?? '') ||
  Number(/max-age=(\d+)/.exec(response.headers['cache-control'] ?? '')?.[1] ?? 0) > 0;

async function visits(base: string, path: string): Promise<{ first: number; repeat: number; files: number }> {
  const connection = new RawConnection(HOST, APP_PORT);
  try {
    const page = await connection.request(path, BROWSER);
    const files = await subresources(connection, decodeBody(page), base + path);
    const responses: [string, RawResponse][] = [[path, page]];
    for (const file of files) responses.push([file, await connection.request(file, BROWSER)]);
    let first = 0;
    let repeat = 0;
    for (const [url, response] of responses) {
      first += response.wireBytes;
      if (freshInBrowser(response)) continue;
      const etag = response.headers.etag;
      const again = await connection.request(url, etag ? { ...BROWSER, 'If-None-Match': etag } : BROWSER);
      repeat += again.wireBytes;
    }
    return { first, repeat, files: files.length };
  } finally {
    connection.close();
  }
}

const load = (port: number, path: string, headers: Record<string, string> = BROWSER): Promise<LoadResult> =>
  loadTest({
    host: HOST,
    port,
    path,
    headers,
    connections: CONNECTIONS,
    seconds: SECONDS,
    maxRequests: MAX_REQUESTS,
  });

const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-pages-'));
const hello = spawn(process.execPath, ['bench/hello-world.ts'], {
  env: { ...process.env, PORT: String(HELLO_PORT) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const failures: string[] = [];
try {
  const { base, stop } = await startBuiltServer(APP_PORT, {
    DATABASE_PATH: join(dir, 'pages.sqlite'),
    DEMO_DATA: 'true',
    SEARCH_SYNC_INTERVAL_SECONDS: '0',
  });
  try {
    await waitFor(`http://${HOST}:${HELLO_PORT}/`);
    await waitFor(`${base}/api/zoeken?q=schulden`);
    // Warm-up: every page rendered once, the JIT warm on both servers.
    for (const { path } of [...THROUGHPUT, ...WEIGHT]) await fetch(base + path);
    await loadTest({
      host: HOST,
      port: HELLO_PORT,
      path: '/',
      connections: CONNECTIONS,
      seconds: 1,
      maxRequests: MAX_REQUESTS,
    });
    for (const { path } of THROUGHPUT)
      await loadTest({
        host: HOST,
        port: APP_PORT,
        path,
        headers: BROWSER,
        connections: CONNECTIONS,
        seconds: 0.5,
        maxRequests: MAX_REQUESTS,
      });

    // The baseline is measured before and after the app, so drift on a shared machine shows.
    const before = await load(HELLO_PORT, '/', {});
    const results: [string, LoadResult, boolean][] = [];
    for (const { name, path, page } of THROUGHPUT) results.push([name, await load(APP_PORT, path), page]);
    const after = await load(HELLO_PORT, '/', {});
    const baseline = (before.perSecond + after.perSecond) / 2;

    console.log(`\nThroughput at ${CONNECTIONS} connections, ${SECONDS} s each (browser Accept-Encoding)`);
    console.log('| server                 | requests/s | share of hello-world | p50 ms | p97.5 ms |');
    console.log('|------------------------|-----------:|---------------------:|-------:|---------:|');
    const row = (name: string, result: LoadResult) =>
      console.log(
        `| ${name.padEnd(22)} | ${result.perSecond.toFixed(0).padStart(10)} | ${`${((result.perSecond / baseline) * 100).toFixed(1)} %`.padStart(20)} | ${result.p50.toFixed(2).padStart(6)} | ${result.p975.toFixed(2).padStart(8)} |`,
      );
    row('hello-world (before)', before);
    row('hello-world (after)', after);
    for (const [name, result, page] of results) {
      row(name, result);
      if (page && result.perSecond < TARGET.shareOfHelloWorld * baseline)
        failures.push(
          `${name}: ${((result.perSecond / baseline) * 100).toFixed(1)} % of hello-world (target ≥ 25 %)`,
        );
    }

    console.log('\nBytes received per visit (HTML, CSS, JS, images; map tiles not counted)');
    console.log('| page             | map | files | first visit | repeat visit | target first |');
    console.log('|------------------|-----|------:|------------:|-------------:|-------------:|');
    for (const { name, path, map } of WEIGHT) {
      const { first, repeat, files } = await visits(base, path);
      const limit = name === 'home' ? TARGET.homeFirstKB : map ? TARGET.mapPageKB : TARGET.pageKB;
      console.log(
        `| ${name.padEnd(16)} | ${map ? 'yes' : 'no '} | ${String(files).padStart(5)} | ${`${kb(first)} KB`.padStart(11)} | ${`${kb(repeat)} KB`.padStart(12)} | ${`≤ ${limit} KB`.padStart(12)} |`,
      );
      if (first > limit * 1024)
        failures.push(`${name}: ${kb(first)} KB on a first visit (target ≤ ${limit} KB)`);
      if (name === 'home' && repeat > TARGET.homeRepeatKB * 1024)
        failures.push(`home: ${kb(repeat)} KB on a repeat visit (target ≤ ${TARGET.homeRepeatKB} KB)`);
    }
  } finally {
    stop();
  }
} finally {
  hello.kill();
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`\nTargets missed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(
    '\nAll targets met: every public page ≥ 25 % of hello-world requests/s; home ≤ 30 KB first and ≤ 5 KB repeat; pages ≤ 60 KB, map pages ≤ 120 KB on a first visit.',
  );
}
