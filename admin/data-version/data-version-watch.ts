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
        log.error('Een cache of zoekindex kon een nieuwe gegevensversie niet verwerken', error);
      }
    }
  }

  let reading: Promise<number> | undefined;
  function checkNow(): Promise<number> {
    reading ??= options
      .read()
      .then((seen) => {
        if (failing) log.info('Gegevensversie weer leesbaar');
        failing = false;
        observe(seen);
        return version;
      })
      .catch((error: unknown) => {
        if (!failing)
          log.warn('Gegevensversie niet leesbaar; caches volgen weer zodra de database antwoordt', error);
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
