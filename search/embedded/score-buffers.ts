/**
 * Score arrays lent out for one search and taken back afterwards. A search needs an array per
 * query word the size of the index; allocating those afresh (80 KB each at 10k documents) made
 * the garbage collector a tenth of the search time. Only the entries a search touched are
 * cleared on return, so lending stays cheap however large the index.
 */
export class ScoreBuffers {
  readonly #free: Float64Array[] = [];
  readonly #lent: { buffer: Float64Array; touched: readonly number[] }[] = [];

  /** A zeroed array of at least `size` entries; `touched` lists the entries the borrower will set. */
  take(size: number, touched: readonly number[]): Float64Array {
    let buffer = this.#free.pop();
    if (!buffer || buffer.length < size) buffer = new Float64Array(Math.max(size, 16));
    this.#lent.push({ buffer, touched });
    return buffer;
  }

  /** Takes every lent array back, zeroed. */
  returnAll(): void {
    for (const { buffer, touched } of this.#lent) {
      for (const slot of touched) buffer[slot] = 0;
      this.#free.push(buffer);
    }
    this.#lent.length = 0;
  }
}
