import type { ANCHOR_PLACE_STATUSES } from '#admin/schemas/anchor-place.ts';
import type { RoomStatus } from '#admin/schemas/listing.ts';
import type { TeamKind } from '#admin/schemas/team.ts';
import type { Role } from '#admin/accounts/user.ts';
import type { ListingStatus } from '#admin/schemas/listing.ts';
import type { MailStatus } from '#admin/mail/outbox.ts';

// The labels of listing and organisation fields live with the schemas, because open data uses them too.
export {
  ACCESS_LABELS,
  ACCESS_SHORT_LABELS,
  ACCESSIBILITY_LABELS,
  COST_LABELS,
  KIND_LABELS,
  LANGUAGE_LABELS,
  ORGANISATION_KIND_LABELS,
  WEEKDAY_LABELS,
} from '#admin/schemas/labels.ts';

/** Dutch words for the code's other English enum values (see docs/glossary.md). */
export const TEAM_LABELS: Record<TeamKind, string> = {
  sociaal: 'Sociaal team',
  jgt: 'Jeugd- en gezinsteam',
};

export const ANCHOR_STATUS_LABELS: Record<(typeof ANCHOR_PLACE_STATUSES)[number], string> = {
  actief: 'Open',
  gepland: 'Komt binnenkort',
  'geen-locatie': 'Nog geen vaste plek',
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
