// On a wide screen the filters are a side column that CSS always shows; marking the disclosure
// open there keeps what a screen reader announces ("uitgevouwen") in line with what is shown.
const WIDE = '(min-width: 56.25rem)';

export function syncFiltersDisclosure(): void {
  const query = window.matchMedia(WIDE);
  const apply = () => {
    const filters = document.querySelector<HTMLDetailsElement>('details#filters');
    if (filters && query.matches) filters.open = true;
  };
  apply();
  query.addEventListener('change', apply);
}
