import {
  Meilisearch,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type FederatedMultiSearchParams,
  type Index,
  type SearchResponse,
} from 'meilisearch';
import { log } from '#admin/logging/log.ts';
import { arrangePlaces, arrangesPlaces, rankedLength } from '../place-ranking.ts';
import type { SearchDocument } from '../search-document.ts';
import {
  SearchEngineError,
  SearchUnavailableError,
  type SearchEngine,
  type SearchSettings,
  type WriteOptions,
  type WriteOutcome,
} from '../search-engine.ts';
import { FACETS, type Facet, type SearchQuery, type SearchResult } from '../search-query.ts';
import { suggestSpelling } from '../suggest-spelling.ts';
import { editDistanceWithin } from '../text/edit-distance.ts';
import {
  createTextAnalyzer,
  type QueryAnalysis,
  type QueryWord,
  type TextAnalyzer,
} from '../text/text-analyzer.ts';
import { meilisearchCode, needsConfiguring, toSearchError } from './meilisearch-errors.ts';
import {
  correctionFromProbe,
  everyWordProbe,
  exactWordProbe,
  facetCounts,
  federatedRequest,
  fromMeilisearchHit,
  isFiltered,
  meilisearchFilter,
  meilisearchSettings,
  spellingProbe,
  subQueries,
  toMeilisearchDocument,
  withDistance,
} from './meilisearch-query.ts';

export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string | undefined;
  indexName: string;
  /** Per request; a search that takes longer is reported as unavailable rather than hanging a page. */
  timeoutMs?: number;
  /** How long a write or setting waits for Meilisearch to finish it when no shorter wait is asked. */
  taskTimeoutMs?: number;
}

type Document = Record<string, unknown>;

/**
 * Meilisearch for production, fed by the shared analyser. Settings are applied at start and
 * again whenever the index turns out to be missing or differently set up (deleted or recreated
 * by someone else), so such an index repairs itself instead of failing until a restart.
 */
