import { stemmer } from '@orama/stemmers/dutch';

/** A word as written (folded) and the term it is indexed under. */
export interface Token {
  word: string;
  term: string;
}

// The Snowball stemmer folds these onto words with another meaning ("ouderen" — elderly —
// and "ouders" — parents — both become "ouder"); residents mean different people.
const KEEP_AS_IS: ReadonlyMap<string, string> = new Map([
  ['ouderen', 'ouderen'],
  ['oudere', 'ouderen'],
  ['ouders', 'ouders'],
  ['ouder', 'ouders'],
]);

/** Lower case without accents, so "café" and "cafe", "financiën" and "financien" are one word. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Splits text into folded words; hyphens and apostrophes split too ("Drievliet-Het Zand"). */
export function splitWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 100_000;

export function stemWord(word: string): string {
  const kept = KEEP_AS_IS.get(word);
  if (kept) return kept;
  // Numbers and very short words have nothing to strip, and stemming them only merges noise.
  if (word.length <= 3 || /\d/.test(word)) return word;
  // Texts repeat their words; the Snowball stemmer is the slowest step of indexing.
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, (stem = stemmer(word)));
  }
  return stem;
}
