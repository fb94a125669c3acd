import type {
  ContactBy,
  FollowUpAnswer,
  ItemStatus,
  NotStartedReason,
  Urgency,
} from '#admin/referrals/referral.ts';

/** Dutch words for the referral's values (see docs/glossary.md). */
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  ontvangen: 'Ontvangen',
  'contact-gelegd': 'Contact gelegd',
  gestart: 'Gestart',
  'niet-gestart': 'Niet gestart',
};

export const REASON_LABELS: Record<NotStartedReason, string> = {
  'geen-plek': 'Geen plek',
  'voldoet-niet': 'Voldoet niet aan de voorwaarden',
  'niet-bereikt': 'Inwoner niet bereikt',
  'wil-niet': 'Inwoner wil niet',
  anders: 'Anders',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  normaal: 'Normaal',
  spoed: 'Spoed: graag binnen een werkdag contact',
};

export const CONTACT_BY_LABELS: Record<ContactBy, string> = {
  organisatie: 'De organisatie neemt contact op met de inwoner',
  inwoner: 'De inwoner neemt zelf contact op met de organisatie',
};

export const FOLLOW_UP_LABELS: Record<FollowUpAnswer, string> = {
  ja: 'Ja, het heeft geholpen',
  deels: 'Een beetje',
  nee: 'Nee, het heeft niet geholpen',
  onbekend: 'Weet ik niet: ik heb de inwoner niet gesproken',
};

/** An item's status in words, with the reason when help did not start. */
export function describeItemStatus(item: { status: ItemStatus; reason: NotStartedReason | null }): string {
  return item.status === 'niet-gestart' && item.reason
    ? `${ITEM_STATUS_LABELS[item.status]}: ${REASON_LABELS[item.reason].toLowerCase()}`
    : ITEM_STATUS_LABELS[item.status];
}

/** One line of a referral's history, in words. */
export function describeReferralEvent(
  kind: string,
  details: Record<string, unknown>,
  listingTitle: string | undefined,
): string {
  const listing = listingTitle ? ` (${listingTitle})` : '';
  switch (kind) {
    case 'created':
      return 'Verwijzing gemaakt';
    case 'status': {
      const to = ITEM_STATUS_LABELS[details.to as ItemStatus] ?? String(details.to);
      const reason =
        typeof details.reason === 'string' ? REASON_LABELS[details.reason as NotStartedReason] : undefined;
      return `Status${listing}: ${to}${reason ? `: ${reason.toLowerCase()}` : ''}`;
    }
    case 'reminder':
      return `Herinnering gestuurd naar de organisatie${listing}`;
    case 'follow-up':
      return `Heeft het geholpen? ${FOLLOW_UP_LABELS[details.answer as FollowUpAnswer] ?? String(details.answer)}`;
    case 'handover-mailed':
      return 'Informatie over het aanbod gemaild naar de inwoner';
    default:
      return kind;
  }
}
