import { publicListing } from '#admin/listings/public-listing.ts';
import { addDays, nextOccurrence, occurrencesBetween } from '#admin/calendar/activity-dates.ts';
import type { Listing } from '#admin/schemas/listing.ts';
import type { SearchDocument } from './search-document.ts';
import { markdownToText } from './markdown-to-text.ts';

/** Names the projection needs from content and the organisation table. */
export interface ProjectionVocabulary {
  neighbourhoodIds: string[];
  lifeDomainNames: Map<string, string>;
  audienceNames: Map<string, string>;
  organisationNames: Map<string, string>;
  /** Wijk centres: a volunteer's offer in one wijk is placed there, never at an address. */
  neighbourhoodCentres?: Map<string, { lat: number; lng: number }>;
}

export const listingDocumentId = (listingId: number): string => `listing-${listingId}`;

/** How far ahead an activity's days are indexed: enough for "deze maand" from any day. */
const DATES_AHEAD = 31;

/**
 * An activity's document changes with the calendar (its next date, its days ahead), so its
 * version combines the listing's version with the day it was built: the sync loop rebuilds it
 * every day, and drops it once its last date has passed.
 */
export function documentVersion(listing: Pick<Listing, 'kind' | 'version'>, today: string): number {
  if (listing.kind !== 'activity') return listing.version;
  return listing.version * 100_000 + ((Date.parse(`${today}T00:00:00Z`) / 86_400_000) % 100_000);
}

/**
 * A published listing → its search document, as of `today`. Only its public view is read: nothing
 * organisations keep for referrers, and no place when its address is on request (then only its wijken).
 */
export function projectListing(
  stored: Listing,
  vocabulary: ProjectionVocabulary,
  today: string,
): SearchDocument {
  const listing = publicListing(stored);
  const organisationName = vocabulary.organisationNames.get(listing.organisation);
  const onlyWijk = listing.neighbourhoods.length === 1 ? listing.neighbourhoods[0] : undefined;
  const location =
    listing.locations[0]?.coordinates ??
    (listing.origin === 'volunteer' && onlyWijk ? vocabulary.neighbourhoodCentres?.get(onlyWijk) : undefined);
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
    ...(listing.kind === 'activity' ? activityDates(listing, today) : {}),
    version: documentVersion(listing, today),
  };
}

function activityDates(listing: Listing, today: string): Pick<SearchDocument, 'dates' | 'nextOccurrence'> {
  const next = nextOccurrence(listing.schedule, today);
  const dates = [
    ...new Set(
      occurrencesBetween(listing.schedule, today, addDays(today, DATES_AHEAD)).map((entry) => entry.date),
    ),
  ];
  return { dates, ...(next ? { nextOccurrence: `${next.date}T${next.starts}` } : {}) };
}
