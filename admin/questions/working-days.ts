/**
 * Response promises are in working days (Monday to Friday), counted in Dutch time. Public holidays
 * are not skipped: a promise then ends a day early, never late.
 */
const DAY_MS = 24 * 3600_000;

function weekday(date: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Amsterdam' }).format(
    date,
  );
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

/** The moment `days` working days after `start`. */
export function addWorkingDays(start: Date, days: number): Date {
  let moment = start.getTime();
  let left = days;
  while (left > 0) {
    moment += DAY_MS;
    const day = weekday(new Date(moment));
    if (day !== 0 && day !== 6) left -= 1;
  }
  return new Date(moment);
}
