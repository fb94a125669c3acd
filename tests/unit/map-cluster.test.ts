import { describe, expect, it } from 'vitest';
import { clusterPoints, clusterWithSeeds } from '#site/scripts/map/cluster.ts';

describe('clusterPoints', () => {
  it('groups points within the radius and leaves distant ones alone', () => {
    const points = [
      { x: 0, y: 0, index: 0 },
      { x: 10, y: 5, index: 1 },
      { x: 200, y: 200, index: 2 },
      { x: 39, y: 0, index: 3 },
      { x: 41, y: 41, index: 4 },
    ];
    expect(clusterPoints(points, 40)).toEqual([[0, 1, 3], [2], [4]]);
  });

  it('groups across grid cell edges', () => {
    expect(
      clusterPoints(
        [
          { x: 39, y: 39, index: 0 },
          { x: 41, y: 41, index: 1 },
        ],
        40,
      ),
    ).toEqual([[0, 1]]);
  });

  it('keeps every point exactly once', () => {
    const points = Array.from({ length: 500 }, (_, index) => ({
      x: (index * 37) % 400,
      y: (index * 91) % 300,
      index,
    }));
    const groups = clusterPoints(points, 30);
    expect(groups.flat().sort((a, b) => a - b)).toEqual(points.map((point) => point.index));
  });

  it('puts seeds further apart than the radius, so markers drawn at them never overlap', () => {
    const points = Array.from({ length: 800 }, (_, index) => ({
      x: (index * 7919) % 613,
      y: (index * 104729) % 487,
      index,
    }));
    const clusters = clusterWithSeeds(points, 40);
    const seeds = clusters.map((cluster) => points[cluster.seed]!);
    for (const [i, a] of seeds.entries())
      for (const b of seeds.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(40);
    for (const cluster of clusters) {
      const seed = points[cluster.seed]!;
      expect(cluster.members).toContain(cluster.seed);
      for (const member of cluster.members)
        expect(Math.hypot(points[member]!.x - seed.x, points[member]!.y - seed.y)).toBeLessThanOrEqual(40);
    }
  });
});
