import { demoListingSlugs } from './demo-slugs.ts';

/** One URL of every public page type, for the accessibility and keyboard suites. */
export const PAGE_TYPES: { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'wijken', path: '/wijken' },
  { name: 'wijk met ankerplaats', path: '/wijken/slikkerveer' },
  { name: 'wijk zonder ankerplaats', path: '/wijken/bolnes' },
  { name: 'wijk met geplande ankerplaats', path: '/wijken/oostendam' },
  { name: 'aanbod', path: `/aanbod/${demoListingSlugs()[0] ?? ''}` },
  { name: 'aanbod met adres op aanvraag', path: '/aanbod/huiselijk-geweld-vivenz' },
  { name: 'aanbod met wachtlijst', path: '/aanbod/dagbesteding-ouderen' },
  { name: 'organisaties', path: '/organisaties' },
  { name: 'organisatie', path: '/organisaties/karaat' },
  { name: 'infopagina', path: '/toegankelijkheid' },
  { name: 'zoeken met resultaten en filters', path: '/zoeken?q=hulp&leefgebied=geld' },
  { name: 'zoeken zonder resultaten', path: '/zoeken?q=xylofoonquartet' },
  { name: 'kaart', path: '/kaart' },
  { name: 'kaart gefilterd op wijk', path: '/kaart?wijk=bolnes&leefgebied=geld' },
  { name: 'wat is mijn wijk', path: '/wijken/mijn-wijk' },
  { name: 'vraag stellen', path: '/vraag?wijk=oost' },
  { name: 'niet gevonden', path: '/bestaat-niet' },
];
