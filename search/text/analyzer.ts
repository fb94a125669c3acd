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

export function stemWord(word: string): string {
  const kept = KEEP_AS_IS.get(word);
  if (kept) return kept;
  // Numbers and very short words have nothing to strip, and stemming them only merges noise.
  return word.length <= 3 || /\d/.test(word) ? word : stemmer(word);
}
