import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * A fingerprint of everything in the database that public pages show: listings and organisations.
 * Every write raises a row's `version` (and an insert or delete changes the count), so two reads
 * give the same string exactly when no published data changed in between, whichever instance
 * wrote. The render cache keys its pages by it (with the search index's generation).
 */
export async function readDataVersion(db: Kysely<Database>): Promise<string> {
  const [listings, organisations] = await Promise.all([
    db
      .selectFrom('listings')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number>('version').as('versions')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organisations')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number>('version').as('versions')])
      .executeTakeFirstOrThrow(),
  ]);
  const part = (row: { rows: number | string; versions: number | string | null }) =>
    `${String(row.rows)}.${String(row.versions ?? 0)}`;
  return `${part(listings)}-${part(organisations)}`;
}
