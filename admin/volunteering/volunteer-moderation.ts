import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/user.ts';
import type { Database, VolunteerRow } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, ForbiddenError } from '../errors/domain-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { volunteerDecisionMail } from '../mail/volunteer-mails.ts';
import { WEEKDAYS } from '../schemas/fields.ts';
import { text } from '../schemas/text.ts';
import {
  moderationScope,
  notFound,
  requireInScope,
  subjectsInAreas,
  type ModerationScope,
} from './moderation-scope.ts';
import { issueLink, MANAGE_LINK_MS } from './personal-links.ts';
import { historyOf, recordStep, type SubmissionEvent } from './submission-history.ts';
import {
  DAY_PARTS,
  VOLUNTEER_STATUSES,
  volunteerFromRow,
  type Volunteer,
  type VolunteerStatus,
} from './volunteer.ts';
import { forgetVolunteer } from './volunteer-self-service.ts';
import { syncVolunteerOffer } from './volunteer-offer.ts';
import { deskOf, type VolunteeringContext } from './volunteering-context.ts';

/**
 * Moderation of volunteers in /beheer/vrijwilligers: the teamleden of the gebieden a sign-up
 * concerns, the volunteer desk's editors and the beheerders. Every use case loads the sign-up and
 * checks its gebieden against the actor before it reads or writes.
 */

const Id = z.string().regex(/^[a-z0-9-]{1,80}$/);
export const VolunteerFilterSchema = z.object({
  /** `wachtend`: waits for the team; `pool`: approved; or one status; `alle`. */
  view: z.enum(['wachtend', 'pool', 'pauze', 'afgesloten', 'alle']).catch('wachtend'),
  kind: Id.optional().catch(undefined),
  neighbourhood: Id.optional().catch(undefined),
  day: z.enum(WEEKDAYS).optional().catch(undefined),
  dayPart: z.enum(DAY_PARTS).optional().catch(undefined),
});
export type VolunteerFilter = z.infer<typeof VolunteerFilterSchema>;

const VIEW_STATUSES: Record<VolunteerFilter['view'], readonly VolunteerStatus[]> = {
  wachtend: ['submitted', 'changes-requested'],
  pool: ['approved'],
  pauze: ['paused'],
  afgesloten: ['declined', 'withdrawn', 'expired'],
  alle: VOLUNTEER_STATUSES.filter((status) => status !== 'unconfirmed'),
};

const scopeOf = (db: Kysely<Database>, actor: Actor | undefined, context: VolunteeringContext) =>
  moderationScope(db, actor, deskOf(context)?.organisation);

/** The sign-ups in the actor's gebieden that match the filter: the queue oldest first, the pool by name. */
export async function listVolunteers(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: VolunteerFilter,
  context: VolunteeringContext,
): Promise<Volunteer[]> {
  const scope = await scopeOf(db, actor, context);
  const like = (value: string) => `%"${value}"%`;
  const rows = await db
    .selectFrom('volunteers')
    .selectAll()
    .where('status', 'in', VIEW_STATUSES[filter.view])
    .$if(!scope.all, (q) =>
      q.where('id', 'in', subjectsInAreas(db, 'volunteer', scope.all ? [] : scope.areas)),
    )
    // Kinds, wijken and availability are JSON lists of ids: letters, digits and hyphens only.
    .$if(filter.kind !== undefined, (q) => q.where('kinds_json', 'like', like(filter.kind ?? '')))
    .$if(filter.neighbourhood !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb('citywide', '=', 1), eb('neighbourhoods_json', 'like', like(filter.neighbourhood ?? ''))]),
      ),
    )
    .$if(filter.day !== undefined, (q) => q.where('availability_json', 'like', like(filter.day ?? '')))
    .$if(filter.dayPart !== undefined, (q) =>
      q.where('availability_json', 'like', like(filter.dayPart ?? '')),
    )
    .orderBy(filter.view === 'pool' ? sql`coalesce(name, reference)` : sql`created_at`)
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(volunteerFromRow);
}

async function volunteerInScope(
  db: Kysely<Database>,
  scope: ModerationScope,
  id: number,
): Promise<VolunteerRow> {
  const row = await db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'unconfirmed') throw notFound('Deze aanmelding');
  await requireInScope(db, scope, { type: 'volunteer', id });
  return row;
}

export interface VolunteerDetail {
  volunteer: Volunteer;
  history: SubmissionEvent[];
  /** The public offer's page, while it is published. */
  offerSlug: string | null;
}

