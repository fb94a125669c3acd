import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/user.ts';
import type { Database, MatchRequestRow } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { followUpMail, requestReceivedMail, workQueueMail } from '../mail/volunteer-mails.ts';
import { EmailSchema, PhoneSchema } from '../schemas/fields.ts';
import { text } from '../schemas/text.ts';
import {
  areasOfSubject,
  moderationScope,
  notFound,
  requireInScope,
  setSubjectAreas,
  subjectsInAreas,
} from './moderation-scope.ts';
import {
  ANSWER_LINK_MS,
  checkLink,
  consumeLink,
  DAY_MS,
  issueLink,
  PersonalLinkError,
} from './personal-links.ts';
import { historyOf, recordStep, type SubmissionEvent } from './submission-history.ts';
import {
  deskOf,
  isPlainText,
  noticeRecipients,
  referenceFor,
  type VolunteeringContext,
} from './volunteering-context.ts';

/**
 * "Ik wil hier gebruik van maken": a resident asks for a volunteer's public offer. The request goes
 * to the volunteer desk (or the gebied's team), who connect the two; fourteen days after that both
 * get one mail "Is het gelukt?", and their answers are the match's outcome.
 */

export const FOLLOW_UP_AFTER_DAYS = 14;
/** A follow-up nobody answered closes the match after this many days. */
export const FOLLOW_UP_OPEN_DAYS = 30;

