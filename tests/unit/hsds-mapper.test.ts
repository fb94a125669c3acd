import { expect, it } from 'vitest';
import { hsdsSchedules, joinDescription } from '#admin/open-data/hsds-mapper.ts';
import { ListingSchema } from '#admin/schemas/listing.ts';

const listing = ListingSchema.parse({
  id: 1,
  openDataId: '3f1c2b0e-6d3a-4c7e-9b1a-2f4e5d6c7b8a',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  slug: 'koffie',
  organisation: 'karaat',
  lastVerifiedAt: '2026-01-01',
  kind: 'activity',
  title: 'Koffieochtend',
  summary: 'Elke week koffie drinken met buren in het wijkcentrum.',
  lifeDomains: ['meedoen'],
  cost: 'free',
  access: 'open',
  contact: { phone: '0180-123456' },
  citywide: true,
  schedule: {
    weekly: [{ days: ['ma', 'do'], opens: '09:00', closes: '11:30', note: 'niet in de zomer' }],
    occurrences: [{ date: '2026-12-17', starts: '17:30', ends: '19:30' }],
    closures: [{ from: '2026-12-24', until: '2027-01-02', note: 'kerstvakantie' }],
    note: 'Kom gerust later binnen.',
  },
});

it('writes weekly hours as RRULE parts and dates as single occurrences, with Dutch descriptions', () => {
  const [weekly, dated, closed, note] = hsdsSchedules(listing.openDataId, listing);
  expect(weekly).toMatchObject({
    freq: 'WEEKLY',
    byday: 'MO,TH',
    opens_at: '09:00',
    closes_at: '11:30',
    description: 'maandag en donderdag, 09:00–11:30',
    notes: 'niet in de zomer',
  });
  expect(dated).toMatchObject({
    dtstart: '2026-12-17',
    valid_from: '2026-12-17',
    valid_to: '2026-12-17',
    count: 1,
    description: '17 december 2026, 17:30–19:30',
  });
  expect(closed).toMatchObject({
    valid_from: '2026-12-24',
    valid_to: '2027-01-02',
    description: 'Gesloten: 24 december 2026 tot en met 2 januari 2027 (kerstvakantie)',
  });
  expect(closed?.opens_at).toBeUndefined();
  expect(note).toMatchObject({ description: 'Kom gerust later binnen.' });
  expect(note?.freq).toBeUndefined();
  // The same listing always gives the same schedule ids.
  expect(hsdsSchedules(listing.openDataId, listing).map((s) => s.id)).toEqual([
    weekly?.id,
    dated?.id,
    closed?.id,
    note?.id,
  ]);
});

it('keeps summary and description apart by a blank line', () => {
  expect(joinDescription('Kort.', '')).toBe('Kort.');
  expect(joinDescription('Kort.', 'Lang **verhaal**.')).toBe('Kort.\n\nLang **verhaal**.');
});
