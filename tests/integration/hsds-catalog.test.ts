import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { updateListing, findListingById } from '#admin/listings/listing-repository.ts';
import {
  getHsdsOrganization,
  getHsdsService,
  getHsdsServiceAtLocation,
  getHsdsTaxonomy,
  getHsdsTaxonomyTerm,
  listHsdsOrganizations,
  listHsdsServiceAtLocations,
  listHsdsServices,
  listHsdsTaxonomies,
  listHsdsTaxonomyTerms,
} from '#admin/open-data/hsds-catalog.ts';
import { DEMO_ALERT } from '#admin/open-data/hsds-mapper.ts';
import {
  OrganizationListQuerySchema,
  ServiceListQuerySchema,
  TaxonomyListQuerySchema,
  TaxonomyTermListQuerySchema,
  parseQuery,
} from '#admin/open-data/hsds-query.ts';
import { hsdsSettingsFrom } from '#admin/open-data/hsds-settings.ts';
import type { HsdsPage } from '#admin/open-data/hsds-types.ts';
import { submitQuestion } from '#admin/questions/submit-question.ts';
import { inboxTeams } from '#admin/questions/team-directory.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { accountWith } from '../support/accounts.ts';
import { hsdsValidator, type HsdsKind } from '../support/hsds-schemas.ts';
import { checkDeep } from '../support/hsds-walk.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
const settings = hsdsSettingsFrom(content, 'https://wijkwijzer.test');
const validator = hsdsValidator();
let database: TempDatabase;

const services = (params: Record<string, string> = {}) => {
  const parsed = parseQuery(ServiceListQuerySchema, new URLSearchParams(params));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return listHsdsServices(database.db, parsed.query, settings);
};

function checkPage<T>(page: HsdsPage<T>, kind: HsdsKind, where: string): T[] {
  validator.check('page', page, where);
  page.contents.forEach((item, index) => validator.check(kind, item, `${where}.contents[${index}]`));
  return page.contents;
}

/** Reads every page of a list, checking each page and item; returns all items. */
async function everyPage<T>(
  load: (page: number) => Promise<HsdsPage<T>>,
  kind: HsdsKind,
  where: string,
): Promise<T[]> {
  const first = await load(1);
  const items = checkPage(first, kind, `${where} page 1`);
  for (let number = 2; number <= first.total_pages; number++)
    items.push(...checkPage(await load(number), kind, `${where} page ${number}`));
  expect(items).toHaveLength(first.total_items);
  return items;
}

beforeAll(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  // Personal data in the same database, which must never reach open data.
  await accountWith(database.db, { role: 'beheerder', email: 'geheim-beheerder@example.nl' });
  const team = inboxTeams(content)[0]!;
  await submitQuestion(
    database.db,
    {
      question: 'GEHEIME-VRAAG over mijn huur',
      neighbourhood: content.neighbourhoods[0]!.id,
      aboutYouth: 'nee',
      lifeDomains: ['wonen'],
      email: 'geheim-inwoner@example.nl',
      formToken: 'x',
    },
    crypto.randomUUID(),
    { team, siteName: 'Test', baseUrl: 'https://wijkwijzer.test' },
  );
}, 120_000);

afterAll(async () => {
  await database.close();
  console.info(
    'HSDS objects validated against the official schemas:',
    Object.fromEntries([...validator.counts].sort()),
  );
});

