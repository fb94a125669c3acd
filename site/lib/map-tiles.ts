import { getMunicipality } from './site-content.ts';

/** The path the browser loads tiles from: always this server (see the tile proxy). */
export const TILE_PATH = '/kaart/tegels/{z}/{x}/{y}.png';

/** What a map needs to show tiles: where from, the credit line, and the area and zooms served. */
export async function getMapTiles() {
  const { map } = await getMunicipality();
  return {
    url: TILE_PATH,
    attribution: map.attribution,
    bounds: map.bounds,
    minZoom: map.minZoom,
    maxZoom: map.maxZoom,
  };
}
