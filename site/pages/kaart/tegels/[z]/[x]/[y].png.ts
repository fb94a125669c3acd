import type { APIRoute } from 'astro';
import { readTile } from '#admin/location/tile-store.ts';
import { env } from '#admin/config/env.ts';

/**
 * Map tiles from a folder on this server (MAP_TILE_DIR), for a municipality that mirrors its
 * tiles instead of sending residents' browsers to a tile service; tests use it to stay offline.
 */
export const GET: APIRoute = async ({ params }) => {
  const directory = env().MAP_TILE_DIR;
  const tile = directory ? await readTile(directory, params.z, params.x, params.y) : undefined;
  if (!tile)
    return new Response('Deze kaarttegel bestaat niet.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return new Response(tile, {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  });
};
