import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { loadDemoListings } from '#admin/content/load-demo-listings.ts';
import {
  findPublishedListingBySlug,
  hasPublishedDemoListings,
  insertListing,
  listPublishedCitywideListings,
  listPublishedListingsInNeighbourhood,
  listPublishedListingsOfOrganisation,
} from '#admin/listings/listing-repository.ts';
import { findOrganisationBySlug } from '#admin/organisations/organisation-repository.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import type { ListingData } from '#admin/schemas/listing.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
let database: TempDatabase;

beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(async () => {
  await database.close();
});

describe('prepareDatabase', () => {
  it('migrates, imports organisations and loads the demo aanbod once', async () => {
    const first = await prepareDatabase(database.db, { content, contentRoot, demoData: true });
    expect(first.migrations).toEqual([
      '0001-listings',
      '0002-search-log',
      '0003-users-and-sessions',
      '0004-questions',
      '0005-hardening',
      '0006-several-instances',
      '0007-volunteers-and-activities',
      '0008-referrals',
      '0009-monitoring-and-open-data',
    ]);
    expect(first.organisationsAdded).toBe(content.organisations.length);
    expect(first.demoListingsAdded).toBe(loadDemoListings(contentRoot, content).length);

    const second = await prepareDatabase(database.db, { content, contentRoot, demoData: true });
    expect(second).toEqual({ migrations: [], organisationsAdded: 0, demoListingsAdded: 0 });
    expect(await hasPublishedDemoListings(database.db)).toBe(true);
  });

  it('loads no demo aanbod when demo data is off', async () => {
    const report = await prepareDatabase(database.db, { content, contentRoot, demoData: false });
    expect(report.demoListingsAdded).toBe(0);
    expect(await hasPublishedDemoListings(database.db)).toBe(false);
  });

  it('does not overwrite an organisation that was edited after import', async () => {
    await prepareDatabase(database.db, { content, contentRoot, demoData: false });
    await database.db
      .updateTable('organisations')
      .set({ name: 'Karaat (nieuw)' })
      .where('slug', '=', 'karaat')
      .execute();
    await prepareDatabase(database.db, { content, contentRoot, demoData: false });
    expect((await findOrganisationBySlug(database.db, 'karaat'))?.name).toBe('Karaat (nieuw)');
  });
});

describe('listing repository', () => {
  const listing: ListingData = {
    slug: 'test-koffieochtend',
    kind: 'activity',
    title: 'Koffieochtend in de buurtkamer',
    summary: 'Elke dinsdag koffie drinken en een praatje maken met buren. Iedereen is welkom.',
    description: 'Kom gezellig langs.',
    organisation: 'karaat',
    citywide: false,
    neighbourhoods: ['bolnes', 'slikkerveer'],
    locations: [
      {
        name: 'Buurtkamer',
        address: { street: 'Dorpsstraat 1', postcode: '2987 AA', city: 'Ridderkerk' },
        coordinates: { lat: 51.89, lng: 4.58 },
      },
    ],
    lifeDomains: ['meedoen'],
    audiences: ['ouderen', 'volwassenen'],
    cost: 'contribution',
    costNote: '€ 1 per kopje',
    access: 'open',
    contact: { phone: '0180-123456' },
    schedule: { weekly: [{ days: ['di'], opens: '10:00', closes: '12:00' }], occurrences: [], closures: [] },
    languages: ['nl'],
    accessibility: ['rolstoeltoegankelijk'],
    whatToBring: 'Een kopje als je wilt',
    room: {},
    addressOnRequest: false,
    professional: {},
    status: 'published',
    lastVerifiedAt: '2026-10-01',
    isDemo: false,
    origin: 'editor',
  };

  beforeEach(async () => {
    await prepareDatabase(database.db, { content, contentRoot, demoData: false });
  });

  it('stores and reads back every field', async () => {
    await insertListing(database.db, listing, '2026-11-01T10:00:00.000Z');
    const stored = await findPublishedListingBySlug(database.db, listing.slug);
    expect(stored).toMatchObject({
      ...listing,
      audiences: ['ouderen', 'volwassenen'],
      version: 1,
      createdAt: '2026-11-01T10:00:00.000Z',
    });
  });

  it('finds listings by wijk and organisation, and citywide ones separately', async () => {
    await insertListing(database.db, listing);
    await insertListing(database.db, { ...listing, slug: 'test-overal', citywide: true, neighbourhoods: [] });
    expect((await listPublishedListingsInNeighbourhood(database.db, 'bolnes')).map((l) => l.slug)).toEqual([
      'test-koffieochtend',
    ]);
    expect(await listPublishedListingsInNeighbourhood(database.db, 'oost')).toEqual([]);
    expect((await listPublishedCitywideListings(database.db)).map((l) => l.slug)).toEqual(['test-overal']);
    expect(await listPublishedListingsOfOrganisation(database.db, 'karaat')).toHaveLength(2);
  });

  it('hides listings that are not published', async () => {
    await insertListing(database.db, { ...listing, status: 'draft' });
    expect(await findPublishedListingBySlug(database.db, listing.slug)).toBeUndefined();
    expect(await listPublishedListingsInNeighbourhood(database.db, 'bolnes')).toEqual([]);
  });

  it('refuses a listing of an organisation that does not exist, and stores nothing of it', async () => {
    await expect(insertListing(database.db, { ...listing, organisation: 'bestaat-niet' })).rejects.toThrow();
    const count = await database.db
      .selectFrom('listing_neighbourhoods')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
