import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { findListingById, updateListingState } from '#admin/listings/listing-repository.ts';
import { hsdsDocument, type HsdsDocument } from '#admin/open-data/exchange/hsds-document.ts';
import { applyImport, planImport } from '#admin/open-data/exchange/hsds-import.ts';
import { importSource } from '#admin/open-data/exchange/hsds-source.ts';
import { RESOURCES, tabularPackage } from '#admin/open-data/exchange/hsds-tabular.ts';
import { importVocabularyFrom } from '#admin/open-data/exchange/import-vocabulary.ts';
import { hsdsSettingsFrom } from '#admin/open-data/hsds-settings.ts';
import { listOrganisations, updateOrganisation } from '#admin/organisations/organisation-repository.ts';
import { publicListing } from '#admin/listings/public-listing.ts';
import type { Listing } from '#admin/schemas/listing.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { snapshot } from '../support/accounts.ts';
import { hsdsValidator, type HsdsKind } from '../support/hsds-schemas.ts';
import { checkDeep } from '../support/hsds-walk.ts';
import { migratedTempDatabase, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
const settings = hsdsSettingsFrom(content, 'https://wijkwijzer.test');
const vocabulary = importVocabularyFrom(content);
const today = new Date().toISOString().slice(0, 10);
const validator = hsdsValidator();
let source: TempDatabase;
let document: HsdsDocument;

beforeAll(async () => {
  source = await tempDatabase();
  await prepareDatabase(source.db, { content, contentRoot, demoData: true });
  document = JSON.parse(JSON.stringify(await hsdsDocument(source.db, settings))) as HsdsDocument;
}, 120_000);
afterAll(async () => {
  await source.close();
  console.info('HSDS export objects validated:', Object.fromEntries([...validator.counts].sort()));
});

/**
 * The fields a round trip must keep: what residents see (`publicListing`: no referrers' details,
 * no address kept on request). Room status travels as a capacity and is a state of the moment,
 * not something another sociale kaart takes over; whether an address is on request cannot be
 * told from an export that leaves that address out.
 */
function content_of(stored: Listing, organisationNames: Map<string, string>) {
  const {
    room: _room,
    roomSetAt: _roomSetAt,
    addressOnRequest: _onRequest,
    id: _id,
    slug: _slug,
    status: _status,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    isDemo: _demo,
    needsReview: _review,
    organisation,
    ...fields
  } = publicListing(stored);
  return { ...fields, organisation: organisationNames.get(organisation) };
}

async function listingsOf(db: typeof source.db, status?: string) {
  const rows = await db
    .selectFrom('listings')
    .select('id')
    .$if(status !== undefined, (q) => q.where('status', '=', status ?? ''))
    .execute();
  const names = new Map(
    (await listOrganisations(db)).map((organisation) => [organisation.slug, organisation.name]),
  );
  const listings = await Promise.all(rows.map(async (row) => (await findListingById(db, row.id))!));
  return new Map(listings.map((listing) => [listing.openDataId, content_of(listing, names)]));
}

describe('the HSDS export', () => {
  it('holds every public organisation and published service, each valid against the official schemas', () => {
    expect(document.hsds_version).toBe('3.1');
    expect(document.organizations).toHaveLength(content.organisations.length);
    expect(document.services.length).toBeGreaterThan(90);
    document.organizations.forEach((organization, index) =>
      checkDeep(validator, 'organization', organization, `organizations[${index}]`),
    );
    document.services.forEach((service, index) =>
      checkDeep(validator, 'service', service, `services[${index}]`),
    );
    document.taxonomies.forEach((taxonomy) => validator.check('taxonomy', taxonomy));
    document.taxonomy_terms.forEach((term) => validator.check('taxonomy_term', term));
  });

  it('leaves out what is for professionals only, and gives room status as capacities', async () => {
    const rows = await source.db
      .selectFrom('listings')
      .select('id')
      .where('status', '=', 'published')
      .execute();
    const stored = await Promise.all(rows.map(async (row) => (await findListingById(source.db, row.id))!));
    const exported = JSON.stringify(document);
    // What referrers alone read (a phone or mail address may also be public elsewhere).
    const forReferrers = stored.flatMap((listing) =>
      [listing.professional.contactName, listing.professional.intakeConditions].filter(
        (text): text is string => text !== undefined,
      ),
    );
    expect(forReferrers.length).toBeGreaterThan(0);
    for (const text of forReferrers) expect(exported).not.toContain(text);
    // An address kept on request: the service has no places (its organisation's own address may be public).
    const onRequest = stored.filter((listing) => listing.addressOnRequest);
    expect(onRequest.length).toBeGreaterThan(0);
    for (const listing of onRequest)
      expect(
        document.services.find((entry) => entry.id === listing.openDataId)?.service_at_locations,
      ).toEqual([]);

    const withRoom = stored.filter((listing) => listing.room.status !== undefined);
    expect(withRoom.length).toBeGreaterThan(0);
    for (const listing of withRoom) {
      const service = document.services.find((entry) => entry.id === listing.openDataId)!;
      expect(service.capacities).toHaveLength(1);
      expect(service.capacities[0]?.available).toBe(listing.room.status === 'available' ? 1 : 0);
    }
  });

  it('as a tabular data package: the files, fields and keys of HSDS, every row valid', () => {
    const files = tabularPackage(document, 'test');
    const descriptor = JSON.parse(files.get('datapackage.json') ?? '{}') as {
      profile: string;
      resources: { name: string; path: string; schema: { fields: { name: string; type: string }[] } }[];
    };
    expect(descriptor.profile).toBe('tabular-data-package');
    const official = JSON.parse(readFileSync(join('tests', 'fixtures', 'hsds', 'service.json'), 'utf8')) as {
      properties: Record<string, { items?: { path?: string; properties?: object } }>;
    };
    // The official file name of each kind, where the compiled service schema names it.
    expect(official.properties.schedules?.items?.path).toBe('schedules.csv');
    expect(descriptor.resources.map((resource) => resource.path).sort()).toEqual(
      [...files.keys()].filter((name) => name !== 'datapackage.json').sort(),
    );
    const tables = new Map<string, Record<string, string>[]>();
    for (const resource of descriptor.resources) {
      const rows: string[][] = parse(files.get(resource.path) ?? '');
      expect(rows[0], resource.path).toEqual(resource.schema.fields.map((field) => field.name));
      const numbers = new Set(
        resource.schema.fields.filter((field) => field.type === 'number').map((f) => f.name),
      );
      const objects = rows.slice(1).map((row) =>
        Object.fromEntries(
          row.flatMap((value, index) => {
            const name = rows[0]?.[index] ?? '';
            return value === '' ? [] : [[name, numbers.has(name) ? Number(value) : value]];
          }),
        ),
      );
      for (const [index, object] of objects.entries())
        validator.check(resource.name as HsdsKind, object, `${resource.path} row ${index + 2}`);
      tables.set(resource.name, objects as Record<string, string>[]);
    }
    // Every link points at a row that is there.
    for (const resource of RESOURCES)
      for (const key of resource.foreignKeys) {
        const targets = new Set((tables.get(key.resource) ?? []).map((row) => row.id));
        for (const row of tables.get(resource.name) ?? [])
          if (row[key.field] !== undefined)
            expect(targets.has(row[key.field]), `${resource.path}.${key.field}`).toBe(true);
      }
    expect(tables.get('service')).toHaveLength(document.services.length);
    expect((tables.get('schedule') ?? []).length).toBeGreaterThan(100);
  });
});

describe('importing an export', () => {
  it('into an empty database gives the same organisations and services, to be checked', async () => {
    const target = await migratedTempDatabase();
    try {
      const before = await snapshot(target.db);
      const plan = await planImport(target.db, importSource(document), vocabulary, today);
      expect(await snapshot(target.db)).toBe(before);
      expect(plan.organisations.every((entry) => entry.action === 'add')).toBe(true);
      expect(plan.listings.filter((entry) => entry.action !== 'add')).toEqual([]);
      await applyImport(target.db, plan);

      const organisations = await listOrganisations(target.db);
      const original = await listOrganisations(source.db);
      const profile = ({
        slug: _slug,
        id: _id,
        version: _v,
        updatedAt: _u,
        needsReview: _r,
        ...rest
      }: (typeof original)[number]) => rest;
      expect(organisations.map(profile)).toEqual(original.map(profile));
      expect(organisations.every((organisation) => organisation.needsReview)).toBe(true);

      const imported = await listingsOf(target.db);
      expect(imported).toEqual(await listingsOf(source.db, 'published'));
      const rows = await target.db
        .selectFrom('listings')
        .select(['status', 'needs_review'])
        .distinct()
        .execute();
      expect(rows).toEqual([{ status: 'draft', needs_review: 1 }]);

      // Importing the same file again changes nothing.
      const again = await planImport(target.db, importSource(document), vocabulary, today);
      expect(new Set([...again.organisations, ...again.listings].map((entry) => entry.reason))).toEqual(
        new Set(['ongewijzigd']),
      );

      // A newer export of the source: what nobody checked yet follows it; what a person checked
      // here (a published listing, a saved organisation) is reported and left alone.
      const [checkedService, openService] = document.services;
      const [checkedOrganization, openOrganization] = document.organizations;
      const byUuid = async (uuid: string) =>
        (await target.db.selectFrom('listings').select('id').where('uuid', '=', uuid).executeTakeFirst())!.id;
      await updateListingState(target.db, await byUuid(checkedService!.id), { status: 'published' });
      const savedOrganisation = (await listOrganisations(target.db)).find(
        (organisation) => organisation.openDataId === checkedOrganization!.id,
      )!;
      const {
        id: _i,
        version,
        updatedAt: _u,
        needsReview: _n,
        openDataId: _o,
        ...fields
      } = savedOrganisation;
      await updateOrganisation(target.db, savedOrganisation.slug, version, fields);
      const newer = structuredClone(document);
      for (const service of newer.services.slice(0, 2)) service.description += '\n\nNieuw: ook op zaterdag.';
      for (const organization of newer.organizations.slice(0, 2))
        organization.description += '\n\nNieuw adres vanaf maart.';
      const update = await planImport(target.db, importSource(newer), vocabulary, today);
      const checkedHere = 'hier al gecontroleerd; de bron wijkt af, pas het zo nodig aan in het beheer';
      expect(update.listings.find((entry) => entry.title === checkedService!.name)).toMatchObject({
        action: 'skip',
        reason: checkedHere,
      });
      expect(update.listings.find((entry) => entry.title === openService!.name)?.action).toBe('change');
      expect(update.organisations.find((entry) => entry.name === checkedOrganization!.name)).toMatchObject({
        action: 'skip',
        reason: checkedHere,
      });
      expect(update.organisations.find((entry) => entry.name === openOrganization!.name)?.action).toBe(
        'change',
      );
      await applyImport(target.db, update);
      const published = (await findListingById(target.db, await byUuid(checkedService!.id)))!;
      expect(published.description).not.toContain('ook op zaterdag');
      expect(published).toMatchObject({ status: 'published', needsReview: false });
      const followed = (await findListingById(target.db, await byUuid(openService!.id)))!;
      expect(followed.description).toContain('ook op zaterdag');
      expect(followed).toMatchObject({ status: 'draft', needsReview: true });
    } finally {
      await target.close();
    }
  });

  it('matches duplicates on name and address, and reports what it skips and why', async () => {
    const target = await tempDatabase();
    try {
      await prepareDatabase(target.db, { content, contentRoot, demoData: false });
      const other = structuredClone(document);
      // Another sociale kaart: its own ids for the same organisations and services.
      const ids = new Map(other.organizations.map((organization) => [organization.id, crypto.randomUUID()]));
      for (const organization of other.organizations) organization.id = ids.get(organization.id) ?? '';
      for (const service of other.services) {
        service.id = crypto.randomUUID();
        service.organization_id = ids.get(service.organization_id) ?? '';
        service.organization.id = service.organization_id;
      }
      const first = other.services[0]!;
      other.services.push({ ...structuredClone(first), id: crypto.randomUUID() });
      other.services.push({ ...structuredClone(first), id: crypto.randomUUID(), attributes: [] });
      const plan = await planImport(target.db, importSource(other), vocabulary, today);
      expect(plan.organisations.filter((entry) => entry.action !== 'skip')).toEqual([]);
      expect(plan.organisations[0]?.reason).toMatch(/^bestaat al als ".+" \(zelfde naam en adres\)$/);
      const skipped = plan.listings.filter((entry) => entry.action === 'skip');
      expect(skipped.map((entry) => entry.reason)).toEqual([
        `bestaat al als "${first.name}" (zelfde naam en adres)`,
        `bestaat al als "${first.name}" (zelfde naam en adres)`,
      ]);
      expect(plan.listings.filter((entry) => entry.action === 'add')).toHaveLength(document.services.length);

      const lost = structuredClone(first);
      lost.id = crypto.randomUUID();
      lost.name = 'Iets heel anders zonder leefgebied';
      lost.attributes = [];
      const refused = await planImport(target.db, importSource([lost]), vocabulary, today);
      expect(refused.listings).toEqual([
        { action: 'skip', title: lost.name, reason: 'geen leefgebied dat hier bekend is' },
      ]);
    } finally {
      await target.close();
    }
  });

  it('works from the command line: npm run export, then npm run import as a dry run and for real', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-uitwisseling-'));
    /** The CLI's settings for a database of this test's dialect (a file, or a PostgreSQL URL). */
    const settingsFor = ({ location }: TempDatabase): Record<string, string> =>
      location.dialect === 'postgres' ? { DATABASE_URL: location.url } : { DATABASE_PATH: location.path };
    const { DATABASE_URL: _url, DATABASE_PATH: _path, ...inherited } = process.env;
    const run = (script: string, args: string[], database: TempDatabase) =>
      execFileSync(
        process.execPath,
        ['--disable-warning=ExperimentalWarning', `admin/cli/${script}.ts`, ...args],
        {
          env: { ...inherited, ...settingsFor(database), HOST: '127.0.0.1', PORT: '4321' },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    const file = join(dir, 'export.json');
    expect(run('export', ['--format', 'hsds-json', '--out', file], source)).toContain(
      `${document.services.length} diensten`,
    );
    expect(run('export', ['--format', 'hsds-csv', '--out', join(dir, 'csv')], source)).toContain(
      '16 bestanden',
    );
    expect(readdirSync(join(dir, 'csv'))).toContain('datapackage.json');

    // An empty database, not even migrated: the CLI brings it to the current schema first.
    const empty = await tempDatabase();
    try {
      const dry = run('import', [file], empty);
      expect(dry).toContain(`Aanbod: ${document.services.length} toevoegen, 0 wijzigen, 0 overslaan`);
      expect(dry).toContain('Dit was een proefrun');
      const applied = run('import', [file, '--apply'], empty);
      expect(applied).toContain(`${document.services.length} aanbod toegevoegd`);
      expect(run('import', [file], empty)).toContain(
        `Aanbod: 0 toevoegen, 0 wijzigen, ${document.services.length} overslaan`,
      );
    } finally {
      await empty.close();
    }
  });
});
