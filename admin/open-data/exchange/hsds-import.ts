import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { diffFields, recordAudit } from '../../audit/audit-log.ts';
import type { Database } from '../../db/tables.ts';
import { inTransaction } from '../../db/transaction.ts';
import { findListingById, insertListing, updateListing } from '../../listings/listing-repository.ts';
import {
  insertOrganisation,
  listOrganisations,
  markOrganisationForReview,
  updateOrganisation,
  type StoredOrganisation,
} from '../../organisations/organisation-repository.ts';
import type { Address } from '../../schemas/fields.ts';
import { ListingInputSchema, type Listing, type ListingData } from '../../schemas/listing.ts';
import { OrganisationSchema, type Organisation } from '../../schemas/organisation.ts';
import { slugify } from '../../schemas/slugify.ts';
import { isUuid } from '../identifiers.ts';
import {
  SourceOrganizationSchema,
  SourceServiceSchema,
  type ImportSource,
  type SourceOrganization,
} from './hsds-source.ts';
import { listingFromSource, organisationFromSource, type ImportVocabulary } from './hsds-reverse.ts';

/**
 * Importing another sociale kaart's HSDS. First a plan: per organisation and service, whether it
 * would be added, would change something imported before and not yet checked (same id), or is
 * skipped (already here with the same name and address, unchanged, already checked here, or not
 * usable, with the reason). The plan is the
 * dry run's report; applying it writes everything in one transaction, as concepts marked
 * "nog controleren", so nothing reaches residents before a person checked it.
 */
export type ImportAction = 'add' | 'change' | 'skip';

export interface PlannedOrganisation {
  action: ImportAction;
  name: string;
  reason?: string;
  slug: string;
  openDataId?: string;
  data?: Organisation;
  expectedVersion?: number;
}

export interface PlannedListing {
  action: ImportAction;
  title: string;
  reason?: string;
  data?: ListingData;
  existing?: { id: number; version: number };
}

export interface ImportPlan {
  organisations: PlannedOrganisation[];
  listings: PlannedListing[];
}

/**
 * A change from the source to something a person here has already checked (saved, confirmed or
 * published) is reported, not written: residents may be seeing it, and nothing unchecked may
 * reach them. Until it is checked, an imported object follows its source.
 */
const CHECKED_HERE = 'hier al gecontroleerd; de bron wijkt af, pas het zo nodig aan in het beheer';

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const addressKey = (address: Address | undefined): string =>
  address ? `${address.postcode.replace(/\s/g, '').toUpperCase()}|${fold(address.street)}` : '';
