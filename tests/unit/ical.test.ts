import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  daysOf,
  isOver,
  lastDateOf,
  nextOccurrence,
  occurrencesBetween,
} from '#admin/calendar/activity-dates.ts';
import { activitiesCalendar, escapeText, foldLine } from '#admin/calendar/ical.ts';
import { ListingSchema, type Listing } from '#admin/schemas/listing.ts';

const activity = (schedule: Partial<Listing['schedule']>, changes: Partial<Listing> = {}): Listing =>
  ListingSchema.parse({
    id: 7,
    openDataId: '4f8a0c1e-2b3d-4e5f-8a6b-7c8d9e0f1a2b',
    version: 3,
    slug: 'koffie-de-fuik',
    kind: 'activity',
    title: 'Koffie, thee; en een praatje',
    summary: 'Elke dinsdag koffie drinken met de buren in De Fuik.',
    description: '',
    organisation: 'sport-en-welzijn',
    citywide: false,
    neighbourhoods: ['oost'],
    locations: [
      {
        name: 'Wijkcentrum De Fuik',
        address: { street: 'Fuikstraat 10', postcode: '2987 AB', city: 'Ridderkerk' },
        coordinates: { lat: 51.86, lng: 4.606 },
      },
    ],
    lifeDomains: ['meedoen'],
    cost: 'free',
    access: 'open',
    contact: { phone: '0180-413000' },
    schedule: { weekly: [], occurrences: [], closures: [], ...schedule },
    lastVerifiedAt: '2026-01-01',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...changes,
  });

const context = {
  siteName: 'Wijkwijzer Ridderkerk',
  baseUrl: 'https://wijkwijzer.example',
  now: new Date('2026-03-01T12:00:00Z'),
};

/** Every start of the calendar's events between two moments, in UTC, as an agenda app expands them. */
function startsIn(text: string, from: string, to: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const starts: string[] = [];
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const moment = next.toJSDate().toISOString();
      if (moment > to) break;
      if (moment >= from) starts.push(moment);
    }
  }
  return starts.sort();
}

