import type { Token } from '../text/analyzer.ts';
import type { DocumentTerms } from '../text/text-analyzer.ts';
import { FIELD_COUNT, Postings, countInField, packCounts } from './postings.ts';
import { TypoDictionary } from './typo-dictionary.ts';

/** Title and summary say what something is; a word there counts more than in the description. */
const FIELD_WEIGHTS = [3, 2, 1.5, 1, 1.2] as const;
/** Fields in which typos are forgiven: typo matches on long descriptions are mostly noise. */
export const TYPO_FIELDS = 0b10111;
export const ALL_FIELDS = 0b11111;
const K1 = 1.2;
const B = 0.75;

interface Slot {
  terms: string[];
  /** The terms that are in a typo-tolerant field of this document. */
  typoTerms: string[];
  lengths: number[];
}

/**
 * An inverted index of Dutch terms (stemmed, folded) with BM25F scoring. Documents are
 * numbered slots. Removing a document takes its entries out of the postings at once and frees
 * its slot for the next document, and a term no document has any more is forgotten everywhere
 * (postings, typo dictionary, written forms), so the index stays the size of what it holds.
 */
export class TermIndex {
  readonly #postings = new Map<string, Postings>();
  readonly #slots: (Slot | undefined)[] = [];
  readonly #free: number[] = [];
  readonly #lengthSums = new Array<number>(FIELD_COUNT).fill(0);
  readonly #typos = new TypoDictionary();
  /** A written form of each term, to turn a corrected term back into a word for "Bedoelde je…". */
  readonly #surface = new Map<string, string>();
  /** How many typo-tolerant fields of live documents hold each term; the typo dictionary follows it. */
  readonly #typoCounts = new Map<string, number>();
  #live = 0;
  #sortedTerms: string[] | undefined;
  /**
   * Per slot and field, K1 × the BM25 length normalisation. It depends on the average field
   * lengths, so it is recomputed after writes, at most once per query instead of per posting.
   */
  #lengthNorms: Float64Array | undefined;

  /** Indexes an analysed document; returns its slot number. */
  add(document: DocumentTerms): number {
    const slot = this.#free.pop() ?? this.#slots.length;
    const counts = new Map<string, number[]>();
    const fields: readonly Token[][] = [...document.fields, document.parts];
    const lengths = fields.map((tokens, field) => {
      for (const { word, term } of tokens) {
        let perField = counts.get(term);
        if (!perField) counts.set(term, (perField = new Array<number>(FIELD_COUNT).fill(0)));
        perField[field] = (perField[field] ?? 0) + 1;
        if ((TYPO_FIELDS & (1 << field)) !== 0 && !this.#surface.has(term)) this.#surface.set(term, word);
      }
      this.#lengthSums[field] = (this.#lengthSums[field] ?? 0) + tokens.length;
      return tokens.length;
    });
    const typoTerms: string[] = [];
    for (const [term, perField] of counts) {
      let postings = this.#postings.get(term);
      if (!postings) {
        this.#postings.set(term, (postings = new Postings()));
        this.#sortedTerms = undefined;
      }
      postings.push(slot, packCounts(perField));
      if (perField.some((count, field) => count > 0 && (TYPO_FIELDS & (1 << field)) !== 0)) {
        typoTerms.push(term);
        this.#typoCounts.set(term, (this.#typoCounts.get(term) ?? 0) + 1);
        this.#typos.add(term);
      }
    }
    this.#slots[slot] = { terms: [...counts.keys()], typoTerms, lengths };
    this.#live++;
    this.#lengthNorms = undefined;
    return slot;
  }

  remove(slot: number): void {
    const entry = this.#slots[slot];
    if (!entry) return;
    entry.lengths.forEach(
      (length, field) => (this.#lengthSums[field] = (this.#lengthSums[field] ?? 0) - length),
    );
    for (const term of entry.typoTerms) {
      const left = (this.#typoCounts.get(term) ?? 1) - 1;
      if (left > 0) {
        this.#typoCounts.set(term, left);
        continue;
      }
      this.#typoCounts.delete(term);
      this.#typos.remove(term);
      this.#surface.delete(term);
    }
    for (const term of entry.terms) {
      const postings = this.#postings.get(term);
      if (!postings) continue;
      postings.delete(slot);
      if (postings.length === 0) {
        this.#postings.delete(term);
        this.#sortedTerms = undefined;
      }
    }
    this.#slots[slot] = undefined;
    this.#free.push(slot);
    this.#live--;
    this.#lengthNorms = undefined;
  }

  has(term: string): boolean {
    return this.#postings.has(term);
  }

  /** How many documents hold `term`. */
  frequency(term: string): number {
    return this.#postings.get(term)?.length ?? 0;
  }

  /**
   * Raises `into[slot]` to `factor` × the BM25F score of `term` for every slot containing it
   * in `fieldMask`; slots scored for the first time are appended to `touched`.
   */
  score(term: string, factor: number, fieldMask: number, into: Float64Array, touched: number[]): void {
    const postings = this.#postings.get(term);
    if (!postings) return;
    const idf = Math.log(1 + (this.#live - postings.length + 0.5) / (postings.length + 0.5));
    const norms = this.#norms();
    const { docs, packed } = postings;
    for (let index = 0; index < postings.length; index++) {
      const slot = docs[index] ?? 0;
      const base = slot * FIELD_COUNT;
      const counts = packed[index] ?? 0;
      let weight = 0;
      for (let field = 0; field < FIELD_COUNT; field++) {
        if ((fieldMask & (1 << field)) === 0) continue;
        const count = countInField(counts, field);
        if (count === 0) continue;
        weight += ((FIELD_WEIGHTS[field] ?? 1) * count * (K1 + 1)) / (count + (norms[base + field] ?? K1));
      }
      if (weight === 0) continue;
      const value = factor * idf * weight;
      const previous = into[slot] ?? 0;
      if (previous === 0) touched.push(slot);
      if (value > previous) into[slot] = value;
    }
  }

  #norms(): Float64Array {
    if (this.#lengthNorms) return this.#lengthNorms;
    const averages = this.#lengthSums.map((sum) => Math.max(1, sum / Math.max(1, this.#live)));
    const norms = new Float64Array(this.#slots.length * FIELD_COUNT);
    this.#slots.forEach((entry, slot) => {
      if (!entry) return;
      for (let field = 0; field < FIELD_COUNT; field++) {
        norms[slot * FIELD_COUNT + field] =
          K1 * (1 - B + (B * (entry.lengths[field] ?? 0)) / (averages[field] ?? 1));
      }
    });
    return (this.#lengthNorms = norms);
  }

  /** Known terms starting with `prefix`, the most common first, at most `limit`. */
  withPrefix(prefix: string, limit: number): string[] {
    const sorted = (this.#sortedTerms ??= [...this.#postings.keys()].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const matches: string[] = [];
    for (let index = low; index < sorted.length && (sorted[index] ?? '').startsWith(prefix); index++) {
      const term = sorted[index] ?? '';
      if (term !== prefix) matches.push(term);
    }
    if (matches.length <= limit) return matches;
    return matches.sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, limit);
  }

  /** Terms in typo-tolerant fields of live documents within `maxTypos` of `term`, closest first. */
  corrections(term: string, maxTypos: number): { term: string; typos: number }[] {
    return this.#typos.lookup(term, maxTypos);
  }

  surfaceWord(term: string): string {
    return this.#surface.get(term) ?? term;
  }

  get size(): number {
    return this.#live;
  }

  /** One more than the highest slot number handed out; freed slots are handed out again first. */
  get slotCount(): number {
    return this.#slots.length;
  }
}
