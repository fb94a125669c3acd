import type { ANCHOR_PLACE_STATUSES } from '#admin/schemas/anchor-place.ts';
import type { Weekday } from '#admin/schemas/fields.ts';
import type { Access, Cost, ListingKind, RoomStatus } from '#admin/schemas/listing.ts';
import type { ACCESSIBILITY_FEATURES, LANGUAGES } from '#admin/schemas/listing.ts';
import type { TeamKind } from '#admin/schemas/team.ts';
import type { Role } from '#admin/accounts/user.ts';
import type { ListingStatus } from '#admin/schemas/listing.ts';
import type { ORGANISATION_KINDS } from '#admin/schemas/organisation.ts';
import type { MailStatus } from '#admin/mail/outbox.ts';

/** Dutch words for the code's English enum values (see docs/glossary.md). */
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

export const TEAM_LABELS: Record<TeamKind, string> = {
  sociaal: 'Sociaal team',
  jgt: 'Jeugd- en gezinsteam',
};

export const ANCHOR_STATUS_LABELS: Record<(typeof ANCHOR_PLACE_STATUSES)[number], string> = {
  actief: 'Open',
  gepland: 'Komt binnenkort',
  'geen-locatie': 'Nog geen vaste plek',
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

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'Beheerder (gemeente)',
  teamlid: 'Teamlid (wijkteam)',
  organisatie: 'Organisatie (eigen aanbod)',
};

export const LISTING_STATUS_LABELS: Record<ListingStatus, string> = {
  draft: 'Concept',
  published: 'Gepubliceerd',
  unpublished: 'Offline',
  archived: 'Gearchiveerd',
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

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  pending: 'Wacht op verzending',
  sent: 'Verstuurd',
  failed: 'Mislukt',
};

/** Room as the listing editor and referrers read it. */
export const ROOM_STATUS_LABELS: Record<RoomStatus, string> = {
  available: 'Plek beschikbaar',
  'waiting-list': 'Wachtlijst',
  full: 'Vol',
  closed: 'Tijdelijk gesloten',
};
