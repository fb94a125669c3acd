import type { Kysely } from 'kysely';
import { z } from 'zod';
import { requireOrganisationAccess, requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { diffFields, recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { slugify } from '../schemas/slugify.ts';
import { FieldError, NotFoundError } from '../errors/domain-errors.ts';
import { announceDataChanged } from '../cache/data-changes.ts';
import { announceListingChanged } from '../listings/listing-changes.ts';
import { listListingSummaries } from '../listings/listing-repository.ts';
import { AddressSchema, EmailSchema, PhoneSchema, WebsiteSchema } from '../schemas/fields.ts';
import { ORGANISATION_KINDS, OrganisationSchema, type Organisation } from '../schemas/organisation.ts';
import {
  findOrganisationBySlug,
  insertOrganisation,
  listOrganisations,
  updateOrganisation,
  type StoredOrganisation,
} from './organisation-repository.ts';

/**
 * The profile form, flat as the form sends it. The address is optional as a whole: fill none of
 * its fields, or all of them.
 */
export const OrganisationProfileInputSchema = z
  .object({
    name: z
      .string({ error: 'Vul de naam in.' })
      .trim()
      .min(2, 'Vul de naam in.')
      .max(120, 'Maak de naam korter dan 120 tekens.'),
    kind: z.enum(ORGANISATION_KINDS, { error: 'Kies het soort organisatie.' }),
    summary: z
      .string({ error: 'Schrijf in een of twee zinnen wat de organisatie doet.' })
      .trim()
      .min(10, 'Schrijf in een of twee zinnen wat de organisatie doet (minstens 10 tekens).')
      .max(300, 'Maak de korte beschrijving korter: hooguit 300 tekens.'),
    description: z.string().trim().max(5000, 'Maak de beschrijving korter: hooguit 5.000 tekens.').optional(),
    phone: PhoneSchema.optional(),
    email: EmailSchema.optional(),
    website: WebsiteSchema.optional(),
    street: z.string().trim().optional(),
    postcode: z.string().trim().optional(),
    city: z.string().trim().optional(),
  })
  .superRefine((input, context) => {
    if (!input.street && !input.postcode && !input.city) return;
    const address = AddressSchema.safeParse({
      street: input.street ?? '',
      postcode: input.postcode ?? '',
      city: input.city ?? '',
    });
    if (!address.success)
      for (const issue of address.error.issues)
        context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type OrganisationProfileInput = z.output<typeof OrganisationProfileInputSchema>;

function organisationFromInput(slug: string, input: OrganisationProfileInput): Organisation {
  const hasAddress = Boolean(input.street || input.postcode || input.city);
  return OrganisationSchema.parse({
    slug,
    name: input.name,
    kind: input.kind,
    summary: input.summary,
    description: input.description ?? '',
    phone: input.phone,
    email: input.email,
    website: input.website,
    address: hasAddress ? { street: input.street, postcode: input.postcode, city: input.city } : undefined,
  });
}

const profileView = ({
  id: _id,
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

/** The organisation keeps its own profile current; its listings follow in search (they show its name). */
export async function saveOrganisationProfile(
  db: Kysely<Database>,
  actor: Actor | undefined,
  slug: string,
  input: OrganisationProfileInput,
  now = new Date(),
): Promise<StoredOrganisation> {
  const before = await getOrganisationForEdit(db, actor, slug);
  const editor = requireOrganisationAccess(actor, slug);
  await updateOrganisation(db, slug, organisationFromInput(slug, input), now.toISOString());
  announceDataChanged();
  const after = await getOrganisationForEdit(db, editor, slug);
  const changes = diffFields(profileView(before), profileView(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(
      db,
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
      for (const listing of await listListingSummaries(db, { organisation: slug }))
        await announceListingChanged(listing.id);
  }
  return after;
}

export async function createOrganisation(
  db: Kysely<Database>,
  actor: Actor | undefined,
  input: OrganisationProfileInput,
  now = new Date(),
): Promise<StoredOrganisation> {
  const admin = requireRole(actor, 'beheerder');
  const slug = slugify(input.name, { maxLength: 60, fallback: 'organisatie' });
  if (await findOrganisationBySlug(db, slug))
    throw new FieldError('name', 'Er is al een organisatie met deze naam.');
  const organisation = organisationFromInput(slug, input);
  await insertOrganisation(db, organisation, now.toISOString());
  announceDataChanged();
  await recordAudit(
    db,
    {
      actorId: admin.id,
      action: 'organisation.create',
      objectType: 'organisation',
      objectId: slug,
      changes: diffFields({}, { ...organisation }),
    },
    now,
  );
  const stored = await findOrganisationBySlug(db, slug);
  if (!stored) throw new NotFoundError('De organisatie is niet opgeslagen.');
  return stored;
}
