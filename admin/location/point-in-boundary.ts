import type { Coordinates } from '../schemas/fields.ts';
import type { BoundaryGeometry } from '../schemas/boundary.ts';

type Ring = readonly (readonly [number, number])[];

/** Ray casting: does a horizontal ray from the point cross the ring an odd number of times? */
function ringContains(ring: Ring, { lat, lng }: Coordinates): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole; for a MultiPolygon, inside any part. */
export function boundaryContains(geometry: BoundaryGeometry, point: Coordinates): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && ringContains(outer, point) && !holes.some((hole) => ringContains(hole, point)),
  );
}
