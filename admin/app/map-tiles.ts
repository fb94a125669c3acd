import { env, fromProjectRoot } from '../config/env.ts';
import { createTileProxy, type TileProxy } from '../location/tile-proxy.ts';
import { appContent } from './app-context.ts';

let proxy: TileProxy | undefined;

/** The server's map tile proxy: upstream and area from content, overridable by MAP_TILE_URL. */
export function appTileProxy(): TileProxy {
  if (!proxy) {
    const { map } = appContent().municipality;
    const config = env();
    proxy = createTileProxy({
      upstream: config.MAP_TILE_URL ?? map.tileUrl,
      cacheDir: fromProjectRoot(config.MAP_TILE_CACHE_DIR),
      maxCacheBytes: config.MAP_TILE_CACHE_MB * 1024 * 1024,
      minZoom: map.minZoom,
      maxZoom: map.maxZoom,
      bounds: map.bounds,
    });
  }
  return proxy;
}
