/** Title, summary, keywords, body and compound pieces: the fields a term is counted in. */
export const FIELD_COUNT = 5;
const BITS_PER_FIELD = 6;
const MAX_COUNT = 2 ** BITS_PER_FIELD - 1;

/**
 * The documents one term occurs in, with how often it occurs per field packed into one
 * unsigned 32-bit number (6 bits per field, capped at 63: BM25 saturates long before).
 * Typed arrays keep 10k–50k documents compact and fast to scan; order carries no meaning.
 */
export class Postings {
  docs = new Int32Array(4);
  packed = new Uint32Array(4);
  length = 0;

  push(doc: number, packed: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const values = new Uint32Array(this.length * 2);
      values.set(this.packed);
      this.packed = values;
    }
    this.docs[this.length] = doc;
    this.packed[this.length] = packed;
    this.length++;
  }

  /** Drops the entry of `doc`; the last entry takes its place, so removal costs one scan. */
  delete(doc: number): void {
    for (let index = 0; index < this.length; index++) {
      if (this.docs[index] !== doc) continue;
      const last = this.length - 1;
      this.docs[index] = this.docs[last] ?? 0;
      this.packed[index] = this.packed[last] ?? 0;
      this.length = last;
      return;
    }
  }
}

export function packCounts(counts: readonly number[]): number {
  let packed = 0;
  for (let field = 0; field < FIELD_COUNT; field++)
    packed += Math.min(MAX_COUNT, counts[field] ?? 0) * 2 ** (BITS_PER_FIELD * field);
  return packed;
}

export function countInField(packed: number, field: number): number {
  return (packed >>> (BITS_PER_FIELD * field)) & MAX_COUNT;
}
