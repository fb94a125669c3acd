import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { recordSearches, type SearchLogEntry } from './search-log-repository.ts';
import { log } from '../logging/log.ts';

export interface SearchLog {
  record(entry: SearchLogEntry): void;
  /** Writes what is queued; also runs on a timer. */
  flush(): Promise<void>;
}

/**
 * Collects search log entries and writes them in one transaction per interval, so a search
 * costs no disk sync of its own. These are monitoring figures, not what a resident submitted:
 * at most one interval of them is lost if the process dies.
 */
export function createSearchLog(db: Kysely<Database>, flushIntervalMs = 1_000): SearchLog {
  let queue: { entry: SearchLogEntry; at: string }[] = [];
  async function flush(): Promise<void> {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    await recordSearches(db, batch).catch((error: unknown) => log.error('Search log write failed', error));
  }
  const timer = setInterval(() => void flush(), flushIntervalMs);
  timer.unref();
  return {
    record(entry) {
      queue.push({ entry, at: new Date().toISOString() });
    },
    flush,
  };
}
