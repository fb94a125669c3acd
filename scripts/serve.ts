// Production entry: sees to the schema (migrates, or refuses to start while it is behind),
// prepares the database (organisations, demo data once), serves the built Astro app and runs the
// server's background work until SIGTERM or SIGINT, then drains and gives its leases back.
// Runs on the Node 24 that the `node` devDependency provides; admin/ and search/ are loaded from
// source, so this file and the pages share one database handle, one set of caches and one job runner.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { dataVersion, stopDataVersionWatch } from '#admin/app/app-data-version.ts';
import { startBackgroundWork, stopBackgroundWork } from '#admin/app/background-work.ts';
import { markStopping } from '#admin/app/lifecycle.ts';
import { databaseLocation, env } from '#admin/config/env.ts';
import { instanceName } from '#admin/config/instance-name.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { appDatabase, closeAppDatabase } from '#admin/db/app-database.ts';
import { describeDatabaseLocation } from '#admin/db/database-location.ts';
import { log } from '#admin/logging/log.ts';
import { appSearchLog } from '#admin/search-log/app-search-log.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { ensureSchema, SchemaBehindError } from '#admin/setup/schema-on-start.ts';
import { appSearch, stopAppSearch } from '#search/index.ts';
import { registerInstance } from './server/build-in-use.ts';
import { SESSION_COOKIE } from '#admin/accounts/sessions.ts';
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
const where = describeDatabaseLocation(databaseLocation(config));
try {
  const migrated = await ensureSchema(appDatabase() as Kysely<unknown>, {
    migrate: config.MIGRATE_ON_START,
    where,
  });
  const report = await prepareDatabase(appDatabase(), {
    content: loadContent(contentRoot),
    contentRoot,
    demoData: config.DEMO_DATA,
    migrate: false,
  });
  log.info(
    `Database klaar (${where}): ${migrated.length} migratie(s), ` +
      `${report.organisationsAdded} organisatie(s) en ${report.demoListingsAdded} voorbeeld-aanbod toegevoegd.`,
  );
} catch (error) {
  if (!(error instanceof SchemaBehindError)) throw error;
  log.error(error.message);
  await closeAppDatabase();
  process.exit(1);
}

// The adapter would otherwise start its own server; this process owns the server and its shutdown.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
type AstroHandler = (request: IncomingMessage, response: ServerResponse) => void;
// Imported by URL: the file exists only after `astro build`.
const entry = (await import(new URL('../dist/server/entry.mjs', import.meta.url).href)) as {
  handler: AstroHandler;
};
// `npm start` will not rebuild this build while this process serves from it.
const unregister = registerInstance(new URL('../dist/', import.meta.url));

const staticFiles = loadStaticFiles(fileURLToPath(new URL('../dist/client', import.meta.url)));
const version = createDataVersionSource({
  dataVersion,
  searchGeneration: () => appSearch().generation(),
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
// Installed before listening: whoever sees "luistert op" may send SIGTERM at once.
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stoppen; lopende verzoeken krijgen ${SHUTDOWN_GRACE_MS / 1000} s`);
  markStopping();
  let exitCode = 0;
  try {
    await http.shutdown(SHUTDOWN_GRACE_MS);
    // Leases and mail claims go back, so another instance takes the work over at once.
    await stopBackgroundWork();
    await stopAppSearch();
    await appSearchLog().flush();
    stopDataVersionWatch();
    await closeAppDatabase();
  } catch (error) {
    log.error('Stoppen ging niet netjes; wat overbleef verloopt vanzelf', error);
    exitCode = 1;
  } finally {
    unregister();
  }
  log.info('Gestopt');
  process.exit(exitCode);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));

// Building the search index starts now; /api/ready says when it is done.
appSearch();
await http.listen(config.HOST, config.PORT);
startBackgroundWork();
log.info(`Wijkwijzer (${instanceName()}) luistert op http://${config.HOST}:${config.PORT}`);
