import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '#admin/audit/audit-log.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { ConflictError } from '#admin/errors/domain-errors.ts';
import { draftFromListing } from '#admin/listings/listing-draft.ts';
import type { FieldIssue } from '#admin/errors/field-issue.ts';
import { InvalidInputError } from '#admin/errors/domain-errors.ts';
import {
  changeListingStatus,
  confirmListingCurrent,
  createListing,
  listListingsForActor,
  saveListing,
  type EditorDeps,
} from '#admin/listings/listing-editor.ts';
import { findListingById } from '#admin/listings/listing-repository.ts';
import { findOrganisationBySlug } from '#admin/organisations/organisation-repository.ts';
import { saveOrganisationProfile } from '#admin/organisations/organisation-editor.ts';
import { sendStaleReminders } from '#admin/listings/stale-listings.ts';
import { listingVocabulary } from '#admin/setup/admin-context.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import type { User } from '#admin/accounts/user.ts';
import { createEmbeddedEngine } from '#search/embedded/embedded-engine.ts';
import { createDocumentSource } from '#search/document-source.ts';
import { SearchQuerySchema } from '#search/search-query.ts';
import { createSearchService, type SearchService } from '#search/search-service.ts';
import { accountWith } from '../support/accounts.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
let database: TempDatabase;
let editor: User;
let organisation: string;
const lookups: string[] = [];
const deps: EditorDeps = {
  lookupAddress: async (query) => {
    lookups.push(`${query.postcode} ${query.houseNumber}`);
    return query.houseNumber === 999
      ? { status: 'not-found' }
      : {
          status: 'found',
          address: { displayName: 'x', municipality: 'Ridderkerk', point: { lat: 51.87, lng: 4.6 } },
        };
  },
  vocabulary: listingVocabulary(content),
};

/** The first message per field path, as the form shows them. */
const messagesOf = (issues: readonly FieldIssue[]): Record<string, string> => {
  const messages: Record<string, string> = {};
  for (const issue of issues) messages[issue.path.map(String).join('.')] ??= issue.message;
  return messages;
};

const newDraft = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'activity',
  title: 'Breicafé aan de Dijk',
  summary: 'Samen breien en koffie drinken, elke week in het wijkcentrum.',
  lifeDomains: [content.taxonomy.lifeDomains[0]!.id],
  neighbourhoods: [content.neighbourhoods[0]!.id],
  cost: 'free',
  access: 'open',
  contact: { phone: '0180-123456' },
  ...changes,
});

beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  organisation = content.organisations[0]!.id;
  editor = await accountWith(database.db, { role: 'organisatie', organisationSlug: organisation });
  lookups.length = 0;
});
afterEach(async () => {
  await database.close();
});

