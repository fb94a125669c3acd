import type { SearchLogEntry } from '../search-log/search-log-repository.ts';

/**
 * What a rendered page tells the server's render cache, in response headers that the server
 * reads and removes before anything is sent.
 */

/** ISO time after which the page must be rendered again ("Nu open" turns into "Nu gesloten"). */
export const CACHE_UNTIL_HEADER = 'x-wijkwijzer-cache-until';

/** The search a page ran, so a search answered from the cache is still counted in the search log. */
export const SEARCH_LOG_HEADER = 'x-wijkwijzer-search-log';

export const encodeSearchLogHint = (entry: SearchLogEntry): string =>
  encodeURIComponent(JSON.stringify(entry));

/** The entry back from the header; anything that is not one is ignored (it only feeds counts). */
export function decodeSearchLogHint(value: string): SearchLogEntry | undefined {
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as Partial<SearchLogEntry>;
    if (
      typeof parsed.text !== 'string' ||
      typeof parsed.hitCount !== 'number' ||
      typeof parsed.tookMs !== 'number' ||
      typeof parsed.filters !== 'object' ||
      parsed.filters === null
    )
      return undefined;
    return { text: parsed.text, filters: parsed.filters, hitCount: parsed.hitCount, tookMs: parsed.tookMs };
  } catch {
    return undefined;
  }
}
