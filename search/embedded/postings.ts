/**
 * The documents one term occurs in, with how often it occurs per field packed into one
 * unsigned 32-bit number (8 bits per field, capped at 255). Typed arrays keep 10k–50k
 * documents compact and fast to scan.
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

  /** Drops entries of documents that no longer exist. */
  retain(isAlive: (doc: number) => boolean): void {
    let kept = 0;
    for (let index = 0; index < this.length; index++) {
      const doc = this.docs[index] ?? -1;
      if (!isAlive(doc)) continue;
      this.docs[kept] = doc;
      this.packed[kept] = this.packed[index] ?? 0;
      kept++;
    }
    this.length = kept;
  }
}

export const FIELD_COUNT = 4;

export function packCounts(counts: readonly number[]): number {
  let packed = 0;
  for (let field = 0; field < FIELD_COUNT; field++)
    packed += Math.min(255, counts[field] ?? 0) * 2 ** (8 * field);
  return packed;
}

export function countInField(packed: number, field: number): number {
  return (packed >>> (8 * field)) & 255;
}
