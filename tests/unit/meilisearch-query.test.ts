import { describe, expect, it } from 'vitest';
import {
  fromMeilisearchResponses,
  meilisearchFilter,
  meilisearchQueries,
  meilisearchSettings,
  meilisearchSort,
  toMeilisearchDocument,
} from '#search/meilisearch/meilisearch-query.ts';
import type { SearchDocument } from '#search/search-document.ts';
import { SearchQuerySchema } from '#search/search-query.ts';
import type { SearchResponse } from 'meilisearch';

const query = (input: Parameters<typeof SearchQuerySchema.parse>[0]) => SearchQuerySchema.parse(input);

const document: SearchDocument = {
  id: 'listing-1',
  type: 'listing',
  url: '/aanbod/schuldhulp',
  title: 'Schuldhulp',
  summary: 'Hulp bij schulden.',
  body: '',
  keywords: [],
  kind: 'service',
  cost: 'free',
  access: 'open',
  organisation: 'vivenz',
  neighbourhoods: ['bolnes'],
  citywide: false,
  lifeDomains: ['geld'],
  audiences: [],
  location: { lat: 51.8935, lng: 4.579 },
  version: 3,
};

describe('Meilisearch settings', () => {
  it('makes every word of a synonym group point at the others, merging groups', () => {
    const settings = meilisearchSettings({
      synonyms: [
        ['schulden', 'geldzorgen'],
        ['schulden', 'deurwaarder'],
      ],
    });
    expect(settings.synonyms).toEqual({
      schulden: ['deurwaarder', 'geldzorgen'],
      geldzorgen: ['schulden'],
      deurwaarder: ['schulden'],
    });
  });

  it('weights title above description, filters on every facet and geo, and forgives typos as the embedded engine does', () => {
    const settings = meilisearchSettings({ synonyms: [] });
    expect(settings.searchableAttributes).toEqual(['title', 'summary', 'keywords', 'body']);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([
        'type',
        'neighbourhoods',
        'lifeDomains',
        'audiences',
        'kind',
        'cost',
        'access',
        '_geo',
      ]),
    );
    expect(settings.sortableAttributes).toEqual(['title', '_geo']);
    expect(settings.typoTolerance).toMatchObject({
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ['body'],
    });
    expect(settings.stopWords).toContain('bij');
  });
});

describe('Meilisearch documents', () => {
  it('adds _geo for documents with a place and leaves others alone', () => {
    expect(toMeilisearchDocument(document)).toMatchObject({ _geo: { lat: 51.8935, lng: 4.579 } });
    const { location: _location, ...placeless } = document;
    expect(toMeilisearchDocument(placeless)).not.toHaveProperty('_geo');
  });
});

describe('Meilisearch query translation', () => {
  it('ORs values within a facet, ANDs facets, and quotes values safely', () => {
    expect(
      meilisearchFilter(
        query({ filters: { neighbourhoods: ['bolnes', 'oost'], cost: ['free'], type: ['listing'] } }),
      ),
    ).toEqual(['type IN ["listing"]', 'neighbourhoods IN ["bolnes", "oost"]', 'cost IN ["free"]']);
    expect(meilisearchFilter(query({ filters: { lifeDomains: ['a"] OR x = ["b'] } }))).toEqual([
      'lifeDomains IN ["a\\"] OR x = [\\"b"]',
    ]);
  });

  it('turns a radius into _geoRadius in metres, only with a reference point', () => {
    expect(meilisearchFilter(query({ near: { lat: 51.87, lng: 4.6 }, radiusKm: 1.5 }))).toEqual([
      '_geoRadius(51.87, 4.6, 1500)',
    ]);
    expect(meilisearchFilter(query({ radiusKm: 2 }))).toEqual([]);
  });

  it('sorts by distance, by title, or by relevance only when there is text', () => {
    expect(
      meilisearchSort(query({ text: 'hulp', sort: 'distance', near: { lat: 51.87, lng: 4.6 } })),
    ).toEqual(['_geoPoint(51.87, 4.6):asc']);
    expect(meilisearchSort(query({ text: 'hulp', sort: 'distance' }))).toBeUndefined();
    expect(meilisearchSort(query({ text: 'hulp', sort: 'title' }))).toEqual(['title:asc']);
    expect(meilisearchSort(query({ text: '' }))).toEqual(['title:asc']);
    expect(meilisearchSort(query({ text: 'hulp' }))).toBeUndefined();
  });

  it('asks per filtered facet for counts without that facet’s own filter', () => {
    const queries = meilisearchQueries(
      query({ text: 'hulp', filters: { lifeDomains: ['geld'], kind: ['service'] }, page: 2, perPage: 10 }),
      'idx',
    );
    expect(queries).toHaveLength(3);
    expect(queries[0]).toMatchObject({
      indexUid: 'idx',
      q: 'hulp',
      page: 2,
      hitsPerPage: 10,
      matchingStrategy: 'all',
      facets: ['neighbourhoods', 'audiences', 'cost', 'access'],
    });
    expect(queries[1]).toMatchObject({
      filter: ['kind IN ["service"]'],
      facets: ['lifeDomains'],
      hitsPerPage: 0,
    });
    expect(queries[2]).toMatchObject({
      filter: ['lifeDomains IN ["geld"]'],
      facets: ['kind'],
      hitsPerPage: 0,
    });
  });

  it('puts the responses together, with distances and without Meilisearch fields', () => {
    const q = query({ filters: { kind: ['service'] }, near: { lat: 51.8935, lng: 4.579 } });
    const main = {
      hits: [{ ...toMeilisearchDocument(document), _geoDistance: 0 }],
      totalHits: 1,
      facetDistribution: { lifeDomains: { geld: 1 } },
    };
    const kind = { hits: [], totalHits: 4, facetDistribution: { kind: { service: 1, activity: 3 } } };
    const result = fromMeilisearchResponses(q, [main, kind] as unknown as SearchResponse[], 4);
    expect(result.total).toBe(1);
    expect(result.hits[0]?.document).toEqual(document);
    expect(result.hits[0]?.distanceKm).toBe(0);
    expect(result.facets.kind).toEqual({ service: 1, activity: 3 });
    expect(result.facets.lifeDomains).toEqual({ geld: 1 });
    expect(result.facets.audiences).toEqual({});
  });
});
