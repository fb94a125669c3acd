import { allowedTypos } from '../text/edit-distance.ts';
import type { QueryWord } from '../text/text-analyzer.ts';
import { ALL_FIELDS, TYPO_FIELDS, type TermIndex } from './term-index.ts';

/** A term a query word may match, with how much a match counts and in which fields. */
export interface Alternative {
  term: string;
  factor: number;
  fields: number;
}

export interface PlannedWord {
  word: string;
  alternatives: Alternative[];
  /** The word the resident probably meant, when only a typo-corrected term matched. */
  correction?: string;
}

/** Matching exactly beats a synonym, a synonym beats completing a word, and that beats a typo. */
const FACTOR = { exact: 1, synonym: 0.9, prefix: 0.7, oneTypo: 0.5, twoTypos: 0.35 } as const;
const MAX_PREFIX_TERMS = 30;

/**
 * Per analysed query word, the indexed terms that count as a match: the word, its synonyms,
 * for the word being typed the terms it starts, and only when none of those is known, the
 * terms within the typos its length allows.
 */
export function planQuery(
  words: readonly QueryWord[],
  index: TermIndex,
  synonyms: (term: string) => readonly string[],
): PlannedWord[] {
  return words.map(({ word, term, prefix }) => {
    const alternatives = new Map<string, Alternative>();
    const offer = (candidate: string, factor: number, fields: number): void => {
      const known = alternatives.get(candidate);
      if (index.has(candidate) && (!known || known.factor < factor))
        alternatives.set(candidate, { term: candidate, factor, fields });
    };
    offer(term, FACTOR.exact, ALL_FIELDS);
    for (const synonym of synonyms(term)) offer(synonym, FACTOR.synonym, ALL_FIELDS);
    if (prefix && word.length >= 2) {
      for (const start of new Set([term, word])) {
        for (const completed of index.withPrefix(start, MAX_PREFIX_TERMS))
          offer(completed, FACTOR.prefix, ALL_FIELDS);
      }
    }
    if (alternatives.size > 0) return { word, alternatives: [...alternatives.values()] };

    const corrections = index.corrections(term, allowedTypos(term));
    for (const { term: corrected, typos } of corrections) {
      const factor = typos === 1 ? FACTOR.oneTypo : FACTOR.twoTypos;
      offer(corrected, factor, TYPO_FIELDS);
      for (const synonym of synonyms(corrected)) offer(synonym, factor * FACTOR.synonym, ALL_FIELDS);
    }
    const best = corrections[0];
    return {
      word,
      alternatives: [...alternatives.values()],
      ...(best ? { correction: index.surfaceWord(best.term) } : {}),
    };
  });
}
