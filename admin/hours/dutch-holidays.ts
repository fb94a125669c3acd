/**
 * The Dutch public holidays (algemeen erkende feestdagen) on which offices, wijkteams and most
 * organisations are closed, as `YYYY-MM-DD` → name. Koningsdag moves to the 26th when the 27th of
 * April is a Sunday; Bevrijdingsdag counts every year, as in the Algemene termijnenwet.
 */
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

export function dutchPublicHolidays(year: number): ReadonlyMap<string, string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = holidaysOf(year);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

function holidaysOf(year: number): ReadonlyMap<string, string> {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => isoDate(new Date(easter.getTime() + days * 86_400_000));
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? 26 : 27;
  return new Map([
    [`${year}-01-01`, 'Nieuwjaarsdag'],
    [fromEaster(0), 'Eerste Paasdag'],
    [fromEaster(1), 'Tweede Paasdag'],
    [`${year}-04-${kingsDay}`, 'Koningsdag'],
    [`${year}-05-05`, 'Bevrijdingsdag'],
    [fromEaster(39), 'Hemelvaartsdag'],
    [fromEaster(49), 'Eerste Pinksterdag'],
    [fromEaster(50), 'Tweede Pinksterdag'],
    [`${year}-12-25`, 'Eerste Kerstdag'],
    [`${year}-12-26`, 'Tweede Kerstdag'],
  ]);
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): Date {
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
  return new Date(Date.UTC(year, month - 1, day));
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
