import { describe, expect, it } from 'vitest';
import { topK } from '#search/embedded/top-k.ts';
import { TypoDictionary } from '#search/embedded/typo-dictionary.ts';
import { foldText } from '#search/text/analyzer.ts';
import { createTextAnalyzer } from '#search/text/text-analyzer.ts';
import { allowedTypos, editDistanceWithin } from '#search/text/edit-distance.ts';

const title = createTextAnalyzer({ synonyms: [] });
const analyze = (text: string) => title.document([text, '', '', '']).fields[0];

describe('Dutch analyzer', () => {
  it('folds accents and case, drops stop words and stems', () => {
    expect(foldText('Café FINANCIËN')).toBe('cafe financien');
    expect(analyze('Hulp bij de schulden').map((token) => token.term)).toEqual(['hulp', 'schuld']);
    expect(analyze('formulieren formulier').map((token) => token.term)).toEqual(['formulier', 'formulier']);
  });

  it('keeps elderly and parents apart', () => {
    const [ouderen, ouders] = analyze('ouderen ouders').map((token) => token.term);
    expect(ouderen).not.toBe(ouders);
  });

  it('splits on hyphens and punctuation', () => {
    expect(analyze('Drievliet-Het Zand, 2987 AB').map((token) => token.word)).toEqual([
      'drievliet',
      'zand',
      '2987',
      'ab',
    ]);
  });
});

describe('typo tolerance', () => {
  it('allows Meilisearch’s number of typos per word length', () => {
    expect([allowedTypos('geld'), allowedTypos('hulpje'), allowedTypos('huiswerkklas')]).toEqual([0, 1, 2]);
  });

  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistanceWithin('huiswerk', 'huiswek', 2)).toBe(1);
    expect(editDistanceWithin('eenzaam', 'eenzmaa', 2)).toBe(2);
    expect(editDistanceWithin('geld', 'huiswerk', 1)).toBe(2);
  });

  it('finds known words within the typos allowed, closest first', () => {
    const dictionary = new TypoDictionary();
    for (const term of ['huiswerk', 'huiswerkklas', 'thuiswerk', 'geld']) dictionary.add(term);
    expect(dictionary.lookup('huiswek', 1)).toEqual([{ term: 'huiswerk', typos: 1 }]);
    expect(dictionary.lookup('huiswerkkls', 2).map((match) => match.term)).toContain('huiswerkklas');
    expect(dictionary.lookup('huiswek', 0)).toEqual([]);
  });
});

describe('topK', () => {
  it('returns the same first items as a full sort', () => {
    const numbers = Array.from({ length: 500 }, (_, index) => (index * 7919) % 1009);
    const compare = (a: number, b: number) => a - b;
    expect(topK(numbers, 10, compare)).toEqual([...numbers].sort(compare).slice(0, 10));
    expect(topK(numbers, 400, compare)).toEqual([...numbers].sort(compare).slice(0, 400));
  });
});
