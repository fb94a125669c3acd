import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { freePorts } from '#tests/support/free-ports.ts';
import { writeTestTiles } from '#tests/support/test-tiles.ts';

// The e2e suite runs against the built server (`npm run build` first) with its own database in a
// temporary folder, so it never touches data/ and always starts from the demo data.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'wijkwijzer-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
// Four ports: the server, the one whose services are down, the Locatieserver and the tile service.
// Chosen free unless E2E_PORT says where to start; set in the environment so that the workers,
// which read this file again, use the same ones.
process.env.E2E_PORTS ??= process.env.E2E_PORT
  ? [0, 1, 2, 3].map((offset) => Number(process.env.E2E_PORT) + offset).join(',')
  : freePorts(4).join(',');
const [port = 4399, engineDownPort = 4400, locatieserverPort = 4401, tileUpstreamPort = 4402] =
  process.env.E2E_PORTS.split(',').map(Number);
const baseURL = `http://127.0.0.1:${port}`;
// A second server whose outside services cannot be reached (Meilisearch, map tiles and the
// Locatieserver configured on a closed port), to prove that search, maps and "wat is mijn
// wijk?" fail politely and every other page keeps working.
const engineDownURL = `http://127.0.0.1:${engineDownPort}`;
const closedPort = 'http://127.0.0.1:9';
// Recorded PDOK Locatieserver answers, and a tile service on loopback behind the app's tile proxy: the
// suite never reaches the network.
const tileDir = join(dataDir, 'tiles');
writeTestTiles(tileDir);

const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium refuses its sandbox when run as root, as in CI containers.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export default defineConfig({
  testDir: 'tests/e2e',
  // The suite must pass on a busy 2-core machine: page loads and builds of the search index can take
  // seconds there. Long journeys mark themselves slow (three times this).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testIgnore: /(services-down|without-js|layout-phone|cluster)\.spec\.ts/,
    },
    {
      name: 'phone-zonder-js',
      use: { ...devices['Pixel 7'], javaScriptEnabled: false },
      testMatch: /(public-pages|search|without-js|admin|question|layout-phone|screenshots)\.spec\.ts/,
    },
    {
      name: 'diensten-onbereikbaar',
      use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: engineDownURL },
      testMatch: /services-down\.spec\.ts/,
    },
    {
      // Two more servers of its own on one PostgreSQL (tests/support/cluster-database.ts).
      name: 'twee-instanties',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      testMatch: /cluster\.spec\.ts/,
    },
  ],
  webServer: [
    {
      // Always the embedded engine: Playwright passes its own environment on, and a MEILI_URL
      // set for `npm run test:meilisearch` must not make this server write into that
      // Meilisearch's index.
      command:
        'env -u MEILI_URL -u MEILI_API_KEY -u MEILI_INDEX node --disable-warning=ExperimentalWarning scripts/serve.ts',
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_PATH: join(dataDir, 'e2e.sqlite'),
        DEMO_DATA: 'true',
        MAP_TILE_URL: `http://127.0.0.1:${tileUpstreamPort}/{z}/{x}/{y}.png`,
        MAP_TILE_CACHE_DIR: join(dataDir, 'tile-cache'),
        LOCATIESERVER_URL: `http://127.0.0.1:${locatieserverPort}/bzk/locatieserver/search/v3_1`,
        // Every e2e form comes from 127.0.0.1; the limits themselves have tests of their own.
        QUESTION_RATE_LIMIT: '1000',
        PUBLIC_FORM_RATE_LIMIT: '1000',
        QUESTION_MIN_FILL_SECONDS: '1',
      },
    },
    {
      command: 'node --disable-warning=ExperimentalWarning scripts/serve.ts',
      url: `${engineDownURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(engineDownPort),
        DATABASE_PATH: join(dataDir, 'engine-down.sqlite'),
        DEMO_DATA: 'true',
        MEILI_URL: closedPort,
        MAP_TILE_URL: `${closedPort}/{z}/{x}/{y}.png`,
        MAP_TILE_CACHE_DIR: join(dataDir, 'tile-cache-down'),
        LOCATIESERVER_URL: `${closedPort}/bzk/locatieserver/search/v3_1`,
      },
    },
    {
      command: 'node --disable-warning=ExperimentalWarning tests/support/tile-upstream.ts',
      url: `http://127.0.0.1:${tileUpstreamPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(tileUpstreamPort), TILE_DIR: tileDir },
    },
    {
      command: 'node --disable-warning=ExperimentalWarning tests/support/recorded-locatieserver.ts',
      url: `http://127.0.0.1:${locatieserverPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(locatieserverPort) },
    },
  ],
});
