import { addDays, localMoment } from '../hours/amsterdam-time.ts';
import { slotsOn } from '../hours/opening-hours.ts';
import type { Schedule } from '../schemas/listing.ts';

/**
 * When an activity happens, from its schedule: weekly times (from `startsOn` to `endsOn`, not on
 * Dutch public holidays or its own closing days, as opening hours are counted) and single dates
 * (which happen on the day they name, holiday or not). Dates are Dutch calendar days, `YYYY-MM-DD`.
 */
export interface DatedOccurrence {
  date: string;
  starts: string;
  ends: string;
}

export { addDays };

/** Today in the Netherlands, whatever the server's clock zone. */
export const dutchToday = (now = new Date()): string => localMoment(now).date;

/** Whether the weekly times apply on `date` at all (inside their period). */
const inPeriod = (schedule: Schedule, date: string): boolean =>
  (!schedule.startsOn || schedule.startsOn <= date) && (!schedule.endsOn || date <= schedule.endsOn);

/** The weekly times on one date: none outside the period, on a public holiday or a closing day. */
export function weeklyOn(schedule: Schedule, date: string): DatedOccurrence[] {
  if (schedule.weekly.length === 0 || !inPeriod(schedule, date)) return [];
  return slotsOn({ weekly: schedule.weekly, closures: schedule.closures }, date).map((slot) => ({
    date,
    starts: slot.opens,
    ends: slot.closes,
  }));
}

/** Every occurrence from `from` to `to` (both inclusive), in order. */
export function occurrencesBetween(schedule: Schedule, from: string, to: string): DatedOccurrence[] {
  const found: DatedOccurrence[] = schedule.occurrences
    .filter((occurrence) => occurrence.date >= from && occurrence.date <= to)
    .map(({ date, starts, ends }) => ({ date, starts, ends }));
  if (schedule.weekly.length > 0) {
    const first = schedule.startsOn && schedule.startsOn > from ? schedule.startsOn : from;
    const last = schedule.endsOn && schedule.endsOn < to ? schedule.endsOn : to;
    for (let date = first; date <= last; date = addDays(date, 1)) found.push(...weeklyOn(schedule, date));
  }
  return found.sort((a, b) => (a.date + a.starts).localeCompare(b.date + b.starts));
}

/** The last day it happens; undefined when weekly times go on without an end, or nothing is dated. */
export function lastDateOf(schedule: Schedule): string | undefined {
  if (schedule.weekly.length > 0 && !schedule.endsOn) return undefined;
  const dates = [
    ...schedule.occurrences.map((occurrence) => occurrence.date),
    ...(schedule.weekly.length > 0 && schedule.endsOn ? [schedule.endsOn] : []),
  ].sort();
  return dates[dates.length - 1];
}

/** Whether all its dates lie before `today`: such an activity no longer belongs in search. */
export function isOver(schedule: Schedule, today: string): boolean {
  const last = lastDateOf(schedule);
  return last !== undefined && last < today;
}

/** How far ahead the next date is looked for. */
const LOOK_AHEAD_DAYS = 400;

/** The next time it happens from `today` on (today's counts), or undefined. */
export function nextOccurrence(schedule: Schedule, today: string): DatedOccurrence | undefined {
  return occurrencesBetween(schedule, today, addDays(today, LOOK_AHEAD_DAYS))[0];
}

/** The days of "deze week" (today to Sunday) or "deze maand" (today to the month's last day). */
export function daysOf(period: 'week' | 'month', today: string): string[] {
  const firstOfNextMonth = `${addDays(`${today.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const sunday = addDays(today, (7 - new Date(`${today}T12:00:00Z`).getUTCDay()) % 7);
  const end = period === 'week' ? sunday : addDays(firstOfNextMonth, -1);
  const days: string[] = [];
  for (let date = today; date <= end; date = addDays(date, 1)) days.push(date);
  return days;
}
