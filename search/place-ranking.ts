import type { SearchDocumentType } from './search-document.ts';
import type { SearchQuery } from './search-query.ts';

/**
 * Wijk pages and ankerplaatsen mention every kind of help ("het wijkteam helpt bij schulden,
 * eenzaamheid, …"), so for most searches they would crowd out the organisations that actually
 * give that help. Unless the query names a wijk or asks for the team or a walk-in place, at most
 * one of them stands in the first five results; the others follow right after.
 */
export const PLACE_TOP = 5;
/** Ranked hits an engine fetches beyond the page, so the first five can be filled with listings. */
export const PLACE_SLACK = 20;
/** Pages this deep follow the engine's ranking as is: the first five lie far behind. */
export const PLACE_DEEP_OFFSET = 200;

const isPlace = (type: SearchDocumentType): boolean => type !== 'listing';

/** Whether the rule applies to this query: a text search ranked by relevance, on the first pages. */
export function arrangesPlaces(query: SearchQuery, namesPlace: boolean): boolean {
  return (
    !namesPlace &&
    query.sort === 'relevance' &&
    query.text !== '' &&
    (query.page - 1) * query.perPage < PLACE_DEEP_OFFSET
  );
}

/** How many hits, from the first, an engine must rank to build the requested page. */
export function rankedLength(query: SearchQuery, arranged: boolean): number {
  return query.page * query.perPage + (arranged ? PLACE_SLACK : 0);
}

/** The ranked hits with at most one wijk page or ankerplaats in the first five. */
export function arrangePlaces<T>(ranked: readonly T[], typeOf: (item: T) => SearchDocumentType): T[] {
  const top: T[] = [];
  let placeShown = false;
  for (const item of ranked) {
    if (top.length === PLACE_TOP) break;
    if (!isPlace(typeOf(item))) top.push(item);
    else if (!placeShown) {
      top.push(item);
      placeShown = true;
    }
  }
  const chosen = new Set(top);
  return [...top, ...ranked.filter((item) => !chosen.has(item))];
}
