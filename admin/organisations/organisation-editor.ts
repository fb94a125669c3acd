import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { requireOrganisationAccess, requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { diffFields, recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { slugify } from '../schemas/slugify.ts';
import { ConflictError, FieldError, NotFoundError } from '../errors/domain-errors.ts';
import { afterCommit, inTransaction } from '../db/transaction.ts';
import { announceListingChanged } from '../listings/listing-changes.ts';
import { listListingSummaries } from '../listings/listing-repository.ts';
import { OrganisationSchema, type Organisation } from '../schemas/organisation.ts';
import {
  findOrganisationBySlug,
  insertOrganisation,
  listOrganisations,
  updateOrganisation,
  type StoredOrganisation,
} from './organisation-repository.ts';

/** What an organisation keeps current itself: everything but its slug, which links stay on. */
export const OrganisationProfileSchema = OrganisationSchema.omit({ slug: true });
export type OrganisationProfile = z.output<typeof OrganisationProfileSchema>;

const organisationFromProfile = (slug: string, profile: OrganisationProfile): Organisation =>
  OrganisationSchema.parse({ slug, ...profile });

const profileView = ({
  id: _id,
  openDataId: _openDataId,
  needsReview: _needsReview,
  version: _version,
  updatedAt: _updated,
  ...profile
}: StoredOrganisation): Record<string, unknown> => profile;

export async function getOrganisationForEdit(
  db: Kysely<Database>,
  actor: Actor | undefined,
  slug: string,
): Promise<StoredOrganisation> {
  requireOrganisationAccess(actor, slug);
  const organisation = await findOrganisationBySlug(db, slug);
  if (!organisation) throw new NotFoundError('Deze organisatie bestaat niet.');
  return organisation;
}

export async function listOrganisationsForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<StoredOrganisation[]> {
  requireRole(actor, 'beheerder');
  return listOrganisations(db);
}

/**
 * The organisation keeps its own profile current; its listings follow in search (they show its
 * name). `expectedVersion` is the version the form was opened with: a save in between wins.
 */
export async function saveOrganisationProfile(
  db: Kysely<Database>,
  actor: Actor | undefined,
  slug: string,
  expectedVersion: number,
  profile: OrganisationProfile,
  now = new Date(),
): Promise<StoredOrganisation> {
  const before = await getOrganisationForEdit(db, actor, slug);
  const editor = requireOrganisationAccess(actor, slug);
  return inTransaction(db, async (trx) => {
    const saved = await updateOrganisation(
      trx,
      slug,
      expectedVersion,
      organisationFromProfile(slug, profile),
      now.toISOString(),
    );
    if (!saved)
      throw new ConflictError(
        'Iemand anders heeft dit profiel net ook aangepast. Open het opnieuw en voer je wijziging nog een keer in.',
      );
    const after = await getOrganisationForEdit(trx, editor, slug);
    const changes = diffFields(profileView(before), profileView(after));
    await recordAudit(
      trx,
      {
        actorId: editor.id,
        action: 'organisation.update',
        objectType: 'organisation',
        objectId: slug,
        changes,
      },
      now,
    );
    if (changes.name)
      for (const listing of await listListingSummaries(trx, { organisation: slug }))
        await afterCommit(trx, () => announceListingChanged(listing.id));
    return after;
  });
}

export async function createOrganisation(
  db: Kysely<Database>,
  actor: Actor | undefined,
  profile: OrganisationProfile,
  now = new Date(),
): Promise<StoredOrganisation> {
  const admin = requireRole(actor, 'beheerder');
  const slug = slugify(profile.name, { maxLength: 60, fallback: 'organisatie' });
  if (await findOrganisationBySlug(db, slug))
    throw new FieldError('name', 'Er is al een organisatie met deze naam.');
  const organisation = organisationFromProfile(slug, profile);
  return inTransaction(db, async (trx) => {
    await insertOrganisation(trx, organisation, now.toISOString());
    await recordAudit(
      trx,
      {
        actorId: admin.id,
        action: 'organisation.create',
        objectType: 'organisation',
        objectId: slug,
        changes: diffFields({}, { ...organisation }),
      },
      now,
    );
    const stored = await findOrganisationBySlug(trx, slug);
    if (!stored) throw new NotFoundError('De organisatie is niet opgeslagen.');
    return stored;
  });
}
