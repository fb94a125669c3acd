import type { APIRoute } from 'astro';
import { call } from '#admin/app/call.ts';
import { listPublishedActivities } from '#admin/listings/listing-repository.ts';
import { findOrganisationBySlug } from '#admin/organisations/organisation-repository.ts';
import { calendarResponse } from '#site/lib/calendar-response.ts';
import { getMunicipality } from '#site/lib/site-content.ts';

/** The activities of one organisation as an iCal feed. */
export const GET: APIRoute = async ({ params }) => {
  const organisation = await call(findOrganisationBySlug, params.slug ?? '');
  if (!organisation) return new Response('Niet gevonden', { status: 404 });
  const [listings, { siteName }] = await Promise.all([
    call(listPublishedActivities, { organisation: organisation.slug }),
    getMunicipality(),
  ]);
  return calendarResponse(listings, {
    name: `Activiteiten van ${organisation.name}`,
    siteName,
    fileName: `activiteiten-${organisation.slug}.ics`,
  });
};
