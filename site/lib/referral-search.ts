import type { SearchLog } from '#admin/search-log/search-log-buffer.ts';
import {
  appSearch,
  parseSearchParams,
  performSearch,
  type SearchOutcome,
  type SearchQuery,
  type SearchState,
} from '#search/index.ts';
import { getSearchVocabulary } from './search-vocabulary.ts';

/**
 * Searches of wijkteam members use the residents' search through its public API, but are not
 * logged: the search log is for what residents look for, and a search made from a question may
 * carry that resident's words.
 */
const NOT_LOGGED: SearchLog = {
  record: () => undefined,
  flush: () => Promise.resolve(),
};

export const PROFESSIONAL_PAGE_SIZE = 20;

/** Listing ids of search documents (`listing-12`); wijk pages and ankerplaatsen have none. */
export const listingIdsOf = (outcome: SearchOutcome): number[] =>
  outcome.status === 'ok'
    ? outcome.result.hits.flatMap((hit) =>
        hit.document.type === 'listing' ? [Number(hit.id.slice('listing-'.length))] : [],
      )
    : [];

/** The search of /beheer/zoeken: the URL parameters of /zoeken, listings only. */
export async function searchForProfessionals(
  params: URLSearchParams,
): Promise<{ state: SearchState; outcome: SearchOutcome }> {
  const parsed = parseSearchParams(params, await getSearchVocabulary(), PROFESSIONAL_PAGE_SIZE);
  const state: SearchState = {
    ...parsed,
    query: { ...parsed.query, filters: { ...parsed.query.filters, type: ['listing'] } },
  };
  return { state, outcome: await performSearch(appSearch(), NOT_LOGGED, state) };
}

export interface QuestionSearch {
  neighbourhood: string | null;
  lifeDomains: string[];
  searchText: string;
}

const MAX_SUGGESTIONS = 10;

/**
 * "Koppel aan aanbod": listings that fit a question's wijk, leefgebieden and words. Tries the
 * closest fit first and widens (without the leefgebieden, then without the words) until there are
 * enough; the best of each round come first, none twice.
 */
export async function suggestionsForQuestion(
  question: QuestionSearch,
): Promise<{ listingIds: number[]; unavailable: boolean }> {
  const neighbourhoods = question.neighbourhood ? [question.neighbourhood] : [];
  const base = (text: string, lifeDomains: string[]): SearchQuery => ({
    text,
    filters: {
      type: ['listing'],
      neighbourhoods,
      lifeDomains,
      audiences: [],
      kind: [],
      cost: [],
      access: [],
      dates: [],
    },
    sort: 'relevance',
    page: 1,
    perPage: MAX_SUGGESTIONS,
  });
  const rounds = [
    base(question.searchText, question.lifeDomains),
    base(question.searchText, []),
    base('', question.lifeDomains),
  ].filter((query, index) => index === 0 || query.text !== '' || query.filters.lifeDomains.length > 0);
  const found: number[] = [];
  for (const query of rounds) {
    const outcome = await performSearch(appSearch(), NOT_LOGGED, { query });
    if (outcome.status === 'unavailable') return { listingIds: found, unavailable: true };
    for (const id of listingIdsOf(outcome)) if (!found.includes(id)) found.push(id);
    if (found.length >= MAX_SUGGESTIONS) break;
  }
  return { listingIds: found.slice(0, MAX_SUGGESTIONS), unavailable: false };
}

/** A form's action on the current page, keeping its query (the search) for after the redirect. */
export function actionOnPage(url: URL, action: string): string {
  const params = new URLSearchParams(url.search);
  params.delete('_action');
  const name = new URLSearchParams(action.replace(/^\?/, '')).get('_action') ?? '';
  params.set('_action', name);
  return `${url.pathname}?${params.toString()}`;
}

/** The current page without the action parameter: where a form's success redirects to. */
export function pageWithoutAction(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('_action');
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
