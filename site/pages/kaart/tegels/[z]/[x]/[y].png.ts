import type { APIRoute } from 'astro';
import { appTileProxy } from '#admin/app/map-tiles.ts';

/**
 * Map tiles from our own origin, so a resident's browser talks to no one else: the server fetches
 * them from the configured tile service and keeps them in its cache (admin/location/tile-proxy.ts).
 */
export const GET: APIRoute = async ({ params }) => {
  const answer = await appTileProxy().tile(params.z ?? '', params.x ?? '', params.y ?? '');
  if (answer.status === 'ok') {
    return new Response(answer.png, {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
    });
  }
  return new Response(
    answer.status === 'not-found' ? 'Deze kaarttegel bestaat niet.' : 'De kaart is nu niet beschikbaar.',
    {
      status: answer.status === 'not-found' ? 404 : 502,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
};
