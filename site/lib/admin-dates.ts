/** A moment as the back office shows it: `3 mrt 2026, 14:05`, in Dutch time. */
export const formatMoment = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
