import type { APIRoute } from 'astro';
import { call } from '#admin/app/call.ts';
import { findPublishedListingBySlug } from '#admin/listings/listing-repository.ts';
import { calendarResponse } from '#site/lib/calendar-response.ts';
import { getMunicipality } from '#site/lib/site-content.ts';

/** "In je agenda zetten": one activity as an .ics file. */
export const GET: APIRoute = async ({ params }) => {
  const listing = await call(findPublishedListingBySlug, params.slug ?? '');
  if (listing?.kind !== 'activity') return new Response('Niet gevonden', { status: 404 });
  const { siteName } = await getMunicipality();
  return calendarResponse([listing], { name: listing.title, siteName, fileName: `${listing.slug}.ics` });
};
