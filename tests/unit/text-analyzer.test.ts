import { describe, expect, it } from 'vitest';
import { createCompoundSplitter } from '#search/text/compound-splitter.ts';
import { createPhraseFinder } from '#search/text/phrase-finder.ts';
import { createTextAnalyzer } from '#search/text/text-analyzer.ts';

const analyzer = createTextAnalyzer({
  synonyms: [
    ['voedselbank', 'voedselpakket'],
    ['digid', 'digi d'],
    ['rood staan', 'schulden'],
    ['thuis blijven wonen', 'zelfstandig wonen'],
  ],
  placeNames: ['Bolnes', 'Drievliet-Het Zand'],
});
const terms = (text: string) => analyzer.query(text).words.map((word) => word.term);
const weak = (text: string) => analyzer.query(text).weakWords.map((word) => word.term);

describe('compounds', () => {
  const split = createCompoundSplitter(
    [
      'voedsel',
      'bank',
      'schuld',
      'hulp',
      'schuldhulp',
      'verlening',
      'hulpverlening',
      'wijk',
      'verpleging',
      'pakket',
      'huis',
      'werk',
    ],
    ['huiswerk'],
  );

  it('splits a word into known pieces, with joints and an inflected last piece', () => {
    expect(split('voedselbank')).toEqual({ parts: ['voedsel', 'bank'], primary: ['voedsel', 'bank'] });
    expect(split('wijkverpleging')?.parts).toEqual(['wijk', 'verpleging']);
    expect(split('voedselpakketten')?.parts).toEqual(['voedsel', 'pakketten']);
  });

  it('gives every piece of every split, and pieces that together are a known word', () => {
    expect(new Set(split('schuldhulpverlening')?.parts)).toEqual(
      new Set(['schuld', 'hulp', 'verlening', 'schuldhulp', 'hulpverlening']),
    );
    expect(split('schuldhulpverlening')?.primary).toHaveLength(2);
  });

  it('leaves a word alone unless known pieces cover it completely, or it means more than its pieces', () => {
    expect(split('verlies')).toBeUndefined();
    expect(split('bankstel')).toBeUndefined();
    expect(split('huiswerk')).toBeUndefined();
  });
});

describe('phrases', () => {
  const find = createPhraseFinder(
    ['rood staan', 'thuis blijven wonen', 'na school'],
    new Set(['te', 'na', 'de']),
  );

  it('finds a phrase written together, or with little words in between', () => {
    expect(find(['ik', 'moet', 'rood', 'staan'])).toEqual([{ start: 2, end: 4, word: 'roodstaan' }]);
    expect(find(['thuis', 'te', 'blijven', 'wonen'])).toEqual([
      { start: 0, end: 4, word: 'thuisblijvenwonen' },
    ]);
    expect(find(['na', 'school'])).toEqual([{ start: 0, end: 2, word: 'naschool' }]);
  });

  it('finds nothing when the words are far apart or in another order', () => {
    expect(find(['rood', 'is', 'de', 'kleur', 'van', 'staan'])).toEqual([]);
    expect(find(['staan', 'rood'])).toEqual([]);
  });
});

describe('query analysis', () => {
  it('folds case and accents and leaves stop words out, also as the last word being typed', () => {
    expect(terms('De FORMULIEREN')).toEqual(['formulier']);
    expect(analyzer.query('hulp bij').words).toEqual([{ word: 'hulp', term: 'hulp', prefix: false }]);
    expect(analyzer.query('hulp bij sch').words.at(-1)).toEqual({ word: 'sch', term: 'sch', prefix: true });
  });

  it('glues compounds and phrases typed apart back together', () => {
    expect(terms('voedsel bank')).toEqual(['voedselbank']);
    expect(terms('hulp met digi d')).toEqual(['digid']);
    expect(terms('ik moet rood staan')).toEqual(['roodstan']);
    expect(terms('ouder en kind')).toEqual(['ouders', 'kind']);
  });

  it('searches an unknown compound as its pieces', () => {
    expect(terms('wijkverpleging')).toEqual(['wijk', 'verpleg']);
  });

  it('keeps filler out of the words that must match, as long as there are other words', () => {
    expect(terms('ik zoek hulp voor mijn zoon met zijn huiswerk')).toEqual(['huiswerk']);
    expect(weak('ik zoek hulp voor mijn zoon met zijn huiswerk')).toEqual(['zoek', 'hulp', 'zon']);
    expect(terms('mijn zoon van 12 blowt')).toEqual(['blowt']);
    expect(terms('ik zoek hulp')).toEqual(['zoek', 'hulp']);
  });

  it('knows when a query names a wijk or asks for the team or a walk-in place', () => {
    expect(analyzer.query('koffie in bolnes').namesPlace).toBe(true);
    expect(analyzer.query('drievliet').namesPlace).toBe(true);
    expect(analyzer.query('spreekuur wijkteam').namesPlace).toBe(true);
    expect(analyzer.query('schulden').namesPlace).toBe(false);
  });
});

describe('document analysis', () => {
  it('indexes compound pieces and phrases of title, summary and keywords apart from their words', () => {
    const analysed = analyzer.document([
      'Voedselbank Bolnes',
      'Als je rood staat of rood staan moet',
      'Vivenz',
      '',
    ]);
    expect(analysed.fields[0].map((token) => token.term)).toEqual(['voedselbank', 'bolnes']);
    expect(analysed.parts.map((token) => token.term)).toEqual(
      expect.arrayContaining(['voedsel', 'bank', 'roodstan']),
    );
  });

  it('puts the pieces of the description’s compounds in the description', () => {
    const analysed = analyzer.document(['Titel', '', '', 'De voedselbank helpt.']);
    expect(analysed.fields[3].map((token) => token.term)).toEqual([
      'voedselbank',
      'helpt',
      'voedsel',
      'bank',
    ]);
    expect(analysed.parts).toEqual([]);
  });
});