describe('HSDS catalog', () => {
  it('publishes every published listing and public organisation, and every object validates', async () => {
    const published = await database.db
      .selectFrom('listings')
      .select('uuid')
      .where('status', '=', 'published')
      .execute();
    const briefs = await everyPage(
      (page) => services({ page: String(page), per_page: '25' }),
      'service_list',
      'services',
    );
    expect(new Set(briefs.map((service) => service.id))).toEqual(new Set(published.map((row) => row.uuid)));

    let withSchedules = 0;
    let withLocations = 0;
    for (const brief of briefs) {
      const service = await getHsdsService(database.db, brief.id, settings);
      expect(service).toBeDefined();
      checkDeep(validator, 'service', service, `service ${brief.id}`);
      expect(service?.alert).toBe(DEMO_ALERT);
      if ((service?.schedules.length ?? 0) > 0) withSchedules += 1;
      if ((service?.service_at_locations.length ?? 0) > 0) withLocations += 1;
    }
    expect(withSchedules).toBeGreaterThan(10);
    expect(withLocations).toBeGreaterThan(10);

    const organisations = await everyPage(
      (page) =>
        listHsdsOrganizations(
          database.db,
          OrganizationListQuerySchema.parse({ page, per_page: 10 }),
          settings,
        ),
      'organization_list',
      'organizations',
    );
    expect(organisations).toHaveLength(content.organisations.length);
    for (const brief of organisations)
      checkDeep(
        validator,
        'organization',
        await getHsdsOrganization(database.db, brief.id, settings),
        `organization ${brief.id}`,
      );

    const atLocations = await everyPage(
      (page) =>
        listHsdsServiceAtLocations(
          database.db,
          ServiceListQuerySchema.parse({ page, per_page: 30 }),
          settings,
        ),
      'service_at_location_list',
      'service_at_locations',
    );
    expect(atLocations.length).toBeGreaterThanOrEqual(withLocations);
    for (const brief of atLocations)
      checkDeep(
        validator,
        'service_at_location',
        await getHsdsServiceAtLocation(database.db, brief.id, settings),
        `service_at_location ${brief.id}`,
      );

    const taxonomies = await everyPage(
      (page) => listHsdsTaxonomies(database.db, TaxonomyListQuerySchema.parse({ page }), settings),
      'taxonomy',
      'taxonomies',
    );
    expect(taxonomies.map((taxonomy) => taxonomy.name)).toEqual(
      expect.arrayContaining(['Leefgebieden', 'Doelgroepen']),
    );
    for (const taxonomy of taxonomies)
      validator.check('taxonomy', await getHsdsTaxonomy(database.db, taxonomy.id, settings), 'taxonomy');
    const terms = await everyPage(
      (page) => listHsdsTaxonomyTerms(database.db, TaxonomyTermListQuerySchema.parse({ page }), settings),
      'taxonomy_term',
      'taxonomy_terms',
    );
    expect(terms.filter((term) => term.taxonomy === 'Leefgebieden').map((term) => term.code)).toEqual(
      content.taxonomy.lifeDomains.map((domain) => domain.id),
    );
    for (const term of terms)
      validator.check('taxonomy_term', await getHsdsTaxonomyTerm(database.db, term.id, settings), 'term');
  });

  it('filters services by term, taxonomy, organisation, date and words', async () => {
    const terms = (
      await listHsdsTaxonomyTerms(database.db, TaxonomyTermListQuerySchema.parse({ per_page: 200 }), settings)
    ).contents;
    const geld = terms.find((term) => term.taxonomy === 'Leefgebieden' && term.code === 'geld')!;
    const expected = await database.db
      .selectFrom('listings')
      .innerJoin('listing_life_domains as d', 'd.listing_id', 'listings.id')
      .select('listings.uuid')
      .where('d.life_domain', '=', 'geld')
      .where('listings.status', '=', 'published')
      .execute();
    const found = await services({ taxonomy_term_id: geld.id, per_page: '200' });
    expect(new Set(found.contents.map((service) => service.id))).toEqual(
      new Set(expected.map((row) => row.uuid)),
    );
    expect(found.total_items).toBe(expected.length);

    const doelgroepen = terms.find((term) => term.taxonomy === 'Doelgroepen')!.taxonomy_id;
    const withAudience = await database.db
      .selectFrom('listing_audiences')
      .select('listing_id')
      .distinct()
      .execute();
    expect((await services({ taxonomy_id: doelgroepen })).total_items).toBe(withAudience.length);

    const karaat = (
      await listHsdsOrganizations(
        database.db,
        OrganizationListQuerySchema.parse({ search: 'karaat' }),
        settings,
      )
    ).contents[0]!;
    const ofKaraat = await services({ organization_id: karaat.id, per_page: '200' });
    expect(ofKaraat.total_items).toBeGreaterThan(0);
    expect(ofKaraat.contents.every((service) => service.organization_id === karaat.id)).toBe(true);

    expect((await services({ modified_after: '2999-01-01' })).total_items).toBe(0);
    expect((await services({ modified_after: '2000-01-01T00:00:00Z' })).total_items).toBe(
      (await services()).total_items,
    );
    const voedsel = await services({ search: 'Voedselbank' });
    expect(voedsel.total_items).toBeGreaterThan(0);
    expect(
      voedsel.contents.every((service) =>
        `${service.name} ${service.description}`.toLowerCase().includes('voedselbank'),
      ),
    ).toBe(true);
    expect((await services({ taxonomy_term_id: crypto.randomUUID() })).empty).toBe(true);
  });

  it('refuses parameters that do not fit, naming them', () => {
    const parsed = parseQuery(
      ServiceListQuerySchema,
      new URLSearchParams({
        page: '0',
        per_page: 'veel',
        modified_after: 'gisteren',
        taxonomy_term_id: 'geld',
      }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues.map((issue) => issue.parameter).sort()).toEqual([
        'modified_after',
        'page',
        'per_page',
        'taxonomy_term_id',
      ]);
  });

  it('keeps ids stable when a listing changes, and answers nothing for drafts or unknown ids', async () => {
    const first = (await services({ per_page: '1' })).contents[0]!;
    const before = await getHsdsService(database.db, first.id, settings);
    const row = await database.db
      .selectFrom('listings')
      .select('id')
      .where('uuid', '=', first.id)
      .executeTakeFirstOrThrow();
    const listing = (await findListingById(database.db, row.id))!;
    const { id: _id, version, createdAt: _c, updatedAt: _u, ...data } = listing;
    expect(
      await updateListing(database.db, row.id, version, { ...data, title: `${data.title} (nieuw)` }),
    ).toBe(true);
    const after = await getHsdsService(database.db, first.id, settings);
    expect(after?.name).toBe(`${data.title} (nieuw)`);
    expect(after?.service_at_locations.map((entry) => entry.id)).toEqual(
      before?.service_at_locations.map((entry) => entry.id),
    );
    expect(after?.schedules.map((entry) => entry.id)).toEqual(before?.schedules.map((entry) => entry.id));

    await database.db.updateTable('listings').set({ status: 'draft' }).where('id', '=', row.id).execute();
    expect(await getHsdsService(database.db, first.id, settings)).toBeUndefined();
    expect(await getHsdsService(database.db, 'geen-uuid', settings)).toBeUndefined();
    await database.db.updateTable('listings').set({ status: 'published' }).where('id', '=', row.id).execute();
  });

  it('leaves out an organisation that is still to be checked, with its services', async () => {
    const all = await services({ per_page: '200' });
    const service = all.contents[0]!;
    const { organisation_slug: slug } = await database.db
      .selectFrom('listings')
      .select('organisation_slug')
      .where('uuid', '=', service.id)
      .executeTakeFirstOrThrow();
    const offered = (
      await database.db
        .selectFrom('listings')
        .select('id')
        .where('organisation_slug', '=', slug)
        .where('status', '=', 'published')
        .execute()
    ).length;
    await database.db
      .updateTable('organisations')
      .set({ needs_review: 1 })
      .where('slug', '=', slug)
      .execute();
    try {
      const hidden = await services({ per_page: '200' });
      expect(hidden.total_items).toBe(all.total_items - offered);
      expect(hidden.contents.map((entry) => entry.id)).not.toContain(service.id);
      expect(await getHsdsService(database.db, service.id, settings)).toBeUndefined();
      expect(await getHsdsOrganization(database.db, service.organization_id, settings)).toBeUndefined();
    } finally {
      await database.db
        .updateTable('organisations')
        .set({ needs_review: 0 })
        .where('slug', '=', slug)
        .execute();
    }
  });

  it('carries nothing personal', async () => {
    const all = JSON.stringify([
      await services({ per_page: '200' }),
      await listHsdsOrganizations(
        database.db,
        OrganizationListQuerySchema.parse({ per_page: 200 }),
        settings,
      ),
    ]);
    expect(all).not.toMatch(/GEHEIME-VRAAG|geheim-inwoner|geheim-beheerder/);
  });
});
