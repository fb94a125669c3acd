import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/tables.ts';
import { listPublishedListingsByIds } from '../listings/listing-repository.ts';
import {
  listPublicOrganisations,
  type StoredOrganisation,
} from '../organisations/organisation-repository.ts';
import type { Listing } from '../schemas/listing.ts';
import {
  hsdsOrganization,
  hsdsOrganizationBrief,
  hsdsService,
  hsdsServiceAtLocation,
  hsdsServiceAtLocations,
  hsdsServiceBrief,
  type HsdsMappingContext,
} from './hsds-mapper.ts';
import type {
  OrganizationListQuery,
  ServiceListQuery,
  TaxonomyListQuery,
  TaxonomyTermListQuery,
} from './hsds-query.ts';
import {
  hsdsTaxonomy,
  taxonomyId,
  termIndex,
  type TaxonomyDefinition,
  type TaxonomyKey,
} from './hsds-taxonomies.ts';
import type {
  HsdsOrganization,
  HsdsOrganizationBrief,
  HsdsPage,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsServiceAtLocationBrief,
  HsdsServiceBrief,
  HsdsTaxonomy,
  HsdsTaxonomyTerm,
} from './hsds-types.ts';
import { isUuid, openDataNamespace } from './identifiers.ts';

/**
 * The published sociale kaart as HSDS 3.1: what /api/hsds answers and the export writes. Only
 * published listings and organisations someone checked; nothing about users, questions or
 * referrals ever passes through here.
 */
export interface HsdsSettings {
  baseUrl: string;
  siteName: string;
  municipality: { name: string; province: string };
  neighbourhoods: ReadonlyMap<string, string>;
  taxonomies: TaxonomyDefinition[];
}

async function mappingContext(db: Kysely<Database>, settings: HsdsSettings): Promise<HsdsMappingContext> {
  const namespace = await openDataNamespace(db);
  return {
    baseUrl: settings.baseUrl,
    siteName: settings.siteName,
    municipality: settings.municipality,
    neighbourhoods: settings.neighbourhoods,
    terms: termIndex(namespace, settings.taxonomies, settings.baseUrl),
  };
}

export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const searchWords = (search: string | undefined): string[] =>
  (search ?? '')
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 10);

type ListingQuery = SelectQueryBuilder<Database, 'listings', object>;
type TermFilter = { key: TaxonomyKey; code: string } | { key: TaxonomyKey; code?: undefined };

/** A term or taxonomy id as the filter it means; `null` when no term or taxonomy has that id. */
function termFilter(
  context: HsdsMappingContext,
  namespace: string,
  settings: HsdsSettings,
  query: { taxonomy_term_id?: string | undefined; taxonomy_id?: string | undefined },
): TermFilter[] | null {
  const filters: TermFilter[] = [];
  if (query.taxonomy_term_id) {
    const entry = context.terms.byId.get(query.taxonomy_term_id);
    if (!entry) return null;
    filters.push({ key: entry.key, code: entry.code });
  }
  if (query.taxonomy_id) {
    const definition = settings.taxonomies.find(
      (candidate) => taxonomyId(namespace, candidate.key) === query.taxonomy_id,
    );
    if (!definition) return null;
    filters.push({ key: definition.key });
  }
  return filters;
}

function applyTermFilter(query: ListingQuery, filter: TermFilter): ListingQuery {
  const { key, code } = filter;
  const linked = (table: 'listing_life_domains' | 'listing_audiences', column: 'life_domain' | 'audience') =>
    query.where((eb: ExpressionBuilder<Database, 'listings'>) =>
      eb.exists(
        eb
          .selectFrom(table)
          .select('listing_id')
          .whereRef('listing_id', '=', 'listings.id')
          .$if(code !== undefined, (q) => q.where(column, '=', code ?? '')),
      ),
    );
  switch (key) {
    case 'leefgebieden':
      return linked('listing_life_domains', 'life_domain');
    case 'doelgroepen':
      return linked('listing_audiences', 'audience');
    case 'soort-aanbod':
      return code === undefined ? query : query.where('kind', '=', code);
    case 'kosten':
      return code === undefined ? query : query.where('cost', '=', code);
    case 'toegang':
      return code === undefined ? query : query.where('access', '=', code);
    case 'toegankelijkheid':
      // Stored as a JSON list of feature codes (letters and hyphens only).
      return query.where('accessibility_json', 'like', code === undefined ? '%"%' : `%"${code}"%`);
    case 'soort-organisatie':
      return code === undefined
        ? query
        : query.where('organisation_slug', 'in', (eb) =>
            eb.selectFrom('organisations').select('slug').where('kind', '=', code),
          );
  }
}