/** Duplicates are the same name at the same address (or both without one). */
const duplicateKey = (name: string, address: Address | undefined): string =>
  `${fold(name)}#${addressKey(address)}`;

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'invoer'}: ${issue.message}` : 'ongeldig';
}

function uniqueSlug(name: string, taken: Set<string>, maxLength: number, fallback: string): string {
  const base = slugify(name, { maxLength, fallback });
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

const sameOrganisation = (stored: StoredOrganisation, data: Organisation): boolean =>
  JSON.stringify(OrganisationSchema.parse({ ...stored, slug: data.slug })) === JSON.stringify(data);

/** The fields an import may change, to see whether anything changed. */
const comparable = ({
  id: _id,
  slug: _slug,
  status: _status,
  version: _version,
  createdAt: _created,
  updatedAt: _updated,
  isDemo: _demo,
  needsReview: _review,
  openDataId: _openDataId,
  ...fields
}: Listing | (ListingData & Partial<Listing>)) => JSON.stringify(fields);

export async function planImport(
  db: Kysely<Database>,
  source: ImportSource,
  vocabulary: ImportVocabulary,
  today: string,
): Promise<ImportPlan> {
  const organisations = await listOrganisations(db);
  const takenOrganisationSlugs = new Set(organisations.map((organisation) => organisation.slug));
  const byOpenDataId = new Map(organisations.map((organisation) => [organisation.openDataId, organisation]));
  const byDuplicateKey = new Map(
    organisations.map((organisation) => [
      duplicateKey(organisation.name, organisation.address),
      organisation,
    ]),
  );
  /** Source organisation id → the slug its services go to. */
  const organisationFor = new Map<string, string>();
  const plannedOrganisations: PlannedOrganisation[] = [];

  /**
   * A service carries only a brief of its organisation (no address): a brief whose id is unknown
   * is the organisation of that name in the file or the database, if there is one.
   */
  const planBrief = (raw: unknown) => {
    const parsed = SourceOrganizationSchema.safeParse(raw);
    if (parsed.success && !organisationFor.has(parsed.data.id)) {
      const name = fold(parsed.data.name);
      const same =
        plannedOrganisations.find(
          (entry) => entry.slug !== '' && fold(entry.data?.name ?? entry.name) === name,
        )?.slug ?? organisations.find((organisation) => fold(organisation.name) === name)?.slug;
      if (same && !byOpenDataId.has(parsed.data.id.toLowerCase())) {
        organisationFor.set(parsed.data.id, same);
        return;
      }
    }
    planOrganisation(raw);
  };

  const planOrganisation = (raw: unknown) => {
    const parsed = SourceOrganizationSchema.safeParse(raw);
    if (!parsed.success) {
      plannedOrganisations.push({
        action: 'skip',
        name: '(zonder naam)',
        slug: '',
        reason: 'geen id of naam',
      });
      return;
    }
    const source: SourceOrganization = parsed.data;
    if (organisationFor.has(source.id)) return;
    const fields = organisationFromSource(source);
    const known = isUuid(source.id) ? byOpenDataId.get(source.id.toLowerCase()) : undefined;
    if (known) {
      organisationFor.set(source.id, known.slug);
      const data = OrganisationSchema.safeParse({ ...fields, slug: known.slug });
      if (!data.success)
        plannedOrganisations.push({
          action: 'skip',
          name: source.name,
          slug: known.slug,
          reason: firstProblem(data.error),
        });
      else if (sameOrganisation(known, data.data))
        plannedOrganisations.push({
          action: 'skip',
          name: source.name,
          slug: known.slug,
          reason: 'ongewijzigd',
        });
      else if (!known.needsReview)
        plannedOrganisations.push({
          action: 'skip',
          name: source.name,
          slug: known.slug,
          reason: CHECKED_HERE,
        });
      else
        plannedOrganisations.push({
          action: 'change',
          name: source.name,
          slug: known.slug,
          data: data.data,
          expectedVersion: known.version,
        });
      return;
    }
    const duplicate = byDuplicateKey.get(duplicateKey(fields.name, fields.address));
    if (duplicate) {
      organisationFor.set(source.id, duplicate.slug);
      plannedOrganisations.push({
        action: 'skip',
        name: source.name,
        slug: duplicate.slug,
        reason: `bestaat al als "${duplicate.name}" (zelfde naam en adres)`,
      });
      return;
    }
    const slug = uniqueSlug(fields.name, takenOrganisationSlugs, 60, 'organisatie');
    const data = OrganisationSchema.safeParse({ ...fields, slug });
    if (!data.success) {
      takenOrganisationSlugs.delete(slug);
      plannedOrganisations.push({
        action: 'skip',
        name: source.name,
        slug: '',
        reason: firstProblem(data.error),
      });
      return;
    }
    organisationFor.set(source.id, slug);
    byDuplicateKey.set(duplicateKey(data.data.name, data.data.address), {
      ...data.data,
      id: 0,
      openDataId: '',
      needsReview: true,
      version: 1,
      updatedAt: '',
    });
    plannedOrganisations.push({
      action: 'add',
      name: source.name,
      slug,
      data: data.data,
      ...(isUuid(source.id) && !byOpenDataId.has(source.id.toLowerCase())
        ? { openDataId: source.id.toLowerCase() }
        : {}),
    });
  };

  for (const raw of source.organizations) planOrganisation(raw);
  const services = source.services.map((raw) => SourceServiceSchema.safeParse(raw));
  for (const parsed of services)
    if (parsed.success && parsed.data.organization) planBrief(parsed.data.organization);

  const listingRows = await db.selectFrom('listings').select(['id', 'uuid']).execute();
  const listingByUuid = new Map(listingRows.map((row) => [row.uuid, row.id]));
  const existingListings = new Map<number, Listing>();
  for (const row of listingRows) {
    const listing = await findListingById(db, row.id);
    if (listing) existingListings.set(row.id, listing);
  }
  const listingDuplicates = new Map(
    [...existingListings.values()].map((listing) => [
      duplicateKey(listing.title, listing.locations[0]?.address),
      listing,
    ]),
  );
  const takenListingSlugs = new Set([...existingListings.values()].map((listing) => listing.slug));
  const plannedListings: PlannedListing[] = [];

  for (const parsed of services) {
    if (!parsed.success) {
      plannedListings.push({ action: 'skip', title: '(zonder naam)', reason: 'geen id of naam' });
      continue;
    }
    const service = parsed.data;
    const organisation = organisationFor.get(service.organization_id ?? service.organization?.id ?? '');
    if (!organisation) {
      plannedListings.push({
        action: 'skip',
        title: service.name,
        reason: 'de organisatie staat niet in het bestand',
      });
      continue;
    }
    const { lastVerifiedAt, ...fields } = listingFromSource(service, vocabulary);
    const knownId = isUuid(service.id) ? listingByUuid.get(service.id.toLowerCase()) : undefined;
    const known = knownId === undefined ? undefined : existingListings.get(knownId);
    const duplicate = known
      ? undefined
      : listingDuplicates.get(duplicateKey(fields.title, fields.locations?.[0]?.address));
    if (duplicate) {
      plannedListings.push({
        action: 'skip',
        title: service.name,
        reason: `bestaat al als "${duplicate.title}" (zelfde naam en adres)`,
      });
      continue;
    }
    const slug = known?.slug ?? uniqueSlug(fields.title, takenListingSlugs, 70, 'aanbod');
    const data = ListingInputSchema.safeParse({
      ...fields,
      slug,
      organisation,
      status: known?.status ?? 'draft',
      lastVerifiedAt: lastVerifiedAt ?? today,
      isDemo: false,
      needsReview: true,
      ...(known ? {} : isUuid(service.id) ? { openDataId: service.id.toLowerCase() } : {}),
    });
    if (!data.success) {
      if (!known) takenListingSlugs.delete(slug);
      plannedListings.push({
        action: 'skip',
        title: service.name,
        reason:
          data.error.issues[0]?.path[0] === 'lifeDomains'
            ? 'geen leefgebied dat hier bekend is'
            : firstProblem(data.error),
      });
      continue;
    }
    if (known) {
      plannedListings.push(
        comparable(known) === comparable(data.data)
          ? { action: 'skip', title: service.name, reason: 'ongewijzigd' }
          : !known.needsReview
            ? { action: 'skip', title: service.name, reason: CHECKED_HERE }
            : {
                action: 'change',
                title: service.name,
                data: data.data,
                existing: { id: known.id, version: known.version },
              },
      );
      continue;
    }
    listingDuplicates.set(duplicateKey(data.data.title, data.data.locations[0]?.address), {
      ...data.data,
      id: 0,
      openDataId: '',
      version: 1,
      createdAt: '',
      updatedAt: '',
    });
    plannedListings.push({ action: 'add', title: service.name, data: data.data });
  }
  return { organisations: plannedOrganisations, listings: plannedListings };
}

export interface ImportResult {
  organisationsAdded: number;
  organisationsChanged: number;
  listingsAdded: number;
  listingsChanged: number;
}

/** Writes the plan in one transaction, with an audit entry per object, as done by the import. */
export async function applyImport(
  db: Kysely<Database>,
  plan: ImportPlan,
  now = new Date(),
): Promise<ImportResult> {
  return inTransaction(db, async (trx) => {
    const result: ImportResult = {
      organisationsAdded: 0,
      organisationsChanged: 0,
      listingsAdded: 0,
      listingsChanged: 0,
    };
    const at = now.toISOString();
    for (const planned of plan.organisations) {
      if (!planned.data) continue;
      if (planned.action === 'add') {
        await insertOrganisation(trx, planned.data, at, {
          ...(planned.openDataId ? { openDataId: planned.openDataId } : {}),
          needsReview: true,
        });
        result.organisationsAdded += 1;
      } else if (planned.action === 'change' && planned.expectedVersion !== undefined) {
        if (!(await updateOrganisation(trx, planned.slug, planned.expectedVersion, planned.data, at)))
          continue;
        await markOrganisationForReview(trx, planned.slug);
        result.organisationsChanged += 1;
      } else continue;
      await recordAudit(
        trx,
        {
          actorId: null,
          action: `organisation.import-${planned.action}`,
          objectType: 'organisation',
          objectId: planned.slug,
          changes: diffFields({}, { ...planned.data }),
        },
        now,
      );
    }
    for (const planned of plan.listings) {
      if (!planned.data) continue;
      let id: number;
      if (planned.action === 'add') {
        id = await insertListing(trx, planned.data, at);
        result.listingsAdded += 1;
      } else if (planned.action === 'change' && planned.existing) {
        if (!(await updateListing(trx, planned.existing.id, planned.existing.version, planned.data, at)))
          continue;
        id = planned.existing.id;
        result.listingsChanged += 1;
      } else continue;
      const { isDemo: _demo, ...fields } = planned.data;
      await recordAudit(
        trx,
        {
          actorId: null,
          action: `listing.import-${planned.action}`,
          objectType: 'listing',
          objectId: String(id),
          changes: diffFields({}, fields),
        },
        now,
      );
    }
    return result;
  });
}
