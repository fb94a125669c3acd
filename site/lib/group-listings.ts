import type { Listing } from '#admin/schemas/listing.ts';
import type { LifeDomain } from '#admin/schemas/taxonomy.ts';

export interface LifeDomainGroup {
  domain: LifeDomain;
  listings: Listing[];
}

/**
 * Groups listings under each of their leefgebieden, in taxonomy order; empty groups are left
 * out. A listing with two leefgebieden appears in both, as a resident would look in either.
 */
export function groupByLifeDomain(listings: Listing[], domains: LifeDomain[]): LifeDomainGroup[] {
  return domains
    .map((domain) => ({
      domain,
      listings: listings.filter((listing) => listing.lifeDomains.includes(domain.id)),
    }))
    .filter((group) => group.listings.length > 0);
}
