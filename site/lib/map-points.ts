import type { AnchorPlace } from '#admin/schemas/anchor-place.ts';
import type { Boundary } from '#admin/schemas/boundary.ts';
import type { Coordinates } from '#admin/schemas/fields.ts';
import type { Listing, ListingLocation } from '#admin/schemas/listing.ts';
import type { SearchDocument } from '#search/index.ts';
import { KIND_LABELS } from './labels.ts';

/** Marker kinds, each with its own look on the map and its own word in the list. */
export type MapPointKind = 'ankerplaats' | 'voorziening' | 'activiteit' | 'vrijwillige-hulp' | 'plek';

/** One place on a map; the map component also lists every point as text. */
export interface MapPoint {
  title: string;
  /** Where the popup and the list link to; absent when the point is the page itself. */
  href?: string;
  /** Address line, e.g. `Wijkcentrum De Fuik, Fuikstraat 10`. */
  detail: string;
  kind: MapPointKind;
  kindLabel: string;
  location: Coordinates;
  distanceKm?: number;
}

/** A wijk outline to draw; `highlight` marks the wijk the page is about. */
export interface MapBoundary {
  id: string;
  name: string;
  geometry: Boundary['geometry'];
  highlight?: boolean;
}

const KIND_OF_LISTING = {
  service: 'voorziening',
  activity: 'activiteit',
  volunteer: 'vrijwillige-hulp',
} as const;

const addressLine = (location: Pick<ListingLocation, 'name' | 'address'>): string =>
  `${location.name}, ${location.address.street}`;

export function anchorPlacePoint(place: AnchorPlace, neighbourhoodId: string): MapPoint | undefined {
  if (place.status === 'geen-locatie') return undefined;
  return {
    title: `Inloopplek wijkteam: ${place.name}`,
    href: `/wijken/${neighbourhoodId}`,
    detail: `${place.address.street}${place.status === 'gepland' ? ` (gepland, ${place.expected})` : ''}`,
    kind: 'ankerplaats',
    kindLabel: 'Inloopplek van het wijkteam',
    location: place.location,
  };
}

/** One point per location of a listing. */
export function listingPoints(listing: Listing): MapPoint[] {
  const kind = KIND_OF_LISTING[listing.kind];
  return listing.locations.map((location) => ({
    title: listing.title,
    href: `/aanbod/${listing.slug}`,
    detail: addressLine(location),
    kind,
    kindLabel: KIND_LABELS[listing.kind],
    location: location.coordinates,
  }));
}

/** A volunteer's offer, shown at its wijk's centre: it has no address, and must never show a home. */
export function volunteerOfferPoint(listing: Listing, wijkName: string, centre: Coordinates): MapPoint {
  return {
    title: listing.title,
    href: `/aanbod/${listing.slug}`,
    detail: `Ergens in ${wijkName}, geen vast adres`,
    kind: 'vrijwillige-hulp',
    kindLabel: KIND_LABELS[listing.kind],
    location: centre,
  };
}

/** The places of the listing the page shows: no link, the name and address are the point. */
export function ownLocationPoints(locations: readonly ListingLocation[]): MapPoint[] {
  return locations.map((location) => ({
    title: location.name,
    detail: `${location.address.street}, ${location.address.postcode} ${location.address.city}`,
    kind: 'plek',
    kindLabel: 'Adres',
    location: location.coordinates,
  }));
}

export function searchHitPoint(document: SearchDocument, distanceKm?: number): MapPoint | undefined {
  if (!document.location) return undefined;
  const kind = document.kind ? KIND_OF_LISTING[document.kind] : 'ankerplaats';
  return {
    title: document.title,
    href: document.url,
    detail: document.summary,
    kind,
    kindLabel: document.kind ? KIND_LABELS[document.kind] : 'Inloopplek van het wijkteam',
    location: document.location,
    ...(distanceKm === undefined ? {} : { distanceKm }),
  };
}
