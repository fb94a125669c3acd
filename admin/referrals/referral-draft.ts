import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { FieldError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { MAX_LISTINGS } from './referral.ts';
import { requireReferrer } from './referral-access.ts';

/**
 * The referral a teamlid is putting together, kept per account so it survives searching, opening
 * listings and going back: which question it answers and which listings were picked. It holds no
 * personal data (ids only), so it needs no consent and no audit entry; creating the referral
 * empties it.
 */
export interface ReferralDraft {
  question: { id: number; reference: string } | null;
  listings: { id: number; title: string; organisationName: string; published: boolean }[];
}

const IdsSchema = z.array(z.number().int().positive());

async function draftRow(db: Kysely<Database>, userId: number) {
  const row = await db
    .selectFrom('referral_drafts')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? { questionId: row.question_id, listingIds: IdsSchema.parse(JSON.parse(row.listing_ids_json)) }
    : { questionId: null, listingIds: [] as number[] };
}

async function saveDraft(
  db: Kysely<Database>,
  userId: number,
  draft: { questionId: number | null; listingIds: number[] },
  now: Date,
): Promise<void> {
  const values = {
    question_id: draft.questionId,
    listing_ids_json: JSON.stringify(draft.listingIds),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('referral_drafts')
    .values({ user_id: userId, ...values })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet(values))
    .execute();
}

async function questionOfTeam(db: Kysely<Database>, member: Actor, questionId: number) {
  const question = await db
    .selectFrom('questions')
    .select(['id', 'reference', 'team_id', 'purged_at'])
    .where('id', '=', questionId)
    .executeTakeFirst();
  if (!question) throw new NotFoundError('Deze vraag bestaat niet.');
  if (!member.teamIds.includes(question.team_id))
    throw new ForbiddenError('Deze vraag hoort bij een ander team.');
  if (question.purged_at !== null)
    throw new ForbiddenError(
      'De gegevens van deze vraag zijn verwijderd. Je kunt er niet meer naar verwijzen.',
    );
  return question;
}

export async function getReferralDraft(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<ReferralDraft> {
  const member = requireReferrer(actor);
  const draft = await draftRow(db, member.id);
  const [question, listings] = await Promise.all([
    draft.questionId === null
      ? undefined
      : db
          .selectFrom('questions')
          .select(['id', 'reference', 'team_id'])
          .where('id', '=', draft.questionId)
          .executeTakeFirst(),
    draft.listingIds.length === 0
      ? []
      : db
          .selectFrom('listings')
          .leftJoin('organisations', 'organisations.slug', 'listings.organisation_slug')
          .select(['listings.id', 'listings.title', 'listings.status', 'organisations.name'])
          .where('listings.id', 'in', draft.listingIds)
          .execute(),
  ]);
  return {
    question:
      question && member.teamIds.includes(question.team_id)
        ? { id: question.id, reference: question.reference }
        : null,
    listings: draft.listingIds.flatMap((id) => {
      const listing = listings.find((candidate) => candidate.id === id);
      return listing
        ? [
            {
              id,
              title: listing.title,
              organisationName: listing.name ?? '',
              published: listing.status === 'published',
            },
          ]
        : [];
    }),
  };
}

/**
 * Adds a listing to the draft. Naming a question other than the draft's starts a new draft for
 * that question: a referral answers one resident's question.
 */
export async function addToReferralDraft(
  db: Kysely<Database>,
  actor: Actor | undefined,
  listingId: number,
  questionId: number | undefined,
  now = new Date(),
): Promise<void> {
  const member = requireReferrer(actor);
  const listing = await db
    .selectFrom('listings')
    .select('id')
    .where('id', '=', listingId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!listing) throw new NotFoundError('Dit aanbod is niet (meer) te vinden.');
  const draft = await draftRow(db, member.id);
  if (questionId !== undefined) await questionOfTeam(db, member, questionId);
  const fresh = questionId !== undefined && questionId !== draft.questionId;
  const listingIds = fresh ? [] : draft.listingIds;
  if (listingIds.includes(listingId)) return;
  if (listingIds.length >= MAX_LISTINGS)
    throw new FieldError(
      'listingId',
      `Een verwijzing heeft hooguit ${MAX_LISTINGS} aanbieders. Haal er eerst een weg.`,
    );
  await saveDraft(
    db,
    member.id,
    { questionId: fresh ? (questionId ?? null) : draft.questionId, listingIds: [...listingIds, listingId] },
    now,
  );
}

export async function removeFromReferralDraft(
  db: Kysely<Database>,
  actor: Actor | undefined,
  listingId: number,
  now = new Date(),
): Promise<void> {
  const member = requireReferrer(actor);
  const draft = await draftRow(db, member.id);
  await saveDraft(
    db,
    member.id,
    { ...draft, listingIds: draft.listingIds.filter((id) => id !== listingId) },
    now,
  );
}

/** Starts over: no question, no listings. */
export async function clearReferralDraft(db: Kysely<Database>, actor: Actor | undefined): Promise<void> {
  const member = requireReferrer(actor);
  await db.deleteFrom('referral_drafts').where('user_id', '=', member.id).execute();
}

/** Drafts nobody touched for this long are forgotten by the purge. */
export const DRAFT_RETENTION_DAYS = 30;
