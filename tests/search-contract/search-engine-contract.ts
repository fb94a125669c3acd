import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '#search/search-engine.ts';
import { SearchQuerySchema, type SearchQueryInput } from '#search/search-query.ts';
import { CENTRUM, FIXTURE_DOCUMENTS, FIXTURE_SYNONYMS } from './fixture-documents.ts';

/**
 * What every engine must do, run against each one: the embedded engine always, Meilisearch
 * in `npm run test:meilisearch`. Only behaviour residents rely on is pinned down here, not
 * exact scores, which the engines compute differently.
 */
export function describeSearchEngineContract(makeEngine: () => SearchEngine | Promise<SearchEngine>): void {
  let engine: SearchEngine;
  const search = (input: SearchQueryInput) => engine.search(SearchQuerySchema.parse(input));
  const ids = async (input: SearchQueryInput) => (await search(input)).hits.map((hit) => hit.id);

  beforeAll(async () => {
    engine = await makeEngine();
    await engine.configure({ synonyms: FIXTURE_SYNONYMS });
    await engine.clear();
    await engine.upsert(FIXTURE_DOCUMENTS);
  });
  afterAll(async () => {
    await engine.close();
  });

  describe('text', () => {
    it('finds a document by a word in its title first', async () => {
      const found = await ids({ text: 'schulden' });
      expect(found[0]).toBe('schuldhulp');
      expect(found).toContain('wandelgroep');
    });

    it('treats the words of a synonym group as one', async () => {
      expect((await ids({ text: 'geldzorgen' }))[0]).toBe('schuldhulp');
      expect(await ids({ text: 'eenzaamheid' })).toContain('koffieochtend');
    });

    it('forgives a typo in a longer word', async () => {
      expect(await ids({ text: 'huiswek' })).toContain('huiswerkklas');
      expect(await ids({ text: 'thuisadminstratie' })).toContain('thuisadministratie');
    });

    it('completes the last word while someone is typing', async () => {
      expect(await ids({ text: 'scootm' })).toContain('wmo-loket');
    });

    it('ignores Dutch stop words and case', async () => {
      expect(await ids({ text: 'De FORMULIEREN en de Post' })).toEqual(['thuisadministratie']);
    });

    it('needs every word to match when some document has them all', async () => {
      expect(await ids({ text: 'koffie ontmoeten' })).toEqual(['koffieochtend']);
    });

    it('finds nothing for a word no document has', async () => {
      const result = await search({ text: 'xylofoonquartet' });
      expect(result.total).toBe(0);
      expect(result.hits).toEqual([]);
    });

    it('returns everything, by title, for an empty query', async () => {
      const result = await search({ text: '', perPage: 100 });
      expect(result.total).toBe(FIXTURE_DOCUMENTS.length);
      const titles = result.hits.map((hit) => hit.document.title);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'nl')));
    });
  });

  describe('filters and facets', () => {
    it('ORs values within a filter and ANDs filters', async () => {
      expect(new Set(await ids({ filters: { lifeDomains: ['geld', 'opvoeden'] } }))).toEqual(
        new Set(['schuldhulp', 'thuisadministratie', 'huiswerkklas']),
      );
      expect(await ids({ filters: { lifeDomains: ['geld'], kind: ['volunteer'] } })).toEqual([
        'thuisadministratie',
      ]);
    });

    it('finds a citywide document under every wijk', async () => {
      expect(await ids({ text: 'geweld', filters: { neighbourhoods: ['west'] } })).toEqual(['veilig-thuis']);
    });

    it('filters on document type', async () => {
      expect(await ids({ text: 'bolnes', filters: { type: ['neighbourhood'] } })).toEqual([
        'neighbourhood-bolnes',
      ]);
    });

    it('counts facet values over all matches, ignoring the facet’s own filter', async () => {
      const result = await search({ filters: { lifeDomains: ['geld'] } });
      expect(result.total).toBe(2);
      expect(result.facets.kind).toEqual({ service: 1, volunteer: 1 });
      expect(result.facets.lifeDomains.geld).toBe(2);
      expect(result.facets.lifeDomains.meedoen).toBe(2);
      expect(result.facets.lifeDomains.opvoeden).toBe(1);
    });
  });

  describe('place and order', () => {
    it('keeps only documents within the radius', async () => {
      const found = await ids({ near: { lat: 51.8935, lng: 4.579 }, radiusKm: 1, perPage: 100 });
      expect(new Set(found)).toEqual(new Set(['schuldhulp', 'neighbourhood-bolnes']));
    });

    it('sorts by distance and reports it', async () => {
      const result = await search({
        filters: { type: ['listing'] },
        near: CENTRUM,
        sort: 'distance',
        perPage: 100,
      });
      const distances = result.hits.flatMap((hit) => (hit.distanceKm === undefined ? [] : [hit.distanceKm]));
      expect(distances.length).toBeGreaterThan(4);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(result.hits[0]?.id).toBe('wmo-loket');
      expect(result.hits[0]?.distanceKm).toBeCloseTo(0, 3);
    });

    it('pages through results without overlap', async () => {
      const first = await ids({ perPage: 3, page: 1 });
      const second = await ids({ perPage: 3, page: 2 });
      const third = await ids({ perPage: 3, page: 3 });
      expect(first).toHaveLength(3);
      expect(new Set([...first, ...second, ...third]).size).toBe(FIXTURE_DOCUMENTS.length);
    });
  });

  describe('writes', () => {
    it('reports the version of every document it holds', async () => {
      const versions = await engine.versions();
      expect(versions.size).toBe(FIXTURE_DOCUMENTS.length);
      expect(versions.get('schuldhulp')).toBe(1);
    });

    it('replaces a document on upsert, so old words no longer find it', async () => {
      const original = FIXTURE_DOCUMENTS.find((document) => document.id === 'wandelgroep');
      if (!original) throw new Error('fixture missing');
      await engine.upsert([
        { ...original, title: 'Fietsgroep', summary: 'Samen fietsen door de polder.', body: '', version: 2 },
      ]);
      expect(await ids({ text: 'fietsgroep' })).toEqual(['wandelgroep']);
      expect(await ids({ text: 'wandelgroep' })).toEqual([]);
      expect((await engine.versions()).get('wandelgroep')).toBe(2);
      await engine.upsert([original]);
    });

    it('forgets removed documents', async () => {
      await engine.remove(['huiswerkklas']);
      expect(await ids({ text: 'huiswerk' })).toEqual([]);
      expect((await engine.versions()).has('huiswerkklas')).toBe(false);
    });
  });
}
