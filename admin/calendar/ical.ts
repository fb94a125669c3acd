import type { Listing } from '../schemas/listing.ts';
import type { Weekday } from '../schemas/fields.ts';
import { weekdayOf } from './activity-dates.ts';

/**
 * Activities as iCalendar (RFC 5545): one file per activity ("in je agenda zetten") and feeds per
 * wijk and organisation. Times are local Dutch times with TZID=Europe/Amsterdam and the zone's
 * rules in a VTIMEZONE, so agenda apps keep 14:00 at 14:00 across daylight saving; weekly times
 * are one event with an RRULE (UNTIL in UTC, as the RFC requires) and EXDATEs for skipped days.
 */

export const TIME_ZONE = 'Europe/Amsterdam';

export interface CalendarContext {
  /** The site's name, e.g. `Wijkwijzer Ridderkerk`, for PRODID and the calendar's name. */
  siteName: string;
  /** Origin for links and the host part of UIDs. */
  baseUrl: string;
  now?: Date;
}

// The zone's rules since 1996: summer time from the last Sunday of March 02:00, winter time from
// the last Sunday of October 03:00.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const ICAL_DAYS: Record<Weekday, string> = {
  ma: 'MO',
  di: 'TU',
  wo: 'WE',
  do: 'TH',
  vr: 'FR',
  za: 'SA',
  zo: 'SU',
};

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const localStamp = (date: string, time: string): string =>
  `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

const utcStamp = (moment: Date): string =>
  moment
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The UTC moment of a local Dutch date and time. */
export function amsterdamToUtc(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const offsetAt = (moment: Date): number => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(moment);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
    const local = Date.parse(
      `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`,
    );
    return local - moment.getTime();
  };
  const first = new Date(guess.getTime() - offsetAt(guess));
  return new Date(guess.getTime() - offsetAt(first));
}

function where(listing: Listing): string | undefined {
  const location = listing.locations[0];
  if (!location) return undefined;
  return `${location.name}, ${location.address.street}, ${location.address.postcode} ${location.address.city}`;
}

/** The VEVENTs of one activity: one per weekly rule (recurring) and one per single date. */
function eventsOf(listing: Listing, context: CalendarContext, stamp: string): string[][] {
  const host = new URL(context.baseUrl).hostname;
  const url = `${context.baseUrl}/aanbod/${listing.slug}`;
  const location = where(listing);
  const common = (uid: string, summarySuffix = ''): string[] => [
    `UID:${uid}@${host}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${listing.version}`,
    `SUMMARY:${escapeText(listing.title + summarySuffix)}`,
    `DESCRIPTION:${escapeText(`${listing.summary}\n\nMeer informatie: ${url}`)}`,
    `URL:${url}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `LAST-MODIFIED:${utcStamp(new Date(listing.updatedAt))}`,
  ];
  const { schedule } = listing;
  const events: string[][] = [];
  schedule.weekly.forEach((rule, index) => {
    // The series starts on the first of its days on or after its start (or its publication).
    let first = schedule.startsOn ?? listing.createdAt.slice(0, 10);
    for (let step = 0; step < 7 && !rule.days.includes(weekdayOf(first)); step++) {
      first = new Date(Date.parse(`${first}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
    }
    const byDay = rule.days.map((day) => ICAL_DAYS[day]).join(',');
    const until = schedule.endsOn ? `;UNTIL=${utcStamp(amsterdamToUtc(schedule.endsOn, '23:59'))}` : '';
    const skipped = schedule.exceptions.filter(
      (date) => date >= first && rule.days.includes(weekdayOf(date)),
    );
    events.push([
      'BEGIN:VEVENT',
      ...common(`listing-${listing.id}-weekly-${index}`, rule.note ? ` (${rule.note})` : ''),
      `DTSTART;TZID=${TIME_ZONE}:${localStamp(first, rule.opens)}`,
      `DTEND;TZID=${TIME_ZONE}:${localStamp(first, rule.closes)}`,
      `RRULE:FREQ=WEEKLY;BYDAY=${byDay}${until}`,
      ...(skipped.length > 0
        ? [`EXDATE;TZID=${TIME_ZONE}:${skipped.map((date) => localStamp(date, rule.opens)).join(',')}`]
        : []),
      'END:VEVENT',
    ]);
  });
  for (const occurrence of schedule.occurrences) {
    events.push([
      'BEGIN:VEVENT',
      ...common(`listing-${listing.id}-${occurrence.date}-${occurrence.starts.replace(':', '')}`),
      `DTSTART;TZID=${TIME_ZONE}:${localStamp(occurrence.date, occurrence.starts)}`,
      `DTEND;TZID=${TIME_ZONE}:${localStamp(occurrence.date, occurrence.ends)}`,
      'END:VEVENT',
    ]);
  }
  return events;
}

/** A calendar of activities; `name` is what an agenda app calls the subscribed feed. */
export function activitiesCalendar(
  listings: readonly Listing[],
  name: string,
  context: CalendarContext,
): string {
  const stamp = utcStamp(context.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${escapeText(context.siteName)}//Wijkwijzer//NL`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...listings
      .filter((listing) => listing.kind === 'activity')
      .flatMap((listing) => eventsOf(listing, context, stamp).flat()),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
