import { AppError } from '#admin/errors/app-error.ts';
import type { SearchDocument } from './search-document.ts';
import type { SearchQuery, SearchResult } from './search-query.ts';

/** The vocabulary the engines share: synonym groups from content/taxonomie. */
export interface SearchSettings {
  synonyms: string[][];
}

/**
 * What both engines (embedded, Meilisearch) offer. One contract test suite runs against each.
 * Writes resolve when the document is searchable.
 */
export interface SearchEngine {
  readonly name: string;
  /** Applies settings idempotently; call at start before writes. */
  configure(settings: SearchSettings): Promise<void>;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Removes every document (used by a full reindex). */
  clear(): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** id → version of every document the index holds, for the sync loop. */
  versions(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/** The engine cannot be reached or refused the request; the site shows a clear message instead. */
export class SearchUnavailableError extends AppError {
  override name = 'SearchUnavailableError';
  readonly code = 'search_unavailable';
}
