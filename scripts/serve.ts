// Production entry: prepares the database (migrations, organisations, demo data once), then
// starts the built Astro server. Runs on the Node 24 that the `node` devDependency provides.
import { env, databasePath } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';

const config = env();
const db = openDatabase(databasePath(config));
const report = await prepareDatabase(db, {
  content: loadContent(contentRoot),
  contentRoot,
  demoData: config.DEMO_DATA,
});
await db.destroy();

console.log(
  `Database klaar (${databasePath(config)}): ${report.migrations.length} migratie(s), ` +
    `${report.organisationsAdded} organisatie(s) en ${report.demoListingsAdded} voorbeeld-aanbod toegevoegd.`,
);
process.env.HOST = config.HOST;
process.env.PORT = String(config.PORT);
// Imported by URL: the file exists only after `astro build`.
await import(new URL('../dist/server/entry.mjs', import.meta.url).href);
