import { stemWord } from './analyzer.ts';

/** The joints Dutch puts between the pieces of a compound: vrijwilliger-s-werk, pann-en-koek. */
const LINKERS = ['s', 'e', 'en'] as const;
const MIN_PIECE = 3;
const MAX_PIECES = 4;
const MAX_SPLITS = 8;
const MAX_CACHED = 50_000;

export interface Compound {
  /** Every known piece of every way to split the word, for the index. */
  parts: readonly string[];
  /** The split with the fewest pieces, for a query. */
  primary: readonly string[];
}

export type CompoundSplitter = (word: string) => Compound | undefined;

/**
 * Splits a folded word into the known words it is made of, so that "voedselbank" is also
 * found by "bank" and "schuldhulpverlening" by "schuldhulp". Returns every piece of every way
 * the whole word can be covered by known pieces (the last one may be inflected: "pakketten"),
 * plus neighbouring pieces that together form a known word; nothing when the word cannot be
 * covered completely or is listed as a whole.
 */
export function createCompoundSplitter(
  pieces: Iterable<string>,
  keepWhole: Iterable<string>,
): CompoundSplitter {
  const known = new Set(pieces);
  const knownStems = new Set([...known].map(stemWord));
  const whole = new Set(keepWhole);
  const cache = new Map<string, Compound | undefined>();

  const isPiece = (piece: string, last: boolean): boolean =>
    known.has(piece) || (last && piece.length > MIN_PIECE && knownStems.has(stemWord(piece)));

  function splits(word: string): string[][] {
    const found: string[][] = [];
    const walk = (start: number, path: string[]): void => {
      if (found.length >= MAX_SPLITS || path.length >= MAX_PIECES) return;
      for (let end = start + MIN_PIECE; end <= word.length; end++) {
        const piece = word.slice(start, end);
        const last = end === word.length;
        if (!isPiece(piece, last)) continue;
        if (last) {
          if (path.length > 0) found.push([...path, piece]);
          continue;
        }
        walk(end, [...path, piece]);
        for (const linker of LINKERS) {
          if (word.startsWith(linker, end) && end + linker.length < word.length) {
            walk(end + linker.length, [...path, piece]);
          }
        }
      }
    };
    walk(0, []);
    return found;
  }

  function split(word: string): Compound | undefined {
    if (whole.has(word) || word.length < 2 * MIN_PIECE) return undefined;
    const found = splits(word);
    const [primary] = [...found].sort((a, b) => a.length - b.length);
    if (!primary) return undefined;
    const parts = new Set<string>();
    for (const pieces of found) {
      pieces.forEach((piece, index) => {
        parts.add(piece);
        const next = pieces[index + 1];
        if (next && known.has(piece + next)) parts.add(piece + next);
      });
    }
    parts.delete(word);
    return { parts: [...parts], primary };
  }

  return (word) => {
    if (cache.has(word)) return cache.get(word);
    const compound = split(word);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, compound);
    return compound;
  };
}
