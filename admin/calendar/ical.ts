import { addDays, instantAt, minutesOf, TIME_ZONE, weekdayOf } from '../hours/amsterdam-time.ts';
import type { Listing } from '../schemas/listing.ts';
import type { Weekday } from '../schemas/fields.ts';
import { dutchToday, weeklyOn } from './activity-dates.ts';

/**
 * Activities as iCalendar (RFC 5545): one file per activity ("in je agenda zetten") and feeds per
 * wijk and organisation. Times are local Dutch times with TZID=Europe/Amsterdam and the zone's
 * rules in a VTIMEZONE, so agenda apps keep 14:00 at 14:00 across daylight saving; weekly times
 * are one event with an RRULE (UNTIL in UTC, as the RFC requires) and an EXDATE for every day it
 * does not happen: Dutch public holidays and the activity's own closing days, as on its page.
 */

/**
 * How far past today a series gets its skipped days written out. Agenda apps fetch a feed again
 * every few hours or days, so the window moves along with the calendar.
 */
const EXDATE_YEARS = 2;

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

function where(listing: Listing): string | undefined {
  const location = listing.locations[0];
  if (!location) return undefined;
  return `${location.name}, ${location.address.street}, ${location.address.postcode} ${location.address.city}`;
}

/** The VEVENTs of one activity: one per weekly rule (recurring) and one per single date. */
function eventsOf(listing: Listing, context: CalendarContext, stamp: string, today: string): string[][] {
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
    // The series starts on the first of its days on or after its start (or the Dutch day it was
    // published). DTSTART always counts as an occurrence (RFC 5545 3.8.5.3), so it must be one of
    // the rule's days, and a rule whose period holds none of its days is no event at all.
    let first = schedule.startsOn ?? dutchToday(new Date(listing.createdAt));
    for (let step = 0; step < 7 && !rule.days.includes(weekdayOf(first)); step++) first = addDays(first, 1);
    if (schedule.endsOn && first > schedule.endsOn) return;
    const byDay = rule.days.map((day) => ICAL_DAYS[day]).join(',');
    const until = schedule.endsOn ? `;UNTIL=${utcStamp(instantAt(schedule.endsOn, minutesOf('23:59')))}` : '';
    // Every day of the series on which this rule does not happen (holidays and closing days), up
    // to the end of the series or EXDATE_YEARS from today, whichever comes first.
    const horizon = addDays(today, EXDATE_YEARS * 366);
    const last = schedule.endsOn && schedule.endsOn < horizon ? schedule.endsOn : horizon;
    const skipped: string[] = [];
    for (let date = first; date <= last; date = addDays(date, 1)) {
      if (!rule.days.includes(weekdayOf(date))) continue;
      const happens = weeklyOn(schedule, date).some(
        (slot) => slot.starts === rule.opens && slot.ends === rule.closes,
      );
      if (!happens) skipped.push(date);
    }
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
  const now = context.now ?? new Date();
  const stamp = utcStamp(now);
  const today = dutchToday(now);
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
      .flatMap((listing) => eventsOf(listing, context, stamp, today).flat()),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
