import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { nodeSqliteDialect } from './node-sqlite-dialect.ts';
import type { Database } from './tables.ts';

/** Opens (and creates) the SQLite database file with the pragmas the app relies on. */
export function openDatabase(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new DatabaseSync(path);
  // WAL lets the server read while the reindex or seed CLI writes; foreign keys are off by default;
  // a write waits up to 15 s for another process's write (a CLI) rather than failing on a busy machine.
  database.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 15000;');
  return new Kysely<Database>({ dialect: nodeSqliteDialect(database) });
}
