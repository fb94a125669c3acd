// `npm run reindex`: rebuilds the search index from the database and content, with progress and
// a summary. With Meilisearch (MEILI_URL) this builds a new index next to the one the servers
// use and swaps it in when it is complete, so residents never see an empty or half index. The
// embedded engine lives inside each server process and rebuilds itself at start, so here it
// checks that every document builds and reports how long a full build takes.
import { databaseLocation, env } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { createSearchEngine } from '../create-engine.ts';
import { createDocumentSource } from '../document-source.ts';
import { searchSettings } from '../search-settings.ts';

const BATCH = 1000;

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
  await engine.configure(searchSettings(content));
  const source = createDocumentSource(db, content);
  const ids = [...(await source.expectedVersions()).keys()];
  await engine.rebuild(async (write) => {
    for (let start = 0; start < ids.length; start += BATCH) {
      await write(await source.load(ids.slice(start, start + BATCH)));
      if (process.stdout.isTTY)
        process.stdout.write(`\r${progressBar(Math.min(start + BATCH, ids.length), ids.length)}`);
    }
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Zoekindex (${engine.name}) opnieuw opgebouwd: ${ids.length} documenten in ${seconds} s.`);
} finally {
  await engine.close();
  await db.destroy();
}
