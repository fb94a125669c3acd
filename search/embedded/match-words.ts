import type { PlannedWord } from './query-plan.ts';
import type { ScoreBuffers } from './score-buffers.ts';
import type { TermIndex } from './term-index.ts';

export interface WordMatches {
  slots: number[];
  /** Summed score per slot. */
  scores: Float64Array;
  /**
   * Set when no document has every word: how many of the words each slot matches. Documents
   * that cover more of what the resident wrote then come first, whatever their scores.
   */
  coverage?: Uint8Array;
}

/** How much filler ("hulp", "mijn moeder") adds to a document that matches it too. */
const WEAK_FACTOR = 0.3;

function scoreWord(
  word: PlannedWord,
  index: TermIndex,
  buffers: ScoreBuffers,
  factor = 1,
): { slots: number[]; scores: Float64Array } {
  const slots: number[] = [];
  const scores = buffers.take(index.slotCount, slots);
  for (const alternative of word.alternatives)
    index.score(alternative.term, alternative.factor * factor, alternative.fields, scores, slots);
  return { slots, scores };
}

/**
 * The documents matching every word, when there are any in the whole index (filters play no
 * part in this decision, so facet counts and results agree); filler lifts those that have it
 * too. Otherwise every document matching some word, with how many words it matches — never
 * nothing just because the words never occur together.
 */
export function matchWords(
  words: readonly PlannedWord[],
  weakWords: readonly PlannedWord[],
  index: TermIndex,
  buffers: ScoreBuffers,
): WordMatches {
  const perWord = words.map((word) => scoreWord(word, index, buffers));
  const [first] = perWord;
  if (!first) return { slots: [], scores: new Float64Array(0) };

  const smallest = perWord.reduce((a, b) => (b.slots.length < a.slots.length ? b : a));
  const union: number[] = [];
  const scores = buffers.take(index.slotCount, union);
  const slots = smallest.slots.filter((slot) => {
    let total = 0;
    for (const word of perWord) {
      const score = word.scores[slot] ?? 0;
      if (score === 0) return false;
      total += score;
    }
    scores[slot] = total;
    return true;
  });
  if (slots.length > 0) {
    union.push(...slots);
    for (const weak of weakWords.map((word) => scoreWord(word, index, buffers, WEAK_FACTOR)))
      for (const slot of slots) scores[slot] = (scores[slot] ?? 0) + (weak.scores[slot] ?? 0);
    return { slots, scores };
  }

  const coverage = new Uint8Array(index.slotCount);
  for (const word of perWord) {
    for (const slot of word.slots) {
      if (coverage[slot] === 0) union.push(slot);
      coverage[slot] = (coverage[slot] ?? 0) + 1;
      scores[slot] = (scores[slot] ?? 0) + (word.scores[slot] ?? 0);
    }
  }
  return { slots: union, scores, coverage };
}
