import type { Kysely } from 'kysely';
import type { Content } from '../content/load-content.ts';
import { loadDemoListings } from '../content/load-demo-listings.ts';
import { instanceName } from '../config/instance-name.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/tables.ts';
import { withLease } from '../leases/with-lease.ts';
import { insertListing } from '../listings/listing-repository.ts';
import { importMissingOrganisations } from '../organisations/organisation-repository.ts';

const DEMO_LOADED_KEY = 'demo_data_loaded_at';

export interface PreparationReport {
  migrations: string[];
  organisationsAdded: number;
  /** Demo listings inserted now; 0 when they were loaded before or demo data is off. */
  demoListingsAdded: number;
}

/**
 * Everything the database needs before the server answers: the latest schema (unless the
 * caller saw to it: `migrate: false`), the organisations from content, and, once, the demo
 * aanbod. Safe to run at every start, also by several instances starting at the same moment:
 * the migrations hold Kysely's lock, the rest a lease.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  options: { content: Content; contentRoot: string; demoData: boolean; migrate?: boolean },
): Promise<PreparationReport> {
  const migrations = options.migrate === false ? [] : await migrateToLatest(db as Kysely<unknown>);
  return withLease(db, { name: 'prepare-database', holder: instanceName(), ttlMs: 60_000 }, async () => {
    const organisationsAdded = await importMissingOrganisations(
      db,
      options.content.organisations.map((entry) => entry.data),
    );
    const demoListingsAdded = options.demoData
      ? await loadDemoOnce(db, options.content, options.contentRoot)
      : 0;
    return { migrations, organisationsAdded, demoListingsAdded };
  });
}

async function loadDemoOnce(db: Kysely<Database>, content: Content, contentRoot: string): Promise<number> {
  const loaded = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', DEMO_LOADED_KEY)
    .executeTakeFirst();
  if (loaded) return 0;
  const listings = loadDemoListings(contentRoot, content);
  const existing = new Set((await db.selectFrom('listings').select('slug').execute()).map((row) => row.slug));
  let added = 0;
  for (const listing of listings) {
    if (existing.has(listing.slug)) continue;
    await insertListing(db, listing);
    added += 1;
  }
  await db.insertInto('app_meta').values({ key: DEMO_LOADED_KEY, value: new Date().toISOString() }).execute();
  return added;
}
