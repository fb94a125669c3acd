import type { ActivityStatus } from '#admin/volunteering/activity.ts';
import type { MatchStatus } from '#admin/volunteering/match-requests.ts';
import type { VolunteerStatus } from '#admin/volunteering/volunteer.ts';
import type { ReportReason } from '#admin/volunteering/listing-reports.ts';

/** A sign-up's status as the volunteer reads it on their own page. */
export const VOLUNTEER_STATUS_TEXT: Record<VolunteerStatus, string> = {
  unconfirmed: 'Nog niet bevestigd',
  submitted: 'Bevestigd. Het team bekijkt je aanmelding.',
  'changes-requested': 'Het team vraagt je iets aan te passen.',
  approved: 'Goedgekeurd. Je staat in de lijst van vrijwilligers.',
  paused: 'Op pauze. Niemand vraagt je nu om hulp.',
  declined: 'Afgewezen.',
  withdrawn: 'Ingetrokken.',
  expired: 'Verwijderd.',
};

/** The same statuses as the back office names them. */
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  unconfirmed: 'Niet bevestigd',
  submitted: 'Nieuw',
  'changes-requested': 'Wacht op aanpassing',
  approved: 'Goedgekeurd',
  paused: 'Pauze',
  declined: 'Afgewezen',
  withdrawn: 'Ingetrokken',
  expired: 'Verlopen',
};

export const ACTIVITY_STATUS_TEXT: Record<ActivityStatus, string> = {
  unconfirmed: 'Nog niet bevestigd',
  submitted: 'Bevestigd. Het team bekijkt je activiteit.',
  'changes-requested': 'Het team vraagt je iets aan te passen.',
  approved: 'Staat op de site.',
  declined: 'Afgewezen.',
  withdrawn: 'Ingetrokken.',
  ended: 'Afgelopen.',
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  unconfirmed: 'Niet bevestigd',
  submitted: 'Nieuw',
  'changes-requested': 'Wacht op aanpassing',
  approved: 'Gepubliceerd',
  declined: 'Afgewezen',
  withdrawn: 'Ingetrokken',
  ended: 'Afgelopen',
};

export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
  nieuw: 'Nieuw',
  verbonden: 'In contact gebracht',
  afgerond: 'Afgerond',
  afgesloten: 'Afgesloten zonder match',
};

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  tijden: 'De tijden of data kloppen niet',
  adres: 'Het adres klopt niet',
  contact: 'Het telefoonnummer, de e-mail of de website klopt niet',
  'bestaat-niet-meer': 'Dit bestaat niet meer',
  anders: 'Iets anders',
};

/** One step of a history, in words. */
export function describeSubmissionEvent(kind: string, details: Record<string, unknown>): string {
  const words: Record<string, string> = {
    created: 'Aangemeld',
    confirmed: 'E-mailadres bevestigd',
    approved: 'Goedgekeurd',
    'changes-requested': 'Gevraagd om iets aan te passen',
    declined: 'Afgewezen',
    'changed-by-volunteer': 'Aangepast door de vrijwilliger',
    'changed-by-organiser': 'Aangepast door de organisator',
    paused: 'Op pauze gezet door de vrijwilliger',
    resumed: 'Weer beschikbaar',
    'paused-no-answer': 'Op pauze gezet: geen antwoord op "Ben je nog beschikbaar?"',
    'availability-asked': 'Gevraagd: "Ben je nog beschikbaar?"',
    'still-available': 'Antwoord: nog beschikbaar',
    'not-available': 'Antwoord: niet meer beschikbaar',
    withdrawn: 'Ingetrokken; persoonsgegevens verwijderd',
    'removed-on-request': 'Verwijderd op verzoek; persoonsgegevens verwijderd',
    connected: 'In contact gebracht met de vrijwilliger',
    closed: 'Afgesloten zonder match',
    'follow-up-sent': 'Vraag "Is het gelukt?" verstuurd',
  };
  if (kind === 'outcome')
    return `${details.side === 'requester' ? 'Inwoner' : 'Vrijwilliger'}: ${details.outcome === 'gelukt' ? 'het is gelukt' : 'het is niet gelukt'}`;
  if (kind.startsWith('retention-')) return 'Persoonsgegevens verwijderd (bewaartermijn voorbij)';
  return words[kind] ?? kind;
}
