import { onListingChanged } from '#admin/listings/listing-changes.ts';
import type { CrisisDetector, CrisisHelp } from './crisis/crisis-detector.ts';
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
  /**
   * The crisis numbers to show above the results when the text sounds like someone is in
   * danger. Needs no engine, so it works while search itself is unavailable.
   */
  crisis(text: string): CrisisHelp | undefined;
  /** One repair pass of the sync loop. */
  syncNow(): Promise<SyncReport>;
  stop(): Promise<void>;
}

export interface SearchServiceOptions {
  engine: SearchEngine;
  source: DocumentSource;
  settings: SearchSettings;
  /** Recognises crisis wording; without it no search shows the crisis numbers (tests that do not need them). */
  crisis?: CrisisDetector;
  /** How often the sync loop repairs drift; 0 turns the loop off (tests drive it by hand). */
  syncIntervalMs: number;
  /** After a failed start, wait this long before trying again, so a down engine is not hammered. */
  retryAfterMs?: number;
}

/**
 * How long an editor's save waits for the search index. The save itself is committed; a
 * slower engine finishes in the background and the sync loop checks the result.
 */
const WRITE_THROUGH_WAIT_MS = 2_000;

/**
 * Keeps one engine in step with the database: a full sync at start, write-through on every
 * listing change, and a loop that repairs whatever a failed write-through or another process
 * left behind. Search calls wait for the first sync and fail with SearchUnavailableError when
 * the engine cannot be reached, so pages can degrade instead of break.
 */
export function createSearchService(options: SearchServiceOptions): SearchService {
  const { engine, source, settings } = options;
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
    const options = { maxWaitMs: WRITE_THROUGH_WAIT_MS };
    if (document) await engine.upsert([document], options);
    else await engine.remove([listingDocumentId(listingId)], options);
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
    crisis: options.crisis ?? (() => undefined),
    syncNow,
    async stop() {
      if (timer) clearInterval(timer);
      unsubscribe();
      await engine.close();
    },
  };
}
