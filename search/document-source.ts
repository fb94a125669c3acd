import type { Kysely } from 'kysely';
import type { Content } from '#admin/content/load-content.ts';
import type { Database } from '#admin/db/tables.ts';
import { dutchToday, isOver } from '#admin/calendar/activity-dates.ts';
import { readDataVersion } from '#admin/data-version/data-version.ts';
import {
  findListingById,
  listListingChangesSince,
  listPublishedActivities,
  listPublishedListingsByIds,
  listPublishedListingVersions,
} from '#admin/listings/listing-repository.ts';
import { listOrganisations } from '#admin/organisations/organisation-repository.ts';
import {
  documentVersion,
  listingDocumentId,
  projectListing,
  type ProjectionVocabulary,
} from './project-listing.ts';
import { projectContent } from './project-content.ts';
import type { SearchDocument } from './search-document.ts';

/** Where search documents come from: published listings in the database and content in git. */
export interface DocumentSource {
  /** id → version of everything the index should hold. */
  expectedVersions(): Promise<Map<string, number>>;
  load: (ids: string[]) => Promise<SearchDocument[]>;
  /** The document of one listing, or undefined when it is not (or no longer) published, or an activity that is over. */
  listingDocument(listingId: number): Promise<SearchDocument | undefined>;
  /** The data version now (admin/data-version). */
  dataVersion(): Promise<number>;
  /** What changed after data version `since`: documents to write, ids to remove, and the version they bring the index to. */
  changesSince(since: number): Promise<{ upsert: SearchDocument[]; remove: string[]; upTo: number }>;
}

/**
 * `today` is the Dutch calendar day the documents are built for (tests pass a fixed one): an
 * activity whose last date lies before it is not in the index.
 */
export function createDocumentSource(
  db: Kysely<Database>,
  content: Content,
  today: () => string = () => dutchToday(),
): DocumentSource {
  const contentDocuments = new Map(projectContent(content).map((document) => [document.id, document]));

  async function vocabulary(): Promise<ProjectionVocabulary> {
    const organisations = await listOrganisations(db);
    return {
      neighbourhoodIds: content.neighbourhoods.map((wijk) => wijk.id),
      neighbourhoodCentres: new Map(content.neighbourhoods.map((wijk) => [wijk.id, wijk.data.center])),
      lifeDomainNames: new Map(content.taxonomy.lifeDomains.map((domain) => [domain.id, domain.name])),
      audienceNames: new Map(content.taxonomy.audiences.map((audience) => [audience.id, audience.name])),
      organisationNames: new Map(organisations.map((organisation) => [organisation.slug, organisation.name])),
    };
  }

  return {
    async expectedVersions() {
      const day = today();
      const listings = await listPublishedListingVersions(db);
      for (const activity of await listPublishedActivities(db)) {
        if (isOver(activity.schedule, day)) listings.delete(activity.id);
        else listings.set(activity.id, documentVersion(activity, day));
      }
      return new Map([
        ...[...listings].map(([id, version]) => [listingDocumentId(id), version] as const),
        ...[...contentDocuments.values()].map((document) => [document.id, document.version] as const),
      ]);
    },

    async load(ids) {
      const listingIds = ids
        .filter((id) => id.startsWith('listing-'))
        .map((id) => Number(id.slice('listing-'.length)));
      const words = await vocabulary();
      const day = today();
      const listings = await listPublishedListingsByIds(db, listingIds);
      return [
        ...listings
          .filter((listing) => listing.kind !== 'activity' || !isOver(listing.schedule, day))
          .map((listing) => projectListing(listing, words, day)),
        ...ids.flatMap((id) => contentDocuments.get(id) ?? []),
      ];
    },

    dataVersion: () => readDataVersion(db),

    async changesSince(since) {
      const changes = await listListingChangesSince(db, since);
      const published = changes.filter((change) => change.published).map((change) => change.id);
      const day = today();
      // An activity that is over is not in the index, like an unpublished listing.
      const listings = (await listPublishedListingsByIds(db, published)).filter(
        (listing) => listing.kind !== 'activity' || !isOver(listing.schedule, day),
      );
      const words = listings.length > 0 ? await vocabulary() : undefined;
      const upsert = words ? listings.map((listing) => projectListing(listing, words, day)) : [];
      // A listing unpublished again (or over) after the read above is simply not among `listings`: removed.
      const kept = new Set(upsert.map((document) => document.id));
      const remove = changes.map((change) => listingDocumentId(change.id)).filter((id) => !kept.has(id));
      const upTo = changes.reduce((highest, change) => Math.max(highest, change.dataVersion), since);
      return { upsert, remove, upTo };
    },

    async listingDocument(listingId) {
      const listing = await findListingById(db, listingId);
      const day = today();
      if (listing?.status !== 'published') return undefined;
      if (listing.kind === 'activity' && isOver(listing.schedule, day)) return undefined;
      return projectListing(listing, await vocabulary(), day);
    },
  };
}
