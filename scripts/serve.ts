// Production entry: prepares the database (migrations, organisations, demo data once), starts the
// built Astro server and the server's background work. Runs on the Node 24 that the `node`
// devDependency provides; admin/ and search/ are loaded from source, shared with the pages.
import { startBackgroundWork } from '#admin/app/background-work.ts';
import { databasePath, env } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { appDatabase } from '#admin/db/app-database.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';

const config = env();
// Fails at start, not at the first mail, when links would have no trustworthy origin.
publicBaseUrl(config);
const report = await prepareDatabase(appDatabase(), {
  content: loadContent(contentRoot),
  contentRoot,
  demoData: config.DEMO_DATA,
});

console.log(
  `Database klaar (${databasePath(config)}): ${report.migrations.length} migratie(s), ` +
    `${report.organisationsAdded} organisatie(s) en ${report.demoListingsAdded} voorbeeld-aanbod toegevoegd.`,
);
process.env.HOST = config.HOST;
process.env.PORT = String(config.PORT);
// Imported by URL: the file exists only after `astro build`.
await import(new URL('../dist/server/entry.mjs', import.meta.url).href);
startBackgroundWork();
