// `npm run import -- <bestand.json> [--apply]`: takes an HSDS export of another sociale kaart
// (Wijkwijzer's own export, a list of HSDS services, or an HSDS page of them). Without --apply it
// is a dry run: it reports what would be added, changed or skipped (duplicates are matched on name
// and address) and changes nothing. With --apply it writes that, in one transaction; everything
// imported is marked "nog controleren" and listings arrive as concepts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { databaseLocation, env } from '../config/env.ts';
import { contentRoot } from '../config/paths.ts';
import { loadContent } from '../content/load-content.ts';
import { openDatabase } from '../db/open-database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { applyImport, planImport, type ImportPlan } from '../open-data/exchange/hsds-import.ts';
import { importSource } from '../open-data/exchange/hsds-source.ts';
import { importVocabularyFrom } from '../open-data/exchange/import-vocabulary.ts';

const USAGE = 'Gebruik: npm run import -- <bestand.json> [--apply]';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { apply: { type: 'boolean', default: false }, help: { type: 'boolean' } },
});
const [file] = positionals;
if (values.help || !file) {
  console.error(values.help ? USAGE : `Noem het bestand.\n${USAGE}`);
  process.exit(values.help ? 0 : 2);
}

let json: unknown;
try {
  json = JSON.parse(readFileSync(resolve(file), 'utf8'));
} catch (error) {
  console.error(`Kan ${file} niet lezen als JSON: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const LABELS = { add: 'toevoegen', change: 'wijzigen', skip: 'overslaan' } as const;
function report(plan: ImportPlan): string {
  const lines: string[] = [];
  for (const [title, entries] of [
    ['Organisaties', plan.organisations.map((entry) => ({ ...entry, label: entry.name }))],
    ['Aanbod', plan.listings.map((entry) => ({ ...entry, label: entry.title }))],
  ] as const) {
    const count = (action: keyof typeof LABELS) => entries.filter((entry) => entry.action === action).length;
    lines.push(
      `${title}: ${count('add')} toevoegen, ${count('change')} wijzigen, ${count('skip')} overslaan`,
    );
    for (const entry of entries)
      lines.push(`  ${LABELS[entry.action]}: ${entry.label}${entry.reason ? ` (${entry.reason})` : ''}`);
  }
  return lines.join('\n');
}

const config = env();
const content = loadContent(contentRoot);
const db = openDatabase(databaseLocation(config));
try {
  await migrateToLatest(db as Kysely<unknown>);
  const plan = await planImport(
    db,
    importSource(json),
    importVocabularyFrom(content),
    new Date().toISOString().slice(0, 10),
  );
  console.log(report(plan));
  if (!values.apply) {
    console.log(
      '\nDit was een proefrun: er is niets veranderd. Importeer met: npm run import -- <bestand> --apply',
    );
  } else {
    const result = await applyImport(db, plan);
    console.log(
      `\nGeïmporteerd: ${result.organisationsAdded} organisaties toegevoegd, ${result.organisationsChanged} gewijzigd; ` +
        `${result.listingsAdded} aanbod toegevoegd, ${result.listingsChanged} gewijzigd. ` +
        'Alles staat op "nog controleren"; nieuw aanbod is een concept tot iemand het publiceert.',
    );
  }
} finally {
  await db.destroy();
}
