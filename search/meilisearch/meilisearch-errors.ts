import { MeilisearchApiError } from 'meilisearch';
import { SearchEngineError, SearchUnavailableError } from '../search-engine.ts';

/** Meilisearch's error code of a failed request (`index_not_found`, `invalid_search_filter`, …). */
export function meilisearchCode(error: unknown): string | undefined {
  return error instanceof MeilisearchApiError ? error.cause?.code : undefined;
}

/**
 * Errors that mean the index or its settings are not what this process set up (another
 * process or a person deleted or recreated it): configuring it again repairs them.
 */
const RECONFIGURABLE = new Set([
  'index_not_found',
  'invalid_search_filter',
  'invalid_search_sort',
  'invalid_search_facets',
  'invalid_multi_search_facets',
  'invalid_multi_search_federated',
]);

export function needsConfiguring(error: unknown): boolean {
  const code = meilisearchCode(error);
  return code !== undefined && RECONFIGURABLE.has(code);
}

/**
 * A failed Meilisearch call as one of ours: Meilisearch refusing the request (a 4xx: an invalid
 * filter or setting) is a fault in this code and becomes a SearchEngineError; anything else
 * (unreachable, timeout, 5xx) means search is unavailable for now.
 */
export function toSearchError(what: string, error: unknown): SearchEngineError | SearchUnavailableError {
  if (error instanceof SearchEngineError || error instanceof SearchUnavailableError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429)
      return new SearchEngineError(
        `Meilisearch weigerde ${what} (${error.cause?.code ?? status}): ${message}`,
        {
          cause: error,
        },
      );
  }
  return new SearchUnavailableError(`Meilisearch: ${what} mislukt: ${message}`, { cause: error });
}
