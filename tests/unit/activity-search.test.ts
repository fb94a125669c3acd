import { describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '#search/embedded/embedded-engine.ts';
import { meilisearchFilter, meilisearchSettings } from '#search/meilisearch/meilisearch-query.ts';
import type { SearchDocument } from '#search/search-document.ts';
import { SearchQuerySchema } from '#search/search-query.ts';
import { parseSearchParams, toSearchParams, type SearchVocabulary } from '#search/url-params.ts';
import { createTextAnalyzer } from '#search/text/text-analyzer.ts';

const vocabulary: SearchVocabulary = {
  neighbourhoodCentres: new Map([['bolnes', { lat: 51.892, lng: 4.578 }]]),
  lifeDomains: new Set(['meedoen']),
  audiences: new Set(),
};

const document = (id: string, dates?: string[]): SearchDocument => ({
  id,
  type: 'listing',
  url: `/aanbod/${id}`,
  title: `Koffieochtend ${id}`,
  summary: 'Koffie met de buren.',
  body: '',
  keywords: [],
  kind: dates ? 'activity' : 'service',
  neighbourhoods: ['bolnes'],
  citywide: false,
  lifeDomains: ['meedoen'],
  audiences: [],
  ...(dates ? { dates } : {}),
  version: 1,
});

describe('"deze week" and "deze maand"', () => {
  it('come from `wanneer` in the URL as the days left in the week or month, and go back to it', () => {
    const week = parseSearchParams(
      new URLSearchParams('q=koffie&wanneer=deze-week'),
      vocabulary,
      20,
      '2026-12-03',
    );
    expect(week.when).toBe('week');
    expect(week.query.filters.dates).toEqual(['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(toSearchParams(week).get('wanneer')).toBe('deze-week');
    const month = parseSearchParams(new URLSearchParams('wanneer=deze-maand'), vocabulary, 20, '2026-12-30');
    expect(month.query.filters.dates).toEqual(['2026-12-30', '2026-12-31']);
    expect(
      parseSearchParams(new URLSearchParams('wanneer=ooit'), vocabulary, 20, '2026-12-30').when,
    ).toBeUndefined();
  });

  it('the embedded engine keeps activities on one of those days', async () => {
    const engine = createEmbeddedEngine();
    await engine.configure({ synonyms: [] });
    await engine.upsert([
      document('this-week', ['2026-12-04', '2026-12-11']),
      document('next-week', ['2026-12-08']),
      document('no-dates'),
    ]);
    const result = await engine.search(
      SearchQuerySchema.parse({
        filters: { dates: ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'] },
      }),
    );
    expect(result.hits.map((hit) => hit.id)).toEqual(['this-week']);
    expect((await engine.search(SearchQuerySchema.parse({}))).total).toBe(3);
  });

  it('Meilisearch filters on the same days', () => {
    expect(meilisearchSettings(createTextAnalyzer({ synonyms: [] })).filterableAttributes).toContain('dates');
    expect(
      meilisearchFilter(SearchQuerySchema.parse({ filters: { dates: ['2026-12-04', '2026-12-05'] } })),
    ).toEqual(['dates IN ["2026-12-04", "2026-12-05"]']);
  });
});
