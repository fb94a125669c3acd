import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/user.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { FieldError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors/domain-errors.ts';
import { listPublishedListingsInFull } from '../listings/listing-repository.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { newReferralMail } from '../mail/templates.ts';
import { referenceFor, referralInputSchema, type ReferralInput } from './referral.ts';
import { requireReferrer } from './referral-access.ts';
import { areaOfTeam, type ReferralContext } from './referral-context.ts';
import { organisationRecipients } from './referral-mail.ts';

const DAY_MS = 24 * 3600_000;

/** The team a referral is made for: the question's, or one of the teamlid's own. */
async function teamFor(
  db: Kysely<Database>,
  member: Actor,
  input: ReferralInput,
): Promise<{ teamId: string; questionId: number | null }> {
  if (input.questionId !== undefined) {
    const question = await db
      .selectFrom('questions')
      .select(['id', 'team_id', 'purged_at'])
      .where('id', '=', input.questionId)
      .executeTakeFirst();
    if (!question) throw new NotFoundError('De vraag bij deze verwijzing bestaat niet.');
    if (!member.teamIds.includes(question.team_id))
      throw new ForbiddenError('Deze vraag hoort bij een ander team.');
    if (question.purged_at !== null)
      throw new ForbiddenError(
        'De gegevens van deze vraag zijn verwijderd. Maak een verwijzing zonder vraag.',
      );
    return { teamId: question.team_id, questionId: question.id };
  }
  if (input.teamId !== undefined && !member.teamIds.includes(input.teamId))
    throw new ForbiddenError('Je kunt alleen verwijzen namens je eigen team.');
  const teamId = input.teamId ?? (member.teamIds.length === 1 ? member.teamIds[0] : undefined);
  if (!teamId) throw new FieldError('teamId', 'Kies voor welk team je verwijst.');
  return { teamId, questionId: null };
}

/**
 * A teamlid refers a resident to one or more listings, with the resident's consent. The referral,
 * its history, the audit entry and a mail to each organisation ("nieuwe verwijzing in je werkbak",
 * nothing about the resident) commit together; the teamlid's draft is emptied with it.
 */
export async function createReferral(
  db: Kysely<Database>,
  actor: Actor | undefined,
  input: unknown,
  context: ReferralContext,
): Promise<{ id: number; reference: string }> {
  const member = requireReferrer(actor);
  const parsed = referralInputSchema({
    neighbourhoods: [...context.neighbourhoods.keys()],
    lifeDomains: context.lifeDomains,
  }).safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const referral = parsed.data;
  const { teamId, questionId } = await teamFor(db, member, referral);
  const listings = await listPublishedListingsInFull(db, referral.listingIds);
  if (listings.length !== referral.listingIds.length)
    throw new InvalidInputError([
      {
        path: ['listingIds'],
        message: 'Een gekozen aanbod is niet meer te vinden of staat offline. Haal het uit de verwijzing.',
      },
    ]);
  const ordered = referral.listingIds.map((id) => listings.find((listing) => listing.id === id)!);

  const now = context.now ?? new Date();
  const at = now.toISOString();
  const area =
    (referral.neighbourhood ? context.neighbourhoods.get(referral.neighbourhood)?.area : undefined) ??
    areaOfTeam(teamId) ??
    null;

  const created = await inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('referrals')
      .values({
        reference: `pending-${crypto.randomUUID()}`,
        team_id: teamId,
        created_by_user_id: member.id,
        question_id: questionId,
        area,
        neighbourhood: referral.neighbourhood ?? null,
        urgency: referral.urgency,
        contact_by: referral.contactBy,
        resident_name: referral.residentName,
        resident_phone: referral.residentPhone ?? null,
        resident_email: referral.residentEmail ?? null,
        note: referral.note,
        consent_at: at,
        follow_up_due_at: new Date(now.getTime() + context.followUpDays * DAY_MS).toISOString(),
        follow_up_answer: null,
        follow_up_note: null,
        follow_up_answered_at: null,
        created_at: at,
        updated_at: at,
        closed_at: null,
        purged_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = referenceFor(id, at);
    await trx.updateTable('referrals').set({ reference }).where('id', '=', id).execute();
    await trx
      .insertInto('referral_life_domains')
      .values([...new Set(referral.lifeDomains)].map((life_domain) => ({ referral_id: id, life_domain })))
      .execute();
    await trx
      .insertInto('referral_items')
      .values(
        ordered.map((listing) => ({
          referral_id: id,
          listing_id: listing.id,
          organisation_slug: listing.organisation,
          status: 'ontvangen',
          reason: null,
          reason_note: null,
          status_at: at,
          reminder_sent_at: null,
          created_at: at,
        })),
      )
      .execute();
    await trx
      .insertInto('referral_events')
      .values({
        referral_id: id,
        item_id: null,
        at,
        actor_user_id: member.id,
        kind: 'created',
        note: null,
        details_json: JSON.stringify({ listings: ordered.map((listing) => listing.title) }),
      })
      .execute();
    if (questionId !== null) {
      await trx
        .insertInto('question_events')
        .values({
          question_id: questionId,
          at,
          actor_user_id: member.id,
          kind: 'referral',
          note: null,
          details_json: JSON.stringify({ reference, listings: ordered.length }),
        })
        .execute();
    }
    // Who referred where, never the resident or what they told.
    await recordAudit(
      trx,
      {
        actorId: member.id,
        action: 'referral.create',
        objectType: 'referral',
        objectId: String(id),
        changes: {
          team: { from: null, to: teamId },
          listings: { from: null, to: ordered.map((listing) => listing.id) },
          urgency: { from: null, to: referral.urgency },
          question: { from: null, to: questionId },
          consent: { from: null, to: at },
        },
      },
      now,
    );
    for (const organisation of new Set(ordered.map((listing) => listing.organisation))) {
      const recipients = await organisationRecipients(trx, organisation);
      for (const to of recipients.addresses) {
        await enqueueMail(
          trx,
          newReferralMail(to, {
            siteName: context.siteName,
            organisationName: recipients.name,
            reference,
            link: `${context.baseUrl}/beheer/verwijzingen/${id}`,
            urgent: referral.urgency === 'spoed',
          }),
          now,
        );
      }
    }
    await trx.deleteFrom('referral_drafts').where('user_id', '=', member.id).execute();
    return { id, reference };
  });
  return created;
}
