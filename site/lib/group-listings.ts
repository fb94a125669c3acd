import type { Listing } from '#admin/schemas/listing.ts';
import type { LifeDomain } from '#admin/schemas/taxonomy.ts';

export interface LifeDomainGroup {
  domain: LifeDomain;
  listings: Listing[];
}

/**
 * Groups listings by leefgebied, in taxonomy order, each listing once: under the first
 * leefgebied it names (its main subject). Empty groups are left out; titles sorted within a group.
 */
export function groupByMainLifeDomain(listings: Listing[], domains: LifeDomain[]): LifeDomainGroup[] {
  const known = new Set(domains.map((domain) => domain.id));
  const mainOf = (listing: Listing) => listing.lifeDomains.find((id) => known.has(id));
  return domains
    .map((domain) => ({
      domain,
      listings: listings
        .filter((listing) => mainOf(listing) === domain.id)
        .sort((a, b) => a.title.localeCompare(b.title, 'nl')),
    }))
    .filter((group) => group.listings.length > 0);
}
