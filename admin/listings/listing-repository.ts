import type { Kysely } from 'kysely';
import { announceDataVersion, raiseDataVersion } from '../data-version/data-version.ts';
import type { Database, ListingRow } from '../db/tables.ts';
import type { Listing, ListingData } from '../schemas/listing.ts';
import { announceListingChanged } from './listing-changes.ts';
import { listingFromRow, rowFromListingData, type ListingLinks } from './listing-rows.ts';
import { publicListing } from './public-listing.ts';
import { afterCommit, inTransaction } from '../db/transaction.ts';

// Above this many ids, reading whole join tables beats a huge `IN (…)` list (and SQLite's
// limit on bound parameters).
const MAX_IN_LIST = 500;

/** Loads the join-table links of many listings in three queries, not three per listing. */
async function loadLinks(db: Kysely<Database>, ids: number[]): Promise<Map<number, ListingLinks>> {
  const links = new Map<number, ListingLinks>(
    ids.map((id) => [id, { neighbourhoods: [], lifeDomains: [], audiences: [] }]),
  );
  if (ids.length === 0) return links;
  const restrict = ids.length <= MAX_IN_LIST;
  const [neighbourhoods, lifeDomains, audiences] = await Promise.all([
    db
      .selectFrom('listing_neighbourhoods')
      .select(['listing_id', 'neighbourhood as value'])
      .$if(restrict, (q) => q.where('listing_id', 'in', ids))
      .orderBy('value')
      .execute(),
    db
      .selectFrom('listing_life_domains')
      .select(['listing_id', 'life_domain as value'])
      .$if(restrict, (q) => q.where('listing_id', 'in', ids))
      .orderBy('value')
      .execute(),
    db
      .selectFrom('listing_audiences')
      .select(['listing_id', 'audience as value'])
      .$if(restrict, (q) => q.where('listing_id', 'in', ids))
      .orderBy('value')
      .execute(),
  ]);
  for (const [key, rows] of [
    ['neighbourhoods', neighbourhoods],
    ['lifeDomains', lifeDomains],
    ['audiences', audiences],
  ] as const) {
    for (const row of rows) links.get(row.listing_id)?.[key].push(row.value);
  }
  return links;
}

async function hydrate(db: Kysely<Database>, rows: ListingRow[]): Promise<Listing[]> {
  const links = await loadLinks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    listingFromRow(row, links.get(row.id) ?? { neighbourhoods: [], lifeDomains: [], audiences: [] }),
  );
}

/** Listings as anyone may see them: what is for referrers only is not in them (public-listing.ts). */
async function hydratePublic(db: Kysely<Database>, rows: ListingRow[]): Promise<Listing[]> {
  return (await hydrate(db, rows)).map(publicListing);
}

async function replaceLinks(trx: Kysely<Database>, id: number, data: ListingData): Promise<void> {
  await trx.deleteFrom('listing_neighbourhoods').where('listing_id', '=', id).execute();
  await trx.deleteFrom('listing_life_domains').where('listing_id', '=', id).execute();
  await trx.deleteFrom('listing_audiences').where('listing_id', '=', id).execute();
  if (data.neighbourhoods.length > 0) {
    await trx
      .insertInto('listing_neighbourhoods')
      .values(data.neighbourhoods.map((neighbourhood) => ({ listing_id: id, neighbourhood })))
      .execute();
  }
  await trx
    .insertInto('listing_life_domains')
    .values(data.lifeDomains.map((life_domain) => ({ listing_id: id, life_domain })))
    .execute();
  if (data.audiences.length > 0) {
    await trx
      .insertInto('listing_audiences')
      .values(data.audiences.map((audience) => ({ listing_id: id, audience })))
      .execute();
  }
}

/**
 * Once committed, this process's caches and search index hear of the change at once; other
 * instances see the raised data version at their next poll.
 */
const announceAfterCommit = (trx: Kysely<Database>, id: number, dataVersion: number): Promise<void> =>
  afterCommit(trx, async () => {
    announceDataVersion(dataVersion);
    await announceListingChanged(id);
  });

