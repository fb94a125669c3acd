import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row types as stored. Booleans are 0/1 and nested values JSON text, so the same schema
 * runs on SQLite and PostgreSQL; repositories turn rows into zod-validated entities.
 */
export interface Database {
  organisations: OrganisationTable;
  listings: ListingTable;
  listing_neighbourhoods: { listing_id: number; neighbourhood: string };
  listing_life_domains: { listing_id: number; life_domain: string };
  listing_audiences: { listing_id: number; audience: string };
  app_meta: { key: string; value: string };
  search_log: SearchLogTable;
  users: UserTable;
  user_teams: { user_id: number; team_id: string };
  sessions: SessionTable;
  recovery_codes: { id: Generated<number>; user_id: number; code_hash: string; used_at: string | null };
  one_time_tokens: OneTimeTokenTable;
  login_attempts: { key: string; failures: number; blocked_until: string | null; updated_at: string };
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  questions: QuestionTable;
  search_query_counts: SearchQueryCountTable;
  question_events: QuestionEventTable;
  personal_links: PersonalLinkTable;
  volunteers: VolunteerTable;
  activity_submissions: ActivitySubmissionTable;
  submission_areas: { subject_type: string; subject_id: number; area: string };
  submission_events: SubmissionEventTable;
  match_requests: MatchRequestTable;
  listing_reports: ListingReportTable;
  leases: LeaseTable;
  rate_limit_windows: { key: string; started_at: string; hits: number };
  data_versions: { scope: string; version: number };
  referrals: ReferralTable;
  referral_life_domains: { referral_id: number; life_domain: string };
  referral_items: ReferralItemTable;
  referral_events: ReferralEventTable;
  referral_drafts: ReferralDraftTable;
}

/** A link in a mail that lets someone without an account act on what they sent; only a hash of its secret is kept. */
export interface PersonalLinkTable {
  id: string;
  secret_hash: string;
  subject_type: string;
  subject_id: number;
  purpose: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A volunteer's sign-up. Personal fields are null once withdrawn or purged. */
export interface VolunteerTable {
  id: Generated<number>;
  /** `VL-2026-000012`: what the volunteer and the team call the sign-up. */
  reference: string;
  submission_key: string;
  status: string;
  kinds_json: string;
  neighbourhoods_json: string;
  citywide: number;
  show_offer: number;
  availability_json: string | null;
  languages_json: string | null;
  own_words: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Why a change was asked or the sign-up declined, written for the volunteer. */
  decision_note: string | null;
  listing_id: number | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  decided_at: string | null;
  availability_asked_at: string | null;
  availability_confirmed_at: string | null;
  paused_at: string | null;
  purged_at: string | null;
  version: Generated<number>;
}
export type VolunteerRow = Selectable<VolunteerTable>;

/** An activity a resident registered; its public fields wait in `draft_json` until moderated. */
export interface ActivitySubmissionTable {
  id: Generated<number>;
  /** `AC-2026-000034`. */
  reference: string;
  submission_key: string;
  status: string;
  draft_json: string | null;
  neighbourhood: string | null;
  organiser_name: string | null;
  organiser_email: string | null;
  organiser_phone: string | null;
  decision_note: string | null;
  listing_id: number | null;
  /** The activity's last date (YYYY-MM-DD); null while it repeats without an end. */
  last_date: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  decided_at: string | null;
  purged_at: string | null;
  version: Generated<number>;
}
export type ActivitySubmissionRow = Selectable<ActivitySubmissionTable>;

export interface SubmissionEventTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  at: string;
  actor_user_id: number | null;
  kind: string;
  /** Text written to the person or about them (personal data: emptied by the purge). */
  note: string | null;
  details_json: string;
}
export type SubmissionEventRow = Selectable<SubmissionEventTable>;

/** "Ik wil hier gebruik van maken": a resident's request for a volunteer's public offer. */
export interface MatchRequestTable {
  id: Generated<number>;
  /** `AV-2026-000056`. */
  reference: string;
  submission_key: string;
  listing_id: number | null;
  volunteer_id: number | null;
  status: string;
  need_text: string | null;
  requester_name: string | null;
  requester_phone: string | null;
  requester_email: string | null;
  connected_at: string | null;
  follow_up_sent_at: string | null;
  requester_outcome: string | null;
  volunteer_outcome: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  purged_at: string | null;
  version: Generated<number>;
}
export type MatchRequestRow = Selectable<MatchRequestTable>;

/** "Klopt er iets niet?": a resident's report about a listing. */
export interface ListingReportTable {
  id: Generated<number>;
  submission_key: string;
  listing_id: number;
  reason: string;
  /** What the resident wrote (emptied by the purge once handled). */
  details: string | null;
  status: string;
  created_at: string;
  handled_at: string | null;
  handled_by: number | null;
}

/** Background work one instance at a time: held by `holder` until `expires_at` unless renewed. */
export interface LeaseTable {
  name: string;
  holder: string;
  acquired_at: string;
  expires_at: string;
}
export type LeaseRow = Selectable<LeaseTable>;

export interface UserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: string;
  organisation_slug: string | null;
  password_hash: string | null;
  /** Base64 of the TOTP key; null until two-factor is set up. */
  totp_key: string | null;
  /** Base64 of a key being set up: shown as a QR code until the first code from it is entered. */
  totp_pending_key: string | null;
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totp_last_step: number | null;
  disabled_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}
export type UserRow = Selectable<UserTable>;

