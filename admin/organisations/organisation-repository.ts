import type { Kysely } from 'kysely';
import { z } from 'zod';
import { announceDataVersion, raiseDataVersion } from '../data-version/data-version.ts';
import type { Database, OrganisationRow } from '../db/tables.ts';
import { afterCommit, inTransaction } from '../db/transaction.ts';
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
  const known = new Set(
    (await db.selectFrom('organisations').select('slug').execute()).map((row) => row.slug),
  );
  const missing = organisations.filter((organisation) => !known.has(organisation.slug));
  // A restart with nothing new changes nothing residents see, and so leaves every cache be.
  if (missing.length === 0) return 0;
  return inTransaction(db, async (trx) => {
    const dataVersion = await raiseDataVersion(trx);
    const result = await trx
      .insertInto('organisations')
      .values(
        missing.map((organisation) => ({
          slug: organisation.slug,
          ...columnsOf(organisation),
          uuid: crypto.randomUUID(),
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      // Another instance starting at the same moment may have added some of them.
      .onConflict((conflict) => conflict.column('slug').doNothing())
      .executeTakeFirst();
    await afterCommit(trx, async () => announceDataVersion(dataVersion));
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  });
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
  await inTransaction(db, async (trx) => {
    const dataVersion = await raiseDataVersion(trx);
    await trx
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
    await afterCommit(trx, async () => announceDataVersion(dataVersion));
  });
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
  return inTransaction(db, async (trx) => {
    const dataVersion = await raiseDataVersion(trx);
    const result = await trx
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
    const updated = Number(result.numUpdatedRows) === 1;
    if (updated) await afterCommit(trx, async () => announceDataVersion(dataVersion));
    return updated;
  });
}

/** Marks an organisation as imported and not yet checked by a person ("nog controleren"). */
export async function markOrganisationForReview(db: Kysely<Database>, slug: string): Promise<void> {
  await db.updateTable('organisations').set({ needs_review: 1 }).where('slug', '=', slug).execute();
}
