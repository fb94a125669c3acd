import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTileProxy, tileArea, type TileProxyOptions } from '#admin/location/tile-proxy.ts';
import { startTileUpstream, SLOW_TILE } from '../support/tile-upstream.ts';
import { tileX, tileY, writeTestTiles } from '../support/test-tiles.ts';

const tiles = mkdtempSync(join(tmpdir(), 'wijkwijzer-tegels-'));
writeTestTiles(tiles);
let upstream: Awaited<ReturnType<typeof startTileUpstream>>;
let cacheDir: string;

beforeAll(async () => {
  upstream = await startTileUpstream(tiles, 0);
});
afterAll(async () => {
  await upstream.stop();
  rmSync(tiles, { recursive: true, force: true });
});
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'wijkwijzer-tegelcache-'));
  upstream.requests.length = 0;
});

const RIDDERKERK = { south: 51.84, west: 4.56, north: 51.9, east: 4.65 };
const proxy = (changes: Partial<TileProxyOptions> = {}) =>
  createTileProxy({
    upstream: upstream.template,
    cacheDir,
    maxCacheBytes: 10 * 1024 * 1024,
    minZoom: 11,
    maxZoom: 17,
    bounds: RIDDERKERK,
    timeoutMs: 1000,
    ...changes,
  });
/** The tile at zoom 14 over the middle of Ridderkerk. */
const CENTRE = ['14', String(tileX(4.6035, 14)), String(tileY(51.8705, 14))] as const;

describe('the map tile proxy', () => {
  it('knows which area a tile covers', () => {
    const area = tileArea(14, Number(CENTRE[1]), Number(CENTRE[2]));
    expect(area.west).toBeLessThanOrEqual(4.6035);
    expect(area.east).toBeGreaterThan(4.6035);
    expect(area.south).toBeLessThanOrEqual(51.8705);
    expect(area.north).toBeGreaterThan(51.8705);
  });

  it('fetches a tile of the municipality once, then serves it from its cache', async () => {
    const tiles = proxy();
    const first = await tiles.tile(...CENTRE);
    expect(first.status).toBe('ok');
    expect(first.status === 'ok' && Buffer.from(first.png.slice(1, 4)).toString()).toBe('PNG');
    // A new process finds the tile on disk.
    const again = await proxy().tile(...CENTRE);
    expect(again.status).toBe('ok');
    expect(upstream.requests).toEqual([`/${CENTRE.join('/')}.png`]);
  });

  it('serves nothing outside the area or the zoom range, and never asks the upstream for it', async () => {
    const tiles = proxy();
    for (const [z, x, y] of [
      ['14', '0', '0'],
      ['14', CENTRE[1], '9000'],
      ['10', '524', '337'],
      ['18', '134272', '86272'],
      ['14', CENTRE[1], `${CENTRE[2]}a`],
      ['14', '../../etc', 'passwd'],
      ['99', '1', '1'],
    ] as const) {
      expect((await tiles.tile(z, x, y)).status, `${z}/${x}/${y}`).toBe('not-found');
    }
    expect(upstream.requests).toEqual([]);
  });

  it('asks the upstream once when many ask for the same tile at once', async () => {
    const tiles = proxy();
    const answers = await Promise.all(Array.from({ length: 5 }, () => tiles.tile(...CENTRE)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill('ok'));
    expect(upstream.requests).toHaveLength(1);
  });

  it('keeps its cache under the size limit by dropping the least recently used tiles', async () => {
    const tiles = proxy({ maxCacheBytes: 300 });
    const columns = [tileX(4.57, 14), tileX(4.59, 14), tileX(4.61, 14), tileX(4.63, 14), tileX(4.64, 14)];
    for (const x of columns) expect((await tiles.tile('14', String(x), CENTRE[2])).status).toBe('ok');
    const cached = readdirSync(cacheDir, { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.png'))
      .map((path) => path.split('/')[1]);
    expect(cached.length).toBeLessThan(columns.length);
    expect(cached).toContain(String(columns.at(-1)));
    expect(cached).not.toContain(String(columns[0]));
  });

  it('says the map is unavailable when the upstream is slow or down, and caches nothing', async () => {
    const slow = await proxy({ minZoom: 0, bounds: { south: -89, west: -180, north: 89, east: 180 } }).tile(
      ...(SLOW_TILE.slice(1, -4).split('/') as [string, string, string]),
    );
    expect(slow.status).toBe('unavailable');
    const down = await proxy({ upstream: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }).tile(...CENTRE);
    expect(down.status).toBe('unavailable');
    expect(
      readdirSync(cacheDir, { recursive: true })
        .map(String)
        .filter((path) => path.endsWith('.png')),
    ).toEqual([]);
  });
});
