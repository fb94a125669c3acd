import type { Listing } from '../schemas/listing.ts';

/**
 * A listing as anyone may see it: without what organisations keep for referrers, and without its
 * places when its address is on request (residents then see only its wijken). Every public read of
 * a listing (its page, wijk and organisation pages, the map, the search index, the API and any
 * export) goes through here, so what is hidden cannot leak through a path that forgot it.
 */
export function publicListing(listing: Listing): Listing {
  return {
    ...listing,
    professional: {},
    locations: listing.addressOnRequest ? [] : listing.locations,
  };
}