describe('iCalendar of activities (RFC 5545, Europe/Amsterdam)', () => {
  const weekly = activity({
    weekly: [{ days: ['di'], opens: '14:00', closes: '16:00' }],
    startsOn: '2026-03-17',
    endsOn: '2026-04-14',
    closures: [{ from: '2026-03-31', until: '2026-03-31' }],
  });
  const text = activitiesCalendar([weekly], 'Activiteiten in Oost', context);

  it('is valid for a parser: CRLF lines of at most 75 octets, one VTIMEZONE, escaped text', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Koffie, thee; en een praatje');
    expect(event.location).toBe('Wijkcentrum De Fuik, Fuikstraat 10, 2987 AB Ridderkerk');
    expect(event.uid).toBe('listing-7-weekly-0@wijkwijzer.example');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Activiteiten in Oost');
  });

  it('keeps 14:00 at 14:00 across the change to summer time, skips the exception and stops at the end date', () => {
    // 2026-03-29 is the last Sunday of March: 13:00 UTC before, 12:00 UTC after.
    expect(startsIn(text, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([
      '2026-03-17T13:00:00.000Z',
      '2026-03-24T13:00:00.000Z',
      '2026-04-07T12:00:00.000Z',
      '2026-04-14T12:00:00.000Z',
    ]);
  });

  it('single dates are events of their own, in local time with the zone', () => {
    const once = activitiesCalendar(
      [activity({ occurrences: [{ date: '2026-10-25', starts: '10:00', ends: '12:00' }] })],
      'x',
      context,
    );
    // The day summer time ends: 10:00 local is 09:00 UTC.
    expect(startsIn(once, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-10-25T09:00:00.000Z',
    ]);
    expect(once).toContain('DTSTART;TZID=Europe/Amsterdam:20261025T100000');
  });

  it('a weekly series without an end repeats on', () => {
    const endless = activitiesCalendar(
      [activity({ weekly: [{ days: ['ma', 'do'], opens: '09:30', closes: '11:00' }] })],
      'x',
      context,
    );
    expect(startsIn(endless, '2027-06-01T00:00:00Z', '2027-06-08T00:00:00Z')).toEqual([
      '2027-06-03T07:30:00.000Z',
      '2027-06-07T07:30:00.000Z',
    ]);
  });

  it("skips Dutch public holidays with EXDATEs, as the activity's page does", () => {
    // Mondays in spring 2026: Tweede Paasdag (6 April) and Koningsdag (27 April) do not happen.
    const mondays = activitiesCalendar(
      [
        activity({
          weekly: [{ days: ['ma'], opens: '10:00', closes: '11:30' }],
          startsOn: '2026-03-30',
          endsOn: '2026-05-04',
        }),
      ],
      'x',
      context,
    );
    expect(mondays).toContain('EXDATE;TZID=Europe/Amsterdam:20260406T100000,20260427T100000');
    expect(startsIn(mondays, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([
      '2026-03-30T08:00:00.000Z',
      '2026-04-13T08:00:00.000Z',
      '2026-04-20T08:00:00.000Z',
      '2026-05-04T08:00:00.000Z',
    ]);
  });

  it('a series that began years ago still skips the holidays ahead of today', () => {
    const old = activitiesCalendar(
      [
        activity(
          { weekly: [{ days: ['ma'], opens: '10:00', closes: '11:30' }] },
          { createdAt: '2019-01-07T09:00:00.000Z' },
        ),
      ],
      'x',
      context,
    );
    // Tweede Paasdag 2027 is 29 March; the Mondays around it happen.
    expect(startsIn(old, '2027-03-20T00:00:00Z', '2027-04-07T00:00:00Z')).toEqual([
      '2027-03-22T09:00:00.000Z',
      '2027-04-05T08:00:00.000Z',
    ]);
  });

  it('keeps 14:00 at 14:00 when summer time ends, too', () => {
    const autumn = activitiesCalendar(
      [
        activity({
          weekly: [{ days: ['di'], opens: '14:00', closes: '16:00' }],
          startsOn: '2026-10-20',
          endsOn: '2026-10-27',
        }),
      ],
      'x',
      context,
    );
    // 25 October 2026 is the last Sunday of October: 12:00 UTC before, 13:00 UTC after.
    expect(startsIn(autumn, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-10-20T12:00:00.000Z',
      '2026-10-27T13:00:00.000Z',
    ]);
  });

  it('starts on the Dutch day it was published, and leaves out a rule whose period holds none of its days', () => {
    // 23:30 UTC on Sunday 1 March is already Monday 2 March in the Netherlands: the first Sunday is the 8th.
    const sundays = activitiesCalendar(
      [
        activity(
          { weekly: [{ days: ['zo'], opens: '12:00', closes: '13:00' }] },
          { createdAt: '2026-03-01T23:30:00.000Z' },
        ),
      ],
      'x',
      context,
    );
    expect(startsIn(sundays, '2026-01-01T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-08T11:00:00.000Z',
    ]);
    // Wednesday to Friday holds no Monday: DTSTART would be an occurrence after the end.
    const none = activitiesCalendar(
      [
        activity({
          weekly: [{ days: ['ma'], opens: '10:00', closes: '11:00' }],
          startsOn: '2026-03-18',
          endsOn: '2026-03-20',
        }),
      ],
      'x',
      context,
    );
    expect(new ICAL.Component(ICAL.parse(none) as unknown[]).getAllSubcomponents('vevent')).toEqual([]);
  });

  it('escapes and folds as the RFC says', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
});

describe('activity dates', () => {
  const schedule = activity({
    weekly: [{ days: ['di'], opens: '14:00', closes: '16:00' }],
    startsOn: '2026-03-17',
    endsOn: '2026-04-14',
    closures: [{ from: '2026-03-31', until: '2026-03-31' }],
    occurrences: [{ date: '2026-05-02', starts: '10:00', ends: '12:00' }],
  }).schedule;

  it('lists occurrences, the next one and the last date', () => {
    expect(occurrencesBetween(schedule, '2026-03-01', '2026-04-30').map((entry) => entry.date)).toEqual([
      '2026-03-17',
      '2026-03-24',
      '2026-04-07',
      '2026-04-14',
    ]);
    expect(nextOccurrence(schedule, '2026-03-25')).toEqual({
      date: '2026-04-07',
      starts: '14:00',
      ends: '16:00',
    });
    expect(lastDateOf(schedule)).toBe('2026-05-02');
    expect(isOver(schedule, '2026-05-02')).toBe(false);
    expect(isOver(schedule, '2026-05-03')).toBe(true);
    expect(lastDateOf({ ...schedule, endsOn: undefined })).toBeUndefined();
  });

  it('"deze week" runs to Sunday, "deze maand" to the month\'s last day', () => {
    expect(daysOf('week', '2026-12-03')).toEqual(['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(daysOf('week', '2026-12-06')).toEqual(['2026-12-06']);
    expect(daysOf('month', '2026-02-27')).toEqual(['2026-02-27', '2026-02-28']);
  });
});
