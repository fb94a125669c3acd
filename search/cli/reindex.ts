// `npm run reindex`: rebuilds the search index from the database and content, with progress and
// a summary. With Meilisearch (MEILI_URL) this rebuilds the shared index the servers use; the
// embedded engine lives inside each server process and rebuilds itself at start, so here it
// checks that every document builds and reports how long a full build takes.
import { databaseLocation, env } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { createSearchEngine } from '../create-engine.ts';
import { createDocumentSource } from '../document-source.ts';
import { syncIndex } from '../index-sync.ts';

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

const config = env();
const content = loadContent(contentRoot);
const db = openDatabase(databaseLocation(config));
const engine = createSearchEngine(config);
const started = performance.now();
try {
  await engine.configure({ synonyms: content.taxonomy.synonyms });
  await engine.clear();
  const source = createDocumentSource(db, content);
  const expected = await source.expectedVersions();
  const report = await syncIndex(engine, expected, source.load, (done, total) => {
    if (process.stdout.isTTY) process.stdout.write(`\r${progressBar(done, total)}`);
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Zoekindex (${engine.name}) opnieuw opgebouwd: ${report.upserted} documenten in ${seconds} s.`);
} finally {
  await engine.close();
  await db.destroy();
}
