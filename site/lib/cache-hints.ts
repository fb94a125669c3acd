import { CACHE_UNTIL_HEADER, SEARCH_LOG_HEADER, encodeSearchLogHint } from '#admin/cache/cache-hints.ts';
import { addDays, instantAt, localMoment } from '#admin/hours/amsterdam-time.ts';
import type { SearchOutcome, SearchState } from '#search/index.ts';

/**
 * Tells the server's render cache about a search page: a cached answer still counts in the
 * search log, and a page that says "zoeken lukt nu even niet" is never kept.
 */
export function hintSearchPage(headers: Headers, outcome: SearchOutcome): void {
  if (outcome.status === 'unavailable') headers.set('Cache-Control', 'no-store');
  else if (outcome.logged) headers.set(SEARCH_LOG_HEADER, encodeSearchLogHint(outcome.logged));
}

/** The page shows something that changes by itself at `moment` ("Nu open"): render it again then. */
export function hintValidUntil(headers: Headers, moment: Date | undefined): void {
  if (!moment) return;
  const current = headers.get(CACHE_UNTIL_HEADER);
  if (!current || Date.parse(current) > moment.getTime())
    headers.set(CACHE_UNTIL_HEADER, moment.toISOString());
}

/**
 * A search whose answer depends on the day ("deze week", an activity's next date) is rendered
 * again after Dutch midnight.
 */
export function hintDatedSearch(
  headers: Headers,
  state: SearchState,
  outcome: SearchOutcome,
  now = new Date(),
): void {
  const dated =
    state.when !== undefined ||
    (outcome.status === 'ok' && outcome.result.hits.some((hit) => hit.document.nextOccurrence !== undefined));
  if (dated) hintValidUntil(headers, instantAt(addDays(localMoment(now).date, 1), 0));
}
