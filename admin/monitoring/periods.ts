/**
 * Days, weeks and months as the municipality lives them: in Dutch time. Timestamps are stored in
 * UTC; a question sent at 00:30 on 1 March in Ridderkerk belongs to March.
 */
export type Granularity = 'month' | 'week';

const TIME_ZONE = 'Europe/Amsterdam';
const DAY_MS = 24 * 3600_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Dutch calendar day (`YYYY-MM-DD`) of a moment. */
export const localDay = (moment: Date | string): string => dayFormat.format(new Date(moment));

const parts = (day: string): [number, number, number] => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return [year, month, date];
};

/** Noon UTC of a calendar day: safe for arithmetic on days, far from any midnight. */
const noonOf = (day: string): Date => {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date, 12));
};

export const addDays = (day: string, days: number): string =>
  new Date(noonOf(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The UTC moment at which a Dutch calendar day starts (23:00 or 22:00 UTC the day before). */
export function dayStartUtc(day: string): string {
  const [year, month, date] = parts(day);
  const guess = Date.UTC(year, month - 1, date);
  // Dutch time is UTC+1 or UTC+2: the day starts one or two hours before UTC midnight.
  for (const hours of [1, 2]) {
    const candidate = new Date(guess - hours * 3600_000);
    if (localDay(candidate) === day && localDay(new Date(candidate.getTime() - 1)) !== day)
      return candidate.toISOString();
  }
  return new Date(guess).toISOString();
}

/** ISO 8601 week of a day: `2026-W05`; weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeek(day: string): string {
  const date = noonOf(day);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = noonOf(`${year}-01-04`);
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS);
  const week = Math.round((thursday.getTime() - firstMonday.getTime()) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const bucketOf = (day: string, granularity: Granularity): string =>
  granularity === 'month' ? day.slice(0, 7) : isoWeek(day);

export interface Period {
  key: string;
  /** For tables: `januari 2026`, `week 5 van 2026 (vanaf 26 januari)`. */
  label: string;
  /** For chart axes: `jan 2026`, `w5`. */
  shortLabel: string;
}

const monthLong = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** Every month or week that overlaps `from`–`to` (inclusive days), in order, also empty ones. */
export function periodsBetween(from: string, to: string, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  let day =
    granularity === 'week' ? addDays(from, -((noonOf(from).getUTCDay() + 6) % 7)) : `${from.slice(0, 7)}-01`;
  while (day <= to) {
    if (granularity === 'month') {
      periods.push({
        key: day.slice(0, 7),
        label: monthLong.format(noonOf(day)),
        shortLabel: monthShort.format(noonOf(day)).replace('.', ''),
      });
      const [year, month] = parts(day);
      day = new Date(Date.UTC(year, month, 1, 12)).toISOString().slice(0, 10);
    } else {
      const key = isoWeek(day);
      const number = Number(key.slice(6));
      periods.push({
        key,
        label: `week ${number} van ${key.slice(0, 4)} (vanaf ${dayMonth.format(noonOf(day))})`,
        shortLabel: `w${number}`,
      });
      day = addDays(day, 7);
    }
  }
  return periods;
}
