import { Meilisearch, type EnqueuedTaskPromise, type SearchResponse } from 'meilisearch';
import type { SearchDocument } from '../search-document.ts';
import { SearchUnavailableError, type SearchEngine } from '../search-engine.ts';
import type { SearchResult } from '../search-query.ts';
import {
  fromMeilisearchResponses,
  meilisearchQueries,
  meilisearchSettings,
  toMeilisearchDocument,
  type MatchingStrategy,
} from './meilisearch-query.ts';

export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string | undefined;
  indexName: string;
  /** Per request; a search that takes longer is reported as unavailable rather than hanging a page. */
  timeoutMs?: number;
}

/** Meilisearch for production: settings applied at start, every write awaited until it is searchable. */
export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const client = new Meilisearch({
    host: options.url,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    timeout: options.timeoutMs ?? 5_000,
    defaultWaitOptions: { timeout: 60_000, interval: 25 },
  });
  const index = client.index<Record<string, unknown>>(options.indexName);

  /** Runs a Meilisearch call; any failure becomes SearchUnavailableError naming what failed. */
  async function call<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof SearchUnavailableError) throw error;
      throw new SearchUnavailableError(`Meilisearch: ${what} mislukt: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async function finish(what: string, task: EnqueuedTaskPromise): Promise<void> {
    const done = await call(what, () => task.waitTask());
    if (done.status !== 'succeeded') {
      throw new SearchUnavailableError(
        `Meilisearch: ${what} mislukt (${done.status}): ${done.error?.message ?? 'onbekende fout'}`,
      );
    }
  }

  return {
    name: 'meilisearch',

    async configure(settings) {
      const exists = await call('index opvragen', async () => {
        try {
          await index.getRawInfo();
          return true;
        } catch (error) {
          if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
          throw error;
        }
      });
      if (!exists)
        await finish('index aanmaken', client.createIndex(options.indexName, { primaryKey: 'id' }));
      await finish('instellingen toepassen', index.updateSettings(meilisearchSettings(settings)));
    },

    async upsert(documents: SearchDocument[]) {
      if (documents.length === 0) return;
      await finish(
        'documenten schrijven',
        index.addDocuments(documents.map(toMeilisearchDocument), { primaryKey: 'id' }),
      );
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await finish('documenten verwijderen', index.deleteDocuments(ids));
    },

    async clear() {
      await finish('index leegmaken', index.deleteAllDocuments());
    },

    async search(query): Promise<SearchResult> {
      const started = performance.now();
      const run = async (strategy: MatchingStrategy): Promise<SearchResponse[]> => {
        const { results } = await call('zoeken', () =>
          client.multiSearch({ queries: meilisearchQueries(query, options.indexName, strategy) }),
        );
        return results;
      };
      let responses = await run('all');
      // No document has every word: Meilisearch's closest to the embedded engine's fallback
      // (which ranks every document matching some word) is leaving out the commonest words.
      if ((responses[0]?.totalHits ?? 0) === 0 && query.text.trim().includes(' '))
        responses = await run('frequency');
      return fromMeilisearchResponses(query, responses, performance.now() - started);
    },

    async versions() {
      const versions = new Map<string, number>();
      const limit = 1000;
      for (let offset = 0; ; offset += limit) {
        const page = await call('versies lezen', () =>
          index.getDocuments({ fields: ['id', 'version'], limit, offset }),
        );
        for (const document of page.results) versions.set(String(document.id), Number(document.version));
        if (page.results.length < limit) return versions;
      }
    },

    async close() {},
  };
}
