/** A point in screen pixels at the current zoom, with its index in the caller's list. */
export interface ScreenPoint {
  x: number;
  y: number;
  index: number;
}

/**
 * Groups points that would overlap on screen. Greedy: the first point not yet taken starts a
 * group and takes every free point within `radiusPx` of it. A grid of radius-sized cells keeps
 * the neighbour search local, so thousands of points regroup quickly on every zoom.
 * Returns the indexes per group, groups and members in the order the points came.
 */
export function clusterPoints(points: readonly ScreenPoint[], radiusPx: number): number[][] {
  return clusterWithSeeds(points, radiusPx).map((cluster) => cluster.members);
}

/**
 * The same groups, each with its seed: the point that started it. Seeds lie more than `radiusPx`
 * apart (a seed within reach of an earlier one would have joined it), so markers drawn at the
 * seeds, each smaller than half the radius, never overlap.
 */
export function clusterWithSeeds(
  points: readonly ScreenPoint[],
  radiusPx: number,
): { seed: number; members: number[] }[] {
  const cellOf = (value: number) => Math.floor(value / radiusPx);
  const cells = new Map<string, ScreenPoint[]>();
  for (const point of points) {
    const key = `${cellOf(point.x)}:${cellOf(point.y)}`;
    const cell = cells.get(key);
    if (cell) cell.push(point);
    else cells.set(key, [point]);
  }
  const taken = new Set<number>();
  const groups: { seed: number; members: number[] }[] = [];
  for (const seed of points) {
    if (taken.has(seed.index)) continue;
    const group: ScreenPoint[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const point of cells.get(`${cellOf(seed.x) + dx}:${cellOf(seed.y) + dy}`) ?? []) {
          if (!taken.has(point.index) && Math.hypot(point.x - seed.x, point.y - seed.y) <= radiusPx) {
            taken.add(point.index);
            group.push(point);
          }
        }
      }
    }
    groups.push({
      seed: seed.index,
      members: group.sort((a, b) => a.index - b.index).map((point) => point.index),
    });
  }
  return groups;
}
