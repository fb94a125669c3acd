import type { StoredOrganisation } from '../organisations/organisation-repository.ts';
import type { Address, Closure, Occurrence, Weekday, WeeklyRule } from '../schemas/fields.ts';
import {
  ACCESS_SHORT_LABELS,
  ACCESSIBILITY_LABELS,
  COST_LABELS,
  LANGUAGE_LABELS,
  WEEKDAY_LABELS,
} from '../schemas/labels.ts';
import type { Listing, ListingLocation } from '../schemas/listing.ts';
import { listingTerms, organisationTerms, type TaxonomyKey, type TermIndex } from './hsds-taxonomies.ts';
import type {
  HsdsAttribute,
  HsdsCapacity,
  HsdsLocation,
  HsdsOrganization,
  HsdsOrganizationBrief,
  HsdsPhone,
  HsdsSchedule,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceAtLocationBrief,
  HsdsServiceBrief,
} from './hsds-types.ts';
import { uuidV5 } from './identifiers.ts';

/**
 * Listings and organisations as HSDS 3.1 objects. Pure: everything it needs comes in, so the
 * same listing always gives the same JSON (and ids), in the API, the export and the tests.
 */
export interface HsdsMappingContext {
  baseUrl: string;
  siteName: string;
  municipality: { name: string; province: string };
  /** Wijk id → name. */
  neighbourhoods: ReadonlyMap<string, string>;
  terms: TermIndex;
}

const RRULE_DAYS: Record<Weekday, string> = {
  ma: 'MO',
  di: 'TU',
  wo: 'WE',
  do: 'TH',
  vr: 'FR',
  za: 'SA',
  zo: 'SU',
};

/** Demo listings are made up; a reuser must be able to tell. */
export const DEMO_ALERT = 'Voorbeeldgegevens: dit aanbod is verzonnen om de site te laten zien.';

