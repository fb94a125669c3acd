import { appDatabase } from '../db/app-database.ts';
import { createSearchLog, type SearchLog } from './search-log-buffer.ts';

let log: SearchLog | undefined;

/** The server's search log, writing to the app database in batches. */
export function appSearchLog(): SearchLog {
  log ??= createSearchLog(appDatabase());
  return log;
}
