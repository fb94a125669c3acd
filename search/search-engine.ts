import { AppError } from '#admin/errors/app-error.ts';
import type { SearchDocument } from './search-document.ts';
import type { SearchQuery, SearchResult } from './search-query.ts';

/** The vocabulary the engines share, from content: synonym groups and the names of the wijken. */
export interface SearchSettings {
  synonyms: string[][];
  placeNames?: string[];
}

export interface WriteOptions {
  /**
   * Stop waiting after this many milliseconds: the write still happens, and the sync loop
   * checks it later. Without it a write resolves when the documents are searchable.
   */
  maxWaitMs?: number;
}

/** `pending`: the engine accepted the write but had not finished it within `maxWaitMs`. */
export type WriteOutcome = 'done' | 'pending';

/** Writes documents into an index that is being built; see `SearchEngine.rebuild`. */
export type IndexWriter = (documents: SearchDocument[]) => Promise<void>;

/**
 * What both engines (embedded, Meilisearch) offer. One contract test suite runs against each.
 */
export interface SearchEngine {
  readonly name: string;
  /** Applies settings idempotently; call at start before writes. */
  configure(settings: SearchSettings): Promise<void>;
  upsert(documents: SearchDocument[], options?: WriteOptions): Promise<WriteOutcome>;
  remove(ids: string[], options?: WriteOptions): Promise<WriteOutcome>;
  /**
   * Builds a complete new index from what `fill` writes and then puts it in place at once:
   * searches keep answering from the old index until the new one is ready (`npm run reindex`).
   */
  rebuild(fill: (write: IndexWriter) => Promise<void>): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** id → version of every document the index holds, for the sync loop. */
  versions(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/**
 * The engine cannot be reached or is not ready; the site shows a clear message instead and
 * tries again later.
 */
export class SearchUnavailableError extends AppError {
  override name = 'SearchUnavailableError';
  readonly code = 'search_unavailable';
}

/**
 * The engine refused what we asked (an invalid filter or setting): a fault in this code, not
 * an outage. It is logged as an error and must fail tests rather than pass for "unavailable".
 */
export class SearchEngineError extends AppError {
  override name = 'SearchEngineError';
  readonly code = 'search_engine_refused';
}
