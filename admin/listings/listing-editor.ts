import type { Kysely } from 'kysely';
import { diffFields, recordAudit } from '../audit/audit-log.ts';
import { requireOrganisationAccess, requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { slugify } from '../schemas/slugify.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors/domain-errors.ts';
import { findOrganisationBySlug } from '../organisations/organisation-repository.ts';
import type { Listing, ListingData, ListingStatus } from '../schemas/listing.ts';
import { prepareListing, type LookupAddress, type Vocabulary } from './listing-draft.ts';
import {
  findListingById,
  insertListing,
  listingSlugTaken,
  listListingSummaries,
  updateListing,
  updateListingState,
  type ListingSummary,
} from './listing-repository.ts';
import { isStale } from './stale-listings.ts';
import { openReportCounts } from '../volunteering/listing-reports.ts';

/**
 * What organisation editors and beheerders do with listings. Every use case checks, against the
 * stored listing, that the actor may touch its organisation before anything is read or written.
 */

export interface EditorDeps {
  lookupAddress: LookupAddress;
  vocabulary: Vocabulary;
  now?: Date;
}

const today = (now: Date): string => now.toISOString().slice(0, 10);

/** The listing, if the actor may edit it. */
export async function getListingForEdit(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
): Promise<Listing> {
  requireRole(actor, 'beheerder', 'organisatie');
  const listing = await findListingById(db, id);
  if (!listing) throw new NotFoundError('Dit aanbod bestaat niet.');
  requireOrganisationAccess(actor, listing.organisation);
  // A volunteer's offer or a resident's activity changes through its moderated sign-up, not here.
  if (listing.origin !== 'editor')
    throw new ForbiddenError(
      listing.origin === 'volunteer'
        ? 'Dit is het aanbod van een vrijwilliger. Je beheert het bij Vrijwilligers.'
        : 'Deze activiteit is aangemeld door een bewoner. Je beheert haar bij Activiteiten van bewoners.',
    );
  return listing;
}

/** `stale`: not confirmed for six months, or residents reported that something is wrong. */
export type AdminListingSummary = ListingSummary & { stale: boolean; openReports: number };

/** An editor sees their own organisation's listings; a beheerder all, or one organisation's. */
export async function listListingsForActor(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: { organisation?: string; status?: string } = {},
  now = new Date(),
): Promise<AdminListingSummary[]> {
  const known = requireRole(actor, 'beheerder', 'organisatie');
  const organisation = known.role === 'organisatie' ? (known.organisationSlug ?? '') : filter.organisation;
  const summaries = await listListingSummaries(db, {
    ...(organisation ? { organisation } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  });
  const reports = await openReportCounts(
    db,
    summaries.map((summary) => summary.id),
  );
  return summaries.map((summary) => {
    const openReports = reports.get(summary.id) ?? 0;
    return {
      ...summary,
      openReports,
      stale: (summary.status === 'published' && isStale(summary.lastVerifiedAt, now)) || openReports > 0,
    };
  });
}

async function uniqueSlug(db: Kysely<Database>, title: string): Promise<string> {
  const base = slugify(title, { maxLength: 70, fallback: 'aanbod' });
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await listingSlugTaken(db, candidate))) return candidate;
  }
}

/** Stored as a concept: residents see it only after "Publiceren". */
export async function createListing(
  db: Kysely<Database>,
  actor: Actor | undefined,
  organisation: string,
  draft: unknown,
  deps: EditorDeps,
): Promise<Listing> {
  const editor = requireOrganisationAccess(actor, organisation);
  if (!(await findOrganisationBySlug(db, organisation)))
    throw new NotFoundError('Deze organisatie bestaat niet.');
  const now = deps.now ?? new Date();
  const prepared = await prepareListing(
    draft,
    { slug: 'nieuw', organisation, status: 'draft', lastVerifiedAt: today(now) },
    deps,
  );
  if (!prepared.ok) throw new InvalidInputError(prepared.issues);
  return inTransaction(db, async (trx) => {
    const data: ListingData = { ...prepared.data, slug: await uniqueSlug(trx, prepared.data.title) };
    const id = await insertListing(trx, data, now.toISOString());
    await recordAudit(
      trx,
      {
        actorId: editor.id,
        action: 'listing.create',
        objectType: 'listing',
        objectId: String(id),
        changes: diffFields({}, auditView(data)),
      },
      now,
    );
    return getListingForEdit(trx, editor, id);
  });
}