/** Published listings matching the service filters of HSDS, as a query to count or page. */
function matchingListings(
  db: Kysely<Database>,
  query: Partial<ServiceListQuery>,
  filters: TermFilter[],
): ListingQuery {
  // A listing of an organisation that was imported and not yet checked stays out with it.
  let listings: ListingQuery = db
    .selectFrom('listings')
    .where('listings.status', '=', 'published')
    .where('listings.organisation_slug', 'in', (eb) =>
      eb.selectFrom('organisations').select('slug').where('needs_review', '=', 0),
    );
  for (const word of searchWords(query.search)) {
    listings = listings.where((eb) =>
      eb.or(
        (['title', 'summary', 'description'] as const).map((column) =>
          eb(eb.fn('lower', [eb.ref(column)]), 'like', `%${word}%`),
        ),
      ),
    );
  }
  if (query.organization_id)
    listings = listings.where('organisation_slug', 'in', (eb) =>
      eb
        .selectFrom('organisations')
        .select('slug')
        .where('uuid', '=', query.organization_id ?? ''),
    );
  if (query.modified_after) listings = listings.where('updated_at', '>=', query.modified_after);
  for (const filter of filters) listings = applyTermFilter(listings, filter);
  return listings;
}

async function organisationsBySlug(db: Kysely<Database>): Promise<Map<string, StoredOrganisation>> {
  return new Map(
    (await listPublicOrganisations(db)).map((organisation) => [organisation.slug, organisation]),
  );
}

/** Listings by id in the order of `ids`, with their organisations. */
async function loadListings(
  db: Kysely<Database>,
  ids: number[],
): Promise<{ listing: Listing; organisation: StoredOrganisation }[]> {
  const [listings, organisations] = await Promise.all([
    listPublishedListingsByIds(db, ids),
    organisationsBySlug(db),
  ]);
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  return ids.flatMap((id) => {
    const listing = byId.get(id);
    const organisation = listing ? organisations.get(listing.organisation) : undefined;
    return listing && organisation ? [{ listing, organisation }] : [];
  });
}

const emptyPage = <T>(perPage: number, pageNumber: number): HsdsPage<T> =>
  page<T>([], 0, pageNumber, perPage);

export async function listHsdsServices(
  db: Kysely<Database>,
  query: ServiceListQuery,
  settings: HsdsSettings,
): Promise<HsdsPage<HsdsServiceBrief>> {
  const context = await mappingContext(db, settings);
  const filters = termFilter(context, await openDataNamespace(db), settings, query);
  if (!filters) return emptyPage(query.per_page, query.page);
  const matching = matchingListings(db, query, filters);
  const { total } = await matching
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await matching
    .select('listings.id')
    .orderBy('listings.title')
    .orderBy('listings.id')
    .limit(query.per_page)
    .offset((query.page - 1) * query.per_page)
    .execute();
  const loaded = await loadListings(
    db,
    rows.map((row) => row.id),
  );
  return page(
    loaded.map(({ listing, organisation }) => hsdsServiceBrief(listing, organisation, context)),
    Number(total),
    query.page,
    query.per_page,
  );
}

async function publishedListingByUuid(
  db: Kysely<Database>,
  id: string,
): Promise<{ listing: Listing; organisation: StoredOrganisation } | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom('listings')
    .select('id')
    .where('uuid', '=', id.toLowerCase())
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? (await loadListings(db, [row.id]))[0] : undefined;
}

export async function getHsdsService(
  db: Kysely<Database>,
  id: string,
  settings: HsdsSettings,
): Promise<HsdsService | undefined> {
  const found = await publishedListingByUuid(db, id);
  if (!found) return undefined;
  return hsdsService(found.listing, found.organisation, await mappingContext(db, settings));
}

/** Every published service, fully nested, a batch at a time: for the export. */
export async function* allHsdsServices(
  db: Kysely<Database>,
  settings: HsdsSettings,
  batchSize = 200,
): AsyncGenerator<HsdsService> {
  const context = await mappingContext(db, settings);
  const ids = (
    await matchingListings(db, {}, [])
      .select('listings.id')
      .orderBy('listings.title')
      .orderBy('listings.id')
      .execute()
  ).map((row) => row.id);
  for (let start = 0; start < ids.length; start += batchSize) {
    for (const { listing, organisation } of await loadListings(db, ids.slice(start, start + batchSize)))
      yield hsdsService(listing, organisation, context);
  }
}

