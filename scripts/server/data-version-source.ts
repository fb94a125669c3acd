/**
 * The version that cached pages are keyed by: the database's data version as this process knows
 * it (its own commits at once, other instances' within DATA_VERSION_POLL_MS) and the search
 * index's generation, so a search page is never cached from an index still catching up. Content
 * (content/) is read at start, so a new release starts with an empty cache.
 */
export interface DataVersionSource {
  current(): string;
}

export interface DataVersionOptions {
  /** The public data version this process has seen (admin/app/app-data-version.ts). */
  dataVersion: () => number;
  /** Raised by the search service after each index write. */
  searchGeneration: () => number;
}

export function createDataVersionSource(options: DataVersionOptions): DataVersionSource {
  return { current: () => `${options.dataVersion()}|${options.searchGeneration()}` };
}
