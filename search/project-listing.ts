import { publicListing } from '#admin/listings/public-listing.ts';
import type { Listing } from '#admin/schemas/listing.ts';
import type { SearchDocument } from './search-document.ts';
import { markdownToText } from './markdown-to-text.ts';

/** Names the projection needs from content and the organisation table. */
export interface ProjectionVocabulary {
  neighbourhoodIds: string[];
  lifeDomainNames: Map<string, string>;
  audienceNames: Map<string, string>;
  organisationNames: Map<string, string>;
}

export const listingDocumentId = (listingId: number): string => `listing-${listingId}`;

/**
 * A published listing → its search document. Only its public view is read: nothing organisations
 * keep for referrers, and no place when its address is on request (then only its wijken).
 */
export function projectListing(stored: Listing, vocabulary: ProjectionVocabulary): SearchDocument {
  const listing = publicListing(stored);
  const organisationName = vocabulary.organisationNames.get(listing.organisation);
  const location = listing.locations[0]?.coordinates;
  return {
    id: listingDocumentId(listing.id),
    type: 'listing',
    url: `/aanbod/${listing.slug}`,
    title: listing.title,
    summary: listing.summary,
    body: markdownToText(listing.description),
    keywords: [
      ...(organisationName ? [organisationName] : []),
      ...listing.lifeDomains.map((id) => vocabulary.lifeDomainNames.get(id) ?? id),
      ...listing.audiences.map((id) => vocabulary.audienceNames.get(id) ?? id),
    ],
    kind: listing.kind,
    cost: listing.cost,
    access: listing.access,
    organisation: listing.organisation,
    neighbourhoods: listing.citywide ? [...vocabulary.neighbourhoodIds] : [...listing.neighbourhoods],
    citywide: listing.citywide,
    lifeDomains: [...listing.lifeDomains],
    audiences: [...listing.audiences],
    ...(location ? { location } : {}),
    version: listing.version,
  };
}