export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const client = new Meilisearch({
    host: options.url,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    timeout: options.timeoutMs ?? 5_000,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 60_000, interval: 25 },
  });
  const indexUid = options.indexName;
  const index = client.index<Document>(indexUid);
  let analyzer: TextAnalyzer = createTextAnalyzer({ synonyms: [] });
  let settings: SearchSettings | undefined;
  /** Ids whose stored document did not fit the schema: reported as outdated, so the sync writes them again. */
  const suspect = new Set<string>();

  async function call<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toSearchError(what, error);
    }
  }

  /**
   * Waits for a task; `pending` when `maxWaitMs` passed first. A failed task is an error,
   * unless its code is one of `harmless` (say, creating an index another process just created).
   */
  async function finish(
    what: string,
    task: EnqueuedTaskPromise,
    maxWaitMs?: number,
    harmless: readonly string[] = [],
  ): Promise<WriteOutcome> {
    let done;
    try {
      done = await task.waitTask(maxWaitMs === undefined ? undefined : { timeout: maxWaitMs });
    } catch (error) {
      if (error instanceof MeilisearchTaskTimeOutError && maxWaitMs !== undefined) return 'pending';
      throw toSearchError(what, error);
    }
    if (done.status === 'succeeded' || harmless.includes(done.error?.code ?? '')) return 'done';
    const message = `Meilisearch: ${what} mislukt (${done.status}): ${done.error?.message ?? 'onbekende fout'}`;
    // A refused task (invalid settings or documents) is our fault; a cancelled one is not.
    throw done.error?.type === 'invalid_request'
      ? new SearchEngineError(message, { cause: done.error })
      : new SearchUnavailableError(message, { cause: done.error });
  }

  /** Creates the index when missing (another process creating it at the same moment is fine) and applies the settings. */
  async function prepare(target: Index<Document>, uid: string): Promise<void> {
    await finish('index aanmaken', client.createIndex(uid, { primaryKey: 'id' }), undefined, [
      'index_already_exists',
    ]);
    await finish('instellingen toepassen', target.updateSettings(meilisearchSettings(analyzer)));
  }

  async function reconfigure(): Promise<void> {
    if (!settings) throw new SearchUnavailableError('Meilisearch is nog niet ingesteld.');
    await prepare(index, indexUid);
  }

  /** Runs a request; when the index is missing or set up differently, configures it and tries once more. */
  async function repairing<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (!needsConfiguring(error)) throw toSearchError(what, error);
      log.warn(`Meilisearch: ${what} failed (${meilisearchCode(error)}); setting the index up again.`);
      await reconfigure();
      return call(what, action);
    }
  }

  function documentsOf(response: SearchResponse<Document>): SearchDocument[] {
    return response.hits.flatMap((hit) => {
      const outcome = fromMeilisearchHit(hit);
      if (outcome.ok) return [outcome.document];
      // Written by another version or by hand: leave it out now, and let the sync write it again.
      log.error(
        `Meilisearch: stored document ${outcome.id} does not fit the schema (${outcome.problem}); the sync writes it again.`,
      );
      suspect.add(outcome.id);
      return [];
    });
  }

  const federated = (request: FederatedMultiSearchParams): Promise<SearchResponse<Document>> =>
    client.multiSearch<FederatedMultiSearchParams, Document>(request);

  /**
   * Hits and facet counts for one way of matching: one federated request for the page and the
   * counts of unfiltered facets, one per filtered facet with its own filter left out.
   */
  async function matchAs(
    query: SearchQuery,
    analysis: QueryAnalysis,
    mode: 'all' | 'any',
  ): Promise<{ main: SearchResponse<Document>; facets: Record<Facet, Record<string, number>> }> {
    const subs = subQueries(analysis, mode, query);
    const hasWords = analysis.words.length > 0;
    const filtered = FACETS.filter((facet) => query.filters[facet].length > 0);
    const arranged = arrangesPlaces(query, analysis.namesPlace);
    const offset = (query.page - 1) * query.perPage;
    const [main, ...perFacet] = await Promise.all([
      federated(
        federatedRequest({
          indexUid,
          query,
          subQueries: subs,
          filter: meilisearchFilter(query),
          facets: FACETS.filter((facet) => !filtered.includes(facet)),
          // Arranging wijk pages needs the ranking from the first hit on.
          offset: arranged ? 0 : offset,
          limit: arranged ? rankedLength(query, true) : query.perPage,
          hasWords,
        }),
      ),
      ...filtered.map((facet) =>
        federated(
          federatedRequest({
            indexUid,
            query,
            subQueries: subs,
            filter: meilisearchFilter(query, facet),
            facets: [facet],
            offset: 0,
            limit: 0,
            hasWords,
          }),
        ),
      ),
    ]);
    if (!main) throw new SearchEngineError('Meilisearch gaf geen antwoord op de zoekvraag.');
    const facets = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<
      Facet,
      Record<string, number>
    >;
    Object.assign(
      facets,
      facetCounts(
        main,
        indexUid,
        FACETS.filter((facet) => !filtered.includes(facet)),
      ),
    );
    filtered.forEach((facet, position) => {
      const response = perFacet[position];
      if (response) Object.assign(facets, facetCounts(response, indexUid, [facet]));
    });
    return { main, facets };
  }

  /** Whether some document has every word (no filters), and per word how many have it exactly. */
  async function count(
    query: SearchQuery,
    analysis: QueryAnalysis,
  ): Promise<{ everyWord?: boolean; exact: number[] }> {
    const needsCount = analysis.words.length > 1 && isFiltered(query);
    const { results } = await client.multiSearch<{ queries: [] }, Document>({
      queries: [
        ...(needsCount ? [everyWordProbe(indexUid, analysis.words)] : []),
        ...analysis.words.map((word) => exactWordProbe(indexUid, word)),
      ] as [],
    });
    const [every, ...exact] = needsCount ? results : [undefined, ...results];
    return {
      ...(every ? { everyWord: (every.totalHits ?? 0) > 0 } : {}),
      exact: exact.map((response) => response?.totalHits ?? 0),
    };
  }

  /** For words no document has as typed: the word each matched through a typo, if any. */
  async function spell(words: readonly QueryWord[]): Promise<Map<string, string>> {
    const corrections = new Map<string, string>();
    if (words.length === 0) return corrections;
    const { results } = await client.multiSearch<{ queries: [] }, Document>({
      queries: words.map((word) => spellingProbe(indexUid, word)) as [],
    });
    words.forEach((word, position) => {
      const corrected = correctionFromProbe(results[position], word, analyzer, (a, b) =>
        editDistanceWithin(a, b, 8),
      );
      if (corrected) corrections.set(word.word, corrected);
    });
    return corrections;
  }

  async function write(
    target: Index<Document>,
    what: string,
    documents: SearchDocument[],
    wait?: WriteOptions,
  ): Promise<WriteOutcome> {
    const outcome = await finish(
      what,
      target.addDocuments(
        documents.map((document) => toMeilisearchDocument(document, analyzer)),
        { primaryKey: 'id' },
      ),
      wait?.maxWaitMs,
    );
    for (const document of documents) suspect.delete(document.id);
    return outcome;
  }

  return {
    name: 'meilisearch',

    async configure(next) {
      settings = next;
      analyzer = createTextAnalyzer(next);
      await prepare(index, indexUid);
    },

    async upsert(documents, wait) {
      if (documents.length === 0) return 'done';
      return repairing('documenten schrijven', () => write(index, 'documenten schrijven', documents, wait));
    },

    async remove(ids, wait) {
      if (ids.length === 0) return 'done';
      return repairing('documenten verwijderen', () =>
        finish('documenten verwijderen', index.deleteDocuments(ids), wait?.maxWaitMs),
      );
    },

    async rebuild(fill) {
      // Residents keep searching the live index; the new one takes its place in one swap.
      const buildUid = `${indexUid}-opbouw-${Date.now()}`;
      const build = client.index<Document>(buildUid);
      try {
        await prepare(build, buildUid);
        await fill(async (documents) => {
          if (documents.length > 0) await write(build, 'documenten schrijven', documents);
        });
        const live = await call('index opvragen', async () => {
          try {
            await index.getRawInfo();
            return true;
          } catch (error) {
            if (meilisearchCode(error) === 'index_not_found') return false;
            throw error;
          }
        });
        await finish(
          'index wisselen',
          client.swapIndexes([
            live
              ? { indexes: [indexUid, buildUid], rename: false }
              : { indexes: [buildUid, indexUid], rename: true },
          ]),
        );
      } finally {
        // After a swap this is the old index; after a failure the unfinished new one.
        await finish('oude index verwijderen', client.deleteIndex(buildUid), undefined, ['index_not_found']);
      }
    },

    async search(query): Promise<SearchResult> {
      const started = performance.now();
      const analysis = analyzer.query(query.text);
      const { words } = analysis;
      const [strict, counted] = await repairing('zoeken', () =>
        Promise.all([
          matchAs(query, analysis, 'all'),
          words.length > 0 ? count(query, analysis) : Promise.resolve(undefined),
        ]),
      );
      // No document has every word: every document with some word, those with more words first.
      // Decided without the filters (as the embedded engine does), so counts and results agree.
      const everyWord = counted?.everyWord ?? (strict.main.estimatedTotalHits ?? 0) > 0;
      const unknown = words.filter((_, position) => counted?.exact[position] === 0);
      const [{ main, facets }, corrections] = await repairing('zoeken', () =>
        Promise.all([
          words.length > 1 && !everyWord ? matchAs(query, analysis, 'any') : Promise.resolve(strict),
          spell(unknown),
        ]),
      );

      const offset = (query.page - 1) * query.perPage;
      const ranked = documentsOf(main);
      const page = arrangesPlaces(query, analysis.namesPlace)
        ? arrangePlaces(ranked, (document) => document.type).slice(offset, offset + query.perPage)
        : ranked;
      return {
        hits: page.map((document) => ({ id: document.id, document, ...withDistance(query, document) })),
        total: main.estimatedTotalHits ?? 0,
        facets,
        ...(corrections.size > 0 ? { suggestion: suggestSpelling(query.text, corrections) } : {}),
        tookMs: performance.now() - started,
      };
    },

    async versions() {
      const versions = new Map<string, number>();
      const limit = 1000;
      for (let offset = 0; ; offset += limit) {
        const page = await repairing('versies lezen', () =>
          index.getDocuments({ fields: ['id', 'version', 'analysis'], limit, offset }),
        );
        for (const document of page.results) {
          const id = String(document.id);
          // Analysed by another version of the analyser, or unreadable: outdated, so written again.
          const current = document.analysis === analyzer.fingerprint && !suspect.has(id);
          versions.set(id, current ? Number(document.version) : 0);
        }
        if (page.results.length < limit) return versions;
      }
    },

    async close() {},
  };
}