const joinDutch = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1) ?? ''}`;

/** Summary and description as one HSDS description; the blank line is where an import splits them. */
export const joinDescription = (summary: string, description: string): string =>
  description.trim() === '' ? summary : `${summary}\n\n${description}`;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
const dutchDate = (date: string): string => dateFormat.format(new Date(`${date}T12:00:00Z`));

function weeklySchedule(serviceId: string, rule: WeeklyRule): HsdsSchedule {
  const days = rule.days.map((day) => RRULE_DAYS[day]).join(',');
  return {
    id: uuidV5(serviceId, `schedule:weekly:${days}:${rule.opens}-${rule.closes}`),
    service_id: serviceId,
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: days,
    opens_at: rule.opens,
    closes_at: rule.closes,
    description: `${joinDutch(rule.days.map((day) => WEEKDAY_LABELS[day]))}, ${rule.opens}–${rule.closes}`,
    ...(rule.note ? { notes: rule.note } : {}),
  };
}

function occurrenceSchedule(serviceId: string, occurrence: Occurrence): HsdsSchedule {
  return {
    id: uuidV5(serviceId, `schedule:date:${occurrence.date}:${occurrence.starts}-${occurrence.ends}`),
    service_id: serviceId,
    dtstart: occurrence.date,
    valid_from: occurrence.date,
    valid_to: occurrence.date,
    count: 1,
    opens_at: occurrence.starts,
    closes_at: occurrence.ends,
    description: `${dutchDate(occurrence.date)}, ${occurrence.starts}–${occurrence.ends}`,
    ...(occurrence.note ? { notes: occurrence.note } : {}),
  };
}

/**
 * A closing period as a schedule that is valid for those days and has no opening times: HSDS
 * knows no "closed", and a reader of the description sees what it means.
 */
function closureSchedule(serviceId: string, closure: Closure): HsdsSchedule {
  const days =
    closure.from === closure.until
      ? dutchDate(closure.from)
      : `${dutchDate(closure.from)} tot en met ${dutchDate(closure.until)}`;
  return {
    id: uuidV5(serviceId, `schedule:closed:${closure.from}:${closure.until}`),
    service_id: serviceId,
    valid_from: closure.from,
    valid_to: closure.until,
    description: `Gesloten: ${days}${closure.note ? ` (${closure.note})` : ''}`,
    ...(closure.note ? { notes: closure.note } : {}),
  };
}

/**
 * Opening hours, activity dates and closing periods as HSDS schedules; a note alone becomes a
 * schedule of its own.
 */
export function hsdsSchedules(serviceId: string, listing: Listing): HsdsSchedule[] {
  const { weekly, occurrences, closures, note } = listing.schedule;
  return [
    ...weekly.map((rule) => weeklySchedule(serviceId, rule)),
    ...occurrences.map((occurrence) => occurrenceSchedule(serviceId, occurrence)),
    ...closures.map((closure) => closureSchedule(serviceId, closure)),
    ...(note ? [{ id: uuidV5(serviceId, 'schedule:note'), service_id: serviceId, description: note }] : []),
  ];
}

const addressKey = (address: Address): string =>
  `${address.postcode}|${address.street}`.toLowerCase().replace(/\s+/g, ' ');

function hsdsAddress(locationId: string, address: Address, context: HsdsMappingContext) {
  return {
    id: uuidV5(locationId, 'address'),
    location_id: locationId,
    address_1: address.street,
    city: address.city,
    state_province: context.municipality.province,
    postal_code: address.postcode,
    country: 'NL',
    address_type: 'physical' as const,
  };
}

export function hsdsListingLocation(
  serviceId: string,
  listing: Listing,
  location: ListingLocation,
  context: HsdsMappingContext,
): HsdsLocation {
  const id = uuidV5(serviceId, `location:${addressKey(location.address)}|${location.name.toLowerCase()}`);
  return {
    id,
    location_type: 'physical',
    name: location.name,
    latitude: location.coordinates.lat,
    longitude: location.coordinates.lng,
    addresses: [hsdsAddress(id, location.address, context)],
    accessibility: listing.accessibility.map((feature) => ({
      id: uuidV5(id, `accessibility:${feature}`),
      location_id: id,
      description: ACCESSIBILITY_LABELS[feature],
    })),
  };
}

function attributes(
  linkId: string,
  linkEntity: 'service' | 'organization',
  codes: { key: TaxonomyKey; code: string }[],
  context: HsdsMappingContext,
): HsdsAttribute[] {
  return codes.flatMap(({ key, code }) => {
    const term = context.terms.byCode(key, code);
    if (!term) return [];
    return [
      {
        id: uuidV5(linkId, `attribute:${term.id}`),
        link_id: linkId,
        link_type: key,
        link_entity: linkEntity,
        taxonomy_term_id: term.id,
        taxonomy_term: term,
        label: term.name,
      },
    ];
  });
}

const phone = (ownerId: string, owner: 'service_id' | 'organization_id', number: string): HsdsPhone => ({
  id: uuidV5(ownerId, `phone:${number}`),
  [owner]: ownerId,
  number,
  type: 'voice',
});

export function hsdsOrganizationBrief(
  organisation: StoredOrganisation,
  context: HsdsMappingContext,
): HsdsOrganizationBrief {
  return {
    id: organisation.openDataId,
    name: organisation.name,
    description: joinDescription(organisation.summary, organisation.description),
    ...(organisation.email ? { email: organisation.email } : {}),
    ...(organisation.website ? { website: organisation.website } : {}),
    uri: `${context.baseUrl}/organisaties/${organisation.slug}`,
  };
}

export function hsdsServiceBrief(
  listing: Listing,
  organisation: StoredOrganisation,
  context: HsdsMappingContext,
): HsdsServiceBrief {
  const audiences = listing.audiences.map((code) => context.terms.byCode('doelgroepen', code)?.name ?? code);
  return {
    id: listing.openDataId,
    organization_id: organisation.openDataId,
    name: listing.title,
    description: joinDescription(listing.summary, listing.description),
    ...(listing.contact.website ? { url: listing.contact.website } : {}),
    ...(listing.contact.email ? { email: listing.contact.email } : {}),
    status: 'active',
    application_process: listing.whatToBring
      ? `${ACCESS_SHORT_LABELS[listing.access]}${WHAT_TO_BRING}${listing.whatToBring}`
      : ACCESS_SHORT_LABELS[listing.access],
    fees_description: listing.costNote
      ? `${COST_LABELS[listing.cost]}: ${listing.costNote}`
      : COST_LABELS[listing.cost],
    ...(audiences.length > 0 ? { eligibility_description: `Voor: ${audiences.join(', ')}` } : {}),
    assured_date: listing.lastVerifiedAt,
    ...(listing.isDemo ? { alert: DEMO_ALERT } : {}),
    last_modified: listing.updatedAt,
  };
}

export function hsdsServiceAtLocations(
  listing: Listing,
  context: HsdsMappingContext,
): HsdsServiceAtLocationBrief[] {
  return listing.locations.map((place) => {
    const location = hsdsListingLocation(listing.openDataId, listing, place, context);
    return {
      id: uuidV5(listing.openDataId, `service_at_location:${location.id}`),
      service_id: listing.openDataId,
      location_id: location.id,
      location,
    };
  });
}

/** Between how to get access and what to bring in `application_process`; the import splits on it. */
export const WHAT_TO_BRING = '. Neem mee: ';

/**
 * Room status as HSDS `capacities`: one entry when the organisation says whether there is room.
 * Organisations give a status, not a number, so `available` is 1 for "plek beschikbaar" (at least
 * one place) and 0 otherwise; `description` says which, with the weeks of a waiting list.
 */
function hsdsCapacities(listing: Listing): HsdsCapacity[] {
  const { status, waitWeeks } = listing.room;
  if (!status || !listing.roomSetAt) return [];
  const description = {
    available: 'Plek beschikbaar',
    'waiting-list': waitWeeks ? `Wachtlijst van ongeveer ${waitWeeks} weken` : 'Wachtlijst',
    full: 'Vol',
    closed: 'Tijdelijk gesloten',
  }[status];
  return [
    {
      id: uuidV5(listing.openDataId, 'capacity'),
      service_id: listing.openDataId,
      unit: { id: uuidV5(listing.openDataId, 'capacity:unit'), name: 'Plek' },
      available: status === 'available' ? 1 : 0,
      description,
      updated: new Date(listing.roomSetAt).toISOString(),
    },
  ];
}

export function hsdsService(
  listing: Listing,
  organisation: StoredOrganisation,
  context: HsdsMappingContext,
): HsdsService {
  const id = listing.openDataId;
  return {
    ...hsdsServiceBrief(listing, organisation, context),
    additional_urls: [
      {
        id: uuidV5(id, 'url:site'),
        url: `${context.baseUrl}/aanbod/${listing.slug}`,
        label: `Op ${context.siteName}`,
      },
    ],
    phones: listing.contact.phone ? [phone(id, 'service_id', listing.contact.phone)] : [],
    schedules: hsdsSchedules(id, listing),
    service_areas: listing.citywide
      ? [
          {
            id: uuidV5(id, 'area:gemeente'),
            service_id: id,
            name: context.municipality.name,
            description: `De hele gemeente ${context.municipality.name}`,
          },
        ]
      : listing.neighbourhoods.map((wijk) => ({
          id: uuidV5(id, `area:${wijk}`),
          service_id: id,
          name: context.neighbourhoods.get(wijk) ?? wijk,
          description: `Wijk ${context.neighbourhoods.get(wijk) ?? wijk}`,
          uri: `${context.baseUrl}/wijken/${wijk}`,
        })),
    service_at_locations: hsdsServiceAtLocations(listing, context),
    languages: listing.languages.map((code) => ({
      id: uuidV5(id, `language:${code}`),
      service_id: id,
      name: LANGUAGE_LABELS[code],
      code,
    })),
    organization: hsdsOrganizationBrief(organisation, context),
    cost_options: [
      {
        id: uuidV5(id, 'cost'),
        service_id: id,
        option: COST_LABELS[listing.cost],
        currency: 'EUR',
        ...(listing.cost === 'free' ? { amount: 0 } : {}),
        ...(listing.costNote ? { amount_description: listing.costNote } : {}),
      },
    ],
    capacities: hsdsCapacities(listing),
    attributes: attributes(id, 'service', listingTerms(listing), context),
  };
}

export function hsdsServiceAtLocation(
  listing: Listing,
  organisation: StoredOrganisation,
  brief: HsdsServiceAtLocationBrief,
  context: HsdsMappingContext,
): HsdsServiceAtLocation {
  return {
    ...brief,
    service: hsdsServiceBrief(listing, organisation, context),
    schedules: hsdsSchedules(listing.openDataId, listing).map((schedule) => ({
      ...schedule,
      service_at_location_id: brief.id,
    })),
    phones: listing.contact.phone ? [phone(listing.openDataId, 'service_id', listing.contact.phone)] : [],
  };
}

export function hsdsOrganization(
  organisation: StoredOrganisation,
  services: HsdsServiceBrief[],
  context: HsdsMappingContext,
): HsdsOrganization {
  const id = organisation.openDataId;
  const locationId = uuidV5(id, 'location:address');
  return {
    ...hsdsOrganizationBrief(organisation, context),
    phones: organisation.phone ? [phone(id, 'organization_id', organisation.phone)] : [],
    locations: organisation.address
      ? [
          {
            id: locationId,
            location_type: 'physical',
            organization_id: id,
            name: organisation.name,
            addresses: [hsdsAddress(locationId, organisation.address, context)],
            accessibility: [],
          },
        ]
      : [],
    attributes: attributes(id, 'organization', organisationTerms(organisation), context),
    services,
  };
}