describe('creating and saving listings', () => {
  it('stores a new listing as a concept with every field, schedule rows and a located address', async () => {
    const draft = newDraft({
      schedule: {
        weekly: [{ days: ['di', 'do'], opens: '09:30', closes: '11:30' }],
        occurrences: [{ date: '2026-12-12', starts: '14:00', ends: '16:00', note: 'Kerstbrei' }],
        closures: [
          { from: '2026-12-24', until: '2027-01-02', note: 'kerstvakantie' },
          { from: '2027-04-30' },
        ],
        note: 'Niet in de kerstvakantie',
      },
      locations: [
        {
          name: 'Wijkcentrum De Fuik',
          address: { street: 'Dijkweg 12a', postcode: '2981ab', city: 'Ridderkerk' },
        },
      ],
      languages: ['nl', 'en'],
      accessibility: ['lift'],
    });
    const listing = await createListing(database.db, editor, organisation, draft, deps);
    expect(listing).toMatchObject({
      status: 'draft',
      slug: 'breicafe-aan-de-dijk',
      organisation,
      languages: ['nl', 'en'],
      accessibility: ['lift'],
    });
    expect(listing.schedule.weekly).toEqual([{ days: ['di', 'do'], opens: '09:30', closes: '11:30' }]);
    expect(listing.schedule.occurrences).toEqual([
      { date: '2026-12-12', starts: '14:00', ends: '16:00', note: 'Kerstbrei' },
    ]);
    // "Gesloten van … tot en met …"; a single day needs no end date.
    expect(listing.schedule.closures).toEqual([
      { from: '2026-12-24', until: '2027-01-02', note: 'kerstvakantie' },
      { from: '2027-04-30', until: '2027-04-30' },
    ]);
    expect(listing.locations).toEqual([
      {
        name: 'Wijkcentrum De Fuik',
        address: { street: 'Dijkweg 12a', postcode: '2981 AB', city: 'Ridderkerk' },
        coordinates: { lat: 51.87, lng: 4.6 },
      },
    ]);
    expect(lookups).toEqual(['2981 AB 12']);

    const again = await createListing(database.db, editor, organisation, draft, deps);
    expect(again.slug).toBe('breicafe-aan-de-dijk-2');
  });

  it('returns a Dutch message per form field and stores nothing when input is wrong', async () => {
    const before = await database.db.selectFrom('listings').select('id').execute();
    const refused = createListing(
      database.db,
      editor,
      organisation,
      newDraft({
        title: 'x',
        kind: undefined,
        lifeDomains: [],
        neighbourhoods: ['atlantis'],
        contact: { email: 'geen-adres' },
        schedule: {
          weekly: [{ days: [], opens: '12:00', closes: '09:00' }],
          closures: [{ from: '2027-01-02', until: '2026-12-24' }],
        },
        locations: [
          {
            name: 'Nergens',
            address: { street: 'Geen straat 999', postcode: '2981 AB', city: 'Ridderkerk' },
          },
        ],
      }),
      deps,
    );
    const error = await refused.catch((caught: unknown) => caught);
    if (!(error instanceof InvalidInputError)) throw new Error('expected InvalidInputError');
    expect(messagesOf(error.issues)).toMatchObject({
      title: 'Vul een titel in van minstens 3 tekens.',
      kind: 'Kies wat voor aanbod dit is.',
      lifeDomains: 'Kies minstens één leefgebied.',
      neighbourhoods: 'Kies wijken uit de lijst.',
      'contact.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      'schedule.weekly.0.days': 'Kies minstens één dag.',
      'schedule.weekly.0.closes': 'De eindtijd moet na de begintijd liggen.',
      'schedule.closures.0.until': 'De laatste dag moet op of na de eerste dag liggen.',
    });
    expect(messagesOf(error.issues)['locations.0.address.street']).toContain('We vinden dit adres niet');
    expect(await database.db.selectFrom('listings').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses to overwrite a change saved in between', async () => {
    const listing = await createListing(database.db, editor, organisation, newDraft(), deps);
    await saveListing(
      database.db,
      editor,
      listing.id,
      listing.version,
      { ...draftFromListing(listing), title: 'Eerste wijziging' },
      deps,
    );
    await expect(
      saveListing(
        database.db,
        editor,
        listing.id,
        listing.version,
        { ...draftFromListing(listing), title: 'Tweede wijziging' },
        deps,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await findListingById(database.db, listing.id))?.title).toBe('Eerste wijziging');
  });

  it('commits a save together with its audit entry: when the entry cannot be written, nothing changes', async () => {
    const listing = await createListing(database.db, editor, organisation, newDraft(), deps);
    // A real failure inside the transaction, after the listing's own update: its audit table is gone.
    await database.db.schema.dropTable('audit_log').execute();
    await expect(
      saveListing(
        database.db,
        editor,
        listing.id,
        listing.version,
        { ...draftFromListing(listing), title: 'Half opgeslagen' },
        deps,
      ),
    ).rejects.toThrow();
    const stored = await findListingById(database.db, listing.id);
    expect(stored?.title).toBe(listing.title);
    expect(stored?.version).toBe(listing.version);
  });

  it('of two editors saving the same version at the same time, one wins and the other gets the conflict', async () => {
    const listing = await createListing(database.db, editor, organisation, newDraft(), deps);
    const colleague = await accountWith(database.db, { role: 'organisatie', organisationSlug: organisation });
    const saves = await Promise.allSettled(
      [
        { by: editor, title: 'Breicafé van Anna' },
        { by: colleague, title: 'Breicafé van Bram' },
      ].map(({ by, title }) =>
        saveListing(
          database.db,
          by,
          listing.id,
          listing.version,
          { ...draftFromListing(listing), title },
          deps,
        ),
      ),
    );
    const saved = saves.flatMap((save) => (save.status === 'fulfilled' ? [save.value] : []));
    const refused = saves.flatMap((save) => (save.status === 'rejected' ? [save.reason as unknown] : []));
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ConflictError);
    const stored = await findListingById(database.db, listing.id);
    expect(stored?.title).toBe(saved[0]?.title);
    expect(stored?.version).toBe(listing.version + 1);
    const audits = await listAuditEntries(database.db, {
      limit: 50,
      objectType: 'listing',
      objectId: String(listing.id),
    });
    expect(audits.entries.filter((entry) => entry.action === 'listing.update')).toHaveLength(1);
  });

  it('of two saves of the same organisation profile version, one wins and the other gets the conflict', async () => {
    const before = await findOrganisationBySlug(database.db, organisation);
    if (!before) throw new Error('organisation missing');
    const { id: _id, version, updatedAt: _updated, slug: _slug, ...profile } = before;
    const saves = await Promise.allSettled(
      ['Eerste naam', 'Tweede naam'].map((name) =>
        saveOrganisationProfile(database.db, editor, organisation, version, { ...profile, name }),
      ),
    );
    expect(saves.filter((save) => save.status === 'fulfilled')).toHaveLength(1);
    const refused = saves.find((save) => save.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    expect((await findOrganisationBySlug(database.db, organisation))?.version).toBe(version + 1);
  });

  it('records who changed what in the audit log', async () => {
    const created = await createListing(database.db, editor, organisation, newDraft(), deps);
    await saveListing(
      database.db,
      editor,
      created.id,
      created.version,
      { ...draftFromListing(created), title: 'Breicafé op dinsdag' },
      deps,
    );
    const { entries } = await listAuditEntries(database.db, {
      limit: 5,
      objectType: 'listing',
      objectId: String(created.id),
    });
    expect(entries.map((entry) => entry.action)).toEqual(['listing.update', 'listing.create']);
    expect(entries[0]?.actor?.id).toBe(editor.id);
    expect(entries[0]?.changes.title).toEqual({ from: 'Breicafé aan de Dijk', to: 'Breicafé op dinsdag' });
  });
});

describe('search follows the editor', () => {
  let service: SearchService;
  afterEach(async () => {
    await service.stop();
  });

  it('finds a published listing by its new title as soon as it is saved, and loses it when it goes offline', async () => {
    service = createSearchService({
      engine: createEmbeddedEngine(),
      source: createDocumentSource(database.db, content),
      settings: { synonyms: content.taxonomy.synonyms },
      syncIntervalMs: 0,
    });
    await service.ready();
    const search = async (text: string) =>
      (await service.search(SearchQuerySchema.parse({ text }))).hits.map((hit) => hit.document.title);
    const created = await createListing(database.db, editor, organisation, newDraft(), deps);
    expect(await search('breicafé')).not.toContain('Breicafé aan de Dijk');
    const published = await changeListingStatus(database.db, editor, created.id, 'publish');
    await saveListing(
      database.db,
      editor,
      published.id,
      published.version,
      { ...draftFromListing(published), title: 'Haakclub Zonnebloem' },
      deps,
    );
    expect(await search('haakclub zonnebloem')).toContain('Haakclub Zonnebloem');
    await changeListingStatus(database.db, editor, published.id, 'unpublish');
    expect(await search('haakclub zonnebloem')).not.toContain('Haakclub Zonnebloem');
  });
});

describe('listings that may be out of date', () => {
  it('flags published listings not checked for 6 months, and "Klopt nog" clears the flag', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const target = (await listListingsForActor(database.db, editor, {}, now)).find(
      (listing) => listing.status === 'published',
    )!;
    await database.db
      .updateTable('listings')
      .set({ last_verified_at: '2026-05-23' })
      .where('id', '=', target.id)
      .execute();
    expect(
      (await listListingsForActor(database.db, editor, {}, now)).find((listing) => listing.id === target.id)
        ?.stale,
    ).toBe(true);
    await confirmListingCurrent(database.db, editor, target.id, now);
    expect(
      (await listListingsForActor(database.db, editor, {}, now)).find((listing) => listing.id === target.id),
    ).toMatchObject({ stale: false, lastVerifiedAt: '2026-11-23' });
  });

  it("mails each organisation's editors once a month with their listings to check", async () => {
    await database.db
      .updateTable('listings')
      .set({ is_demo: 0, last_verified_at: '2026-01-15' })
      .where('organisation_slug', '=', organisation)
      .execute();
    const now = new Date('2026-11-23T10:00:00Z');
    const first = await sendStaleReminders(
      database.db,
      { baseUrl: 'https://wijkwijzer.test', siteName: 'Wijkwijzer Test' },
      now,
    );
    expect(first?.mails).toBeGreaterThanOrEqual(1);
    const mail = await database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', editor.email)
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('https://wijkwijzer.test/beheer/aanbod/');
    expect(mail.subject).toContain('Klopt uw aanbod nog?');
    expect(
      await sendStaleReminders(
        database.db,
        { baseUrl: 'https://wijkwijzer.test', siteName: 'Wijkwijzer Test' },
        new Date('2026-11-30T10:00:00Z'),
      ),
    ).toBeUndefined();
    expect(
      (
        await sendStaleReminders(
          database.db,
          { baseUrl: 'https://wijkwijzer.test', siteName: 'Wijkwijzer Test' },
          new Date('2026-12-01T10:00:00Z'),
        )
      )?.month,
    ).toBe('2026-12');
  });
});
