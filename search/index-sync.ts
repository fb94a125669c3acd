import type { SearchDocument } from './search-document.ts';
import type { SearchEngine } from './search-engine.ts';

export interface SyncReport {
  upserted: number;
  removed: number;
}

/**
 * Brings the index in line with what it should hold, by version: documents that are missing
 * or older are written, documents that should no longer be there are removed. `load` builds
 * the documents for the ids that need writing, so an in-sync index costs one version scan.
 */
export async function syncIndex(
  engine: SearchEngine,
  expected: Map<string, number>,
  load: (ids: string[]) => Promise<SearchDocument[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<SyncReport> {
  const held = await engine.versions();
  const stale = [...expected].filter(([id, version]) => held.get(id) !== version).map(([id]) => id);
  const gone = [...held.keys()].filter((id) => !expected.has(id));

  const batchSize = 1000;
  for (let start = 0; start < stale.length; start += batchSize) {
    await engine.upsert(await load(stale.slice(start, start + batchSize)));
    onProgress?.(Math.min(start + batchSize, stale.length), stale.length);
  }
  if (gone.length > 0) await engine.remove(gone);
  return { upserted: stale.length, removed: gone.length };
}
