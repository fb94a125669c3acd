import { env } from '../config/env.ts';
import { appDatabase } from '../db/app-database.ts';
import { onDataVersionCommitted, readDataVersion } from '../data-version/data-version.ts';
import { watchDataVersion, type DataVersionWatch } from '../data-version/data-version-watch.ts';

/**
 * The data version as this process knows it, for keying in-process caches of anything that
 * comes from the database (rendered pages, read models, vocabularies):
 *
 *     const version = dataVersion();            // take the version first…
 *     if (cache.version !== version) cache = { version, value: await load() };  // …then load
 *
 * A change through this instance is seen at once; one through another instance within
 * DATA_VERSION_POLL_MS. Content from git (content/) is part of the release and needs no version.
 */
let watch: DataVersionWatch | undefined;
let unsubscribe: (() => void) | undefined;

function appWatch(): DataVersionWatch {
  if (!watch) {
    const started = watchDataVersion({
      read: () => readDataVersion(appDatabase()),
      intervalMs: env().DATA_VERSION_POLL_MS,
    });
    unsubscribe = onDataVersionCommitted((version) => started.observe(version));
    watch = started;
  }
  return watch;
}

/** The newest version of the public data this process has seen. */
export function dataVersion(): number {
  return appWatch().current();
}

/** Called whenever the version goes up (after a change through any instance). */
export function onDataVersionChanged(listener: (version: number) => void): () => void {
  return appWatch().onChange(listener);
}

/** Reads the version from the database now (e.g. before answering /api/ready). */
export function refreshDataVersion(): Promise<number> {
  return appWatch().checkNow();
}

/**
 * `load`'s result, kept until the data version changes. A failed load is not kept: the next
 * call tries again.
 */
export function cachedUntilDataChanges<T>(load: () => Promise<T>): () => Promise<T> {
  let entry: { version: number; value: Promise<T> } | undefined;
  return () => {
    const version = dataVersion();
    if (entry?.version !== version) {
      const value = load();
      const kept = { version, value };
      entry = kept;
      value.catch(() => {
        if (entry === kept) entry = undefined;
      });
    }
    return entry.value;
  };
}

/** At shutdown. */
export function stopDataVersionWatch(): void {
  unsubscribe?.();
  watch?.stop();
  watch = undefined;
  unsubscribe = undefined;
}
