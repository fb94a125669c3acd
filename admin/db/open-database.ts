import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import type { DatabaseLocation } from './database-location.ts';
import { nodeSqliteDialect } from './node-sqlite-dialect.ts';
import { createPostgresPool } from './postgres-pool.ts';
import type { Database } from './tables.ts';

export interface OpenOptions {
  /** PostgreSQL: connections this process keeps at most. */
  poolSize?: number;
  /** PostgreSQL: statements running longer are cancelled; 0 = no limit. */
  statementTimeoutMs?: number;
}

/** Opens (and for SQLite creates) the database, with the settings the app relies on. */
export function openDatabase(location: DatabaseLocation, options: OpenOptions = {}): Kysely<Database> {
  if (location.dialect === 'postgres') {
    const pool = createPostgresPool({
      url: location.url,
      poolSize: options.poolSize ?? 10,
      statementTimeoutMs: options.statementTimeoutMs ?? 0,
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { path } = location;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new DatabaseSync(path);
  // WAL lets the server read while the reindex or seed CLI writes; foreign keys are off by default;
  // a write waits up to 15 s for another process's write (a CLI) rather than failing on a busy machine.
  database.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 15000;');
  return new Kysely<Database>({ dialect: nodeSqliteDialect(database) });
}
