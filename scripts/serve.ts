// Production entry: prepares the database (migrations, organisations, demo data once), serves the
// built Astro app and runs the server's background work until SIGTERM or SIGINT, then drains.
// Runs on the Node 24 that the `node` devDependency provides; admin/ and search/ are loaded from
// source, so this file and the pages share one database handle, one set of caches and one job runner.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startBackgroundWork, stopBackgroundWork } from '#admin/app/background-work.ts';
import { databasePath, env } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { appDatabase } from '#admin/db/app-database.ts';
import { log } from '#admin/logging/log.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { onDataChanged } from '#admin/cache/data-changes.ts';
import { readDataVersion } from '#admin/cache/data-version.ts';
import { call } from '#admin/app/call.ts';
import { SESSION_COOKIE } from '#admin/accounts/sessions.ts';
import { appSearchLog } from '#admin/search-log/app-search-log.ts';
import { appSearch } from '#search/index.ts';
import { appResponsesStep } from './server/app-responses.ts';
import { bodyLimit } from './server/body-limit.ts';
import { createDataVersionSource } from './server/data-version-source.ts';
import { createHttpServer } from './server/http-server.ts';
import { createRenderCache } from './server/render-cache.ts';
import { loadStaticFiles, staticFilesStep } from './server/static-files.ts';

/** How long a stopping server lets requests in flight finish. */
const SHUTDOWN_GRACE_MS = 10_000;

const config = env();
// Fails at start, not at the first mail, when links would have no trustworthy origin.
publicBaseUrl(config);
const report = await prepareDatabase(appDatabase(), {
  content: loadContent(contentRoot),
  contentRoot,
  demoData: config.DEMO_DATA,
});
log.info(
  `Database klaar (${databasePath(config)}): ${report.migrations.length} migratie(s), ` +
    `${report.organisationsAdded} organisatie(s) en ${report.demoListingsAdded} voorbeeld-aanbod toegevoegd.`,
);

// The adapter would otherwise start its own server; this process owns the server and its shutdown.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
type AstroHandler = (request: IncomingMessage, response: ServerResponse) => void;
// Imported by URL: the file exists only after `astro build`.
const entry = (await import(new URL('../dist/server/entry.mjs', import.meta.url).href)) as {
  handler: AstroHandler;
};

const staticFiles = loadStaticFiles(fileURLToPath(new URL('../dist/client', import.meta.url)));
const version = createDataVersionSource({
  readDatabase: () => call(readDataVersion),
  searchGeneration: () => appSearch().generation(),
  onLocalChange: (listener) => onDataChanged(listener),
  checkEveryMs: config.DATA_VERSION_CHECK_MS,
});
const http = createHttpServer([
  bodyLimit,
  staticFilesStep(staticFiles),
  appResponsesStep({
    handler: entry.handler,
    cache: config.RENDER_CACHE_MB > 0 ? createRenderCache(config.RENDER_CACHE_MB * 1024 * 1024) : undefined,
    version,
    sessionCookie: SESSION_COOKIE,
    recordSearch: (entry) => appSearchLog().record(entry),
  }),
]);
await http.listen(config.HOST, config.PORT);
startBackgroundWork();
log.info(`Wijkwijzer luistert op http://${config.HOST}:${config.PORT}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stoppen; lopende verzoeken krijgen ${SHUTDOWN_GRACE_MS / 1000} s`);
  await http.shutdown(SHUTDOWN_GRACE_MS);
  stopBackgroundWork();
  await appDatabase().destroy();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
