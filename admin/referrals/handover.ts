import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/user.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { InvalidInputError } from '../errors/domain-errors.ts';
import { findListingById } from '../listings/listing-repository.ts';
import { publicListing } from '../listings/public-listing.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { handoverMail, type HandoverMailListing } from '../mail/templates.ts';
import type { WeeklyRule, Weekday } from '../schemas/fields.ts';
import type { Listing } from '../schemas/listing.ts';
import { HandoverMailInputSchema, type ContactBy } from './referral.ts';
import { ensureNotPurged, referralOfMyTeam } from './referral-access.ts';
import type { ReferralContext } from './referral-context.ts';

/**
 * The handover sheet (overdrachtsblad): what the resident takes home, printed or as a PDF, or in a
 * mail. Only public information about the listings (an address on request stays with the
 * organisation), who contacts whom, and how to reach the team: nothing about the resident's
 * situation, so a sheet left on a bus or a mail read by someone else tells nobody anything.
 */
export interface HandoverSheet {
  reference: string;
  createdAt: string;
  contactBy: ContactBy;
  team: { name: string; phone: string };
  /** The teamlid who referred, the resident's contact at the team. */
  teamlid: string | null;
  listings: { listing: Listing; organisationName: string }[];
}

async function sheetListings(db: Kysely<Database>, referralId: number) {
  const items = await db
    .selectFrom('referral_items')
    .leftJoin('organisations', 'organisations.slug', 'referral_items.organisation_slug')
    .select(['referral_items.listing_id', 'referral_items.organisation_slug', 'organisations.name'])
    .where('referral_id', '=', referralId)
    .orderBy('referral_items.id')
    .execute();
  const listings: HandoverSheet['listings'] = [];
  for (const item of items) {
    const listing = await findListingById(db, item.listing_id);
    if (listing)
      listings.push({
        listing: publicListing(listing),
        organisationName: item.name ?? item.organisation_slug,
      });
  }
  return listings;
}

export async function handoverSheet(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: Pick<ReferralContext, 'teams'>,
): Promise<HandoverSheet> {
  const { row } = await referralOfMyTeam(db, actor, id);
  const team = context.teams.find((candidate) => candidate.id === row.team_id);
  const creator =
    row.created_by_user_id === null
      ? undefined
      : await db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', row.created_by_user_id)
          .executeTakeFirst();
  return {
    reference: row.reference,
    createdAt: row.created_at,
    contactBy: row.contact_by as ContactBy,
    team: { name: team?.name ?? row.team_id, phone: team?.phone ?? '' },
    teamlid: creator?.display_name ?? null,
    listings: await sheetListings(db, id),
  };
}

const DAY_NAMES: Record<Weekday, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};
const clock = (time: string) => time.replace(/^0(\d)/, '$1').replace(':', '.');
const weeklyText = (rule: WeeklyRule): string =>
  `${rule.days.map((day) => DAY_NAMES[day]).join(', ')} ${clock(rule.opens)} tot ${clock(rule.closes)} uur${rule.note ? ` (${rule.note})` : ''}`;

/** A listing's public information as lines of plain text, for the mail. */
export function handoverMailListing(
  entry: HandoverSheet['listings'][number],
  context: Pick<ReferralContext, 'neighbourhoods' | 'baseUrl'>,
  today: string,
): HandoverMailListing {
  const { listing } = entry;
  const wijken = listing.neighbourhoods.map((id) => context.neighbourhoods.get(id)?.name ?? id).join(', ');
  const where = listing.addressOnRequest
    ? `in ${wijken || 'de gemeente'}; het adres hoor je van de organisatie`
    : listing.locations.length > 0
      ? listing.locations
          .map(
            (location) =>
              `${location.name}, ${location.address.street}, ${location.address.postcode} ${location.address.city}`,
          )
          .join('; ')
      : 'geen vaste plek: ze komen bij je thuis of helpen je telefonisch';
  const when = [
    ...listing.schedule.weekly.map(weeklyText),
    ...listing.schedule.occurrences
      .filter((occurrence) => occurrence.date >= today)
      .slice(0, 3)
      .map(
        (occurrence) => `${occurrence.date} ${clock(occurrence.starts)} tot ${clock(occurrence.ends)} uur`,
      ),
    ...(listing.schedule.note ? [listing.schedule.note] : []),
  ];
  return {
    title: listing.title,
    organisationName: entry.organisationName,
    summary: listing.summary,
    where,
    when,
    whatToBring: listing.whatToBring,
    contact: [
      ...(listing.contact.phone ? [`bel ${listing.contact.phone}`] : []),
      ...(listing.contact.email ? [`mail ${listing.contact.email}`] : []),
      ...(listing.contact.website ? [listing.contact.website] : []),
    ],
    link: `${context.baseUrl}/aanbod/${listing.slug}`,
  };
}

/**
 * Mails the handover sheet's public information to the resident, at the address the teamlid
 * types (prefilled with the one the resident gave). The address is kept only in the outbox, which
 * forgets it once the mail is sent.
 */
export async function mailHandover(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  input: unknown,
  context: Pick<ReferralContext, 'teams' | 'neighbourhoods' | 'baseUrl' | 'siteName' | 'now'>,
): Promise<void> {
  const { member, row } = await referralOfMyTeam(db, actor, id);
  ensureNotPurged(row);
  const parsed = HandoverMailInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const sheet = await handoverSheet(db, member, id, context);
  const now = context.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  await inTransaction(db, async (trx) => {
    await enqueueMail(
      trx,
      handoverMail(parsed.data.email, {
        siteName: context.siteName,
        listings: sheet.listings.map((entry) => handoverMailListing(entry, context, today)),
      }),
      now,
    );
    await trx
      .insertInto('referral_events')
      .values({
        referral_id: id,
        item_id: null,
        at: now.toISOString(),
        actor_user_id: member.id,
        kind: 'handover-mailed',
        note: null,
        details_json: '{}',
      })
      .execute();
    await trx.updateTable('referrals').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(
      trx,
      { actorId: member.id, action: 'referral.handover-mail', objectType: 'referral', objectId: String(id) },
      now,
    );
  });
}
