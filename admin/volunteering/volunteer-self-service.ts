import type { Kysely } from 'kysely';
import type { Database, VolunteerRow } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors/domain-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { workQueueMail } from '../mail/volunteer-mails.ts';
import { setSubjectAreas } from './moderation-scope.ts';
import {
  checkLink,
  consumeLink,
  extendLinks,
  MANAGE_LINK_MS,
  PersonalLinkError,
  revokeLinks,
  type LinkPurpose,
} from './personal-links.ts';
import { forgetHistoryNotes, recordStep } from './submission-history.ts';
import {
  columnsOf,
  FORGOTTEN_VOLUNTEER,
  LIVE_STATUSES,
  volunteerChangeSchema,
  volunteerFromRow,
  type Volunteer,
  type VolunteerStatus,
} from './volunteer.ts';
import { syncVolunteerOffer } from './volunteer-offer.ts';
import { areasOf, noticeRecipients, type VolunteeringContext } from './volunteering-context.ts';

/**
 * The volunteer's own page, reached through their personal link: no account, no password. What
 * the link allows is checked here against the stored sign-up, like a back-office use case.
 */

async function volunteerOfLink(
  db: Kysely<Database>,
  token: string,
  purposes: readonly LinkPurpose[],
  now: Date,
  consume = false,
): Promise<VolunteerRow> {
  const checked = consume
    ? await consumeLink(db, token, purposes, now)
    : await checkLink(db, token, purposes, now);
  if (checked.status !== 'ok') throw new PersonalLinkError(checked.status);
  if (checked.subjectType !== 'volunteer') throw new PersonalLinkError('unknown');
  const row = await db
    .selectFrom('volunteers')
    .selectAll()
    .where('id', '=', checked.subjectId)
    .executeTakeFirst();
  // A declined sign-up stays readable (the reason is on the page) until its data is removed.
  const status = row?.status as VolunteerStatus | undefined;
  if (!row || row.purged_at !== null || !status || !(LIVE_STATUSES.includes(status) || status === 'declined'))
    throw new PersonalLinkError('unknown');
  return row;
}

/** The sign-up behind a personal link, for the own page. */
export async function volunteerForLink(
  db: Kysely<Database>,
  token: string,
  context: Pick<VolunteeringContext, 'now'>,
): Promise<Volunteer> {
  return volunteerFromRow(await volunteerOfLink(db, token, ['manage'], context.now ?? new Date()));
}

async function save(
  trx: Kysely<Database>,
  row: VolunteerRow,
  set: Partial<Omit<VolunteerRow, 'id' | 'version'>>,
  now: Date,
): Promise<Volunteer> {
  const updated = await trx
    .updateTable('volunteers')
    .set((eb) => ({ ...set, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    throw new ConflictError('Je aanmelding is net ook ergens anders aangepast. Laad de pagina opnieuw.');
  const saved = await trx
    .selectFrom('volunteers')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return volunteerFromRow(saved);
}

async function syncOffer(
  trx: Kysely<Database>,
  volunteer: Volunteer,
  context: VolunteeringContext,
): Promise<void> {
  const listingId = await syncVolunteerOffer(trx, volunteer, context);
  if (listingId !== volunteer.listingId)
    await trx
      .updateTable('volunteers')
      .set({ listing_id: listingId })
      .where('id', '=', volunteer.id)
      .execute();
}

async function tellTheTeam(
  trx: Kysely<Database>,
  volunteer: Volunteer,
  what: string,
  context: VolunteeringContext,
  now: Date,
): Promise<void> {
  const areas = areasOf(context, volunteer);
  for (const to of noticeRecipients(context, areas)) {
    await enqueueMail(
      trx,
      workQueueMail(to, {
        siteName: context.siteName,
        what,
        reference: volunteer.reference,
        link: `${context.baseUrl}/beheer/vrijwilligers/${volunteer.id}`,
      }),
      now,
    );
  }
}

/** The e-mail link was followed: the address is real, the team may now see the sign-up. */
export async function confirmVolunteer(
  db: Kysely<Database>,
  token: string,
  context: VolunteeringContext,
): Promise<Volunteer> {
  const now = context.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const row = await volunteerOfLink(trx, token, ['manage'], now);
    if (row.status !== 'unconfirmed') return volunteerFromRow(row);
    const volunteer = await save(trx, row, { status: 'submitted', confirmed_at: now.toISOString() }, now);
    await extendLinks(
      trx,
      { type: 'volunteer', id: row.id },
      'manage',
      new Date(now.getTime() + MANAGE_LINK_MS),
    );
    await recordStep(
      trx,
      { subject: { type: 'volunteer', id: row.id }, actorId: null, kind: 'confirmed' },
      now,
    );
    await tellTheTeam(trx, volunteer, 'Nieuwe aanmelding van een vrijwilliger', context, now);
    return volunteer;
  });
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join() === [...b].sort().join();

/**
 * The volunteer changes their sign-up. A change of what or where goes back to the team before the
 * public offer shows it; availability, languages, phone and whether to show the offer do not.
 */
export async function changeVolunteer(
  db: Kysely<Database>,
  token: string,
  input: unknown,
  context: VolunteeringContext,
): Promise<Volunteer> {
  const now = context.now ?? new Date();
  const parsed = volunteerChangeSchema({
    kinds: context.content.volunteering.kinds.map((kind) => kind.id),
    neighbourhoods: context.content.neighbourhoods.map((wijk) => wijk.id),
  }).safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const change = parsed.data;
  return inTransaction(db, async (trx) => {
    const row = await volunteerOfLink(trx, token, ['manage'], now);
    const before = volunteerFromRow(row);
    if (before.status === 'unconfirmed')
      throw new ForbiddenError('Bevestig eerst je aanmelding met de knop bovenaan deze pagina.');
    if (before.status === 'declined')
      throw new ForbiddenError('Deze aanmelding is afgewezen en kan niet meer veranderen.');
    const columns = columnsOf(change);
    const citywide = change.citywide === 'ja';
    const whatOrWhereChanged =
      !sameList(before.kinds, change.kinds) ||
      (before.ownWords ?? '') !== (change.ownWords ?? '') ||
      before.citywide !== citywide ||
      (!citywide && !sameList(before.neighbourhoods, change.neighbourhoods));
    const backToTeam =
      before.status === 'changes-requested' ||
      (whatOrWhereChanged && ['approved', 'paused'].includes(before.status));
    const volunteer = await save(
      trx,
      row,
      { ...columns, ...(backToTeam ? { status: 'submitted' } : {}) },
      now,
    );
    await setSubjectAreas(trx, { type: 'volunteer', id: row.id }, areasOf(context, volunteer));
    await recordStep(
      trx,
      {
        subject: { type: 'volunteer', id: row.id },
        actorId: null,
        kind: 'changed-by-volunteer',
        details: { backToTeam },
        ...(backToTeam ? { audit: { status: { from: before.status, to: 'submitted' } } } : {}),
      },
      now,
    );
    await syncOffer(trx, volunteer, context);
    if (backToTeam)
      await tellTheTeam(trx, volunteer, 'Aangepaste aanmelding van een vrijwilliger', context, now);
    return volunteer;
  });
}

/** Not available for a while (holiday, illness), or available again. */
export async function setVolunteerPaused(
  db: Kysely<Database>,
  token: string,
  paused: boolean,
  context: VolunteeringContext,
): Promise<Volunteer> {
  const now = context.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const row = await volunteerOfLink(trx, token, ['manage'], now);
    const from = row.status as VolunteerStatus;
    if (paused ? from !== 'approved' : from !== 'paused')
      throw new ForbiddenError(
        paused ? 'Alleen een goedgekeurde aanmelding kan op pauze.' : 'Je aanmelding staat niet op pauze.',
      );
    const volunteer = await save(
      trx,
      row,
      paused
        ? { status: 'paused', paused_at: now.toISOString() }
        : { status: 'approved', paused_at: null, availability_confirmed_at: now.toISOString() },
      now,
    );
    await recordStep(
      trx,
      {
        subject: { type: 'volunteer', id: row.id },
        actorId: null,
        kind: paused ? 'paused' : 'resumed',
        audit: { status: { from, to: volunteer.status } },
      },
      now,
    );
    await syncOffer(trx, volunteer, context);
    return volunteer;
  });
}

