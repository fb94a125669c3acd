// HTTP latency of /api/zoeken under 20 concurrent connections, next to /api/health measured in
// the same run on the same server (these machines are noisy, so only ratios are comparable).
// Builds a database with synthetic listings, starts the built server on loopback with the
// embedded engine, loads it, stops it. With MEILI_URL (and MEILI_API_KEY) set, a second server
// on a copy of the database searches that Meilisearch, in an index of its own that is removed
// afterwards, and is measured the same way in the same run.
// Run `npm run build` first; `npm run bench:search` does both.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { loadDemoListings } from '#admin/content/load-demo-listings.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { insertListing } from '#admin/listings/listing-repository.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { startBuiltServer, waitFor } from './built-server.ts';
import { loadTest, percentiles, type Percentiles } from './load.ts';
import { syntheticListings } from './synthetic-listings.ts';

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4_000);
const CONCURRENCY = 20;
const PORT = Number(process.env.BENCH_PORT ?? 4398);
const MEILI_URL = process.env.MEILI_URL;
const MEILI_API_KEY = process.env.MEILI_API_KEY;

const QUERIES = [
  'q=schulden',
  'q=eenzaam&wijk=bolnes',
  'q=huiswerkbegeleding',
  'q=hulp+bij+formulieren',
  'leefgebied=geld&kosten=gratis',
  'q=mantelzorg&bij=oost',
  'q=taal&soort=activiteit',
  'q=vervoer&lat=51.872&lng=4.602',
  'q=ik+kan+mijn+rekeningen+niet+meer+betalen',
  'q=mijn+zoon+blowt+elke+dag',
];

interface Measured {
  engine: string;
  health: Percentiles;
  search: Percentiles;
  readySeconds: number;
}

async function measure(
  engine: string,
  port: number,
  env: Record<string, string | undefined>,
): Promise<Measured> {
  const started = performance.now();
  const { base, stop } = await startBuiltServer(port, {
    ...env,
    DEMO_DATA: 'false',
    SEARCH_SYNC_INTERVAL_SECONDS: '0',
  });
  try {
    // The first search waits until the index holds every listing.
    await waitFor(`${base}/api/zoeken?q=schulden`, 600_000);
    const readySeconds = (performance.now() - started) / 1000;
    let next = 0;
    const searchUrl = () => `${base}/api/zoeken?${QUERIES[next++ % QUERIES.length]}`;
    await loadTest(searchUrl, 200, CONCURRENCY); // warm-up
    await loadTest(() => `${base}/api/health`, 200, CONCURRENCY);
    const health = percentiles(await loadTest(() => `${base}/api/health`, REQUESTS, CONCURRENCY));
    const search = percentiles(await loadTest(searchUrl, REQUESTS, CONCURRENCY));
    return { engine, health, search, readySeconds };
  } finally {
    stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-bench-'));
const databasePath = join(dir, 'bench.sqlite');
const meiliIndex = `wijkwijzer-bench-${process.pid}`;
try {
  const content = loadContent(contentRoot);
  const db = openDatabase({ dialect: 'sqlite', path: databasePath });
  await prepareDatabase(db, { content, contentRoot, demoData: false });
  const listings = syntheticListings(LISTINGS, loadDemoListings(contentRoot, content), content);
  const seeded = performance.now();
  for (const listing of listings) await insertListing(db, listing);
  await db.destroy();
  console.log(
    `${LISTINGS} synthetic listings stored in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const results = [
    await measure('embedded', PORT, {
      DATABASE_PATH: databasePath,
      MEILI_URL: undefined,
      MEILI_API_KEY: undefined,
    }),
  ];
  if (MEILI_URL) {
    const copy = join(dir, 'bench-meilisearch.sqlite');
    copyFileSync(databasePath, copy);
    results.push(
      await measure('meilisearch', PORT + 1, {
        DATABASE_PATH: copy,
        MEILI_URL,
        MEILI_API_KEY,
        MEILI_INDEX: meiliIndex,
      }),
    );
  }

  const row = (name: string, p: Percentiles) =>
    `| ${name.padEnd(27)} | ${p.p50.toFixed(2).padStart(7)} | ${p.p95.toFixed(2).padStart(7)} | ${p.p99.toFixed(2).padStart(7)} |`;
  console.log(`\n${REQUESTS} requests each, ${CONCURRENCY} concurrent, ${LISTINGS} listings (ms)`);
  console.log('| endpoint                    |     p50 |     p95 |     p99 |');
  console.log('|-----------------------------|---------|---------|---------|');
  for (const { engine, health, search } of results) {
    console.log(row(`/api/health (${engine})`, health));
    console.log(row(`/api/zoeken (${engine})`, search));
  }
  console.log('');
  for (const { engine, health, search, readySeconds } of results) {
    console.log(
      `${engine}: /api/zoeken p95 = ${(search.p95 / health.p95).toFixed(2)} × /api/health p95 of the same server` +
        `${engine === 'embedded' ? ' (target ≤ 4)' : ''}; first search answered ${readySeconds.toFixed(1)} s after start`,
    );
  }
  const [embedded, meilisearch] = results;
  if (embedded && meilisearch)
    console.log(
      `/api/zoeken p95 with Meilisearch = ${(meilisearch.search.p95 / embedded.search.p95).toFixed(2)} × with the embedded engine`,
    );
} finally {
  if (MEILI_URL) {
    const client = new Meilisearch({ host: MEILI_URL, ...(MEILI_API_KEY ? { apiKey: MEILI_API_KEY } : {}) });
    await client.deleteIndex(meiliIndex).waitTask();
  }
  rmSync(dir, { recursive: true, force: true });
}
