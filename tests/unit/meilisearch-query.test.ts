import type { SearchResponse } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import {
  correctionFromProbe,
  coverageOrders,
  federatedRequest,
  fromMeilisearchHit,
  meilisearchFilter,
  meilisearchSettings,
  meilisearchSort,
  queryText,
  spellingProbe,
  subQueries,
  toMeilisearchDocument,
} from '#search/meilisearch/meilisearch-query.ts';
import type { SearchDocument } from '#search/search-document.ts';
import { SearchQuerySchema } from '#search/search-query.ts';
import { editDistanceWithin } from '#search/text/edit-distance.ts';
import { createTextAnalyzer } from '#search/text/text-analyzer.ts';

const query = (input: Parameters<typeof SearchQuerySchema.parse>[0]) => SearchQuerySchema.parse(input);
const analyzer = createTextAnalyzer({
  synonyms: [
    ['schulden', 'geldzorgen'],
    ['schulden', 'deurwaarder'],
    ['rood staan', 'roodstand'],
  ],
});

const document: SearchDocument = {
  id: 'listing-1',
  type: 'listing',
  url: '/aanbod/schuldhulp',
  title: 'Éénmalige Schuldhulpverlening',
  summary: 'Hulp bij de schulden.',
  body: 'Rood staan is geen schande.',
  keywords: ['Vivenz'],
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
  it('uses the analyser’s synonym table, so synonyms meet terms as stemmed as the documents’', () => {
    const settings = meilisearchSettings(analyzer);
    expect(settings.synonyms).toMatchObject({ schuld: ['deurwaarder', 'geldzorg'], deurwaarder: ['schuld'] });
    expect(settings.synonyms?.roodstan).toEqual(['roodstand']);
  });

  it('searches the term fields by weight and leaves stop words to the analyser', () => {
    const settings = meilisearchSettings(analyzer);
    expect(settings.searchableAttributes).toEqual(['tTitle', 'tSummary', 'tKeywords', 'tParts', 'tBody']);
    expect(settings.stopWords).toEqual([]);
    expect(settings.sortableAttributes).toEqual(['titleKey', '_geo']);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(['type', 'neighbourhoods', 'lifeDomains', 'kind', 'cost', 'access', '_geo']),
    );
    expect(settings.typoTolerance).toMatchObject({
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ['tBody'],
    });
    expect(settings.localizedAttributes).toEqual([
      { attributePatterns: ['tTitle', 'tSummary', 'tKeywords', 'tParts', 'tBody'], locales: ['nld'] },
    ]);
  });
});

