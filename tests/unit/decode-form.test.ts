import { describe, expect, it } from 'vitest';
import { ListingDraftSchema } from '#admin/listings/listing-draft.ts';
import { decodeForm, errorsByName, fieldName } from '#site/lib/forms/decode-form.ts';
import { formFields } from '#site/lib/forms/form-fields.ts';

const form = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const valid: [string, string][] = [
  ['kind', 'activity'],
  ['title', 'Breicafé aan de Dijk'],
  ['summary', 'Samen breien en koffie drinken, elke week in het wijkcentrum.'],
  ['lifeDomains', 'meedoen'],
  ['neighbourhoods', 'bolnes'],
  ['cost', 'free'],
  ['access', 'open'],
  ['contact.phone', '0180-123456'],
  ['contact.email', ''],
];

describe('decoding a form against the zod schema of what it edits', () => {
  it('nests fields by their schema path, turns one choice into a list and drops spare rows', () => {
    const decoded = decodeForm(
      form([
        ...valid,
        ['citywide', 'on'],
        ['schedule.weekly[0].days', 'di'],
        ['schedule.weekly[0].opens', '09:30'],
        ['schedule.weekly[0].closes', '11:30'],
        ['schedule.weekly[1].opens', ''],
        ['schedule.weekly[1].closes', ''],
        ['locations[0].name', 'Wijkcentrum De Fuik'],
        ['locations[0].address.street', 'Dijkweg 12a'],
        ['locations[0].address.postcode', '2981 AB'],
        ['locations[0].address.city', 'Ridderkerk'],
        ['locations[0].coordinates.lat', '51,872'],
        ['locations[0].coordinates.lng', '4,603'],
        ['locations[1].name', ''],
        ['locations[1].address.street', ''],
      ]),
      ListingDraftSchema,
    );
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(decoded.value).toMatchObject({
      citywide: true,
      lifeDomains: ['meedoen'],
      contact: { phone: '0180-123456' },
      schedule: { weekly: [{ days: ['di'], opens: '09:30', closes: '11:30' }] },
      locations: [{ name: 'Wijkcentrum De Fuik', coordinates: { lat: 51.872, lng: 4.603 } }],
    });
    expect(decoded.value.contact.email).toBeUndefined();
    expect(decoded.value.locations).toHaveLength(1);
  });

  it('names every message after the field that shows it and keeps what was typed', () => {
    const decoded = decodeForm(
      form([
        ...valid.filter(([name]) => name !== 'title'),
        ['title', 'x'],
        ['schedule.weekly[0].opens', '12:00'],
        ['schedule.weekly[0].closes', '09:00'],
      ]),
      ListingDraftSchema,
    );
    if (decoded.ok) throw new Error('expected errors');
    expect(decoded.errors).toMatchObject({
      title: 'Vul een titel in van minstens 3 tekens.',
      'schedule.weekly[0].days': 'Kies minstens één dag.',
    });
    const fields = formFields(decoded.values, decoded.errors);
    expect(fields.text('title')).toBe('x');
    expect(fields.text('schedule', 'weekly', 0, 'opens')).toBe('12:00');
    expect(fields.list('lifeDomains')).toEqual(['meedoen']);
    expect(fields.error('schedule', 'weekly', 0, 'days')).toBe('Kies minstens één dag.');
    expect(fields.rows('schedule', 'weekly')).toBe(1);
  });

  it('says in Dutch what is missing, also where the schema names no message', () => {
    const decoded = decodeForm(
      form([
        ...valid.filter(([name]) => name !== 'title'),
        ['title', ''],
        ['schedule.weekly[0].days', 'ma'],
        ['schedule.weekly[0].closes', '12:00'],
      ]),
      ListingDraftSchema,
    );
    if (decoded.ok) throw new Error('expected errors');
    expect(decoded.errors).toEqual({
      title: 'Vul een titel in van minstens 3 tekens.',
      'schedule.weekly[0].opens': 'Vul dit veld in.',
    });
  });

  it('turns issue paths from a use case into the same field names', () => {
    expect(fieldName(['locations', 0, 'address', 'street'])).toBe('locations[0].address.street');
    expect(
      errorsByName([
        { path: ['contact'], message: 'eerste' },
        { path: ['contact'], message: 'tweede' },
        { path: ['title'], message: 'titel' },
      ]),
    ).toEqual({ contact: 'eerste', title: 'titel' });
  });
});
