/**
 * What search/ offers the site: the server's search service, one search as the pages and the
 * API run it, the URL parameters of /zoeken, and the shapes of queries, results and documents.
 * Everything else in search/ is internal (docs/architecture.md).
 */
export { appSearch, stopAppSearch } from './app-search.ts';
export type { SearchStatus } from './search-service.ts';
export { performSearch, type SearchOutcome } from './perform-search.ts';
export type { CrisisHelp } from './crisis/crisis-detector.ts';
export {
  ACCESS_PARAM,
  COST_PARAM,
  FILTER_PARAMS,
  KIND_PARAM,
  parseSearchParams,
  toSearchParams,
  WHEN_PARAM,
  type SearchState,
  type When,
  type SearchVocabulary,
} from './url-params.ts';
export { FACETS, type Facet, type SearchHit, type SearchQuery, type SearchResult } from './search-query.ts';
export type { SearchDocument } from './search-document.ts';