describe('Meilisearch documents', () => {
  it('carries the text as the analyser’s terms, a folded title key and the analyser’s fingerprint', () => {
    const stored = toMeilisearchDocument(document, analyzer);
    expect(stored.tTitle).toBe('eenmal schuldhulpverlen');
    expect(stored.tSummary).toBe('hulp schuld');
    expect(stored.tParts.split(' ')).toEqual(expect.arrayContaining(['schuld', 'schuldhulp']));
    expect(stored.tBody.split(' ')).toEqual(expect.arrayContaining(['rod', 'stan', 'schand', 'roodstan']));
    expect(stored.titleKey).toBe('eenmalige schuldhulpverlening');
    expect(stored.analysis).toBe(analyzer.fingerprint);
    expect(stored._geo).toEqual({ lat: 51.8935, lng: 4.579 });
    const { location: _location, ...placeless } = document;
    expect(toMeilisearchDocument(placeless, analyzer)).not.toHaveProperty('_geo');
  });

  it('reads a stored document back without Meilisearch’s fields, and reports one that does not fit', () => {
    const stored = { ...toMeilisearchDocument(document, analyzer), _rankingScore: 0.5 };
    expect(fromMeilisearchHit(stored)).toEqual({ ok: true, document });
    const broken = fromMeilisearchHit({ id: 'listing-9', type: 'listing', url: '/aanbod/x' });
    expect(broken).toMatchObject({ ok: false, id: 'listing-9' });
    expect(broken.ok === false && broken.problem).toContain('title');
  });

  it('changes the fingerprint when the synonyms change, so stored documents are written again', () => {
    expect(createTextAnalyzer({ synonyms: [['a', 'b']] }).fingerprint).not.toBe(analyzer.fingerprint);
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

  it('sorts by distance, by the folded title, or by relevance only when there are words', () => {
    const near = { lat: 51.87, lng: 4.6 };
    expect(meilisearchSort(query({ text: 'hulp', sort: 'distance', near }), true)).toEqual([
      '_geoPoint(51.87, 4.6):asc',
    ]);
    expect(meilisearchSort(query({ text: 'hulp', sort: 'distance' }), true)).toBeUndefined();
    expect(meilisearchSort(query({ text: 'hulp', sort: 'title' }), true)).toEqual(['titleKey:asc']);
    expect(meilisearchSort(query({ text: 'de en het' }), false)).toEqual(['titleKey:asc']);
    expect(meilisearchSort(query({ text: 'hulp' }), true)).toBeUndefined();
  });

  it('sends the analysed terms, never a stop word, and completes only a word still being typed', () => {
    expect(queryText(analyzer.query('Mijn SCHULDEN').words)).toBe('schuld');
    expect(queryText(analyzer.query('Mijn SCHULDEN ').words)).toBe('schuld ');
    // "bij" is still being typed, but a stop word: it completes nothing, and "hulp" is finished.
    expect(queryText(analyzer.query('hulp bij').words)).toBe('hulp ');
    expect(queryText(analyzer.query('ik moet rood staan voor de deurwaarder').words)).toBe(
      'roodstan deurwaarder',
    );
  });

  it('matches every word, with filler as a lighter second search only when ranking by relevance', () => {
    const analysis = analyzer.query('hulp bij schulden ');
    expect(subQueries(analysis, 'all', query({ text: 'hulp bij schulden ' }))).toEqual([
      { q: 'schuld hulp ', matchingStrategy: 'all', weight: 1 },
      { q: 'schuld ', matchingStrategy: 'all', weight: 0.9 },
    ]);
    expect(subQueries(analysis, 'all', query({ text: 'hulp bij schulden', sort: 'title' }))).toEqual([
      { q: 'schuld ', matchingStrategy: 'all', weight: 1 },
    ]);
  });

  it('matches any word by searching every rotation of the words, dropping words from the end', () => {
    const analysis = analyzer.query('koffie polder schuld');
    expect(subQueries(analysis, 'any', query({ text: 'koffie polder schuld' }))).toEqual([
      { q: 'koffie polder schuld', matchingStrategy: 'last', weight: 1 },
      { q: 'polder schuld koffie ', matchingStrategy: 'last', weight: 1 },
      { q: 'schuld koffie polder ', matchingStrategy: 'last', weight: 1 },
    ]);
  });

  it('orders the words so any set of up to five sits together in one order', () => {
    for (let count = 1; count <= 5; count++) {
      const orders = coverageOrders(count);
      for (let subset = 1; subset < 2 ** count; subset++) {
        const wanted = Array.from({ length: count }, (_, index) => index).filter(
          (index) => subset & (1 << index),
        );
        const together = orders.some((order) =>
          order.some((_, shift) => {
            const rotated = [...order.slice(shift), ...order.slice(0, shift)];
            return (
              new Set(rotated.slice(0, wanted.length)).size === wanted.length &&
              wanted.every((index) => rotated.slice(0, wanted.length).includes(index))
            );
          }),
        );
        expect(together, `words ${wanted.join(',')} of ${count}`).toBe(true);
      }
    }
  });

  it('asks one federated request per facet count, with that facet’s own filter left out', () => {
    const q = query({
      text: 'hulp',
      filters: { lifeDomains: ['geld'], kind: ['service'] },
      page: 2,
      perPage: 10,
    });
    const request = federatedRequest({
      indexUid: 'idx',
      query: q,
      subQueries: [{ q: 'hulp', matchingStrategy: 'all', weight: 1 }],
      filter: meilisearchFilter(q, 'kind'),
      facets: ['kind'],
      offset: 0,
      limit: 0,
      hasWords: true,
    });
    expect(request.federation).toEqual({ offset: 0, limit: 0, facetsByIndex: { idx: ['kind'] } });
    expect(request.queries).toEqual([
      expect.objectContaining({
        indexUid: 'idx',
        q: 'hulp',
        filter: ['lifeDomains IN ["geld"]'],
        federationOptions: { weight: 1 },
      }),
    ]);
    expect(request.queries[0]?.attributesToRetrieve).not.toContain('tTitle');
  });
});

describe('"Bedoelde je …?" from a spelling probe', () => {
  const stored = toMeilisearchDocument(
    { ...document, title: 'Schuldhulp', summary: 'Hulp bij geldzorgen.' },
    analyzer,
  );
  const distance = (a: string, b: string) => editDistanceWithin(a, b, 8);
  const probed = (field: 'tTitle' | 'tSummary', start: number, length: number) =>
    ({
      hits: [{ ...stored, _matchesPosition: { [field]: [{ start, length }] } }],
    }) as unknown as SearchResponse;

  it('names the written word a word only matched through a typo', () => {
    const [word] = analyzer.query('schuldhlup').words;
    if (!word) throw new Error('no word');
    expect(spellingProbe('idx', word)).toMatchObject({
      q: 'schuldhlup',
      limit: 1,
      showMatchesPosition: true,
    });
    expect(correctionFromProbe(probed('tTitle', 0, 10), word, analyzer, distance)).toBe('schuldhulp');
  });

  it('names nothing when the best document has the word, a synonym of it, or a word it starts', () => {
    const [exact] = analyzer.query('schuldhulp ').words;
    const [synonym] = analyzer.query('geldzorgen ').words;
    const [typing] = analyzer.query('schuldh').words;
    if (!exact || !synonym || !typing) throw new Error('no word');
    expect(correctionFromProbe(probed('tTitle', 0, 10), exact, analyzer, distance)).toBeUndefined();
    expect(correctionFromProbe(probed('tSummary', 5, 8), synonym, analyzer, distance)).toBeUndefined();
    expect(correctionFromProbe(probed('tTitle', 0, 7), typing, analyzer, distance)).toBeUndefined();
    expect(
      correctionFromProbe({ hits: [] } as unknown as SearchResponse, exact, analyzer, distance),
    ).toBeUndefined();
  });
});