/** Inserts a listing with its links; returns the new id. Search follows once it is committed. */
export async function insertListing(
  db: Kysely<Database>,
  data: ListingData,
  now = new Date().toISOString(),
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const dataVersion = await raiseDataVersion(trx);
    const { id } = await trx
      .insertInto('listings')
      .values({ ...rowFromListingData(data, now), data_version: dataVersion })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceLinks(trx, id, data);
    await announceAfterCommit(trx, id, dataVersion);
    return id;
  });
}

/**
 * Replaces a listing's data and raises its version, only if it still has `expectedVersion`: the
 * check is part of the UPDATE, so of two editors saving the same version one wins and the other
 * gets false. Who may do this is checked by the caller's use case.
 */
export async function updateListing(
  db: Kysely<Database>,
  id: number,
  expectedVersion: number,
  data: ListingData,
  now = new Date().toISOString(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    // A refused save still raises the version (it commits with the rest): a cache refresh, no more.
    const dataVersion = await raiseDataVersion(trx);
    // The open-data id stays what it was: it is the listing's identity outside this database.
    const {
      created_at: _created,
      version: _version,
      uuid: _uuid,
      ...columns
    } = rowFromListingData(data, now);
    const result = await trx
      .updateTable('listings')
      .set((eb) => ({ ...columns, version: eb('version', '+', 1), data_version: dataVersion }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await replaceLinks(trx, id, data);
    await announceAfterCommit(trx, id, dataVersion);
    return true;
  });
}

export async function findListingById(db: Kysely<Database>, id: number): Promise<Listing | undefined> {
  const row = await db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/**
 * The published listings among `ids` as anyone may see them (the search index reads these), in
 * chunks that stay under SQLite's parameter limit.
 */
export async function listPublishedListingsByIds(db: Kysely<Database>, ids: number[]): Promise<Listing[]> {
  return (await listPublishedListingsInFull(db, ids)).map(publicListing);
}

/**
 * The published listings among `ids` with everything organisations keep for referrers. Only for
 * use cases that checked the actor may see that (admin/listings/professional-view.ts).
 */
export async function listPublishedListingsInFull(db: Kysely<Database>, ids: number[]): Promise<Listing[]> {
  const listings: Listing[] = [];
  for (let start = 0; start < ids.length; start += MAX_IN_LIST) {
    const chunk = ids.slice(start, start + MAX_IN_LIST);
    const rows = await db
      .selectFrom('listings')
      .selectAll()
      .where('id', 'in', chunk)
      .where('status', '=', 'published')
      .orderBy('id')
      .execute();
    listings.push(...(await hydrate(db, rows)));
  }
  return listings;
}

/** id → version of every published listing: what the search index should hold. */
export async function listPublishedListingVersions(db: Kysely<Database>): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('listings')
    .select(['id', 'version'])
    .where('status', '=', 'published')
    .execute();
  return new Map(rows.map((row) => [row.id, row.version]));
}

export interface ListingChange {
  id: number;
  /** The listing's own version (what a search document records). */
  version: number;
  published: boolean;
  dataVersion: number;
}

/** Listings changed after data version `since`, oldest change first: what an index must follow. */
export async function listListingChangesSince(db: Kysely<Database>, since: number): Promise<ListingChange[]> {
  const rows = await db
    .selectFrom('listings')
    .select(['id', 'version', 'status', 'data_version'])
    .where('data_version', '>', since)
    .orderBy('data_version')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    published: row.status === 'published',
    dataVersion: row.data_version,
  }));
}

/** A published listing's public page: as anyone may see it. */
export async function findPublishedListingBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Listing | undefined> {
  const row = await db
    .selectFrom('listings')
    .selectAll()
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? (await hydratePublic(db, [row]))[0] : undefined;
}

/** Published listings offered in a wijk (not the citywide ones), by title. */
export async function listPublishedListingsInNeighbourhood(
  db: Kysely<Database>,
  neighbourhood: string,
): Promise<Listing[]> {
  const rows = await db
    .selectFrom('listings')
    .selectAll('listings')
    .innerJoin('listing_neighbourhoods as n', 'n.listing_id', 'listings.id')
    .where('n.neighbourhood', '=', neighbourhood)
    .where('listings.status', '=', 'published')
    .orderBy('listings.title')
    .execute();
  return hydratePublic(db, rows);
}

/** Published listings available in the whole municipality, by title. */
export async function listPublishedCitywideListings(db: Kysely<Database>): Promise<Listing[]> {
  const rows = await db
    .selectFrom('listings')
    .selectAll()
    .where('citywide', '=', 1)
    .where('status', '=', 'published')
    .orderBy('title')
    .execute();
  return hydratePublic(db, rows);
}

