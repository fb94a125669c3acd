import type { Weekday } from '../schemas/fields.ts';

/** Opening hours are local time in the Netherlands, whatever the server's own time zone. */
export const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as a Dutch wall clock shows it. */
export interface LocalMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

export function localMoment(instant: Date): LocalMoment {
  const values = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${values.year}-${values.month}-${values.day}`,
    minutes: Number(values.hour) * 60 + Number(values.minute),
  };
}

const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];

export function weekdayOf(date: string): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'ma';
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `09:30` → 570. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The instant at which Dutch clocks show `date` and `minutes`. Found by correcting a first guess
 * with the offset in force then, so it is right on both sides of a change to or from summer time.
 */
export function instantAt(date: string, minutes: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  let guess = wall;
  for (let step = 0; step < 3; step++) {
    const shown = localMoment(new Date(guess));
    const shownWall = Date.parse(`${shown.date}T00:00:00Z`) + shown.minutes * 60_000;
    if (shownWall === wall) break;
    guess += wall - shownWall;
  }
  return new Date(guess);
}