export interface SessionTable {
  id: string;
  /** Hex SHA-256 of the token's secret part. */
  secret_hash: string;
  user_id: number;
  two_factor_verified: number;
  created_at: string;
  last_verified_at: string;
}
export type SessionRow = Selectable<SessionTable>;

export interface OneTimeTokenTable {
  id: string;
  secret_hash: string;
  user_id: number;
  purpose: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1 when the recipient is a resident: the address is emptied once the mail is done with. */
  to_resident: Generated<number>;
  /** The instance sending this mail right now, until `claimed_until`; then another may. */
  claimed_by: string | null;
  claimed_until: string | null;
}
export type MailOutboxRow = Selectable<MailOutboxTable>;

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  object_type: string;
  object_id: string;
  changes_json: string;
}

export interface QuestionTable {
  id: Generated<number>;
  /** `VR-2026-000123`: what the resident and the team call the question. */
  reference: string;
  /** The random part of the form's token: a second submit of the same form finds this row. */
  submission_key: string;
  team_id: string;
  neighbourhood: string | null;
  about_youth: number;
  life_domains_json: string;
  /** Personal data: null after the retention purge. */
  question_text: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: string;
  assigned_user_id: number | null;
  first_contact_at: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  purged_at: string | null;
  /** Raised by every change of state; an UPDATE that expects another version changes nothing. */
  version: Generated<number>;
}
export type QuestionRow = Selectable<QuestionTable>;

export interface QuestionEventTable {
  id: Generated<number>;
  question_id: number;
  at: string;
  actor_user_id: number | null;
  kind: string;
  /** Internal note text (personal data: emptied by the purge). */
  note: string | null;
  details_json: string;
}
export type QuestionEventRow = Selectable<QuestionEventTable>;

/** Searches per month and normalised query, kept after the log's retention for queries seen at least 5 times. */
export interface SearchQueryCountTable {
  month: string;
  query_text: string;
  searches: number;
  without_results: number;
  /** Searches that found only a few results; null for months counted before this was kept. */
  few_results: number | null;
}

export interface SearchLogTable {
  id: Generated<number>;
  query_text: string;
  filters_json: string;
  hit_count: number;
  took_ms: number;
  searched_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address_json: string | null;
  /** The HSDS `id`: stable across renames, exports and imports. */
  uuid: string;
  /** 1 when imported and not yet checked by a person ("nog controleren"). */
  needs_review: Generated<number>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ListingTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  status: string;
  title: string;
  summary: string;
  description: string;
  organisation_slug: string;
  citywide: number;
  cost: string;
  cost_note: string | null;
  access: string;
  contact_json: string;
  locations_json: string;
  schedule_json: string;
  languages_json: string;
  accessibility_json: string;
  last_verified_at: string;
  is_demo: number;
  /** The HSDS `id`: stable across renames, exports and imports. */
  uuid: string;
  /** 1 when imported and not yet checked by a person ("nog controleren"). */
  needs_review: Generated<number>;
  /** `editor`, `volunteer` (a volunteer's public offer) or `resident` (an activity a resident registered). */
  origin: Generated<string>;
  version: number;
  /** The public data version of the listing's last change, so an index can follow changes. */
  data_version: Generated<number>;
  created_at: string;
  updated_at: string;
  room_status: string | null;
  room_wait_weeks: number | null;
  /** When the room status was last set: after 30 days it shows as unknown. */
  room_set_at: string | null;
  /** 1: the address is for professionals only; residents see the wijk. */
  address_on_request: Generated<number>;
  what_to_bring: string | null;
  /** Contact person, direct line and intake conditions for referrers: never public. */
  professional_json: Generated<string>;
}

export interface ReferralTable {
  id: Generated<number>;
  /** `VW-2026-000123`: what the team and the organisation call the referral. */
  reference: string;
  team_id: string;
  created_by_user_id: number | null;
  question_id: number | null;
  /** Gebied and wijk, for counts per gebied; they stay after the purge. */
  area: string | null;
  neighbourhood: string | null;
  urgency: string;
  contact_by: string;
  /** Personal data: null after the retention purge. */
  resident_name: string | null;
  resident_phone: string | null;
  resident_email: string | null;
  note: string | null;
  /** When the teamlid recorded the resident's consent to share this with the organisations. */
  consent_at: string;
  follow_up_due_at: string;
  follow_up_answer: string | null;
  follow_up_note: string | null;
  follow_up_answered_at: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  purged_at: string | null;
  version: Generated<number>;
}
export type ReferralRow = Selectable<ReferralTable>;

export interface ReferralItemTable {
  id: Generated<number>;
  referral_id: number;
  listing_id: number;
  organisation_slug: string;
  status: string;
  reason: string | null;
  /** Free text with "anders": personal data, emptied by the purge. */
  reason_note: string | null;
  status_at: string;
  reminder_sent_at: string | null;
  created_at: string;
  version: Generated<number>;
}
export type ReferralItemRow = Selectable<ReferralItemTable>;

export interface ReferralEventTable {
  id: Generated<number>;
  referral_id: number;
  item_id: number | null;
  at: string;
  actor_user_id: number | null;
  kind: string;
  /** Free text (personal data: emptied by the purge). */
  note: string | null;
  details_json: string;
}
export type ReferralEventRow = Selectable<ReferralEventTable>;

export interface ReferralDraftTable {
  user_id: number;
  question_id: number | null;
  listing_ids_json: string;
  updated_at: string;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;
export type ListingRow = Selectable<ListingTable>;
export type NewListingRow = Insertable<ListingTable>;
export type ListingRowUpdate = Updateable<ListingTable>;
