import { localMoment } from '../hours/amsterdam-time.ts';
import { dutchPublicHolidays } from '../hours/dutch-holidays.ts';

/**
 * Promises to residents and organisations are in working days, counted in Dutch time: Monday to
 * Friday, except the public holidays of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Tweede
 * Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag and both Christmas days. Other days
 * some offices close (Goede Vrijdag) count as working days: a promise then ends a day early, never
 * late.
 */
const DAY_MS = 24 * 3600_000;

export function isWorkingDay(instant: Date): boolean {
  const { date } = localMoment(instant);
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !dutchPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The moment `days` working days after `start`. */
export function addWorkingDays(start: Date, days: number): Date {
  let moment = start.getTime();
  let left = days;
  while (left > 0) {
    moment += DAY_MS;
    if (isWorkingDay(new Date(moment))) left -= 1;
  }
  return new Date(moment);
}
