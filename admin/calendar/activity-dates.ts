import { WEEKDAYS, type Weekday } from '../schemas/fields.ts';
import type { Schedule } from '../schemas/listing.ts';

/**
 * When an activity happens, from its schedule: weekly times (from `startsOn` to `endsOn`, minus
 * `exceptions`) and single dates. Dates are calendar days in Dutch time, `YYYY-MM-DD`.
 */
export interface DatedOccurrence {
  date: string;
  starts: string;
  ends: string;
}

const DAY_MS = 24 * 3600_000;
const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The weekday of a date, as the schedule names it. */
export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  const index = (((toDay(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] ?? 'ma';
}

/** Today in the Netherlands, whatever the server's clock zone. */
export function dutchToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Every occurrence from `from` to `to` (both inclusive), in order. */
export function occurrencesBetween(schedule: Schedule, from: string, to: string): DatedOccurrence[] {
  const found: DatedOccurrence[] = schedule.occurrences
    .filter((occurrence) => occurrence.date >= from && occurrence.date <= to)
    .map(({ date, starts, ends }) => ({ date, starts, ends }));
  if (schedule.weekly.length > 0) {
    const first = schedule.startsOn && schedule.startsOn > from ? schedule.startsOn : from;
    const last = schedule.endsOn && schedule.endsOn < to ? schedule.endsOn : to;
    const skipped = new Set(schedule.exceptions);
    for (let day = toDay(first); day <= toDay(last); day++) {
      const date = fromDay(day);
      if (skipped.has(date)) continue;
      const weekday = weekdayOf(date);
      for (const rule of schedule.weekly) {
        if (rule.days.includes(weekday)) found.push({ date, starts: rule.opens, ends: rule.closes });
      }
    }
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
  const end =
    period === 'week'
      ? addDays(today, 6 - WEEKDAYS.indexOf(weekdayOf(today)))
      : addDays(firstOfNextMonth, -1);
  const days: string[] = [];
  for (let day = toDay(today); day <= toDay(end); day++) days.push(fromDay(day));
  return days;
}