/**
 * Removes a sign-up's personal data at once (name, contact, availability, own words, notes) and
 * archives its public offer. The anonymous rest (what, where, dates) stays for counts.
 */
export async function forgetVolunteer(
  trx: Kysely<Database>,
  row: VolunteerRow,
  status: 'withdrawn' | 'expired' | 'declined',
  context: VolunteeringContext,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('volunteers')
    .set((eb) => ({
      ...FORGOTTEN_VOLUNTEER,
      status,
      purged_at: now.toISOString(),
      updated_at: now.toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', row.id)
    .execute();
  const subject = { type: 'volunteer', id: row.id } as const;
  await revokeLinks(trx, subject);
  await forgetHistoryNotes(trx, subject);
  const forgotten = await trx
    .selectFrom('volunteers')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  await syncVolunteerOffer(trx, volunteerFromRow(forgotten), context);
}

/** The volunteer stops: their personal data is deleted at once. */
export async function withdrawVolunteer(
  db: Kysely<Database>,
  token: string,
  context: VolunteeringContext,
): Promise<void> {
  const now = context.now ?? new Date();
  await inTransaction(db, async (trx) => {
    const row = await volunteerOfLink(trx, token, ['manage'], now);
    await forgetVolunteer(trx, row, 'withdrawn', context, now);
    await recordStep(
      trx,
      {
        subject: { type: 'volunteer', id: row.id },
        actorId: null,
        kind: 'withdrawn',
        audit: { status: { from: row.status, to: 'withdrawn' } },
      },
      now,
    );
  });
}

/** "Ben je nog beschikbaar?": yes keeps (or puts back) the sign-up in the pool, no pauses it. */
export async function answerAvailability(
  db: Kysely<Database>,
  token: string,
  available: boolean,
  context: VolunteeringContext,
): Promise<Volunteer> {
  const now = context.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const row = await volunteerOfLink(trx, token, ['availability'], now, true);
    const from = row.status as VolunteerStatus;
    if (!['approved', 'paused'].includes(from)) return volunteerFromRow(row);
    const volunteer = await save(
      trx,
      row,
      available
        ? { status: 'approved', paused_at: null, availability_confirmed_at: now.toISOString() }
        : {
            status: 'paused',
            paused_at: row.paused_at ?? now.toISOString(),
            availability_confirmed_at: now.toISOString(),
          },
      now,
    );
    await recordStep(
      trx,
      {
        subject: { type: 'volunteer', id: row.id },
        actorId: null,
        kind: available ? 'still-available' : 'not-available',
        audit: { status: { from, to: volunteer.status } },
      },
      now,
    );
    await syncOffer(trx, volunteer, context);
    return volunteer;
  });
}

/** Which answer link this is, for the page that asks to confirm the answer. */
export async function checkAvailabilityLink(db: Kysely<Database>, token: string, now = new Date()) {
  return checkLink(db, token, ['availability'], now);
}
