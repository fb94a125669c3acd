import { expect, it } from 'vitest';
import { columns, horizontalBars, niceMax } from '#site/lib/charts/chart-layout.ts';

it('rounds the axis up to a readable number', () => {
  expect([0, 3, 7, 12, 26, 180, 1001].map(niceMax)).toEqual([5, 5, 10, 20, 50, 200, 2000]);
});

it('draws bars in proportion, and a hidden count as large as 5, hatched', () => {
  const layout = horizontalBars([
    { label: 'Geld', value: 20, text: '20' },
    { label: 'Wonen', value: null, text: '< 5' },
    { label: 'Werk', value: 0, text: '0' },
  ]);
  const [geld, wonen, werk] = layout.bars;
  expect(layout.max).toBe(20);
  expect(wonen?.width).toBeCloseTo((geld?.width ?? 0) / 4);
  expect(wonen?.hidden).toBe(true);
  expect(werk?.width).toBe(0);
  expect(layout.bars.map((bar) => bar.text)).toEqual(['20', '< 5', '0']);
});

it('labels only every few columns when there are many periods', () => {
  const data = Array.from({ length: 52 }, (_, index) => ({
    label: `w${index + 1}`,
    value: index,
    text: String(index),
  }));
  const layout = columns(data);
  expect(layout.bars.filter((bar) => bar.showLabel)).toHaveLength(11);
  expect(layout.bars.every((bar) => !bar.showText)).toBe(true);
  expect(Math.max(...layout.bars.map((bar) => bar.x + bar.width))).toBeLessThanOrEqual(layout.width);
});
