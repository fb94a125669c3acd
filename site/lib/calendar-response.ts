import { publicBaseUrl } from '#admin/config/public-url.ts';
import { env } from '#admin/config/env.ts';
import { activitiesCalendar } from '#admin/calendar/ical.ts';
import type { Listing } from '#admin/schemas/listing.ts';

/** An iCalendar answer: a download for one activity, a feed agenda apps can subscribe to. */
export function calendarResponse(
  listings: readonly Listing[],
  options: { name: string; siteName: string; fileName: string },
): Response {
  const body = activitiesCalendar(listings, options.name, {
    siteName: options.siteName,
    baseUrl: publicBaseUrl(env()),
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${options.fileName}"`,
      'Cache-Control': 'public, max-age=900',
    },
  });
}
