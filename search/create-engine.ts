import type { Env } from '#admin/config/env.ts';
import { createEmbeddedEngine } from './embedded/embedded-engine.ts';
import { createMeilisearchEngine } from './meilisearch/meilisearch-engine.ts';
import type { SearchEngine } from './search-engine.ts';

/** Meilisearch when `MEILI_URL` is set (production); the embedded engine otherwise. */
export function createSearchEngine(
  config: Pick<Env, 'MEILI_URL' | 'MEILI_API_KEY' | 'MEILI_INDEX'>,
): SearchEngine {
  if (!config.MEILI_URL) return createEmbeddedEngine();
  return createMeilisearchEngine({
    url: config.MEILI_URL,
    apiKey: config.MEILI_API_KEY,
    indexName: config.MEILI_INDEX,
  });
}
