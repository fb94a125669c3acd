import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, OrganisationRow } from '../db/tables.ts';
import { AddressSchema } from '../schemas/fields.ts';
import { OrganisationSchema, type Organisation } from '../schemas/organisation.ts';

export type StoredOrganisation = Organisation & {
  id: number;
  /** The HSDS `id`: stable across renames, exports and imports. */
  openDataId: string;
  /** Imported and not yet checked by a person ("nog controleren"). */
  needsReview: boolean;
  version: number;
  updatedAt: string;
};

function organisationFromRow(row: OrganisationRow): StoredOrganisation {
  const address = row.address_json === null ? undefined : AddressSchema.parse(JSON.parse(row.address_json));
  const organisation = OrganisationSchema.parse({
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    summary: row.summary,
    description: row.description,
    phone: row.phone ?? undefined,
    email: row.email ?? undefined,
    website: row.website ?? undefined,
    address,
  });
  return {
    ...organisation,
    id: row.id,
    openDataId: z.uuid().parse(row.uuid),
    needsReview: row.needs_review === 1,
    version: row.version,
    updatedAt: z.iso.datetime().parse(row.updated_at),
  };
}

function columnsOf(organisation: Organisation) {
  return {
    name: organisation.name,
    kind: organisation.kind,
    summary: organisation.summary,
    description: organisation.description,
    phone: organisation.phone ?? null,
    email: organisation.email ?? null,
    website: organisation.website ?? null,
    address_json: organisation.address ? JSON.stringify(organisation.address) : null,
  };
}

/**
 * Adds organisations from content that the database does not know yet. Existing ones are left
 * alone: once imported, an organisation keeps its own profile current in the admin.
 */
export async function importMissingOrganisations(
  db: Kysely<Database>,
  organisations: Organisation[],
  now = new Date().toISOString(),
): Promise<number> {
  if (organisations.length === 0) return 0;
  const result = await db
    .insertInto('organisations')
    .values(
      organisations.map((organisation) => ({
        slug: organisation.slug,
        ...columnsOf(organisation),
        uuid: crypto.randomUUID(),
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function findOrganisationBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<StoredOrganisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? organisationFromRow(row) : undefined;
}

/** Organisations residents see: all but those imported and not yet checked by a person. */
export async function listPublicOrganisations(db: Kysely<Database>): Promise<StoredOrganisation[]> {
  return (await listOrganisations(db)).filter((organisation) => !organisation.needsReview);
}

export async function findPublicOrganisationBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<StoredOrganisation | undefined> {
  const organisation = await findOrganisationBySlug(db, slug);
  return organisation?.needsReview ? undefined : organisation;
}

export async function listOrganisations(db: Kysely<Database>): Promise<StoredOrganisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  return rows.map(organisationFromRow);
}

export async function insertOrganisation(
  db: Kysely<Database>,
  organisation: Organisation,
  now = new Date().toISOString(),
  origin: { openDataId?: string; needsReview?: boolean } = {},
): Promise<void> {
  await db
    .insertInto('organisations')
    .values({
      slug: organisation.slug,
      ...columnsOf(organisation),
      uuid: origin.openDataId ?? crypto.randomUUID(),
      needs_review: origin.needsReview ? 1 : 0,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Replaces the profile (not the slug, which is in URLs and listings) and raises its version, only
 * if it still has `expectedVersion`; false when someone else saved in between.
 */
export async function updateOrganisation(
  db: Kysely<Database>,
  slug: string,
  expectedVersion: number,
  organisation: Organisation,
  now = new Date().toISOString(),
): Promise<boolean> {
  const result = await db
    .updateTable('organisations')
    // Saving the profile is a person checking it: an imported organisation is then checked.
    .set((eb) => ({
      ...columnsOf(organisation),
      needs_review: 0,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('slug', '=', slug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks an organisation as imported and not yet checked by a person ("nog controleren"). */
export async function markOrganisationForReview(db: Kysely<Database>, slug: string): Promise<void> {
  await db.updateTable('organisations').set({ needs_review: 1 }).where('slug', '=', slug).execute();
}
