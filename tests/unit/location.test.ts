import { describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { AddressQuerySchema } from '#admin/location/address-query.ts';
import { neighbourhoodAt, type PlacedNeighbourhood } from '#admin/location/neighbourhood-at.ts';
import { boundaryContains } from '#admin/location/point-in-boundary.ts';
import type { BoundaryGeometry } from '#admin/schemas/boundary.ts';

const square = (west: number, south: number, size: number): [number, number][] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

describe('boundaryContains', () => {
  const withHole: BoundaryGeometry = {
    type: 'Polygon',
    coordinates: [square(4, 51, 1), square(4.4, 51.4, 0.2)],
  };

  it('finds points inside the outer ring and outside its holes', () => {
    expect(boundaryContains(withHole, { lng: 4.1, lat: 51.1 })).toBe(true);
    expect(boundaryContains(withHole, { lng: 4.5, lat: 51.5 })).toBe(false);
    expect(boundaryContains(withHole, { lng: 5.1, lat: 51.1 })).toBe(false);
  });

  it('treats a MultiPolygon as any of its parts', () => {
    const islands: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(4, 51, 0.1)], [square(4.5, 51.5, 0.1)]],
    };
    expect(boundaryContains(islands, { lng: 4.55, lat: 51.55 })).toBe(true);
    expect(boundaryContains(islands, { lng: 4.3, lat: 51.3 })).toBe(false);
  });
});

describe('neighbourhoodAt with the demo wijken', () => {
  const content = loadContent(contentRoot);
  const boundaries = new Map(content.boundaries.map((entry) => [entry.id, entry.data]));
  const wijken: PlacedNeighbourhood[] = content.neighbourhoods.map((wijk) => {
    const boundary = boundaries.get(wijk.id);
    return { id: wijk.id, center: wijk.data.center, ...(boundary ? { boundary } : {}) };
  });

  it('has a boundary for every wijk that contains its own centre', () => {
    expect(boundaries.size).toBe(content.neighbourhoods.length);
    for (const wijk of wijken)
      expect(neighbourhoodAt(wijk.center, wijken), wijk.id).toEqual(
        expect.objectContaining({ id: wijk.id, how: 'boundary' }),
      );
  });

  it('puts every ankerplaats in the wijk it serves', () => {
    for (const place of content.anchorPlaces) {
      if (place.data.status === 'geen-locatie') continue;
      expect(neighbourhoodAt(place.data.location, wijken)?.id, place.id).toBe(place.data.neighbourhood);
    }
  });

  it('falls back to the nearest centre without boundaries, and gives up far away', () => {
    const centresOnly = wijken.map(({ id, center }) => ({ id, center }));
    expect(neighbourhoodAt({ lat: 51.8936, lng: 4.5792 }, centresOnly)).toEqual(
      expect.objectContaining({ id: 'bolnes', how: 'nearest' }),
    );
    expect(neighbourhoodAt({ lat: 52.37, lng: 4.89 }, wijken)).toBeUndefined();
  });
});

describe('AddressQuerySchema', () => {
  it('accepts postcodes and house numbers as residents type them', () => {
    expect(AddressQuerySchema.parse({ postcode: ' 2981ab ', houseNumber: '12' })).toEqual({
      postcode: '2981 AB',
      houseNumber: 12,
    });
    expect(AddressQuerySchema.parse({ postcode: '2981 AB', houseNumber: '12a' })).toEqual({
      postcode: '2981 AB',
      houseNumber: 12,
    });
    expect(AddressQuerySchema.parse({ postcode: '2981  ab', houseNumber: '7 - 2' })).toEqual({
      postcode: '2981 AB',
      houseNumber: 7,
    });
  });

  it.each([
    [{ postcode: '', houseNumber: '1' }, 'Vul je postcode in.'],
    [{ postcode: '0981AB', houseNumber: '1' }, 'Vul een postcode in zoals 2981 AB.'],
    [{ postcode: '2981A', houseNumber: '1' }, 'Vul een postcode in zoals 2981 AB.'],
    [{ postcode: '2981AB', houseNumber: '' }, 'Vul je huisnummer in.'],
    [{ postcode: '2981AB', houseNumber: 'twaalf' }, 'Vul een huisnummer in zoals 12 of 12a.'],
    [{ postcode: '2981AB', houseNumber: '0' }, 'Vul een huisnummer in zoals 12 of 12a.'],
  ])('refuses %j with a Dutch message', (input, message) => {
    const result = AddressQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
