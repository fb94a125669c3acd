/**
 * The data version that cached pages are keyed by: the database's fingerprint of listings and
 * organisations (written by any instance), this process's own changes, and the search index's
 * generation. Content (content/) is read at start, so a new release starts with an empty cache.
 */
export interface DataVersionSource {
  current(): Promise<string>;
  /** The version without waiting, when the last check is recent enough; undefined otherwise. */
  peek(): string | undefined;
}

export interface DataVersionOptions {
  /** The database's fingerprint; one cheap query. */
  readDatabase: () => Promise<string>;
  /** Raised by the search service after each index write. */
  searchGeneration: () => number;
  /** Calls back when this process committed a change (listing or organisation). */
  onLocalChange: (listener: () => void) => void;
  /** Ask the database at most this often; changes of this process count at once. */
  checkEveryMs: number;
  now?: () => number;
}

export function createDataVersionSource(options: DataVersionOptions): DataVersionSource {
  const now = options.now ?? Date.now;
  let local = 0;
  let database = '';
  let checkedAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;
  options.onLocalChange(() => {
    local += 1;
    checkedAt = Number.NEGATIVE_INFINITY;
  });

  const refresh = (): Promise<void> =>
    (reading ??= options
      .readDatabase()
      .then(
        (value) => {
          database = value;
          checkedAt = now();
        },
        () => {
          // Without an answer nothing cached may be trusted: a version no entry has.
          database = `unknown-${now()}`;
          checkedAt = Number.NEGATIVE_INFINITY;
        },
      )
      .finally(() => {
        reading = undefined;
      }));

  const compose = () => `${database}|${local}|${options.searchGeneration()}`;
  return {
    async current() {
      if (now() - checkedAt >= options.checkEveryMs) await refresh();
      return compose();
    },
    peek: () => (now() - checkedAt < options.checkEveryMs ? compose() : undefined),
  };
}