export async function listPublishedListingsOfOrganisation(
  db: Kysely<Database>,
  organisation: string,
): Promise<Listing[]> {
  const rows = await db
    .selectFrom('listings')
    .selectAll()
    .where('organisation_slug', '=', organisation)
    .where('status', '=', 'published')
    // Volunteers' offers and residents' activities are listed under the publisher, not made by it.
    .where('origin', '=', 'editor')
    .orderBy('title')
    .execute();
  return hydratePublic(db, rows);
}

/** Published activities, by title: for the search projection and the calendar feeds. */
export async function listPublishedActivities(
  db: Kysely<Database>,
  filter: { neighbourhood?: string; organisation?: string } = {},
): Promise<Listing[]> {
  const rows = await db
    .selectFrom('listings')
    .selectAll('listings')
    .where('listings.kind', '=', 'activity')
    .where('listings.status', '=', 'published')
    .$if(filter.organisation !== undefined, (q) =>
      q
        .where('listings.organisation_slug', '=', filter.organisation ?? '')
        .where('listings.origin', '=', 'editor'),
    )
    .$if(filter.neighbourhood !== undefined, (q) =>
      q.where('listings.id', 'in', (eb) =>
        eb
          .selectFrom('listing_neighbourhoods')
          .select('listing_id')
          .where('neighbourhood', '=', filter.neighbourhood ?? ''),
      ),
    )
    .orderBy('listings.title')
    .execute();
  return hydrate(db, rows);
}

export async function listPublishedListingSlugs(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('listings')
    .select('slug')
    .where('status', '=', 'published')
    .orderBy('slug')
    .execute();
  return rows.map((row) => row.slug);
}

/** True while any demo listing is still published: the site then shows the "voorbeeldgegevens" notice. */
export async function hasPublishedDemoListings(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('listings')
    .select('id')
    .where('is_demo', '=', 1)
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Changes status and/or verification dates only; raises the version so search follows. */
export async function updateListingState(
  db: Kysely<Database>,
  id: number,
  set: { status?: ListingRow['status']; lastVerifiedAt?: string; roomSetAt?: string },
  now = new Date().toISOString(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const dataVersion = await raiseDataVersion(trx);
    const result = await trx
      .updateTable('listings')
      .set((eb) => ({
        ...(set.status ? { status: set.status } : {}),
        ...(set.lastVerifiedAt ? { last_verified_at: set.lastVerifiedAt } : {}),
        // Publishing or confirming is a person checking it: an imported listing is then checked.
        ...(set.status === 'published' || set.lastVerifiedAt ? { needs_review: 0 } : {}),
        ...(set.roomSetAt ? { room_set_at: set.roomSetAt } : {}),
        updated_at: now,
        version: eb('version', '+', 1),
        data_version: dataVersion,
      }))
      .where('id', '=', id)
      .executeTakeFirst();
    const updated = Number(result.numUpdatedRows) === 1;
    if (updated) await announceAfterCommit(trx, id, dataVersion);
    return updated;
  });
}

export interface ListingSummary {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: string;
  organisation: string;
  lastVerifiedAt: string;
  updatedAt: string;
  /** Imported and not yet checked by a person. */
  needsReview: boolean;
}

/** All listings (any status) of one organisation, or of all; for the admin's lists. */
export async function listListingSummaries(
  db: Kysely<Database>,
  filter: { organisation?: string; status?: string } = {},
): Promise<ListingSummary[]> {
  const rows = await db
    .selectFrom('listings')
    .select([
      'id',
      'slug',
      'title',
      'kind',
      'status',
      'organisation_slug',
      'last_verified_at',
      'updated_at',
      'needs_review',
    ])
    .where('origin', '=', 'editor')
    .$if(filter.organisation !== undefined, (q) =>
      q.where('organisation_slug', '=', filter.organisation ?? ''),
    )
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? ''))
    .orderBy('title')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    status: row.status,
    organisation: row.organisation_slug,
    lastVerifiedAt: row.last_verified_at,
    updatedAt: row.updated_at,
    needsReview: row.needs_review === 1,
  }));
}

export async function listingSlugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('listings').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined
  );
}