const editConflict = (): ConflictError =>
  new ConflictError(
    'Iemand anders heeft dit aanbod net ook aangepast. Open het opnieuw en voer je wijziging nog een keer in.',
  );

/** The fields an audit entry compares: the data as stored, without bookkeeping. */
function auditView(listing: ListingData): Record<string, unknown> {
  const { isDemo: _demo, ...fields } = listing;
  return fields;
}

/**
 * Saves the editor's form over the listing. `expectedVersion` is the version the form was opened
 * with: if someone saved in between, nothing is overwritten. Saving counts as checking the
 * listing, so its verification date becomes today.
 */
export async function saveListing(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  draft: unknown,
  deps: EditorDeps,
): Promise<Listing> {
  const before = await getListingForEdit(db, actor, id);
  const editor = requireOrganisationAccess(actor, before.organisation);
  if (before.version !== expectedVersion) throw editConflict();
  const now = deps.now ?? new Date();
  const prepared = await prepareListing(
    draft,
    {
      slug: before.slug,
      organisation: before.organisation,
      status: before.status,
      lastVerifiedAt: today(now),
    },
    deps,
  );
  if (!prepared.ok) throw new InvalidInputError(prepared.issues);
  // Saving counts as checking the room status too: without a date, it is dated now.
  const { roomSetAt: _dated, ...fields } = prepared.data;
  const data: ListingData = { ...fields, isDemo: before.isDemo };
  return inTransaction(db, async (trx) => {
    // The version is checked in the UPDATE: of two saves of the same version, one wins.
    if (!(await updateListing(trx, id, expectedVersion, data, now.toISOString()))) throw editConflict();
    const after = await getListingForEdit(trx, editor, id);
    await recordAudit(
      trx,
      {
        actorId: editor.id,
        action: 'listing.update',
        objectType: 'listing',
        objectId: String(id),
        changes: diffFields(auditView(before), auditView(after)),
      },
      now,
    );
    return after;
  });
}

export const STATUS_ACTIONS = {
  publish: 'published',
  unpublish: 'unpublished',
  archive: 'archived',
} as const satisfies Record<string, ListingStatus>;
export type StatusAction = keyof typeof STATUS_ACTIONS;

export async function changeListingStatus(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  action: StatusAction,
  now = new Date(),
): Promise<Listing> {
  const before = await getListingForEdit(db, actor, id);
  const editor = requireOrganisationAccess(actor, before.organisation);
  const status = STATUS_ACTIONS[action];
  if (before.status === status) return before;
  if (action === 'unpublish' && before.status !== 'published')
    throw new ForbiddenError('Alleen gepubliceerd aanbod kan offline worden gehaald.');
  return inTransaction(db, async (trx) => {
    await updateListingState(trx, id, { status }, now.toISOString());
    await recordAudit(
      trx,
      {
        actorId: editor.id,
        action: `listing.${action}`,
        objectType: 'listing',
        objectId: String(id),
        changes: { status: { from: before.status, to: status } },
      },
      now,
    );
    return getListingForEdit(trx, editor, id);
  });
}

/**
 * "Klopt nog": the listing was checked and is unchanged; only its verification date moves, and
 * the date of its room status, which was checked with it.
 */
export async function confirmListingCurrent(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  now = new Date(),
): Promise<Listing> {
  const before = await getListingForEdit(db, actor, id);
  const editor = requireOrganisationAccess(actor, before.organisation);
  return inTransaction(db, async (trx) => {
    await updateListingState(
      trx,
      id,
      { lastVerifiedAt: today(now), ...(before.room.status ? { roomSetAt: now.toISOString() } : {}) },
      now.toISOString(),
    );
    await recordAudit(
      trx,
      {
        actorId: editor.id,
        action: 'listing.confirm-current',
        objectType: 'listing',
        objectId: String(id),
        changes: { lastVerifiedAt: { from: before.lastVerifiedAt, to: today(now) } },
      },
      now,
    );
    return getListingForEdit(trx, editor, id);
  });
}
