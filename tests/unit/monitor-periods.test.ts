import { expect, it } from 'vitest';
import { bucketOf, dayStartUtc, isoWeek, localDay, periodsBetween } from '#admin/monitoring/periods.ts';
import { countCell, shareCell } from '#admin/monitoring/small-counts.ts';

it('puts moments in Dutch calendar days, also around midnight and daylight saving', () => {
  expect(localDay('2026-02-28T23:30:00Z')).toBe('2026-03-01');
  expect(localDay('2026-06-30T22:30:00Z')).toBe('2026-07-01');
  expect(dayStartUtc('2026-03-01')).toBe('2026-02-28T23:00:00.000Z');
  expect(dayStartUtc('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
  expect(dayStartUtc('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
});

it('numbers weeks as ISO 8601 does', () => {
  expect(isoWeek('2026-01-01')).toBe('2026-W01');
  expect(isoWeek('2027-01-01')).toBe('2026-W53');
  expect(isoWeek('2025-12-29')).toBe('2026-W01');
  expect(bucketOf('2026-03-15', 'month')).toBe('2026-03');
});

it('lists every period in a range, empty ones too, with Dutch labels', () => {
  expect(periodsBetween('2026-01-15', '2026-03-02', 'month').map((period) => period.key)).toEqual([
    '2026-01',
    '2026-02',
    '2026-03',
  ]);
  expect(periodsBetween('2026-01-15', '2026-03-02', 'month')[0]?.label).toBe('januari 2026');
  const weeks = periodsBetween('2026-01-01', '2026-01-20', 'week');
  expect(weeks.map((week) => week.key)).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04']);
  expect(weeks[1]?.label).toBe('week 2 van 2026 (vanaf 5 januari)');
});

it('hides counts of 1 to 4 and shares of fewer than 5', () => {
  expect([0, 1, 4, 5, 1234].map((count) => countCell(count).text)).toEqual(['0', '< 5', '< 5', '5', '1.234']);
  expect(countCell(3).value).toBeNull();
  expect(shareCell(3, 4).text).toBe('–');
  expect(shareCell(4, 6)).toEqual({ text: '67%', value: 67 });
});
