// HTTP latency of /api/zoeken under 20 concurrent connections, next to /api/health measured in
// the same run on the same server (these machines are noisy, so only the ratio is comparable).
// Builds a database with synthetic listings, starts the built server on loopback, loads it,
// stops it. Run `npm run build` first; `npm run bench:search` does both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { loadDemoListings } from '#admin/content/load-demo-listings.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { insertListing } from '#admin/listings/listing-repository.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { startBuiltServer, waitFor } from './built-server.ts';
import { loadTest, percentiles } from './load.ts';
import { syntheticListings } from './synthetic-listings.ts';

const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4_000);
const CONCURRENCY = 20;
const PORT = Number(process.env.BENCH_PORT ?? 4398);

const QUERIES = [
  'q=schulden',
  'q=eenzaam&wijk=bolnes',
  'q=huiswerkbegeleding',
  'q=hulp+bij+formulieren',
  'leefgebied=geld&kosten=gratis',
  'q=mantelzorg&bij=oost',
  'q=taal&soort=activiteit',
  'q=vervoer&lat=51.872&lng=4.602',
];

const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-bench-'));
const databasePath = join(dir, 'bench.sqlite');
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

  const { base, stop } = await startBuiltServer(PORT, {
    DATABASE_PATH: databasePath,
    DEMO_DATA: 'false',
    SEARCH_SYNC_INTERVAL_SECONDS: '0',
  });
  try {
    const indexStarted = performance.now();
    await waitFor(`${base}/api/zoeken?q=schulden`);
    console.log(
      `server ready; index built and first query answered in ${((performance.now() - indexStarted) / 1000).toFixed(2)} s`,
    );

    let next = 0;
    const searchUrl = () => `${base}/api/zoeken?${QUERIES[next++ % QUERIES.length]}`;
    await loadTest(searchUrl, 200, CONCURRENCY); // warm-up
    await loadTest(() => `${base}/api/health`, 200, CONCURRENCY);

    const health = percentiles(await loadTest(() => `${base}/api/health`, REQUESTS, CONCURRENCY));
    const search = percentiles(await loadTest(searchUrl, REQUESTS, CONCURRENCY));
    const row = (name: string, p: ReturnType<typeof percentiles>) =>
      `| ${name.padEnd(12)} | ${p.p50.toFixed(2).padStart(7)} | ${p.p95.toFixed(2).padStart(7)} | ${p.p99.toFixed(2).padStart(7)} |`;
    console.log(`\n${REQUESTS} requests each, ${CONCURRENCY} concurrent, ${LISTINGS} listings (ms)`);
    console.log('| endpoint     |     p50 |     p95 |     p99 |');
    console.log('|--------------|---------|---------|---------|');
    console.log(row('/api/health', health));
    console.log(row('/api/zoeken', search));
    const ratio = search.p95 / health.p95;
    console.log(`\n/api/zoeken p95 = ${ratio.toFixed(2)} × /api/health p95 (target ≤ 4)`);
  } finally {
    stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
