import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/user.ts';
import { dutchToday, lastDateOf } from '../calendar/activity-dates.ts';
import type { ActivitySubmissionRow, Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors/domain-errors.ts';
import type { FieldIssue } from '../errors/field-issue.ts';
import {
  findListingById,
  insertListing,
  updateListing,
  updateListingState,
} from '../listings/listing-repository.ts';
import type { LookupAddress } from '../listings/listing-draft.ts';
import { neighbourhoodAt, type PlacedNeighbourhood } from '../location/neighbourhood-at.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { activityDecisionMail, confirmActivityMail, workQueueMail } from '../mail/volunteer-mails.ts';
import { ListingInputSchema, type ListingData } from '../schemas/listing.ts';
import { publisherOf } from '../schemas/volunteering.ts';
import {
  activityFromRow,
  ActivityFieldsSchema,
  LIVE_ACTIVITY_STATUSES,
  OrganiserSchema,
  type ActivityFields,
  type ActivityRegistration,
  type ActivityStatus,
  type ActivitySubmission,
} from './activity.ts';
import {
  moderationScope,
  notFound,
  requireInScope,
  setSubjectAreas,
  subjectsInAreas,
} from './moderation-scope.ts';
import {
  checkLink,
  CONFIRM_WITHIN_MS,
  extendLinks,
  issueLink,
  MANAGE_LINK_MS,
  PersonalLinkError,
  revokeLinks,
} from './personal-links.ts';
import { forgetHistoryNotes, historyOf, recordStep, type SubmissionEvent } from './submission-history.ts';
import {
  areasOf,
  deskOf,
  noticeRecipients,
  publicContact,
  referenceFor,
  type VolunteeringContext,
} from './volunteering-context.ts';

/** What placing an address in its wijk needs. */
export interface ActivityDeps {
  lookupAddress: LookupAddress;
  neighbourhoods: readonly PlacedNeighbourhood[];
}

const HOUSE_NUMBER = /\s([1-9][0-9]{0,4})\s*[-\s]?\s*[A-Za-z0-9]{0,4}$/;

/** Taxonomy words checked against content; the address found and placed in its wijk. */
async function placeActivity(
  fields: ActivityFields,
  context: VolunteeringContext,
  deps: ActivityDeps,
): Promise<{ coordinates?: { lat: number; lng: number }; neighbourhood: string | null }> {
  const issues: FieldIssue[] = [];
  const { taxonomy } = context.content;
  if (fields.audiences.some((id) => !taxonomy.audiences.some((audience) => audience.id === id)))
    issues.push({ path: ['audiences'], message: 'Kies uit de lijst.' });
  if (fields.lifeDomains.some((id) => !taxonomy.lifeDomains.some((domain) => domain.id === id)))
    issues.push({ path: ['lifeDomains'], message: 'Kies uit de lijst.' });
  if (fields.online === 'ja') {
    if (issues.length > 0) throw new InvalidInputError(issues);
    return { neighbourhood: null };
  }
  const address = fields.location?.address;
  const houseNumber = HOUSE_NUMBER.exec(address?.street?.trim() ?? '');
  const streetPath = ['location', 'address', 'street'];
  if (!houseNumber || !address?.postcode) {
    issues.push({ path: streetPath, message: 'Vul straat en huisnummer in, zoals Fuikstraat 10.' });
    throw new InvalidInputError(issues);
  }
  const answer = await deps.lookupAddress({
    postcode: address.postcode,
    houseNumber: Number(houseNumber[1]),
  });
  if (answer.status !== 'found') {
    issues.push({
      path: streetPath,
      message:
        answer.status === 'not-found'
          ? 'We vinden dit adres niet. Kijk of straat, huisnummer en postcode kloppen.'
          : 'We kunnen het adres nu niet opzoeken. Probeer het over een paar minuten nog eens.',
    });
    throw new InvalidInputError(issues);
  }
  const wijk = neighbourhoodAt(answer.address.point, deps.neighbourhoods);
  if (!wijk) {
    issues.push({
      path: streetPath,
      message: `Dit adres ligt niet in ${context.content.municipality.name}. Activiteiten op deze site vinden hier plaats, of online.`,
    });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return { coordinates: answer.address.point, neighbourhood: wijk?.id ?? null };
}

/** The listing residents see: public fields only; contact through the desk or the gebied's team. */
function listingDataOf(
  submission: {
    fields: ActivityFields;
    neighbourhood: string | null;
    coordinates?: { lat: number; lng: number };
  },
  slug: string,
  context: VolunteeringContext,
): ListingData {
  const { fields, neighbourhood, coordinates } = submission;
  const areas = areasOf(context, {
    citywide: neighbourhood === null,
    neighbourhoods: neighbourhood ? [neighbourhood] : [],
  });
  const address = fields.location?.address;
  const description = [
    fields.description,
    fields.volunteersWanted === 'ja'
      ? '# Vrijwilligers gezocht\n\nWil je meehelpen? [Meld je aan als vrijwilliger](/helpen?soort=activiteiten) en noem deze activiteit.'
      : '',
    fields.online === 'ja' ? 'Deze activiteit is online.' : '',
    'Deze activiteit is aangemeld door een bewoner en bekeken door het wijkteam.',
  ]
    .filter(Boolean)
    .join('\n\n');
  return ListingInputSchema.parse({
    kind: 'activity',
    title: fields.title,
    summary: fields.summary,
    description,
    citywide: neighbourhood === null,
    neighbourhoods: neighbourhood ? [neighbourhood] : [],
    locations:
      fields.online !== 'ja' && coordinates && address
        ? [{ name: fields.location?.name, address, coordinates }]
        : [],
    lifeDomains: fields.lifeDomains.length > 0 ? fields.lifeDomains : ['meedoen'],
    audiences: fields.audiences,
    cost: fields.cost,
    costNote: fields.costNote,
    access: 'open',
    contact: publicContact(context, areas),
    schedule: fields.schedule,
    languages: ['nl'],
    accessibility: [],
    slug,
    organisation: publisherOf(context.content.volunteering),
    status: 'published',
    lastVerifiedAt: dutchToday(context.now),
    isDemo: false,
    origin: 'resident',
  });
}

const draftJson = (fields: ActivityFields, coordinates?: { lat: number; lng: number }) =>
  JSON.stringify({ fields, ...(coordinates ? { coordinates } : {}) });

export async function registerActivity(
  db: Kysely<Database>,
  input: ActivityRegistration,
  key: string,
  context: VolunteeringContext,
  deps: ActivityDeps,
): Promise<{ reference: string; key: string; created: boolean }> {
  const now = context.now ?? new Date();
  const earlier = await db
    .selectFrom('activity_submissions')
    .select('reference')
    .where('submission_key', '=', key)
    .executeTakeFirst();
  if (earlier) return { reference: earlier.reference, key, created: false };
  const fields = ActivityFieldsSchema.parse(input);
  const organiser = OrganiserSchema.parse(input);
  // The lookup is a network call: outside the transaction, which blocks SQLite's one writer.
  const place = await placeActivity(fields, context, deps);
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    const { id } = await trx
      .insertInto('activity_submissions')
      .values({
        reference: `pending-${key}`,
        submission_key: key,
        status: 'unconfirmed',
        draft_json: draftJson(fields, place.coordinates),
        neighbourhood: place.neighbourhood,
        organiser_name: organiser.organiserName,
        organiser_email: organiser.organiserEmail,
        organiser_phone: organiser.organiserPhone ?? null,
        last_date: lastDateOf(fields.schedule) ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = referenceFor('AC', id, at);
    await trx.updateTable('activity_submissions').set({ reference }).where('id', '=', id).execute();
    const subject = { type: 'activity', id } as const;
    await setSubjectAreas(
      trx,
      subject,
      areasOf(context, {
        citywide: !place.neighbourhood,
        neighbourhoods: place.neighbourhood ? [place.neighbourhood] : [],
      }),
    );
    await recordStep(trx, { subject, actorId: null, kind: 'created' }, now);
    const token = await issueLink(trx, subject, 'manage', CONFIRM_WITHIN_MS, now);
    await enqueueMail(
      trx,
      confirmActivityMail(organiser.organiserEmail, {
        siteName: context.siteName,
        reference,
        link: `${context.baseUrl}/activiteit-aanmelden/mijn/${token}`,
      }),
      now,
    );
    return { reference, key, created: true };
  });
}

export async function findActivityReceipt(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('activity_submissions')
    .select('reference')
    .where('submission_key', '=', key)
    .executeTakeFirst();
}

async function activityOfLink(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<ActivitySubmissionRow> {
  const checked = await checkLink(db, token, ['manage'], now);
  if (checked.status !== 'ok') throw new PersonalLinkError(checked.status);
  if (checked.subjectType !== 'activity') throw new PersonalLinkError('unknown');
  const row = await db
    .selectFrom('activity_submissions')
    .selectAll()
    .where('id', '=', checked.subjectId)
    .executeTakeFirst();
  if (!row || row.purged_at !== null || !LIVE_ACTIVITY_STATUSES.includes(row.status as ActivityStatus))
    throw new PersonalLinkError('unknown');
  return row;
}

export interface ActivityForOrganiser extends ActivitySubmission {
  /** The public page, while it is published. */
  publishedSlug: string | null;
}

async function withSlug(db: Kysely<Database>, row: ActivitySubmissionRow): Promise<ActivityForOrganiser> {
  const listing = row.listing_id ? await findListingById(db, row.listing_id) : undefined;
  return { ...activityFromRow(row), publishedSlug: listing?.status === 'published' ? listing.slug : null };
}

export async function activityForLink(
  db: Kysely<Database>,
  token: string,
  context: Pick<VolunteeringContext, 'now'>,
): Promise<ActivityForOrganiser> {
  return withSlug(db, await activityOfLink(db, token, context.now ?? new Date()));
}

async function saveRow(
  trx: Kysely<Database>,
  row: ActivitySubmissionRow,
  set: Partial<Omit<ActivitySubmissionRow, 'id' | 'version'>>,
  now: Date,
): Promise<ActivitySubmissionRow> {
  const updated = await trx
    .updateTable('activity_submissions')
    .set((eb) => ({ ...set, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    throw new ConflictError('Deze activiteit is net ook ergens anders aangepast. Laad de pagina opnieuw.');
  return trx
    .selectFrom('activity_submissions')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
}

async function tellTheTeam(
  trx: Kysely<Database>,
  row: ActivitySubmissionRow,
  what: string,
  context: VolunteeringContext,
  now: Date,
): Promise<void> {
  const areas = areasOf(context, {
    citywide: row.neighbourhood === null,
    neighbourhoods: row.neighbourhood ? [row.neighbourhood] : [],
  });
  for (const to of noticeRecipients(context, areas))
    await enqueueMail(
      trx,
      workQueueMail(to, {
        siteName: context.siteName,
        what,
        reference: row.reference,
        link: `${context.baseUrl}/beheer/activiteiten/${row.id}`,
      }),
      now,
    );
}

export async function confirmActivity(db: Kysely<Database>, token: string, context: VolunteeringContext) {
  const now = context.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const row = await activityOfLink(trx, token, now);
    if (row.status !== 'unconfirmed') return withSlug(trx, row);
    const saved = await saveRow(trx, row, { status: 'submitted', confirmed_at: now.toISOString() }, now);
    await extendLinks(
      trx,
      { type: 'activity', id: row.id },
      'manage',
      new Date(now.getTime() + MANAGE_LINK_MS),
    );
    await recordStep(
      trx,
      { subject: { type: 'activity', id: row.id }, actorId: null, kind: 'confirmed' },
      now,
    );
    await tellTheTeam(trx, saved, 'Nieuwe activiteit van een bewoner', context, now);
    return withSlug(trx, saved);
  });
}

/**
 * The organiser changes the activity. It goes back to the team; a published version stays as it
 * was until the team approves the change, so nothing unchecked becomes public.
 */
export async function changeActivity(
  db: Kysely<Database>,
  token: string,
  input: unknown,
  context: VolunteeringContext,
  deps: ActivityDeps,
) {
  const now = context.now ?? new Date();
  const parsed = ActivityFieldsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const before = await activityOfLink(db, token, now);
  if (before.status === 'unconfirmed')
    throw new ForbiddenError('Bevestig eerst je aanmelding met de knop bovenaan deze pagina.');
  if (before.status === 'declined')
    throw new ForbiddenError('Deze activiteit is afgewezen en kan niet meer veranderen.');
  const place = await placeActivity(parsed.data, context, deps);
  return inTransaction(db, async (trx) => {
    const row = await activityOfLink(trx, token, now);
    const saved = await saveRow(
      trx,
      row,
      {
        status: 'submitted',
        draft_json: draftJson(parsed.data, place.coordinates),
        neighbourhood: place.neighbourhood,
        last_date: lastDateOf(parsed.data.schedule) ?? null,
      },
      now,
    );
    await setSubjectAreas(
      trx,
      { type: 'activity', id: row.id },
      areasOf(context, {
        citywide: !place.neighbourhood,
        neighbourhoods: place.neighbourhood ? [place.neighbourhood] : [],
      }),
    );
    await recordStep(
      trx,
      {
        subject: { type: 'activity', id: row.id },
        actorId: null,
        kind: 'changed-by-organiser',
        audit: { status: { from: row.status, to: 'submitted' } },
      },
      now,
    );
    await tellTheTeam(trx, saved, 'Aangepaste activiteit van een bewoner', context, now);
    return withSlug(trx, saved);
  });
}

/** Removes the organiser's data and the activity's page; the anonymous row stays for counts. */
async function forgetActivity(
  trx: Kysely<Database>,
  row: ActivitySubmissionRow,
  status: 'withdrawn' | 'ended' | 'declined',
  now: Date,
): Promise<void> {
  await trx
    .updateTable('activity_submissions')
    .set((eb) => ({
      status,
      organiser_name: null,
      organiser_email: null,
      organiser_phone: null,
      decision_note: null,
      purged_at: now.toISOString(),
      updated_at: now.toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', row.id)
    .execute();
  await revokeLinks(trx, { type: 'activity', id: row.id });
  await forgetHistoryNotes(trx, { type: 'activity', id: row.id });
  if (row.listing_id)
    await updateListingState(trx, row.listing_id, { status: 'archived' }, now.toISOString());
}

export async function withdrawActivity(
  db: Kysely<Database>,
  token: string,
  context: VolunteeringContext,
): Promise<void> {
  const now = context.now ?? new Date();
  await inTransaction(db, async (trx) => {
    const row = await activityOfLink(trx, token, now);
    await forgetActivity(trx, row, 'withdrawn', now);
    await recordStep(
      trx,
      {
        subject: { type: 'activity', id: row.id },
        actorId: null,
        kind: 'withdrawn',
        audit: { status: { from: row.status, to: 'withdrawn' } },
      },
      now,
    );
  });
}

export { forgetActivity };

// ---- Moderation in /beheer/activiteiten ----

export const ActivityFilterSchema = z.object({
  view: z.enum(['wachtend', 'gepubliceerd', 'afgesloten', 'alle']).catch('wachtend'),
});
const VIEW_STATUSES: Record<z.infer<typeof ActivityFilterSchema>['view'], ActivityStatus[]> = {
  wachtend: ['submitted', 'changes-requested'],
  gepubliceerd: ['approved'],
  afgesloten: ['declined', 'withdrawn', 'ended'],
  alle: ['submitted', 'changes-requested', 'approved', 'declined', 'withdrawn', 'ended'],
};

export async function listActivities(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: z.infer<typeof ActivityFilterSchema>,
  context: VolunteeringContext,
): Promise<ActivitySubmission[]> {
  const scope = await moderationScope(db, actor, deskOf(context)?.organisation);
  const rows = await db
    .selectFrom('activity_submissions')
    .selectAll()
    .where('status', 'in', VIEW_STATUSES[filter.view])
    .$if(!scope.all, (q) =>
      q.where('id', 'in', subjectsInAreas(db, 'activity', scope.all ? [] : scope.areas)),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(activityFromRow);
}

async function activityInScope(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: VolunteeringContext,
) {
  const scope = await moderationScope(db, actor, deskOf(context)?.organisation);
  const row = await db.selectFrom('activity_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'unconfirmed') throw notFound('Deze activiteit');
  await requireInScope(db, scope, { type: 'activity', id });
  return { scope, row };
}

export async function getActivity(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: VolunteeringContext,
): Promise<{ activity: ActivityForOrganiser; history: SubmissionEvent[] }> {
  const { row } = await activityInScope(db, actor, id, context);
  return { activity: await withSlug(db, row), history: await historyOf(db, { type: 'activity', id }) };
}

type Decision = 'approved' | 'changes-requested' | 'declined';

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
  await inTransaction(db, async (trx) => {
    const { scope, row } = await activityInScope(trx, actor, id, context);
    const allowed: Record<Decision, ActivityStatus[]> = {
      approved: ['submitted'],
      'changes-requested': ['submitted', 'approved'],
      declined: ['submitted', 'changes-requested', 'approved'],
    };
    if (!allowed[decision].includes(row.status as ActivityStatus))
      throw new ForbiddenError(
        'Dat kan niet meer: de activiteit is intussen veranderd. Laad de pagina opnieuw.',
      );
    if (row.version !== expectedVersion)
      throw new ConflictError('Iemand anders heeft deze activiteit net ook aangepast. Bekijk haar opnieuw.');
    const submission = activityFromRow(row);
    let listingId = row.listing_id;
    if (decision === 'approved') {
      if (!submission.fields) throw new ForbiddenError('Deze activiteit heeft geen gegevens meer.');
      const draft = JSON.parse(row.draft_json ?? '{}') as { coordinates?: { lat: number; lng: number } };
      const existing = listingId ? await findListingById(trx, listingId) : undefined;
      const base = {
        fields: submission.fields,
        neighbourhood: row.neighbourhood,
        ...(draft.coordinates ? { coordinates: draft.coordinates } : {}),
      };
      if (existing) {
        await updateListing(
          trx,
          existing.id,
          existing.version,
          listingDataOf(base, existing.slug, context),
          now.toISOString(),
        );
      } else {
        const slug = `activiteit-${randomBytes(4).toString('hex')}`;
        listingId = await insertListing(trx, listingDataOf(base, slug, context), now.toISOString());
      }
    } else if (decision === 'declined' && listingId) {
      await updateListingState(trx, listingId, { status: 'unpublished' }, now.toISOString());
    }
    await saveRow(
      trx,
      row,
      { status: decision, decision_note: note ?? null, decided_at: now.toISOString(), listing_id: listingId },
      now,
    );
    await recordStep(
      trx,
      {
        subject: { type: 'activity', id },
        actorId: scope.actor.id,
        kind: decision,
        note: note ?? null,
        audit: { status: { from: row.status, to: decision } },
      },
      now,
    );
    if (row.organiser_email) {
      const token = await issueLink(trx, { type: 'activity', id }, 'manage', MANAGE_LINK_MS, now);
      await enqueueMail(
        trx,
        activityDecisionMail(row.organiser_email, {
          siteName: context.siteName,
          reference: row.reference,
          link: `${context.baseUrl}/activiteit-aanmelden/mijn/${token}`,
          decision,
        }),
        now,
      );
    }
  });
}

export const approveActivity = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  context: VolunteeringContext,
) => decide(db, actor, id, version, 'approved', undefined, context);
export const requestActivityChange = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  note: string,
  context: VolunteeringContext,
) => decide(db, actor, id, version, 'changes-requested', note, context);
export const declineActivity = (
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  version: number,
  reason: string,
  context: VolunteeringContext,
) => decide(db, actor, id, version, 'declined', reason, context);
