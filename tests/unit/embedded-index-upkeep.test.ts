import { describe, expect, it } from 'vitest';
import { TermIndex } from '#search/embedded/term-index.ts';
import { TypoDictionary } from '#search/embedded/typo-dictionary.ts';
import { createTextAnalyzer } from '#search/text/text-analyzer.ts';

const analyzer = createTextAnalyzer({ synonyms: [] });
const doc = (title: string, body = '') => analyzer.document([title, '', '', body]);
/** The term a word is indexed under. */
const term = (word: string): string => analyzer.document([word, '', '', '']).fields[0][0]?.term ?? word;

describe('the embedded index after removals', () => {
  it('forgets the words of a removed document: no match, no typo match, no suggestion', () => {
    const index = new TermIndex();
    const kept = index.add(doc('Koffieochtend'));
    const removed = index.add(doc('Xylofoonkwartet', 'marimba'));
    expect(index.corrections('xylofoonkwartt', 2).map((match) => match.term)).toEqual(['xylofoonkwartet']);
    index.remove(removed);
    expect(index.has(term('xylofoonkwartet'))).toBe(false);
    expect(index.has('marimba')).toBe(false);
    expect(index.corrections('xylofoonkwartt', 2)).toEqual([]);
    expect(index.withPrefix('xylo', 10)).toEqual([]);
    expect(index.has(term('koffieochtend'))).toBe(true);
    expect(index.size).toBe(1);
    expect(kept).toBe(0);
  });

  it('keeps a word that another document still has, in the fields where it has it', () => {
    const index = new TermIndex();
    const first = index.add(doc('Taalcafe'));
    index.add(doc('Koffie', 'taalcafe'));
    index.remove(first);
    expect(index.has(term('taalcafe'))).toBe(true);
    // Only in a description now, where typos are not forgiven.
    expect(index.corrections('taalcfe', 1)).toEqual([]);
  });

  it('hands a freed slot to the next document, so replacing documents does not grow the index', () => {
    const index = new TermIndex();
    const slots = Array.from({ length: 10 }, (_, number) => index.add(doc(`Activiteit ${number}`)));
    for (let round = 0; round < 1000; round++) {
      const slot = slots[round % slots.length] ?? 0;
      index.remove(slot);
      slots[round % slots.length] = index.add(doc(`Activiteit ${round} nieuw${round}`));
    }
    expect(index.slotCount).toBe(10);
    expect(index.size).toBe(10);
    // Only the words of the last ten versions are left.
    expect(index.withPrefix('nieuw', 100)).toHaveLength(10);
  });

  it('scores a reused slot by its new document only', () => {
    const index = new TermIndex();
    const slot = index.add(doc('Rouwgroep'));
    index.remove(slot);
    const reused = index.add(doc('Fietsles'));
    expect(reused).toBe(slot);
    const scores = new Float64Array(index.slotCount);
    const touched: number[] = [];
    index.score('rouwgroep', 1, 0b11111, scores, touched);
    expect(touched).toEqual([]);
    index.score('fietsles', 1, 0b11111, scores, touched);
    expect(touched).toEqual([reused]);
  });
});

describe('typo dictionary', () => {
  it('forgets removed terms and counts a wrong first letter as two typos', () => {
    const dictionary = new TypoDictionary();
    for (const term of ['schuldhulp', 'huiswerk', 'mantelzorg']) dictionary.add(term);
    expect(dictionary.lookup('schuldhlup', 2)).toEqual([{ term: 'schuldhulp', typos: 1 }]);
    expect(dictionary.lookup('mantelzrog', 2)).toEqual([{ term: 'mantelzorg', typos: 1 }]);
    expect(dictionary.lookup('guiswerk', 1)).toEqual([]);
    expect(dictionary.lookup('guiswerk', 2)).toEqual([{ term: 'huiswerk', typos: 2 }]);
    dictionary.remove('schuldhulp');
    expect(dictionary.lookup('schuldhlup', 2)).toEqual([]);
    expect(dictionary.size).toBe(2);
  });
});
