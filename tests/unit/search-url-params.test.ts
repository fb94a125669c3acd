import { describe, expect, it } from 'vitest';
import { parseSearchParams, toSearchParams, type SearchVocabulary } from '#search/url-params.ts';

const vocabulary: SearchVocabulary = {
  neighbourhoodCentres: new Map([
    ['bolnes', { lat: 51.892, lng: 4.578 }],
    ['oost', { lat: 51.872, lng: 4.62 }],
  ]),
  lifeDomains: new Set(['geld', 'wonen']),
  audiences: new Set(['ouderen']),
};

const parse = (query: string) => parseSearchParams(new URLSearchParams(query), vocabulary);

describe('parseSearchParams', () => {
  it('reads Dutch parameter names and values', () => {
    const { query } = parse(
      'q=schulden&wijk=bolnes&wijk=oost&leefgebied=geld&soort=vrijwillige-hulp&kosten=gratis&toegang=verwijzing&pagina=2',
    );
    expect(query).toMatchObject({
      text: 'schulden',
      filters: {
        neighbourhoods: ['bolnes', 'oost'],
        lifeDomains: ['geld'],
        kind: ['volunteer'],
        cost: ['free'],
        access: ['referral'],
      },
      sort: 'relevance',
      page: 2,
    });
  });

  it('drops values it does not know instead of failing', () => {
    const { query } = parse('wijk=atlantis&leefgebied=astrologie&kosten=duur&pagina=-4&sorteer=willekeurig');
    expect(query.filters.neighbourhoods).toEqual([]);
    expect(query.filters.lifeDomains).toEqual([]);
    expect(query.filters.cost).toEqual([]);
    expect(query.page).toBe(1);
    expect(query.sort).toBe('relevance');
  });

  it('sorts by distance from a chosen wijk centre', () => {
    const state = parse('bij=oost');
    expect(state.nearBy).toEqual({ kind: 'neighbourhood', id: 'oost' });
    expect(state.query.near).toEqual({ lat: 51.872, lng: 4.62 });
    expect(state.query.sort).toBe('distance');
  });

  it('rounds a shared location to about 100 metres', () => {
    const state = parse('lat=51.8712345&lng=4.6054321');
    expect(state.query.near).toEqual({ lat: 51.871, lng: 4.605 });
  });

  it('ignores a distance sort without a place to measure from', () => {
    expect(parse('sorteer=afstand').query.sort).toBe('relevance');
  });

  it('caps the text at 200 characters', () => {
    expect(parse(`q=${'a'.repeat(500)}`).query.text).toHaveLength(200);
  });
});

describe('toSearchParams', () => {
  it('round-trips a search', () => {
    const original =
      'q=eenzaam&wijk=bolnes&leefgebied=geld&doelgroep=ouderen&soort=activiteit&kosten=gratis&toegang=vrij&bij=oost&sorteer=titel&pagina=3';
    expect(toSearchParams(parse(original)).toString()).toBe(original);
  });

  it('leaves out defaults', () => {
    expect(toSearchParams(parse('q=geld&pagina=1&sorteer=relevantie')).toString()).toBe('q=geld');
  });
});
