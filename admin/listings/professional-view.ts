import type { Kysely } from 'kysely';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { Listing } from '../schemas/listing.ts';
import { listPublishedListingsInFull } from './listing-repository.ts';
import { roomView, type RoomView } from './room.ts';

/**
 * A published listing as a referrer sees it: with its address (also when on request), the
 * contact person, direct line and intake conditions for referrers, and whether there is room.
 */
export interface ListingForReferrers {
  listing: Listing;
  organisationName: string;
  room: RoomView;
  /** False when nobody at the organisation can open referrals in the werkbak: call them instead. */
  receivesReferrals: boolean;
}

/** Wijkteam members refer; beheerders may look along. Residents and organisations see the public view. */
const requireReferrerOrBeheerder = (actor: Actor | undefined) => requireRole(actor, 'teamlid', 'beheerder');

/** The listings among `ids` (search hits), in that order, with what referrers need. */
export async function listingsForReferrers(
  db: Kysely<Database>,
  actor: Actor | undefined,
  ids: number[],
  now = new Date(),
): Promise<ListingForReferrers[]> {
  requireReferrerOrBeheerder(actor);
  if (ids.length === 0) return [];
  const listings = await listPublishedListingsInFull(db, ids);
  const slugs = [...new Set(listings.map((listing) => listing.organisation))];
  const [organisations, editors] = await Promise.all([
    slugs.length === 0
      ? []
      : db.selectFrom('organisations').select(['slug', 'name']).where('slug', 'in', slugs).execute(),
    slugs.length === 0
      ? []
      : db
          .selectFrom('users')
          .select('organisation_slug')
          .distinct()
          .where('role', '=', 'organisatie')
          .where('organisation_slug', 'in', slugs)
          .where('disabled_at', 'is', null)
          .execute(),
  ]);
  const names = new Map(organisations.map((row) => [row.slug, row.name]));
  const receiving = new Set(editors.map((row) => row.organisation_slug));
  return ids.flatMap((id) => {
    const listing = listings.find((candidate) => candidate.id === id);
    return listing
      ? [
          {
            listing,
            organisationName: names.get(listing.organisation) ?? listing.organisation,
            room: roomView(listing, now),
            receivesReferrals: receiving.has(listing.organisation),
          },
        ]
      : [];
  });
}

export async function listingForReferrers(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  now = new Date(),
): Promise<ListingForReferrers> {
  const [found] = await listingsForReferrers(db, actor, [id], now);
  if (!found) throw new NotFoundError('Dit aanbod bestaat niet of staat offline.');
  return found;
}