export async function countPublishedServices(db: Kysely<Database>): Promise<number> {
  const { total } = await matchingListings(db, {}, [])
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export async function listHsdsOrganizations(
  db: Kysely<Database>,
  query: OrganizationListQuery,
  settings: HsdsSettings,
): Promise<HsdsPage<HsdsOrganizationBrief>> {
  const context = await mappingContext(db, settings);
  const namespace = await openDataNamespace(db);
  const filters = termFilter(context, namespace, settings, query);
  if (!filters) return emptyPage(query.per_page, query.page);
  const organisationFilters = filters.filter((filter) => filter.key === 'soort-organisatie');
  const serviceFilters = filters.filter((filter) => filter.key !== 'soort-organisatie');
  const offering =
    serviceFilters.length > 0
      ? new Set(
          (
            await matchingListings(db, {}, serviceFilters)
              .select('listings.organisation_slug')
              .distinct()
              .execute()
          ).map((row) => row.organisation_slug),
        )
      : undefined;
  const words = searchWords(query.search);
  const matching = (await listPublicOrganisations(db)).filter(
    (organisation) =>
      (offering === undefined || offering.has(organisation.slug)) &&
      organisationFilters.every((filter) => filter.code === undefined || organisation.kind === filter.code) &&
      words.every((word) =>
        `${organisation.name} ${organisation.summary} ${organisation.description}`
          .toLowerCase()
          .includes(word),
      ),
  );
  const start = (query.page - 1) * query.per_page;
  return page(
    matching
      .slice(start, start + query.per_page)
      .map((organisation) => hsdsOrganizationBrief(organisation, context)),
    matching.length,
    query.page,
    query.per_page,
  );
}

async function servicesOf(
  db: Kysely<Database>,
  organisation: StoredOrganisation,
  context: HsdsMappingContext,
): Promise<HsdsServiceBrief[]> {
  const rows = await db
    .selectFrom('listings')
    .select('id')
    .where('status', '=', 'published')
    .where('organisation_slug', '=', organisation.slug)
    .orderBy('title')
    .orderBy('id')
    .execute();
  return (
    await listPublishedListingsByIds(
      db,
      rows.map((row) => row.id),
    )
  )
    .sort((a, b) => a.title.localeCompare(b.title, 'nl') || a.id - b.id)
    .map((listing) => hsdsServiceBrief(listing, organisation, context));
}

export async function getHsdsOrganization(
  db: Kysely<Database>,
  id: string,
  settings: HsdsSettings,
): Promise<HsdsOrganization | undefined> {
  if (!isUuid(id)) return undefined;
  const organisation = (await listPublicOrganisations(db)).find(
    (candidate) => candidate.openDataId === id.toLowerCase(),
  );
  if (!organisation) return undefined;
  const context = await mappingContext(db, settings);
  return hsdsOrganization(organisation, await servicesOf(db, organisation, context), context);
}

/** Every public organisation, fully nested: for the export. */
export async function allHsdsOrganizations(
  db: Kysely<Database>,
  settings: HsdsSettings,
): Promise<HsdsOrganization[]> {
  const context = await mappingContext(db, settings);
  const organisations = await listPublicOrganisations(db);
  const result: HsdsOrganization[] = [];
  for (const organisation of organisations)
    result.push(hsdsOrganization(organisation, await servicesOf(db, organisation, context), context));
  return result;
}

export async function listHsdsServiceAtLocations(
  db: Kysely<Database>,
  query: ServiceListQuery,
  settings: HsdsSettings,
): Promise<HsdsPage<HsdsServiceAtLocationBrief>> {
  const context = await mappingContext(db, settings);
  const filters = termFilter(context, await openDataNamespace(db), settings, query);
  if (!filters) return emptyPage(query.per_page, query.page);
  // Each location of a listing is one entry: count them from the stored JSON, load only this page.
  // An address on request is for professionals only: such a listing has no public places.
  const rows = await matchingListings(db, query, filters)
    .select(['listings.id', 'listings.locations_json'])
    .where('listings.address_on_request', '=', 0)
    .orderBy('listings.title')
    .orderBy('listings.id')
    .execute();
  const entries = rows.flatMap((row) => {
    const count = (JSON.parse(row.locations_json) as unknown[]).length;
    return Array.from({ length: count }, (_, index) => ({ id: row.id, index }));
  });
  const start = (query.page - 1) * query.per_page;
  const slice = entries.slice(start, start + query.per_page);
  const loaded = new Map(
    (await loadListings(db, [...new Set(slice.map((entry) => entry.id))])).map((found) => [
      found.listing.id,
      found,
    ]),
  );
  const contents = slice.flatMap(({ id, index }) => {
    const found = loaded.get(id);
    const brief = found ? hsdsServiceAtLocations(found.listing, context)[index] : undefined;
    return brief ? [brief] : [];
  });
  return page(contents, entries.length, query.page, query.per_page);
}

export async function getHsdsServiceAtLocation(
  db: Kysely<Database>,
  id: string,
  settings: HsdsSettings,
): Promise<HsdsServiceAtLocation | undefined> {
  if (!isUuid(id)) return undefined;
  const wanted = id.toLowerCase();
  const context = await mappingContext(db, settings);
  // The id is derived from the listing's id and the location, so find the listing by trying those
  // that have locations; a municipality has thousands, not millions.
  const rows = await matchingListings(db, {}, [])
    .select(['listings.id', 'listings.locations_json'])
    .where('listings.locations_json', '!=', '[]')
    .where('listings.address_on_request', '=', 0)
    .execute();
  for (let start = 0; start < rows.length; start += 200) {
    for (const { listing, organisation } of await loadListings(
      db,
      rows.slice(start, start + 200).map((row) => row.id),
    )) {
      const brief = hsdsServiceAtLocations(listing, context).find((candidate) => candidate.id === wanted);
      if (brief) return hsdsServiceAtLocation(listing, organisation, brief, context);
    }
  }
  return undefined;
}

export async function listHsdsTaxonomies(
  db: Kysely<Database>,
  query: TaxonomyListQuery,
  settings: HsdsSettings,
): Promise<HsdsPage<HsdsTaxonomy>> {
  const namespace = await openDataNamespace(db);
  const words = searchWords(query.search);
  const all = settings.taxonomies
    .map((definition) => hsdsTaxonomy(namespace, definition, settings.baseUrl))
    .filter((taxonomy) =>
      words.every((word) => `${taxonomy.name} ${taxonomy.description}`.toLowerCase().includes(word)),
    );
  const start = (query.page - 1) * query.per_page;
  return page(all.slice(start, start + query.per_page), all.length, query.page, query.per_page);
}

export async function getHsdsTaxonomy(
  db: Kysely<Database>,
  id: string,
  settings: HsdsSettings,
): Promise<HsdsTaxonomy | undefined> {
  const namespace = await openDataNamespace(db);
  return settings.taxonomies
    .map((definition) => hsdsTaxonomy(namespace, definition, settings.baseUrl))
    .find((taxonomy) => taxonomy.id === id.toLowerCase());
}

export async function listHsdsTaxonomyTerms(
  db: Kysely<Database>,
  query: TaxonomyTermListQuery,
  settings: HsdsSettings,
): Promise<HsdsPage<HsdsTaxonomyTerm>> {
  const context = await mappingContext(db, settings);
  const words = searchWords(query.search);
  // Our vocabularies are flat: every term is a top term, none has a parent.
  const all =
    query.parent_id !== undefined
      ? []
      : context.terms.terms
          .map((entry) => entry.term)
          .filter(
            (term) =>
              (query.taxonomy_id === undefined || term.taxonomy_id === query.taxonomy_id) &&
              words.every((word) =>
                `${term.code} ${term.name} ${term.description}`.toLowerCase().includes(word),
              ),
          );
  const start = (query.page - 1) * query.per_page;
  return page(all.slice(start, start + query.per_page), all.length, query.page, query.per_page);
}

export async function getHsdsTaxonomyTerm(
  db: Kysely<Database>,
  id: string,
  settings: HsdsSettings,
): Promise<HsdsTaxonomyTerm | undefined> {
  const context = await mappingContext(db, settings);
  return context.terms.byId.get(id.toLowerCase())?.term;
}

export async function allHsdsTaxonomyTerms(
  db: Kysely<Database>,
  settings: HsdsSettings,
): Promise<HsdsTaxonomyTerm[]> {
  return (await mappingContext(db, settings)).terms.terms.map((entry) => entry.term);
}

export async function allHsdsTaxonomies(
  db: Kysely<Database>,
  settings: HsdsSettings,
): Promise<HsdsTaxonomy[]> {
  const namespace = await openDataNamespace(db);
  return settings.taxonomies.map((definition) => hsdsTaxonomy(namespace, definition, settings.baseUrl));
}
