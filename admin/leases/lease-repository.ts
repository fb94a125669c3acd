import type { Kysely } from 'kysely';
import type { Database, LeaseRow } from '../db/tables.ts';

/**
 * A lease is a named right to do one kind of background work, held by one instance until it
 * expires. Taking and renewing are one statement (an upsert whose update only applies when the
 * lease is ours or has run out), so two instances can never both hold it, on SQLite or
 * PostgreSQL. Times come from the instances' clocks, which are assumed to agree within a second
 * or so (NTP); leases last tens of seconds.
 */
export async function acquireLease(
  db: Kysely<Database>,
  lease: { name: string; holder: string; ttlMs: number },
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + lease.ttlMs).toISOString();
  const row = await db
    .insertInto('leases')
    .values({ name: lease.name, holder: lease.holder, acquired_at: at, expires_at: expiresAt })
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          expires_at: eb.ref('excluded.expires_at'),
          // A renewal keeps the moment it was first taken; a takeover starts anew.
          acquired_at: eb
            .case()
            .when('leases.holder', '=', lease.holder)
            .then(eb.ref('leases.acquired_at'))
            .else(eb.ref('excluded.acquired_at'))
            .end(),
        }))
        .where((eb) => eb.or([eb('leases.holder', '=', lease.holder), eb('leases.expires_at', '<=', at)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === lease.holder;
}

/** Gives the lease up (at shutdown), so another instance can take the work over at once. */
export async function releaseLease(
  db: Kysely<Database>,
  lease: { name: string; holder: string },
): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', lease.name).where('holder', '=', lease.holder).execute();
}

/** Who holds what, for monitoring and the cluster benchmark. */
export async function listLeases(db: Kysely<Database>): Promise<LeaseRow[]> {
  return db.selectFrom('leases').selectAll().orderBy('name').execute();
}
