import { editDistanceWithin } from '../text/edit-distance.ts';

/**
 * Finds known terms within one or two typos of a word without comparing it to every term
 * (symmetric delete: a term and a typo of it share a string with up to two letters deleted).
 * A wrong first letter counts as two typos, as in Meilisearch: people rarely get it wrong, and
 * forgiving it matches too many unrelated words.
 */
export class TypoDictionary {
  readonly #byDeletion = new Map<string, string[]>();
  readonly #terms = new Set<string>();

  add(term: string): void {
    if (this.#terms.has(term) || term.length < 4) return;
    this.#terms.add(term);
    for (const key of deletions(term, depthFor(term))) {
      const terms = this.#byDeletion.get(key);
      if (terms) terms.push(term);
      else this.#byDeletion.set(key, [term]);
    }
  }

  /** Forgets a term, so a word no document has any more is never suggested. */
  remove(term: string): void {
    if (!this.#terms.delete(term)) return;
    for (const key of deletions(term, depthFor(term))) {
      const terms = this.#byDeletion.get(key);
      if (!terms) continue;
      const kept = terms.filter((candidate) => candidate !== term);
      if (kept.length > 0) this.#byDeletion.set(key, kept);
      else this.#byDeletion.delete(key);
    }
  }

  /** Known terms within `maxTypos` of `word`, closest first. */
  lookup(word: string, maxTypos: number): { term: string; typos: number }[] {
    if (maxTypos === 0) return [];
    const found = new Map<string, number>();
    for (const key of deletions(word, maxTypos)) {
      for (const term of this.#byDeletion.get(key) ?? []) {
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
