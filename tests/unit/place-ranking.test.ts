import { describe, expect, it } from 'vitest';
import { arrangePlaces, arrangesPlaces, rankedLength } from '#search/place-ranking.ts';
import type { SearchDocumentType } from '#search/search-document.ts';
import { SearchQuerySchema } from '#search/search-query.ts';

type Item = { id: string; type: SearchDocumentType };
const listing = (id: string): Item => ({ id, type: 'listing' });
const wijk = (id: string): Item => ({ id, type: 'neighbourhood' });
const anker = (id: string): Item => ({ id, type: 'anchorPlace' });
const ids = (items: Item[]) => arrangePlaces(items, (item) => item.type).map((item) => item.id);

describe('wijk pages and ankerplaatsen among the results', () => {
  it('keeps the best one in its place and moves the others right behind the first five', () => {
    const ranked = [
      listing('a'),
      wijk('w1'),
      anker('k1'),
      wijk('w2'),
      listing('b'),
      listing('c'),
      listing('d'),
      listing('e'),
    ];
    expect(ids(ranked)).toEqual(['a', 'w1', 'b', 'c', 'd', 'k1', 'w2', 'e']);
  });

  it('leaves a ranking alone that has at most one of them in the first five', () => {
    const ranked = [listing('a'), listing('b'), wijk('w1'), listing('c'), listing('d'), wijk('w2')];
    expect(ids(ranked)).toEqual(['a', 'b', 'w1', 'c', 'd', 'w2']);
  });

  it('shows them all when there is nothing else', () => {
    expect(ids([wijk('w1'), wijk('w2'), anker('k1')])).toEqual(['w1', 'w2', 'k1']);
  });

  it('applies to text searches by relevance that name no wijk or team, on the first pages', () => {
    const query = (input: Parameters<typeof SearchQuerySchema.parse>[0]) => SearchQuerySchema.parse(input);
    expect(arrangesPlaces(query({ text: 'eenzaam' }), false)).toBe(true);
    expect(arrangesPlaces(query({ text: 'wijkteam bolnes' }), true)).toBe(false);
    expect(arrangesPlaces(query({ text: '' }), false)).toBe(false);
    expect(arrangesPlaces(query({ text: 'eenzaam', sort: 'title' }), false)).toBe(false);
    expect(arrangesPlaces(query({ text: 'eenzaam', page: 20, perPage: 20 }), false)).toBe(false);
    expect(rankedLength(query({ text: 'eenzaam', page: 2, perPage: 20 }), true)).toBe(60);
  });
});
