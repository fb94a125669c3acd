import { distanceKm } from './distance.ts';
import type { Boundary } from '../schemas/boundary.ts';
import type { Coordinates } from '../schemas/fields.ts';
import { boundaryContains } from './point-in-boundary.ts';

export interface PlacedNeighbourhood {
  id: string;
  center: Coordinates;
  boundary?: Boundary;
}

export type NeighbourhoodMatch = { id: string; how: 'boundary' | 'nearest'; distanceKm: number };

/** Beyond this distance from every wijk centre a point is not in this municipality. */
export const MAX_NEAREST_KM = 3;

/**
 * The wijk a point lies in: the one whose boundary contains it, otherwise the wijk with the
 * nearest centre (boundaries are optional and simplified, so a point on the edge still gets an
 * answer). Undefined when the point is far from every wijk.
 */
export function neighbourhoodAt(
  point: Coordinates,
  neighbourhoods: readonly PlacedNeighbourhood[],
  maxNearestKm = MAX_NEAREST_KM,
): NeighbourhoodMatch | undefined {
  const measured = neighbourhoods.map((wijk) => ({ wijk, distance: distanceKm(point, wijk.center) }));
  const containing = measured.find(
    ({ wijk }) => wijk.boundary && boundaryContains(wijk.boundary.geometry, point),
  );
  if (containing) return { id: containing.wijk.id, how: 'boundary', distanceKm: containing.distance };
  const nearest = measured.reduce<(typeof measured)[number] | undefined>(
    (best, next) => (!best || next.distance < best.distance ? next : best),
    undefined,
  );
  if (!nearest || nearest.distance > maxNearestKm) return undefined;
  return { id: nearest.wijk.id, how: 'nearest', distanceKm: nearest.distance };
}