/** `nieuw` → `verbonden` (the desk brought them together) → `afgerond`; or `afgesloten` without a match. */
export const MATCH_STATUSES = ['nieuw', 'verbonden', 'afgerond', 'afgesloten'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type Outcome = 'gelukt' | 'niet-gelukt';

export const MatchRequestInputSchema = z
  .object({
    need: text({ error: 'Schrijf kort op waar je hulp bij zoekt.' })
      .trim()
      .min(10, 'Schrijf in een paar zinnen waar je hulp bij zoekt.')
      .max(2000, 'Gebruik hooguit 2.000 tekens.')
      .refine(isPlainText, 'Gebruik geen HTML-code zoals <script> of <b>. Schrijf gewone tekst.'),
    name: text()
      .trim()
      .max(100, 'Gebruik voor je naam hooguit 100 tekens.')
      .refine(isPlainText, 'Gebruik geen HTML-code in je naam.')
      .optional(),
    phone: PhoneSchema.optional(),
    email: EmailSchema.max(254, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.').optional(),
    /** The offer asked for (its listing's slug). */
    slug: text().regex(/^[a-z0-9-]{1,100}$/),
    formToken: text({ error: 'Het formulier is niet compleet. Laad de pagina opnieuw.' }).max(200),
    website: text().optional(),
  })
  .refine((input) => Boolean(input.phone ?? input.email), {
    path: ['phone'],
    message: 'Vul een telefoonnummer of een e-mailadres in, zodat we contact met je kunnen opnemen.',
  });
export type MatchRequestInput = z.output<typeof MatchRequestInputSchema>;

/** Requests only for a published offer of a volunteer who is in the pool. */
async function offerBySlug(db: Kysely<Database>, slug: string) {
  const listing = await db
    .selectFrom('listings')
    .innerJoin('volunteers', 'volunteers.listing_id', 'listings.id')
    .select(['listings.id as listingId', 'listings.title', 'volunteers.id as volunteerId'])
    .where('listings.slug', '=', slug)
    .where('listings.status', '=', 'published')
    .where('listings.origin', '=', 'volunteer')
    .where('volunteers.status', '=', 'approved')
    .executeTakeFirst();
  return listing;
}

/** The offer a request form is for, or undefined when it cannot be asked for (anymore). */
export async function findRequestableOffer(
  db: Kysely<Database>,
  slug: string,
): Promise<{ title: string } | undefined> {
  const offer = await offerBySlug(db, slug);
  return offer ? { title: offer.title } : undefined;
}

export async function requestHelp(
  db: Kysely<Database>,
  slug: string,
  input: MatchRequestInput,
  key: string,
  context: VolunteeringContext,
): Promise<{ reference: string; key: string; created: boolean }> {
  const now = context.now ?? new Date();
  const earlier = await db
    .selectFrom('match_requests')
    .select('reference')
    .where('submission_key', '=', key)
    .executeTakeFirst();
  if (earlier) return { reference: earlier.reference, key, created: false };
  const offer = await offerBySlug(db, slug);
  if (!offer) throw new NotFoundError('Deze hulp kan nu niet worden aangevraagd.');
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    const { id } = await trx
      .insertInto('match_requests')
      .values({
        reference: `pending-${key}`,
        submission_key: key,
        listing_id: offer.listingId,
        volunteer_id: offer.volunteerId,
        status: 'nieuw',
        need_text: input.need,
        requester_name: input.name || null,
        requester_phone: input.phone ?? null,
        requester_email: input.email ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = referenceFor('AV', id, at);
    await trx.updateTable('match_requests').set({ reference }).where('id', '=', id).execute();
    const areas = await areasOfSubject(trx, { type: 'volunteer', id: offer.volunteerId });
    await setSubjectAreas(trx, { type: 'match', id }, areas);
    await recordStep(trx, { subject: { type: 'match', id }, actorId: null, kind: 'created' }, now);
    for (const to of noticeRecipients(context, areas)) {
      await enqueueMail(
        trx,
        workQueueMail(to, {
          siteName: context.siteName,
          what: 'Nieuwe aanvraag voor vrijwillige hulp',
          reference,
          link: `${context.baseUrl}/beheer/aanvragen/${id}`,
        }),
        now,
      );
    }
    if (input.email)
      await enqueueMail(
        trx,
        requestReceivedMail(input.email, {
          siteName: context.siteName,
          reference,
          deskName: deskOf(context)?.name ?? 'Het wijkteam',
        }),
        now,
      );
    return { reference, key, created: true };
  });
}

export async function findRequestReceipt(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('match_requests')
    .select('reference')
    .where('submission_key', '=', key)
    .executeTakeFirst();
}

export interface MatchRequest {
  id: number;
  reference: string;
  status: MatchStatus;
  version: number;
  offerTitle: string | null;
  need: string | null;
  requester: { name: string | null; phone: string | null; email: string | null };
  volunteer: {
    id: number;
    reference: string;
    name: string | null;
    phone: string | null;
    email: string | null;
  } | null;
  createdAt: string;
  connectedAt: string | null;
  followUpSentAt: string | null;
  requesterOutcome: Outcome | null;
  volunteerOutcome: Outcome | null;
  purged: boolean;
}

async function requestsOf(db: Kysely<Database>, rows: MatchRequestRow[]): Promise<MatchRequest[]> {
  const listingIds = rows.flatMap((row) => (row.listing_id ? [row.listing_id] : []));
  const volunteerIds = rows.flatMap((row) => (row.volunteer_id ? [row.volunteer_id] : []));
  const listings = listingIds.length
    ? await db.selectFrom('listings').select(['id', 'title']).where('id', 'in', listingIds).execute()
    : [];
  const volunteers = volunteerIds.length
    ? await db
        .selectFrom('volunteers')
        .select(['id', 'reference', 'name', 'phone', 'email'])
        .where('id', 'in', volunteerIds)
        .execute()
    : [];
  return rows.map((row) => {
    const volunteer = volunteers.find((entry) => entry.id === row.volunteer_id);
    return {
      id: row.id,
      reference: row.reference,
      status: row.status as MatchStatus,
      version: row.version,
      offerTitle: listings.find((listing) => listing.id === row.listing_id)?.title ?? null,
      need: row.need_text,
      requester: { name: row.requester_name, phone: row.requester_phone, email: row.requester_email },
      volunteer: volunteer ?? null,
      createdAt: row.created_at,
      connectedAt: row.connected_at,
      followUpSentAt: row.follow_up_sent_at,
      requesterOutcome: row.requester_outcome as Outcome | null,
      volunteerOutcome: row.volunteer_outcome as Outcome | null,
      purged: row.purged_at !== null,
    };
  });
}

export const RequestFilterSchema = z.object({
  view: z.enum(['open', 'afgerond', 'alle']).catch('open'),
});

export async function listRequests(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: z.infer<typeof RequestFilterSchema>,
  context: VolunteeringContext,
): Promise<MatchRequest[]> {
  const scope = await moderationScope(db, actor, deskOf(context)?.organisation);
  const statuses: MatchStatus[] =
    filter.view === 'open'
      ? ['nieuw', 'verbonden']
      : filter.view === 'afgerond'
        ? ['afgerond', 'afgesloten']
        : [...MATCH_STATUSES];
  const rows = await db
    .selectFrom('match_requests')
    .selectAll()
    .where('status', 'in', statuses)
    .$if(!scope.all, (q) => q.where('id', 'in', subjectsInAreas(db, 'match', scope.all ? [] : scope.areas)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
  return requestsOf(db, rows);
}

async function requestInScope(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: VolunteeringContext,
) {
  const scope = await moderationScope(db, actor, deskOf(context)?.organisation);
  const row = await db.selectFrom('match_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze aanvraag');
  await requireInScope(db, scope, { type: 'match', id });
  return { scope, row };
}

export async function getRequest(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: VolunteeringContext,
): Promise<{ request: MatchRequest; history: SubmissionEvent[] }> {
  const { row } = await requestInScope(db, actor, id, context);
  const [request] = await requestsOf(db, [row]);
  if (!request) throw notFound('Deze aanvraag');
  return { request, history: await historyOf(db, { type: 'match', id }) };
}

async function step(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  change: { from: MatchStatus[]; to: MatchStatus; kind: string; note?: string },
  context: VolunteeringContext,
): Promise<void> {
  const now = context.now ?? new Date();
  await inTransaction(db, async (trx) => {
    const { scope, row } = await requestInScope(trx, actor, id, context);
    if (!change.from.includes(row.status as MatchStatus))
      throw new ForbiddenError(
        'Dat kan niet meer: de aanvraag is intussen veranderd. Laad de pagina opnieuw.',
      );
    const at = now.toISOString();
    const updated = await trx
      .updateTable('match_requests')
      .set((eb) => ({
        status: change.to,
        updated_at: at,
        ...(change.to === 'verbonden' ? { connected_at: at } : { closed_at: at }),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new ConflictError('Iemand anders heeft deze aanvraag net ook aangepast. Laad de pagina opnieuw.');
    await recordStep(
      trx,
      {
        subject: { type: 'match', id },
        actorId: scope.actor.id,
        kind: change.kind,
        note: change.note ?? null,
        audit: { status: { from: row.status, to: change.to } },
      },
      now,
    );
  });
}

/** The desk brought the resident and the volunteer together; the follow-up comes in 14 days. */
export const connectRequest = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  context: VolunteeringContext,
) => step(db, actor, id, version, { from: ['nieuw'], to: 'verbonden', kind: 'connected' }, context);

/** The request ends without a match (no volunteer could help, the need went away). */
export const closeRequest = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  reason: string,
  context: VolunteeringContext,
) =>
  step(
    db,
    actor,
    id,
    version,
    { from: ['nieuw', 'verbonden'], to: 'afgesloten', kind: 'closed', note: reason },
    context,
  );

/**
 * Sends "Is het gelukt?" to both sides of every match connected 14 days ago, once. Safe to repeat:
 * a request whose follow-up went out is skipped.
 */
export async function sendFollowUps(db: Kysely<Database>, context: VolunteeringContext): Promise<number> {
  const now = context.now ?? new Date();
  const due = await db
    .selectFrom('match_requests')
    .selectAll()
    .where('status', '=', 'verbonden')
    .where('follow_up_sent_at', 'is', null)
    .where('connected_at', '<=', new Date(now.getTime() - FOLLOW_UP_AFTER_DAYS * DAY_MS).toISOString())
    .execute();
  for (const row of due) {
    await inTransaction(db, async (trx) => {
      const claimed = await trx
        .updateTable('match_requests')
        .set({ follow_up_sent_at: now.toISOString(), updated_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('follow_up_sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      const subject = { type: 'match', id: row.id } as const;
      const volunteer = row.volunteer_id
        ? await trx
            .selectFrom('volunteers')
            .select(['email'])
            .where('id', '=', row.volunteer_id)
            .executeTakeFirst()
        : undefined;
      const sides = [
        { side: 'requester', to: row.requester_email },
        { side: 'volunteer', to: volunteer?.email ?? null },
      ] as const;
      for (const { side, to } of sides) {
        if (!to) continue;
        const token = await issueLink(trx, subject, `follow-up-${side}`, ANSWER_LINK_MS, now);
        const link = `${context.baseUrl}/gelukt/${token}`;
        await enqueueMail(
          trx,
          followUpMail(to, {
            siteName: context.siteName,
            reference: row.reference,
            yesLink: `${link}?antwoord=ja`,
            noLink: `${link}?antwoord=nee`,
            side,
          }),
          now,
        );
      }
      await recordStep(trx, { subject, actorId: null, kind: 'follow-up-sent' }, now);
    });
  }
  return due.length;
}

/** A match whose follow-up nobody answered within 30 days is done with. */
export async function closeAnsweredOrStaleMatches(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('match_requests')
    .set({ status: 'afgerond', closed_at: now.toISOString(), updated_at: now.toISOString() })
    .where('status', '=', 'verbonden')
    .where('follow_up_sent_at', '<=', new Date(now.getTime() - FOLLOW_UP_OPEN_DAYS * DAY_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What a follow-up link asks, for the page that lets the person confirm the answer. */
export async function checkFollowUpLink(db: Kysely<Database>, token: string, now = new Date()) {
  const checked = await checkLink(db, token, ['follow-up-requester', 'follow-up-volunteer'], now);
  if (checked.status !== 'ok') throw new PersonalLinkError(checked.status);
  const row = await db
    .selectFrom('match_requests')
    .select('reference')
    .where('id', '=', checked.subjectId)
    .executeTakeFirst();
  if (!row) throw new PersonalLinkError('unknown');
  return { reference: row.reference };
}

/** "Is het gelukt?" answered: kept as the match's outcome for that side; the link works once. */
export async function answerFollowUp(
  db: Kysely<Database>,
  token: string,
  success: boolean,
  context: Pick<VolunteeringContext, 'now'>,
): Promise<{ reference: string }> {
  const now = context.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const checked = await consumeLink(trx, token, ['follow-up-requester', 'follow-up-volunteer'], now);
    if (checked.status !== 'ok') throw new PersonalLinkError(checked.status);
    const row = await trx
      .selectFrom('match_requests')
      .selectAll()
      .where('id', '=', checked.subjectId)
      .executeTakeFirst();
    if (!row) throw new PersonalLinkError('unknown');
    const outcome: Outcome = success ? 'gelukt' : 'niet-gelukt';
    const side = checked.purpose === 'follow-up-requester' ? 'requester' : 'volunteer';
    const outstanding = await trx
      .selectFrom('personal_links')
      .select('id')
      .where('subject_type', '=', 'match')
      .where('subject_id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    await trx
      .updateTable('match_requests')
      .set((eb) => ({
        ...(side === 'requester' ? { requester_outcome: outcome } : { volunteer_outcome: outcome }),
        ...(outstanding ? {} : { status: 'afgerond', closed_at: now.toISOString() }),
        updated_at: now.toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    await recordStep(
      trx,
      {
        subject: { type: 'match', id: row.id },
        actorId: null,
        kind: 'outcome',
        details: { side, outcome },
        audit: { [`${side}Outcome`]: { from: null, to: outcome } },
      },
      now,
    );
    return { reference: row.reference };
  });
}
