// `npm run export -- --format hsds-json|hsds-csv [--out <pad>]`: the published sociale kaart as
// open data in HSDS 3.1. hsds-json writes one JSON file (organisations and services fully
// nested, taxonomies and terms), hsds-csv a folder with HSDS's tabular data package (a CSV per
// kind of object and datapackage.json). Only published listings and checked organisations;
// nothing about people.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { databaseLocation, env } from '../config/env.ts';
import { contentRoot } from '../config/paths.ts';
import { publicBaseUrl } from '../config/public-url.ts';
import { loadContent } from '../content/load-content.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { hsdsDocument } from '../open-data/exchange/hsds-document.ts';
import { tabularPackage } from '../open-data/exchange/hsds-tabular.ts';
import { hsdsSettingsFrom } from '../open-data/hsds-settings.ts';
import { progressBar } from './progress-bar.ts';

const USAGE = 'Gebruik: npm run export -- --format hsds-json|hsds-csv [--out <bestand of map>]';

const { values } = parseArgs({
  options: { format: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help || (values.format !== 'hsds-json' && values.format !== 'hsds-csv')) {
  console.error(values.help ? USAGE : `Kies een formaat.\n${USAGE}`);
  process.exit(values.help ? 0 : 2);
}

const config = env();
const content = loadContent(contentRoot);
const db = openDatabase(databaseLocation(config));
try {
  await migrateToLatest(db as Kysely<unknown>);
  const settings = hsdsSettingsFrom(content, publicBaseUrl(config));
  const bar = progressBar('organisaties en diensten');
  const document = await hsdsDocument(db, settings, (done, total) => bar.update(done, total));
  bar.finish();
  const day = document.exported_at.slice(0, 10);
  if (values.format === 'hsds-json') {
    const out = resolve(values.out ?? `hsds-${content.municipality.slug}-${day}.json`);
    writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
    console.log(
      `${document.organizations.length} organisaties en ${document.services.length} diensten geschreven naar ${out}`,
    );
  } else {
    const out = resolve(values.out ?? `hsds-${content.municipality.slug}-${day}`);
    mkdirSync(out, { recursive: true });
    const files = tabularPackage(document, `wijkwijzer-${content.municipality.slug}-hsds`);
    for (const [name, text] of files) writeFileSync(join(out, name), text);
    console.log(`${files.size} bestanden (HSDS tabular data package) geschreven naar ${out}`);
  }
} finally {
  await db.destroy();
}
