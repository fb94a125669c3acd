import type { Weekday } from '../schemas/fields.ts';
import { addDays, instantAt, localMoment, minutesOf, weekdayOf } from './amsterdam-time.ts';
import { dutchPublicHolidays } from './dutch-holidays.ts';

/** When something is open, as the listing or ankerplaats says it. Times are Dutch local time. */
export interface HoursSource {
  weekly: readonly { days: readonly Weekday[]; opens: string; closes: string; label?: string | undefined }[];
  dated?: readonly { date: string; opens: string; closes: string; label?: string | undefined }[];
  /** Own exceptions, both days included: "gesloten van 24 december tot en met 2 januari". */
  closures?: readonly { from: string; until: string; note?: string | undefined }[];
}

/** One opening on one day. */
export interface Slot {
  date: string;
  opens: string;
  closes: string;
  label?: string | undefined;
}

export type ClosedReason =
  { kind: 'holiday'; name: string } | { kind: 'closure'; until: string; note?: string | undefined };

export type OpeningState =
  | { status: 'open'; today: string; slot: Slot; changesAt: Date }
  | {
      status: 'closed';
      today: string;
      next: Slot | undefined;
      reason: ClosedReason | undefined;
      changesAt: Date;
    }
  /** No fixed times at all (on appointment, at home): say nothing about open or closed. */
  | { status: 'unknown' };

/** How far ahead the next opening is looked for. */
const LOOK_AHEAD_DAYS = 400;

function closedReason(source: HoursSource, date: string): ClosedReason | undefined {
  const holiday = dutchPublicHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return { kind: 'holiday', name: holiday };
  const closure = source.closures?.find((range) => range.from <= date && date <= range.until);
  return closure ? { kind: 'closure', until: closure.until, note: closure.note } : undefined;
}

/** The openings on one date, earliest first; none on a public holiday or an own closing day. */
export function slotsOn(source: HoursSource, date: string): Slot[] {
  if (closedReason(source, date)) return [];
  const day = weekdayOf(date);
  return [
    ...source.weekly
      .filter((rule) => rule.days.includes(day))
      .map((rule) => ({ date, opens: rule.opens, closes: rule.closes, label: rule.label })),
    ...(source.dated ?? [])
      .filter((item) => item.date === date)
      .map((item) => ({ date, opens: item.opens, closes: item.closes, label: item.label })),
  ].sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
}

/** Openings from `now` on: the one going on now first, then the coming ones, at most `count`. */
export function upcomingSlots(source: HoursSource, now: Date, count: number): Slot[] {
  const here = localMoment(now);
  const lastDated = (source.dated ?? []).reduce((last, item) => (item.date > last ? item.date : last), '');
  const found: Slot[] = [];
  for (let offset = 0; offset < LOOK_AHEAD_DAYS && found.length < count; offset++) {
    const date = addDays(here.date, offset);
    if (source.weekly.length === 0 && date > lastDated) break;
    for (const slot of slotsOn(source, date)) {
      if (offset === 0 && minutesOf(slot.closes) <= here.minutes) continue;
      found.push(slot);
      if (found.length === count) break;
    }
  }
  return found;
}

/**
 * Open now or not, in the Netherlands' time, with Dutch public holidays and the own closing days
 * taken into account; and the moment this answer (or the wording of the next opening: today,
 * tomorrow, a weekday) changes, so a cached page can be rendered again then.
 */
export function openingState(source: HoursSource, now: Date): OpeningState {
  if (source.weekly.length === 0 && (source.dated ?? []).length === 0) return { status: 'unknown' };
  const here = localMoment(now);
  const midnight = instantAt(addDays(here.date, 1), 0);
  const [first] = upcomingSlots(source, now, 1);
  if (first && first.date === here.date && minutesOf(first.opens) <= here.minutes) {
    return {
      status: 'open',
      today: here.date,
      slot: first,
      changesAt: instantAt(first.date, minutesOf(first.closes)),
    };
  }
  const opensAt = first ? instantAt(first.date, minutesOf(first.opens)) : midnight;
  return {
    status: 'closed',
    today: here.date,
    next: first,
    reason: closedReason(source, here.date),
    changesAt: opensAt < midnight ? opensAt : midnight,
  };
}
