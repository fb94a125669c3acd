import type { Kysely } from 'kysely';
import { databaseLocation, env } from '../config/env.ts';
import { openDatabase } from './open-database.ts';
import type { Database } from './tables.ts';

let database: Kysely<Database> | undefined;

/**
 * The server's database, opened on first use: one SQLite connection (SQLite serialises writes
 * itself) or a PostgreSQL pool of DATABASE_POOL_SIZE connections with the statement timeout.
 */
export function appDatabase(): Kysely<Database> {
  if (!database) {
    const config = env();
    database = openDatabase(databaseLocation(config), {
      poolSize: config.DATABASE_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    });
  }
  return database;
}

/** Closes the server's database at shutdown; a later `appDatabase()` would open it again. */
export async function closeAppDatabase(): Promise<void> {
  const open = database;
  database = undefined;
  await open?.destroy();
}
