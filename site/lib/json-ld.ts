import type { Event, GovernmentService, Place, Service, WithContext } from 'schema-dts';
import type { Listing, ListingLocation } from '#admin/schemas/listing.ts';
import type { Municipality } from '#admin/schemas/municipality.ts';
import type { Organisation } from '#admin/schemas/organisation.ts';
import type { WEEKDAYS } from '#admin/schemas/fields.ts';

const SCHEMA_DAYS = {
  ma: 'Monday',
  di: 'Tuesday',
  wo: 'Wednesday',
  do: 'Thursday',
  vr: 'Friday',
  za: 'Saturday',
  zo: 'Sunday',
} as const satisfies Record<(typeof WEEKDAYS)[number], string>;

function place(location: ListingLocation): Place {
  return {
    '@type': 'Place',
    name: location.name,
    address: {
      '@type': 'PostalAddress',
      streetAddress: location.address.street,
      postalCode: location.address.postcode,
      addressLocality: location.address.city,
      addressCountry: 'NL',
    },
    geo: {
      '@type': 'GeoCoordinates',
      latitude: location.coordinates.lat,
      longitude: location.coordinates.lng,
    },
  };
}

/**
 * schema.org description of a listing: a GovernmentService for the municipality's own services,
 * a Service for other organisations' help, an Event for each coming occurrence of an activity.
 */
export function listingJsonLd(
  listing: Listing,
  context: { organisation: Organisation | undefined; municipality: Municipality; pageUrl: string },
): WithContext<Service | GovernmentService> | WithContext<Event>[] {
  const provider = context.organisation
    ? {
        '@type': 'Organization' as const,
        name: context.organisation.name,
        ...(context.organisation.website ? { url: context.organisation.website } : {}),
      }
    : undefined;
  const firstLocation = listing.locations[0];
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = listing.schedule.occurrences.filter((occurrence) => occurrence.date >= today);
  if (listing.kind === 'activity' && upcoming.length > 0 && firstLocation) {
    return upcoming.slice(0, 5).map((occurrence) => ({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: listing.title,
      description: listing.summary,
      url: context.pageUrl,
      startDate: `${occurrence.date}T${occurrence.starts}`,
      endDate: `${occurrence.date}T${occurrence.ends}`,
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: place(firstLocation),
      ...(provider ? { organizer: provider } : {}),
      isAccessibleForFree: listing.cost === 'free',
      inLanguage: listing.languages,
    }));
  }
  const base = {
    '@context': 'https://schema.org' as const,
    name: listing.title,
    description: listing.summary,
    url: context.pageUrl,
    areaServed: { '@type': 'City' as const, name: context.municipality.name },
    ...(provider ? { provider } : {}),
    availableChannel: {
      '@type': 'ServiceChannel' as const,
      ...(listing.contact.phone
        ? { servicePhone: { '@type': 'ContactPoint' as const, telephone: listing.contact.phone } }
        : {}),
      ...(listing.contact.website ? { serviceUrl: listing.contact.website } : {}),
      ...(firstLocation ? { serviceLocation: place(firstLocation) } : {}),
    },
    hoursAvailable: listing.schedule.weekly.map((rule) => ({
      '@type': 'OpeningHoursSpecification' as const,
      dayOfWeek: rule.days.map((day) => SCHEMA_DAYS[day]),
      opens: rule.opens,
      closes: rule.closes,
    })),
  };
  return context.organisation?.kind === 'gemeente'
    ? { ...base, '@type': 'GovernmentService' }
    : { ...base, '@type': 'Service' };
}
