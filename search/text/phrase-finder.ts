import { splitWords } from './analyzer.ts';

/** A phrase found in a list of words: words `start` up to (not including) `end`. */
export interface PhraseMatch {
  start: number;
  end: number;
  /** The phrase as one word, as the synonym table knows it: "rood staan" → "roodstaan". */
  word: string;
}

const MAX_WORDS = 3;
/** Little words a phrase may have in between: "thuis te blijven wonen" is "thuis blijven wonen". */
const MAX_STOP_WORDS_BETWEEN = 2;

export type PhraseFinder = (words: readonly string[]) => PhraseMatch[];

/**
 * Finds synonym entries of a few words ("rood staan", "thuis blijven wonen", "na school") in
 * folded words, written together or with stop words in between, longest first per start.
 */
export function createPhraseFinder(entries: Iterable<string>, stopWords: ReadonlySet<string>): PhraseFinder {
  const phrases = new Map<string, string>();
  /** Words a phrase can start with: every other word is passed over at once. */
  const firstWords = new Set<string>();
  for (const entry of entries) {
    const words = splitWords(entry);
    if (words.length < 2) continue;
    const word = words.join('');
    phrases.set(word, word);
    firstWords.add(words[0] ?? '');
    const meaningful = words.filter((candidate) => !stopWords.has(candidate));
    if (meaningful.length >= 2) {
      phrases.set(meaningful.join(''), word);
      firstWords.add(meaningful[0] ?? '');
    }
  }

  return (words) => {
    const matches: PhraseMatch[] = [];
    if (phrases.size === 0) return matches;
    words.forEach((first, start) => {
      if (!firstWords.has(first)) return;
      for (let length = Math.min(MAX_WORDS, words.length - start); length >= 2; length--) {
        const word = phrases.get(words.slice(start, start + length).join(''));
        if (word) matches.push({ start, end: start + length, word });
      }
      if (stopWords.has(first)) return;
      const meaningful = [start];
      for (let index = start + 1; index < words.length && meaningful.length < MAX_WORDS; index++) {
        if (index - (meaningful.at(-1) ?? start) - 1 > MAX_STOP_WORDS_BETWEEN) break;
        if (stopWords.has(words[index] ?? '')) continue;
        meaningful.push(index);
        const word = phrases.get(meaningful.map((at) => words[at]).join(''));
        if (word && index + 1 - start > meaningful.length) matches.push({ start, end: index + 1, word });
      }
    });
    return matches.sort((a, b) => a.start - b.start || b.end - a.end);
  };
}
