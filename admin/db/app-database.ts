import type { Kysely } from 'kysely';
import { databasePath } from '../config/env.ts';
import { openDatabase } from './open-database.ts';
import type { Database } from './tables.ts';

let database: Kysely<Database> | undefined;

/** The server's one connection, opened on first use; SQLite serialises writes itself. */
export function appDatabase(): Kysely<Database> {
  database ??= openDatabase(databasePath());
  return database;
}
