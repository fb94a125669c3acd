import { onListingChanged } from '#admin/listings/listing-changes.ts';
import type { CrisisDetector, CrisisHelp } from './crisis/crisis-detector.ts';
import { log } from '#admin/logging/log.ts';
import type { DocumentSource } from './document-source.ts';
import { syncIndex, type SyncReport } from './index-sync.ts';
import { listingDocumentId } from './project-listing.ts';
import { SearchUnavailableError, type SearchEngine, type SearchSettings } from './search-engine.ts';
import type { SearchQuery, SearchResult } from './search-query.ts';

export type SearchStatus = 'starting' | 'ready' | 'unavailable';

export interface SearchService {
  /** Resolves once settings are applied and the index caught up with the database. */
  ready(): Promise<void>;
  /** Without waiting: still building, answering, or the engine could not be reached last time. */
  status(): SearchStatus;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * The crisis numbers to show above the results when the text sounds like someone is in
   * danger. Needs no engine, so it works while search itself is unavailable.
   */
  crisis(text: string): CrisisHelp | undefined;
  /** One repair pass of the sync loop. */
  syncNow(): Promise<SyncReport>;
  /** Applies the listings changed since the data version the index last followed. */
  catchUp(): Promise<number>;
  /** Raised after every write to the index, so caches of search pages know when answers changed. */
  generation(): number;
  stop(): Promise<void>;
}

/** Runs the repair pass every `intervalMs`, on this instance or, for a shared index, on one of them. */
export type SyncLoop = (
  pass: () => Promise<unknown>,
  intervalMs: number,
) => { holds(): boolean; stop(): Promise<void> };

/** The default loop: a local timer; this instance always does the work. */
export const localSyncLoop: SyncLoop = (pass, intervalMs) => {
  // A failure is logged when it starts and when it ends, not at every round in between.
  let failing = false;
  const timer = setInterval(() => {
    pass().then(
      () => {
        if (failing) log.info('Search sync works again');
        failing = false;
      },
      (error: unknown) => {
        if (!failing) log.error('Search sync failed; it is tried again every round', error);
        failing = true;
      },
    );
  }, intervalMs);
  // The loop must never keep a finished process (a CLI, a test) alive.
  timer.unref();
  return { holds: () => true, stop: async () => clearInterval(timer) };
};

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
  /**
   * The data version's changes (admin/app/app-data-version.ts): on each, the listings changed
   * since are applied, so an index follows writes made through any instance.
   */
  dataVersionChanges?: (listener: (version: number) => void) => () => void;
  /** This process's own listing writes, applied right after their commit. */
  listingWrites?: (listener: (listingId: number) => Promise<void>) => () => void;
  /** Where the repair loop runs: locally (embedded engine) or under a lease (a shared index). */
  syncLoop?: SyncLoop;
}

/**
 * How long an editor's save waits for the search index. The save itself is committed; a
 * slower engine finishes in the background and the sync loop checks the result.
 */
const WRITE_THROUGH_WAIT_MS = 2_000;

/**
 * Keeps one engine in step with the database: a full sync at start, write-through on this
 * process's listing writes, a catch-up on every data version change (writes through other
 * instances), and a loop that repairs whatever else drifted. Search calls wait for the first
 * sync and fail with SearchUnavailableError when the engine cannot be reached, so pages can
 * degrade instead of break.
 */
export function createSearchService(options: SearchServiceOptions): SearchService {
  const { source, settings } = options;
  let generation = 0;
  // Counted after the write finished: a page rendered from then on sees the new answers.
  const engine: SearchEngine = {
    name: options.engine.name,
    configure: (value) => options.engine.configure(value),
    rebuild: async (fill) => {
      await options.engine.rebuild(fill);
      generation += 1;
    },
    versions: () => options.engine.versions(),
    search: (query) => options.engine.search(query),
    close: () => options.engine.close(),
    upsert: async (documents, write) => {
      const outcome = await options.engine.upsert(documents, write);
      generation += 1;
      return outcome;
    },
    remove: async (ids, write) => {
      const outcome = await options.engine.remove(ids, write);
      generation += 1;
      return outcome;
    },
  };
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  let starting: Promise<void> | undefined;
  let started = false;
  let failedAt = 0;
  let engineFailing = false;
  /** The data version whose changes the index is known to hold. */
  let followed = 0;

  const track = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      const result = await call();
      engineFailing = false;
      return result;
    } catch (error) {
      if (error instanceof SearchUnavailableError) engineFailing = true;
      throw error;
    }
  };

  function ready(): Promise<void> {
    if (!starting && Date.now() - failedAt < retryAfterMs) {
      return Promise.reject(new SearchUnavailableError('De zoekmachine is nog niet beschikbaar.'));
    }
    starting ??= (async () => {
      await engine.configure(settings);
      // Read the version first: changes committed during the full sync are caught up after it.
      const version = await source.dataVersion();
      await syncIndex(engine, await source.expectedVersions(), source.load);
      followed = Math.max(followed, version);
      started = true;
      engineFailing = false;
    })().catch((error: unknown) => {
      starting = undefined;
      failedAt = Date.now();
      throw error instanceof SearchUnavailableError
        ? error
        : new SearchUnavailableError('De zoekmachine kon niet starten.', { cause: error });
    });
    return starting;
  }

  const unsubscribeWrites = (options.listingWrites ?? onListingChanged)(async (listingId) => {
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
      return track(async () => syncIndex(engine, await source.expectedVersions(), source.load));
    })().finally(() => {
      syncing = undefined;
    });
    return syncing;
  }

  // Catch-ups run one at a time; a change during one asks for one more after it.
  let catching: Promise<number> | undefined;
  let again = false;
  async function catchUpOnce(): Promise<number> {
    await ready();
    const changes = await source.changesSince(followed);
    if (changes.upsert.length > 0) await track(() => engine.upsert(changes.upsert));
    if (changes.remove.length > 0) await track(() => engine.remove(changes.remove));
    followed = Math.max(followed, changes.upTo);
    return changes.upsert.length + changes.remove.length;
  }
  function catchUp(): Promise<number> {
    if (catching) {
      again = true;
      return catching;
    }
    catching = (async () => {
      let applied = 0;
      do {
        again = false;
        applied += await catchUpOnce();
      } while (again);
      return applied;
    })().finally(() => {
      catching = undefined;
    });
    return catching;
  }

  const loop =
    options.syncIntervalMs > 0
      ? (options.syncLoop ?? localSyncLoop)(syncNow, options.syncIntervalMs)
      : undefined;
  const unsubscribeVersions = options.dataVersionChanges?.(() => {
    // Until the first full sync is done there is nothing to follow: that sync takes it all in.
    if (!started) return;
    // With a shared index, the instance that holds the sync loop's lease follows for all.
    if (loop && !loop.holds()) return;
    catchUp().catch((error: unknown) =>
      log.error('Search index did not follow a change; the next sync round repairs it', error),
    );
  });

  return {
    ready,
    status() {
      if (engineFailing) return 'unavailable';
      if (started) return 'ready';
      return failedAt > 0 && !starting ? 'unavailable' : 'starting';
    },
    async search(query) {
      await ready();
      return track(() => engine.search(query));
    },
    crisis: options.crisis ?? (() => undefined),
    syncNow,
    catchUp,
    generation: () => generation,
    async stop() {
      unsubscribeVersions?.();
      unsubscribeWrites();
      await loop?.stop();
      // A catch-up in progress is waited for; its failure is logged where it was started.
      await catching?.catch(() => undefined);
      await engine.close();
    },
  };
}
