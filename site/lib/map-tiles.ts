import { env } from '#admin/config/env.ts';
import { getMunicipality } from './site-content.ts';

export interface MapTiles {
  /** Leaflet URL template with `{z}`, `{x}`, `{y}`. */
  url: string;
  attribution: string;
  /** Origin the browser fetches tiles from, for the CSP; undefined when the app serves them itself. */
  origin?: string;
}

let tiles: Promise<MapTiles> | undefined;

/** The tile source: content/gemeente.yaml, unless MAP_TILE_URL overrides it for this server. */
export function getMapTiles(): Promise<MapTiles> {
  tiles ??= getMunicipality().then(({ map }) => {
    const url = env().MAP_TILE_URL ?? map.tileUrl;
    // A relative URL (tiles served by the app itself) needs no extra origin.
    if (url.startsWith('/')) return { url, attribution: map.attribution };
    return { url, attribution: map.attribution, origin: new URL(url.replace(/\{[a-z]\}/g, '0')).origin };
  });
  return tiles;
}
