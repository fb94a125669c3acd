import type { MultiSearchQuery, SearchResponse, Settings } from 'meilisearch';
import { distanceKm } from '#admin/location/distance.ts';
import { SearchDocumentSchema, type SearchDocument } from '../search-document.ts';
import type { SearchSettings } from '../search-engine.ts';
import { FACETS, type Facet, type SearchQuery, type SearchResult } from '../search-query.ts';
import { DUTCH_STOP_WORDS } from '../text/dutch-stop-words.ts';

/*
 * Pure translation between our search model and Meilisearch's: no network here, so every
 * rule is unit-tested. The engine module only sends what these functions build.
 */

/** Index settings; applying the same settings twice is a no-op for Meilisearch. */
export function meilisearchSettings(settings: SearchSettings): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const group of settings.synonyms) {
    for (const word of group) {
      const others = new Set([...(synonyms[word] ?? []), ...group.filter((other) => other !== word)]);
      synonyms[word] = [...others].sort();
    }
  }
  return {
    // Order is weight: a word in the title counts more than one in the description.
    searchableAttributes: ['title', 'summary', 'keywords', 'body'],
    filterableAttributes: ['type', ...FACETS, 'citywide', 'dates', '_geo'],
    sortableAttributes: ['title', '_geo'],
    // "sort" right after "words": nearest first among results that match every word.
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
    stopWords: [...DUTCH_STOP_WORDS],
    synonyms,
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // Typo matches in long descriptions are mostly noise; the embedded engine does the same.
      disableOnAttributes: ['body'],
    },
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 100_000 },
  };
}

type MeilisearchDocument = SearchDocument & { _geo?: { lat: number; lng: number } };

export function toMeilisearchDocument(document: SearchDocument): MeilisearchDocument {
  return document.location
    ? { ...document, _geo: { lat: document.location.lat, lng: document.location.lng } }
    : document;
}

/** A stored hit back to our document; Meilisearch's own fields (`_geo`, `_geoDistance`) fall away. */
export function fromMeilisearchHit(hit: Record<string, unknown>): SearchDocument {
  return SearchDocumentSchema.parse(hit);
}

const quote = (value: string): string => JSON.stringify(value);

/** Filter expressions, AND-ed; `except` leaves one facet's filter out (for its own counts). */
export function meilisearchFilter(query: SearchQuery, except?: Facet): string[] {
  const filter: string[] = [];
  if (query.filters.type.length > 0) filter.push(`type IN [${query.filters.type.map(quote).join(', ')}]`);
  if (query.filters.dates.length > 0) filter.push(`dates IN [${query.filters.dates.map(quote).join(', ')}]`);
  for (const facet of FACETS) {
    const values = query.filters[facet];
    if (facet !== except && values.length > 0) filter.push(`${facet} IN [${values.map(quote).join(', ')}]`);
  }
  if (query.near && query.radiusKm !== undefined) {
    filter.push(`_geoRadius(${query.near.lat}, ${query.near.lng}, ${Math.round(query.radiusKm * 1000)})`);
  }
  return filter;
}

export function meilisearchSort(query: SearchQuery): string[] | undefined {
  if (query.sort === 'distance' && query.near) return [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`];
  if (query.sort === 'title' || query.text === '') return ['title:asc'];
  return undefined;
}

export type MatchingStrategy = 'all' | 'frequency';

/**
 * One request for the page of hits and the counts of facets without a filter, plus one per
 * filtered facet with that filter left out, so its other values still show a count.
 */
export function meilisearchQueries(
  query: SearchQuery,
  indexUid: string,
  matchingStrategy: MatchingStrategy = 'all',
): MultiSearchQuery[] {
  const sort = meilisearchSort(query);
  const filteredFacets = FACETS.filter((facet) => query.filters[facet].length > 0);
  const main: MultiSearchQuery = {
    indexUid,
    q: query.text,
    filter: meilisearchFilter(query),
    facets: FACETS.filter((facet) => !filteredFacets.includes(facet)),
    page: query.page,
    hitsPerPage: query.perPage,
    matchingStrategy,
    ...(sort ? { sort } : {}),
  };
  return [
    main,
    ...filteredFacets.map((facet): MultiSearchQuery => ({
      indexUid,
      q: query.text,
      filter: meilisearchFilter(query, facet),
      facets: [facet],
      page: 1,
      hitsPerPage: 0,
      matchingStrategy,
    })),
  ];
}

/** Puts the responses of `meilisearchQueries` together into one result. */
export function fromMeilisearchResponses(
  query: SearchQuery,
  responses: readonly SearchResponse[],
  tookMs: number,
): SearchResult {
  const [main, ...perFacet] = responses;
  if (!main) throw new Error('Meilisearch gaf geen antwoord op de zoekvraag.');
  const filteredFacets = FACETS.filter((facet) => query.filters[facet].length > 0);
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<
    Facet,
    Record<string, number>
  >;
  for (const facet of FACETS) {
    const index = filteredFacets.indexOf(facet);
    const source = index === -1 ? main : perFacet[index];
    facets[facet] = { ...(source?.facetDistribution?.[facet] ?? {}) };
  }
  return {
    hits: main.hits.map((hit) => {
      const document = fromMeilisearchHit(hit);
      return {
        id: document.id,
        document,
        ...(query.near && document.location ? { distanceKm: distanceKm(query.near, document.location) } : {}),
      };
    }),
    total: main.totalHits ?? main.estimatedTotalHits ?? main.hits.length,
    facets,
    tookMs,
  };
}
