import { log } from '../logging/log.ts';

export interface DataVersionWatch {
  /** The highest version seen so far (0 before the first read). */
  current(): number;
  /** A version learned otherwise (this process's own commit). */
  observe(version: number): void;
  /** Reads the database now; resolves with the current version. */
  checkNow(): Promise<number>;
  onChange(listener: (version: number) => void): () => void;
  stop(): void;
}

/**
 * Polls the data version every `intervalMs` and tells listeners when it went up. A failing read
 * (database away) is logged once per outage, not at every poll; the watch carries on.
 */
export function watchDataVersion(options: {
  read: () => Promise<number>;
  intervalMs: number;
}): DataVersionWatch {
  let version = 0;
  let failing = false;
  const listeners = new Set<(version: number) => void>();

  function observe(seen: number): void {
    if (seen <= version) return;
    version = seen;
    for (const listener of listeners) {
      try {
        listener(seen);
      } catch (error) {
        log.error('A cache or search index could not follow a new data version', error);
      }
    }
  }

  let reading: Promise<number> | undefined;
  function checkNow(): Promise<number> {
    reading ??= options
      .read()
      .then((seen) => {
        if (failing) log.info('Data version readable again');
        failing = false;
        observe(seen);
        return version;
      })
      .catch((error: unknown) => {
        if (!failing)
          log.warn('Data version unreadable; caches follow again once the database answers', error);
        failing = true;
        return version;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  const timer = setInterval(() => void checkNow(), options.intervalMs);
  timer.unref();
  void checkNow();

  return {
    current: () => version,
    observe,
    checkNow,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => clearInterval(timer),
  };
}
