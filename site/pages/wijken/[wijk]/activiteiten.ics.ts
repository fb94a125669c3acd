import type { APIRoute } from 'astro';
import { call } from '#admin/app/call.ts';
import { listPublishedActivities } from '#admin/listings/listing-repository.ts';
import { calendarResponse } from '#site/lib/calendar-response.ts';
import { getMunicipality, getNeighbourhood } from '#site/lib/site-content.ts';

/** The activities of one wijk as an iCal feed. */
export const GET: APIRoute = async ({ params }) => {
  const wijk = await getNeighbourhood(params.wijk ?? '');
  if (!wijk) return new Response('Niet gevonden', { status: 404 });
  const [listings, { siteName }] = await Promise.all([
    call(listPublishedActivities, { neighbourhood: wijk.id }),
    getMunicipality(),
  ]);
  return calendarResponse(listings, {
    name: `Activiteiten in ${wijk.data.name}`,
    siteName,
    fileName: `activiteiten-${wijk.id}.ics`,
  });
};
