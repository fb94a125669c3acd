import { editDistanceWithin } from '../text/edit-distance.ts';

/**
 * Finds known terms within one or two typos of a word without comparing it to every term
 * (symmetric delete: a term and a typo of it share a string with up to two letters deleted).
 * A wrong first letter counts as two typos, as in Meilisearch: people rarely get it wrong, and
 * forgiving it matches too many unrelated words.
 */
export class TypoDictionary {
  /**
   * Deletion strings by a 30-bit hash (a small integer key, no string kept per deletion): a
   * collision only adds a candidate, which the edit distance then turns down. A key with one
   * term holds the term itself, most keys do.
   */
  readonly #byDeletion = new Map<number, string | string[]>();
  readonly #terms = new Set<string>();

  add(term: string): void {
    if (this.#terms.has(term) || term.length < 4) return;
    this.#terms.add(term);
    for (const key of deletionKeys(term, depthFor(term))) {
      const terms = this.#byDeletion.get(key);
      if (terms === undefined) this.#byDeletion.set(key, term);
      else if (typeof terms === 'string') this.#byDeletion.set(key, [terms, term]);
      else terms.push(term);
    }
  }

  /** Forgets a term, so a word no document has any more is never suggested. */
  remove(term: string): void {
    if (!this.#terms.delete(term)) return;
    for (const key of deletionKeys(term, depthFor(term))) {
      const terms = this.#byDeletion.get(key);
      if (terms === undefined) continue;
      const kept = typeof terms === 'string' ? [] : terms.filter((candidate) => candidate !== term);
      if (kept.length === 0) this.#byDeletion.delete(key);
      else this.#byDeletion.set(key, kept.length === 1 ? (kept[0] ?? '') : kept);
    }
  }

  /** Known terms within `maxTypos` of `word`, closest first. */
  lookup(word: string, maxTypos: number): { term: string; typos: number }[] {
    if (maxTypos === 0) return [];
    const found = new Map<string, number>();
    for (const key of deletionKeys(word, maxTypos)) {
      const terms = this.#byDeletion.get(key) ?? [];
      for (const term of typeof terms === 'string' ? [terms] : terms) {
        if (found.has(term) || term === word) continue;
        const typos = editDistanceWithin(word, term, maxTypos) + (term[0] === word[0] ? 0 : 1);
        if (typos <= maxTypos) found.set(term, typos);
      }
    }
    return [...found].map(([term, typos]) => ({ term, typos })).sort((a, b) => a.typos - b.typos);
  }

  get size(): number {
    return this.#terms.size;
  }
}

/** A term can only be two typos from a word of 9+ letters when it has 7+ letters itself. */
const depthFor = (term: string): number => (term.length >= 7 ? 2 : 1);

/** FNV-1a of the string, cut to 30 bits so V8 keeps it as a small integer. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value & 0x3fffffff;
}

function deletionKeys(word: string, depth: number): Set<number> {
  return new Set([...deletions(word, depth)].map(hash));
}

/** The word itself and every string made by deleting up to `depth` letters. */
function deletions(word: string, depth: number): Set<string> {
  const result = new Set([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (let index = 0; index < current.length; index++) {
        const shorter = current.slice(0, index) + current.slice(index + 1);
        if (!result.has(shorter)) {
          result.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return result;
}