export async function getVolunteer(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: VolunteeringContext,
): Promise<VolunteerDetail> {
  const scope = await scopeOf(db, actor, context);
  const row = await volunteerInScope(db, scope, id);
  const listing = row.listing_id
    ? await db
        .selectFrom('listings')
        .select(['slug', 'status'])
        .where('id', '=', row.listing_id)
        .executeTakeFirst()
    : undefined;
  return {
    volunteer: volunteerFromRow(row),
    history: await historyOf(db, { type: 'volunteer', id }),
    offerSlug: listing?.status === 'published' ? listing.slug : null,
  };
}

export const DecisionNoteSchema = text({ error: 'Schrijf op wat er anders moet.' })
  .trim()
  .min(5, 'Schrijf in een paar woorden wat er anders moet, of waarom.')
  .max(2000, 'Gebruik hooguit 2.000 tekens.');

type Decision = 'approved' | 'changes-requested' | 'declined';
const DECIDABLE: Record<Decision, readonly VolunteerStatus[]> = {
  approved: ['submitted', 'changes-requested'],
  'changes-requested': ['submitted', 'approved', 'paused'],
  declined: ['submitted', 'changes-requested', 'approved', 'paused'],
};

async function decide(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  decision: Decision,
  note: string | undefined,
  context: VolunteeringContext,
): Promise<void> {
  const now = context.now ?? new Date();
  const scope = await scopeOf(db, actor, context);
  await inTransaction(db, async (trx) => {
    const row = await volunteerInScope(trx, scope, id);
    const from = row.status as VolunteerStatus;
    if (!DECIDABLE[decision].includes(from))
      throw new ForbiddenError(
        'Dat kan niet meer: de aanmelding is intussen veranderd. Laad de pagina opnieuw.',
      );
    const updated = await trx
      .updateTable('volunteers')
      .set((eb) => ({
        status: decision,
        decision_note: note ?? null,
        decided_at: now.toISOString(),
        updated_at: now.toISOString(),
        ...(decision === 'approved' ? { availability_confirmed_at: now.toISOString(), paused_at: null } : {}),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new ConflictError(
        'Iemand anders heeft deze aanmelding net ook aangepast. Bekijk haar opnieuw en probeer het nog een keer.',
      );
    const saved = volunteerFromRow(
      await trx.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
    const listingId = await syncVolunteerOffer(trx, saved, context);
    if (listingId !== saved.listingId)
      await trx.updateTable('volunteers').set({ listing_id: listingId }).where('id', '=', id).execute();
    await recordStep(
      trx,
      {
        subject: { type: 'volunteer', id },
        actorId: scope.actor.id,
        kind: decision,
        note: note ?? null,
        audit: { status: { from, to: decision } },
      },
      now,
    );
    if (row.email) {
      const token = await issueLink(trx, { type: 'volunteer', id }, 'manage', MANAGE_LINK_MS, now);
      await enqueueMail(
        trx,
        volunteerDecisionMail(row.email, {
          siteName: context.siteName,
          reference: row.reference,
          link: `${context.baseUrl}/helpen/mijn/${token}`,
          decision,
        }),
        now,
      );
    }
  });
}

export const approveVolunteer = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  context: VolunteeringContext,
) => decide(db, actor, id, version, 'approved', undefined, context);

/** The volunteer gets a mail with a link to their page, where the note says what to change. */
export const requestVolunteerChange = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  note: string,
  context: VolunteeringContext,
) => decide(db, actor, id, version, 'changes-requested', note, context);

export const declineVolunteer = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  reason: string,
  context: VolunteeringContext,
) => decide(db, actor, id, version, 'declined', reason, context);

/** A volunteer asks the desk (by phone, say) to be removed: their personal data goes at once. */
export async function removeVolunteer(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: VolunteeringContext,
): Promise<void> {
  const now = context.now ?? new Date();
  const scope = await scopeOf(db, actor, context);
  await inTransaction(db, async (trx) => {
    const row = await volunteerInScope(trx, scope, id);
    if (row.purged_at !== null) return;
    await forgetVolunteer(trx, row, 'withdrawn', context, now);
    await recordStep(
      trx,
      {
        subject: { type: 'volunteer', id },
        actorId: scope.actor.id,
        kind: 'removed-on-request',
        audit: { status: { from: row.status, to: 'withdrawn' } },
      },
      now,
    );
  });
}
