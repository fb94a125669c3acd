/**
 * Promises to residents and organisations are in working days, counted in Dutch time: Monday to
 * Friday, except the public holidays of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, Tweede
 * Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag and both Christmas days. Other days
 * some offices close (Goede Vrijdag) count as working days: a promise then ends a day early, never
 * late.
 */
const DAY_MS = 24 * 3600_000;

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const amsterdamWeekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Amsterdam' });

function weekday(date: Date): number {
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(amsterdamWeekday.format(date));
}

/** Easter Sunday of a year (anonymous Gregorian algorithm), as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const plusDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const holidaysByYear = new Map<number, Set<string>>();

/** The Dutch public holidays of a year, as `YYYY-MM-DD`. */
export function dutchPublicHolidays(year: number): Set<string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    // Koningsdag moves to the Saturday before when 27 April is a Sunday.
    const kingsDay =
      new Date(`${year}-04-27T12:00:00Z`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
    holidays = new Set([
      `${year}-01-01`,
      plusDays(easter, 1),
      kingsDay,
      `${year}-05-05`,
      plusDays(easter, 39),
      plusDays(easter, 50),
      `${year}-12-25`,
      `${year}-12-26`,
    ]);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isWorkingDay(date: Date): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  const iso = amsterdamDate.format(date);
  return !dutchPublicHolidays(Number(iso.slice(0, 4))).has(iso);
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
