import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { log } from '../logging/log.ts';

/** South-west and north-east corners of the area the municipality's maps show. */
export interface MapBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface TileProxyOptions {
  /** Upstream URL template with `{z}`, `{x}`, `{y}`, e.g. PDOK's BRT-Achtergrondkaart. */
  upstream: string;
  cacheDir: string;
  maxCacheBytes: number;
  minZoom: number;
  maxZoom: number;
  bounds: MapBounds;
  timeoutMs?: number;
}

export type TileAnswer =
  | { status: 'ok'; png: Uint8Array<ArrayBuffer> }
  /** Not a tile of this municipality's maps: outside its area or zoom range, or no such tile. */
  | { status: 'not-found' }
  /** The upstream did not deliver in time or sent something else than an image. */
  | { status: 'unavailable' };

export interface TileProxy {
  tile(z: string, x: string, y: string): Promise<TileAnswer>;
}

const TILE_NUMBER = /^(0|[1-9][0-9]{0,6})$/;
const MAX_TILE_BYTES = 1024 * 1024;

/** The area a tile covers (Web Mercator, as every slippy map). */
export function tileArea(z: number, x: number, y: number): MapBounds {
  const n = 2 ** z;
  const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
  return { west: (x / n) * 360 - 180, east: ((x + 1) / n) * 360 - 180, north: lat(y), south: lat(y + 1) };
}

const overlaps = (a: MapBounds, b: MapBounds): boolean =>
  a.west < b.east && b.west < a.east && a.south < b.north && b.south < a.north;

/**
 * Map tiles through our own origin: the resident's browser asks us, we ask the tile service (with
 * no cookie, address or referrer of theirs) and keep the tile in a disk cache of limited size. Only
 * tiles of the municipality's area and zoom range are served; anything else is not found and
 * never reaches the upstream.
 */
export function createTileProxy(options: TileProxyOptions): TileProxy {
  const inFlight = new Map<string, Promise<TileAnswer>>();
  // An outage fails every tile of every map; the log says so once a minute, not per tile.
  let lastWarning = 0;
  let failuresSinceWarning = 0;
  function warnUnavailable(reason: string): TileAnswer {
    failuresSinceWarning += 1;
    if (Date.now() - lastWarning >= 60_000) {
      log.warn(`Map tile upstream unavailable (${failuresSinceWarning} tile(s)): ${reason}`);
      lastWarning = Date.now();
      failuresSinceWarning = 0;
    }
    return { status: 'unavailable' };
  }
  /** Cached files with their size, in the order they were last used (oldest first). */
  let cached: Promise<Map<string, number>> | undefined;
  let cachedBytes = 0;

  async function scanCache(directory: string, into: Map<string, number>): Promise<void> {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await scanCache(path, into);
      else if (entry.name.endsWith('.png')) {
        const { size } = await stat(path);
        into.set(path, size);
        cachedBytes += size;
      }
    }
  }
  const cache = () =>
    (cached ??= (async () => {
      const files = new Map<string, number>();
      await scanCache(options.cacheDir, files);
      return files;
    })());

  async function remember(path: string, png: Uint8Array): Promise<void> {
    const files = await cache();
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, png);
    await rename(temporary, path);
    cachedBytes += png.byteLength - (files.get(path) ?? 0);
    files.delete(path);
    files.set(path, png.byteLength);
    for (const [oldest, size] of files) {
      if (cachedBytes <= options.maxCacheBytes) break;
      files.delete(oldest);
      cachedBytes -= size;
      await unlink(oldest).catch(() => undefined);
    }
  }

  async function fetchUpstream(z: string, x: string, y: string, path: string): Promise<TileAnswer> {
    const url = options.upstream.replace('{z}', z).replace('{x}', x).replace('{y}', y);
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        headers: { accept: 'image/png,image/*' },
        redirect: 'error',
      });
      if (response.status === 404) return { status: 'not-found' };
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !type.startsWith('image/'))
        return warnUnavailable(`answered ${response.status} (${type || 'no type'})`);
      const png = new Uint8Array(await response.arrayBuffer());
      if (png.byteLength > MAX_TILE_BYTES) return { status: 'unavailable' };
      await remember(path, png).catch((error: unknown) => log.error('Map tile cache write failed', error));
      return { status: 'ok', png };
    } catch (error) {
      return warnUnavailable(error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
    }
  }

  return {
    async tile(z, x, y) {
      if (![z, x, y].every((part) => TILE_NUMBER.test(part))) return { status: 'not-found' };
      const [zoom, column, row] = [Number(z), Number(x), Number(y)];
      if (zoom < options.minZoom || zoom > options.maxZoom) return { status: 'not-found' };
      if (column >= 2 ** zoom || row >= 2 ** zoom) return { status: 'not-found' };
      if (!overlaps(tileArea(zoom, column, row), options.bounds)) return { status: 'not-found' };

      const path = join(options.cacheDir, z, x, `${y}.png`);
      const files = await cache();
      if (files.has(path)) {
        const png = await readFile(path).catch(() => undefined);
        if (png) {
          // Most recently used goes to the end, so eviction takes the least recently used.
          const size = files.get(path) ?? png.byteLength;
          files.delete(path);
          files.set(path, size);
          return { status: 'ok', png: new Uint8Array(png) };
        }
      }
      let pending = inFlight.get(path);
      if (!pending) {
        pending = fetchUpstream(z, x, y, path).finally(() => inFlight.delete(path));
        inFlight.set(path, pending);
      }
      return pending;
    },
  };
}
