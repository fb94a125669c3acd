import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { findListingById, updateListing } from '#admin/listings/listing-repository.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { createEmbeddedEngine } from '#search/embedded/embedded-engine.ts';
import { createDocumentSource } from '#search/document-source.ts';
import type { SearchEngine } from '#search/search-engine.ts';
import { SearchQuerySchema } from '#search/search-query.ts';
import { createSearchService, type SearchService } from '#search/search-service.ts';
import { readDataVersion } from '#admin/data-version/data-version.ts';
import { watchDataVersion, type DataVersionWatch } from '#admin/data-version/data-version-watch.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { waitFor } from '../support/wait-for.ts';

const content = loadContent(contentRoot);
let database: TempDatabase;
let engine: SearchEngine;
let service: SearchService;

/** An engine whose writes can be made to fail, to prove the sync loop repairs what was missed. */
function withFailingWrites(inner: SearchEngine): SearchEngine & { failWrites: boolean } {
  const wrapper = {
    ...inner,
    name: inner.name,
    failWrites: false,
    async upsert(documents: Parameters<SearchEngine['upsert']>[0]) {
      if (wrapper.failWrites) throw new Error('engine unreachable');
      return inner.upsert(documents);
    },
  };
  return wrapper;
}

const search = (text: string) => service.search(SearchQuerySchema.parse({ text }));

beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  engine = createEmbeddedEngine();
});
afterEach(async () => {
  await service.stop();
  watch?.stop();
  await other?.stop();
  other = undefined;
  await database.close();
});
let watch: DataVersionWatch | undefined;
let other: SearchService | undefined;

describe('search service', () => {
  it('indexes every published listing, wijk and ankerplaats at start', async () => {
    service = createSearchService({
      engine,
      source: createDocumentSource(database.db, content),
      settings: { synonyms: content.taxonomy.synonyms },
      syncIntervalMs: 0,
    });
    await service.ready();
    const listings = await database.db
      .selectFrom('listings')
      .select('id')
      .where('status', '=', 'published')
      .execute();
    const held = await engine.versions();
    expect(held.size).toBe(listings.length + content.neighbourhoods.length + content.anchorPlaces.length);
    expect((await search('Bolnes')).hits.map((hit) => hit.document.url)).toContain('/wijken/bolnes');
  });

  it('finds a changed listing by its new words right after the write, and not by the old ones', async () => {
    service = createSearchService({
      engine,
      source: createDocumentSource(database.db, content),
      settings: { synonyms: content.taxonomy.synonyms },
      syncIntervalMs: 0,
    });
    await service.ready();
    const listing = await findListingById(database.db, 1);
    if (!listing) throw new Error('demo listing 1 missing');
    await updateListing(database.db, listing.id, listing.version, {
      ...listing,
      title: 'Zwanenhalsflamingo-inloop',
    });
    expect((await search('zwanenhalsflamingo')).hits.map((hit) => hit.id)).toEqual([`listing-${listing.id}`]);
    await updateListing(database.db, listing.id, listing.version + 1, {
      ...listing,
      title: 'Kolibrie-inloop',
    });
    expect((await search('kolibrie')).hits.map((hit) => hit.id)).toEqual([`listing-${listing.id}`]);
    expect((await search('zwanenhalsflamingo')).total).toBe(0);
  });

  it('drops an unpublished listing and repairs a failed write in the next sync round', async () => {
    const flaky = withFailingWrites(engine);
    service = createSearchService({
      engine: flaky,
      source: createDocumentSource(database.db, content),
      settings: { synonyms: content.taxonomy.synonyms },
      syncIntervalMs: 0,
    });
    await service.ready();
    const listing = await findListingById(database.db, 2);
    if (!listing) throw new Error('demo listing 2 missing');

    flaky.failWrites = true;
    await updateListing(database.db, listing.id, listing.version, {
      ...listing,
      title: 'Kwakkelkoffie in de buurt',
    });
    expect((await search('kwakkelkoffie')).total).toBe(0);
    flaky.failWrites = false;
    expect(await service.syncNow()).toEqual({ upserted: 1, removed: 0 });
    expect((await search('kwakkelkoffie')).total).toBe(1);

    await updateListing(database.db, listing.id, listing.version + 1, { ...listing, status: 'unpublished' });
    expect((await search('kwakkelkoffie')).total).toBe(0);
    expect((await engine.versions()).has(`listing-${listing.id}`)).toBe(false);
  });

  it("follows a listing saved through another instance by the data version, without that instance's write-through", async () => {
    service = createSearchService({
      engine,
      source: createDocumentSource(database.db, content),
      settings: { synonyms: content.taxonomy.synonyms },
      syncIntervalMs: 0,
    });
    // Instance B: its own database handle, its own engine, and no line to A's process.
    const handleB = database.openAnother();
    watch = watchDataVersion({ read: () => readDataVersion(handleB), intervalMs: 50 });
    other = createSearchService({
      engine: createEmbeddedEngine(),
      source: createDocumentSource(handleB, content),
      settings: { synonyms: content.taxonomy.synonyms },
      syncIntervalMs: 0,
      dataVersionChanges: (listener) => watch!.onChange(listener),
      listingWrites: () => () => undefined,
    });
    await Promise.all([service.ready(), other.ready()]);
    const searchB = (text: string) => other!.search(SearchQuerySchema.parse({ text }));

    const listing = await findListingById(database.db, 3);
    if (!listing) throw new Error('demo listing 3 missing');
    await updateListing(database.db, listing.id, listing.version, { ...listing, title: 'Pelikaanpraatje' });
    await waitFor(
      'B finds the listing by its new title',
      async () => (await searchB('pelikaanpraatje')).total === 1,
    );

    await updateListing(database.db, listing.id, listing.version + 1, { ...listing, status: 'unpublished' });
    await waitFor(
      'B no longer finds the unpublished listing',
      async () => (await searchB('pelikaanpraatje')).total === 0,
    );
    expect((await engine.versions()).has(`listing-${listing.id}`)).toBe(false);
  });
});
