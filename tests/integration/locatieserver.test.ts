import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { AddressQuerySchema } from '#admin/location/address-query.ts';
import { createNeighbourhoodFinder } from '#admin/location/find-neighbourhood.ts';
import { createLocatieserver } from '#admin/location/locatieserver.ts';
import { readTile } from '#admin/location/tile-store.ts';
import {
  BROKEN_POSTCODE,
  SLOW_POSTCODE,
  startRecordedLocatieserver,
} from '../support/recorded-locatieserver.ts';

const address = (postcode: string, houseNumber: string) =>
  AddressQuerySchema.parse({ postcode, houseNumber });

let server: Server;
let baseUrl: string;
let requests: () => number;

beforeAll(async () => {
  ({ server, url: baseUrl, requests } = await startRecordedLocatieserver(0));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Locatieserver client against recorded answers over HTTP', () => {
  it('finds an address with its municipality and point', async () => {
    const locatieserver = createLocatieserver({ baseUrl });
    expect(await locatieserver.lookup(address('2981 ea', '1'))).toEqual({
      status: 'found',
      address: {
        displayName: 'Koningsplein 1, 2981EA Ridderkerk',
        municipality: 'Ridderkerk',
        point: { lng: 4.60312, lat: 51.87236 },
      },
    });
  });

  it('says when an address does not exist', async () => {
    expect(await createLocatieserver({ baseUrl }).lookup(address('2981ZZ', '999'))).toEqual({
      status: 'not-found',
    });
  });

  it('gives up within its timeout, on a server error and on a closed port', async () => {
    // The slow answer would be "not found" after 5 s; "unavailable" proves the timeout cut it off.
    expect(
      await createLocatieserver({ baseUrl, timeoutMs: 300 }).lookup(address(SLOW_POSTCODE, '1')),
    ).toEqual({ status: 'unavailable' });
    expect(await createLocatieserver({ baseUrl }).lookup(address(BROKEN_POSTCODE, '1'))).toEqual({
      status: 'unavailable',
    });
    expect(
      await createLocatieserver({ baseUrl: 'http://127.0.0.1:9' }).lookup(address('2981EA', '1')),
    ).toEqual({ status: 'unavailable' });
  });

  it('caches answers (not failures) until they expire', async () => {
    let now = 0;
    const locatieserver = createLocatieserver({ baseUrl, cacheTtlMs: 1000, now: () => now });
    const before = requests();
    await locatieserver.lookup(address('2987AB', '10'));
    await locatieserver.lookup(address('2987 ab', '10b'));
    expect(requests() - before).toBe(1);
    now = 1001;
    await locatieserver.lookup(address('2987AB', '10'));
    expect(requests() - before).toBe(2);
  });
});

describe('wat is mijn wijk', () => {
  const content = loadContent(contentRoot);
  const boundaries = new Map(content.boundaries.map((entry) => [entry.id, entry.data]));
  const finder = () =>
    createNeighbourhoodFinder({
      municipality: 'Ridderkerk',
      neighbourhoods: content.neighbourhoods.map((wijk) => ({
        id: wijk.id,
        center: wijk.data.center,
        boundary: boundaries.get(wijk.id),
      })),
      lookupAddress: (query) => createLocatieserver({ baseUrl }).lookup(query),
    });

  it.each([
    ['2981EA', '1', { status: 'found', neighbourhoodId: 'centrum' }],
    ['2983AT', '12', { status: 'found', neighbourhoodId: 'bolnes' }],
    ['2987AB', '10', { status: 'found', neighbourhoodId: 'drievliet-het-zand' }],
    ['3011AA', '1', { status: 'outside-municipality', municipality: 'Rotterdam' }],
    ['2981ZZ', '999', { status: 'address-not-found' }],
  ])('%s %s → %j', async (postcode, number, expected) => {
    expect(await finder().byAddress(address(postcode, number))).toEqual(expected);
  });

  it('maps a shared location to the wijk that contains it', () => {
    expect(finder().byLocation({ lat: 51.8848, lng: 4.5941 })).toEqual({
      status: 'found',
      neighbourhoodId: 'slikkerveer',
    });
    expect(finder().byLocation({ lat: 52.09, lng: 5.12 })).toEqual({ status: 'outside-municipality' });
  });
});

describe('tile folder', () => {
  const directory = mkdtempSync(join(tmpdir(), 'wijkwijzer-tiles-'));
  mkdirSync(join(directory, '14', '8400'), { recursive: true });
  writeFileSync(join(directory, '14', '8400', '5400.png'), 'png');
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('serves a tile that exists and nothing outside the folder', async () => {
    expect(await readTile(directory, '14', '8400', '5400')).toEqual(new Uint8Array(Buffer.from('png')));
    expect(await readTile(directory, '14', '8400', '5401')).toBeUndefined();
    expect(await readTile(directory, '..', '..', 'etc')).toBeUndefined();
    expect(await readTile(directory, '14', '8400', '5400.png')).toBeUndefined();
  });
});
