import type { SearchLog } from '#admin/search-log/search-log-buffer.ts';
import type { CrisisHelp } from './crisis/crisis-detector.ts';
import type { SearchLogEntry } from '#admin/search-log/search-log-repository.ts';
import { SearchUnavailableError } from './search-engine.ts';
import type { SearchResult } from './search-query.ts';
import type { SearchService } from './search-service.ts';
import { toSearchParams, type SearchState } from './url-params.ts';
import { log as serverLog } from '#admin/logging/log.ts';

export type SearchOutcome = (
  | {
      status: 'ok';
      result: SearchResult;
      /** When filters left nothing: how many results the same words give without filters. */
      totalWithoutFilters?: number;
      /** What went into the search log, so a cached answer to the same search can be counted too. */
      logged?: SearchLogEntry;
    }
  | { status: 'unavailable' }
) & {
  /** Set when the words sound like someone is in danger: show these numbers before anything else. */
  crisis?: CrisisHelp;
};

const NO_FILTERS = {
  type: [],
  neighbourhoods: [],
  lifeDomains: [],
  audiences: [],
  kind: [],
  cost: [],
  access: [],
  dates: [],
};

/**
 * Runs a resident's search and logs it for monitoring (the query and its filters, never who
 * or where). An unreachable engine is an outcome, not an exception: the page explains it.
 */
export async function performSearch(
  service: SearchService,
  log: SearchLog,
  state: SearchState,
): Promise<SearchOutcome> {
  const crisis = service.crisis(state.query.text);
  const withCrisis = crisis ? { crisis } : {};
  let result: SearchResult;
  try {
    result = await service.search(state.query);
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      serverLog.warn(`Search unavailable: ${error.message}`);
      return { status: 'unavailable', ...withCrisis };
    }
    throw error;
  }
  let logged: SearchLogEntry | undefined;
  if (state.query.page === 1) {
    const params = toSearchParams({ query: state.query, ...(state.when ? { when: state.when } : {}) });
    params.delete('q');
    params.delete('pagina');
    const filters: Record<string, string[]> = {};
    for (const [name, value] of params) (filters[name] ??= []).push(value);
    logged = { text: state.query.text, filters, hitCount: result.total, tookMs: result.tookMs };
    log.record(logged);
  }
  const extra = logged ? { logged } : {};
  const filtered =
    Object.values(state.query.filters).some((values) => values.length > 0) ||
    state.query.radiusKm !== undefined;
  if (result.total === 0 && filtered) {
    const broader = await service
      .search({ ...state.query, filters: NO_FILTERS, page: 1, perPage: 1 })
      .catch((error: unknown) => {
        // Only a hint for the empty page: an engine that just went away leaves it out.
        if (!(error instanceof SearchUnavailableError)) throw error;
        serverLog.warn(`Search unavailable: ${error.message}`);
        return undefined;
      });
    if (broader) return { status: 'ok', result, totalWithoutFilters: broader.total, ...withCrisis, ...extra };
  }
  return { status: 'ok', result, ...withCrisis, ...extra };
}
