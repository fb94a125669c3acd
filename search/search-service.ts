import { onListingChanged } from '#admin/listings/listing-changes.ts';
import type { DocumentSource } from './document-source.ts';
import { syncIndex, type SyncReport } from './index-sync.ts';
import { listingDocumentId } from './project-listing.ts';
import { SearchUnavailableError, type SearchEngine, type SearchSettings } from './search-engine.ts';
import type { SearchQuery, SearchResult } from './search-query.ts';
import { log } from '#admin/logging/log.ts';

export interface SearchService {
  /** Resolves once settings are applied and the index caught up with the database. */
  ready(): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** One repair pass of the sync loop. */
  syncNow(): Promise<SyncReport>;
  /** Raised after every write to the index, so caches of search pages know when answers changed. */
  generation(): number;
  stop(): Promise<void>;
}

export interface SearchServiceOptions {
  engine: SearchEngine;
  source: DocumentSource;
  settings: SearchSettings;
  /** How often the sync loop repairs drift; 0 turns the loop off (tests drive it by hand). */
  syncIntervalMs: number;
  /** After a failed start, wait this long before trying again, so a down engine is not hammered. */
  retryAfterMs?: number;
}

/**
 * Keeps one engine in step with the database: a full sync at start, write-through on every
 * listing change, and a loop that repairs whatever a failed write-through or another process
 * left behind. Search calls wait for the first sync and fail with SearchUnavailableError when
 * the engine cannot be reached, so pages can degrade instead of break.
 */
export function createSearchService(options: SearchServiceOptions): SearchService {
  const { source, settings } = options;
  let generation = 0;
  // Counted after the write finished: a page rendered from then on sees the new answers.
  const engine: SearchEngine = {
    name: options.engine.name,
    configure: (value) => options.engine.configure(value),
    clear: async () => {
      await options.engine.clear();
      generation += 1;
    },
    versions: () => options.engine.versions(),
    search: (query) => options.engine.search(query),
    close: () => options.engine.close(),
    upsert: async (documents) => {
      await options.engine.upsert(documents);
      generation += 1;
    },
    remove: async (ids) => {
      await options.engine.remove(ids);
      generation += 1;
    },
  };
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  let starting: Promise<void> | undefined;
  let failedAt = 0;

  function ready(): Promise<void> {
    if (!starting && Date.now() - failedAt < retryAfterMs) {
      return Promise.reject(new SearchUnavailableError('De zoekmachine is nog niet beschikbaar.'));
    }
    starting ??= (async () => {
      await engine.configure(settings);
      await syncIndex(engine, await source.expectedVersions(), source.load);
    })().catch((error: unknown) => {
      starting = undefined;
      failedAt = Date.now();
      throw error instanceof SearchUnavailableError
        ? error
        : new SearchUnavailableError('De zoekmachine kon niet starten.', { cause: error });
    });
    return starting;
  }

  const unsubscribe = onListingChanged(async (listingId) => {
    await ready();
    const document = await source.listingDocument(listingId);
    if (document) await engine.upsert([document]);
    else await engine.remove([listingDocumentId(listingId)]);
  });

  // One pass at a time: a slow pass (a large reindex) is joined, not run twice over.
  let syncing: Promise<SyncReport> | undefined;
  function syncNow(): Promise<SyncReport> {
    syncing ??= (async () => {
      await ready();
      return syncIndex(engine, await source.expectedVersions(), source.load);
    })().finally(() => {
      syncing = undefined;
    });
    return syncing;
  }

  const timer =
    options.syncIntervalMs > 0
      ? setInterval(() => {
          syncNow().catch((error: unknown) =>
            log.error('Search sync failed; next try in the next round', error),
          );
        }, options.syncIntervalMs)
      : undefined;
  // The loop must never keep a finished process (a CLI, a test) alive.
  timer?.unref();

  return {
    ready,
    async search(query) {
      await ready();
      return engine.search(query);
    },
    syncNow,
    generation: () => generation,
    async stop() {
      if (timer) clearInterval(timer);
      unsubscribe();
      await engine.close();
    },
  };
}
