import type { Weekday } from './fields.ts';
import type { Access, Cost, ListingKind } from './listing.ts';
import type { ACCESSIBILITY_FEATURES, LANGUAGES } from './listing.ts';
import type { ORGANISATION_KINDS } from './organisation.ts';

/**
 * Dutch words for the code's English enum values (see docs/glossary.md): shown on the site and
 * written into open data, so they live with the schemas.
 */
export const KIND_LABELS: Record<ListingKind, string> = {
  service: 'Voorziening',
  activity: 'Activiteit',
  volunteer: 'Vrijwillige hulp',
};

export const COST_LABELS: Record<Cost, string> = {
  free: 'Gratis',
  contribution: 'Eigen bijdrage',
  reimbursed: 'Vergoed',
};

export const ACCESS_LABELS: Record<Access, string> = {
  open: 'Vrij toegankelijk: je kunt zelf langskomen of bellen',
  referral: 'Verwijzing nodig, bijvoorbeeld van de huisarts of het wijkteam',
  indication: 'Indicatie nodig, bijvoorbeeld via de Wmo of de zorgverzekeraar',
};

export const ACCESS_SHORT_LABELS: Record<Access, string> = {
  open: 'Vrij toegankelijk',
  referral: 'Verwijzing nodig',
  indication: 'Indicatie nodig',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};

export const LANGUAGE_LABELS: Record<(typeof LANGUAGES)[number], string> = {
  nl: 'Nederlands',
  en: 'Engels',
  de: 'Duits',
  pl: 'Pools',
  tr: 'Turks',
  ar: 'Arabisch',
  ti: 'Tigrinya',
  uk: 'Oekraïens',
  pap: 'Papiaments',
  so: 'Somalisch',
  fa: 'Perzisch',
  es: 'Spaans',
  fr: 'Frans',
  ro: 'Roemeens',
  bg: 'Bulgaars',
};

export const ACCESSIBILITY_LABELS: Record<(typeof ACCESSIBILITY_FEATURES)[number], string> = {
  rolstoeltoegankelijk: 'Rolstoeltoegankelijk',
  invalidentoilet: 'Invalidentoilet',
  lift: 'Lift',
  ringleiding: 'Ringleiding voor slechthorenden',
  invalidenparkeerplaats: 'Invalidenparkeerplaats',
  prikkelarm: 'Prikkelarme ruimte',
  'hulphond-welkom': 'Hulphonden welkom',
};

export const ORGANISATION_KIND_LABELS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  gemeente: 'Gemeente',
  welzijn: 'Welzijn',
  zorg: 'Zorg',
  jeugd: 'Jeugd',
  wonen: 'Wonen',
  vrijwilligers: 'Vrijwilligers',
  overig: 'Overig',
};
