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
  const ids = async (input: SearchQueryInput | string) =>
    (await search(typeof input === 'string' ? { text: input } : input)).hits.map((hit) => hit.id);

  beforeAll(async () => {
    engine = await makeEngine();
    await engine.configure({ synonyms: FIXTURE_SYNONYMS, placeNames: ['Bolnes', 'Centrum'] });
    await engine.rebuild((write) => write(FIXTURE_DOCUMENTS));
  });
  afterAll(async () => {
    await engine.close();
  });

  describe('text', () => {
    it('finds a document by a word in its title first', async () => {
      const found = await ids('schulden');
      expect(found[0]).toBe('schuldhulp');
      expect(found).toContain('wandelgroep');
    });

    it('treats the words of a synonym group as one', async () => {
      expect((await ids('geldzorgen'))[0]).toBe('schuldhulp');
      expect(await ids('eenzaamheid')).toContain('koffieochtend');
    });

    it('forgives a typo in a longer word, a swap of two letters as one typo', async () => {
      expect(await ids('huiswek')).toContain('huiswerkklas');
      expect(await ids('thuisadminstratie')).toContain('thuisadministratie');
      expect(await ids('schudlen')).toContain('schuldhulp');
    });

    it('suggests the spelling when a word only matched through a typo', async () => {
      expect((await search({ text: 'schudlen' })).suggestion).toBe('schulden');
      expect((await search({ text: 'hulp bij schudlen' })).suggestion).toBe('hulp bij schulden');
      expect((await search({ text: 'schulden' })).suggestion).toBeUndefined();
      expect((await search({ text: 'scootm' })).suggestion).toBeUndefined();
    });

    it('completes the last word while someone is typing, never a stop word', async () => {
      expect(await ids('scootm')).toContain('wmo-loket');
      expect(await ids('bijl')).toContain('bijles-wiskunde');
      expect(await ids('wiskunde bij')).toEqual(['bijles-wiskunde']);
      expect(await ids('hulp bij')).not.toContain('bijles-wiskunde');
    });

    it('ignores Dutch stop words and case', async () => {
      expect(await ids('De FORMULIEREN en de Post')).toEqual(['thuisadministratie']);
      expect(await ids('Ik zoek De Huiswerkklas')).toEqual(['huiswerkklas']);
    });

    it('finds a compound by its parts and typed apart', async () => {
      expect(await ids('administratie')).toContain('thuisadministratie');
      expect((await ids('thuis administratie'))[0]).toBe('thuisadministratie');
    });

    it('lets filler around the words not decide what matches', async () => {
      expect((await ids('ik zoek hulp voor mijn kind met huiswerk'))[0]).toBe('huiswerkklas');
      expect(await ids('hulp')).toContain('huiswerkklas');
    });

    it('needs every word to match when some document has them all', async () => {
      expect(await ids('koffie ontmoeten')).toEqual(['koffieochtend']);
    });

    it('finds documents with either word when no document has both', async () => {
      // Two words that never occur together, each in one document.
      expect(new Set(await ids('huiswerk rolstoel'))).toEqual(new Set(['huiswerkklas', 'wmo-loket']));
    });

    it('ranks documents with more of the words first when no document has them all', async () => {
      const found = await ids('schulden polder xylofoon');
      expect(found[0]).toBe('wandelgroep');
      expect(found).toContain('schuldhulp');
      expect(found).not.toContain('koffieochtend');
    });

    it('decides whether every word must match on the words alone, not on the filters', async () => {
      // "wandelgroep" has both words but is no help with money: the filter leaves nothing,
      // rather than switching to documents with one of the words.
      expect(await ids('schulden wandelen')).toEqual(['wandelgroep']);
      expect(await ids({ text: 'schulden wandelen', filters: { lifeDomains: ['geld'] } })).toEqual([]);
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

    it('counts facets over every document with some word when no document has them all', async () => {
      const result = await search({ text: 'huiswerk rolstoel', filters: { lifeDomains: ['opvoeden'] } });
      expect(result.hits.map((hit) => hit.id)).toEqual(['huiswerkklas']);
      expect(result.facets.lifeDomains).toMatchObject({ opvoeden: 1, gezondheid: 1, wonen: 1 });
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

    it('sorts by title on the folded title', async () => {
      const titles = (await search({ text: 'hulp', sort: 'title', perPage: 100 })).hits.map(
        (hit) => hit.document.title,
      );
      expect(titles.length).toBeGreaterThan(2);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'nl')));
    });

    it('pages through results without overlap', async () => {
      const first = await ids({ perPage: 3, page: 1 });
      const second = await ids({ perPage: 3, page: 2 });
      const third = await ids({ perPage: 3, page: 3 });
      expect(first).toHaveLength(3);
      expect(new Set([...first, ...second, ...third]).size).toBe(FIXTURE_DOCUMENTS.length);
    });

    it('pages through a ranked text search without overlap', async () => {
      const all = await ids({ text: 'hulp', perPage: 50 });
      const pages = [];
      for (let page = 1; page <= Math.ceil(all.length / 2); page++)
        pages.push(...(await ids({ text: 'hulp', perPage: 2, page })));
      expect(pages).toEqual(all);
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
      expect(await ids('fietsgroep')).toEqual(['wandelgroep']);
      expect(await ids('rustig tempo')).toEqual([]);
      expect((await engine.versions()).get('wandelgroep')).toBe(2);
      await engine.upsert([original]);
    });

    it('rebuilds in one swap: searches answer from the old index until the new one is complete', async () => {
      const rebuilt = FIXTURE_DOCUMENTS.map((document) =>
        document.id === 'koffieochtend'
          ? { ...document, title: 'Theeochtend De Fuik', version: 3 }
          : document,
      );
      let duringRebuild: string[] = [];
      await engine.rebuild(async (write) => {
        await write(rebuilt.slice(0, 2));
        duringRebuild = await ids('koffieochtend');
        await write(rebuilt.slice(2));
      });
      expect(duringRebuild).toEqual(['koffieochtend']);
      expect(await ids('theeochtend')).toEqual(['koffieochtend']);
      expect((await engine.versions()).size).toBe(FIXTURE_DOCUMENTS.length);
      await engine.rebuild((write) => write(FIXTURE_DOCUMENTS));
    });

    it('forgets removed documents', async () => {
      await engine.remove(['huiswerkklas']);
      expect(await ids('huiswerk')).toEqual([]);
      expect((await engine.versions()).has('huiswerkklas')).toBe(false);
      const result = await search({ text: 'huiswek' });
      expect(result.total).toBe(0);
      expect(result.suggestion).toBeUndefined();
    });
  });
}
