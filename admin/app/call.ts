import type { Kysely } from 'kysely';
import { appDatabase } from '../db/app-database.ts';
import type { Database } from '../db/tables.ts';

/**
 * Runs a use case or read model of admin/ on the server's database. Pages and actions call admin/
 * this way, so site/ never holds the database itself (docs/architecture.md).
 */
export function call<A extends unknown[], R>(
  operation: (db: Kysely<Database>, ...args: A) => R,
  ...args: A
): R {
  return operation(appDatabase(), ...args);
}
