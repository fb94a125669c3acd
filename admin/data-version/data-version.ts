import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * The data version: one number in the database that goes up with every change to what residents
 * see (listings, organisations). Every instance watches it (app-data-version.ts), so caches and
 * the embedded search index of all instances follow a change made through any one of them.
 *
 * A write raises it inside its own transaction, before its other statements. On PostgreSQL the
 * raise locks the counter's row until commit, so versions commit in order: whoever sees version
 * N also sees every change up to N.
 */
const SCOPE = 'public';

/** Raises the version inside the writing transaction; returns the new version, for the changed rows. */
export async function raiseDataVersion(trx: Kysely<Database>): Promise<number> {
  const row = await trx
    .updateTable('data_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('scope', '=', SCOPE)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('scope', '=', SCOPE)
    .executeTakeFirstOrThrow();
  return row.version;
}

type CommittedListener = (version: number) => void;
const committed = new Set<CommittedListener>();

/** This process's own commits, heard at once instead of at the next poll. */
export function onDataVersionCommitted(listener: CommittedListener): () => void {
  committed.add(listener);
  return () => committed.delete(listener);
}

/** Called by a write after its transaction committed, with the version it raised. */
export function announceDataVersion(version: number): void {
  for (const listener of committed) listener(version);
}
