import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '#admin/accounts/user.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { InvalidInputError } from '#admin/errors/domain-errors.ts';
import { draftFromListing } from '#admin/listings/listing-draft.ts';
import {
  changeListingStatus,
  confirmListingCurrent,
  createListing,
  saveListing,
  type EditorDeps,
} from '#admin/listings/listing-editor.ts';
import {
  findListingById,
  findPublishedListingBySlug,
  listPublishedListingsByIds,
  listPublishedListingsInNeighbourhood,
  listPublishedListingsOfOrganisation,
} from '#admin/listings/listing-repository.ts';
import { roomNoticeForResidents, roomView } from '#admin/listings/room.ts';
import { listingVocabulary } from '#admin/setup/admin-context.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { createDocumentSource } from '#search/document-source.ts';
import { listingDocumentId } from '#search/project-listing.ts';
import { listingJsonLd } from '#site/lib/json-ld.ts';
import { accountWith } from '../support/accounts.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

// What a listing keeps for professionals (its address when it is on request, the contact person,
// direct line and intake conditions for referrers) must reach no public read: the page, the wijk
// and organisation pages, the map (which reads the page's places), the search index and the API
// (which read the search documents), and JSON-LD.

const content = loadContent(contentRoot);
let database: TempDatabase;
let editor: User;
const organisation = content.organisations[0]!.id;
const wijk = content.neighbourhoods[0]!.id;
const deps: EditorDeps = {
  lookupAddress: async () => ({
    status: 'found',
    address: { displayName: 'x', municipality: 'Ridderkerk', point: { lat: 51.8711, lng: 4.6012 } },
  }),
  vocabulary: listingVocabulary(content),
};

const SECRET = {
  street: 'Geheimstraat 17',
  place: 'Opvanghuis De Schuilplaats',
  contactName: 'Marieke Verwijs',
  directLine: '0180-999888',
  directMail: 'verwijzers@opvang.example',
  conditions: 'Alleen na een intake met de crisisdienst.',
};
const draft = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'service',
  title: 'Opvang bij geweld thuis',
  summary: 'Een veilige plek voor vrouwen en kinderen die thuis niet veilig zijn.',
  description: 'Je kunt hier tijdelijk wonen. We helpen je verder.',
  lifeDomains: ['veiligheid'],
  neighbourhoods: [wijk],
  cost: 'free',
  access: 'referral',
  contact: { phone: '0800-2000' },
  locations: [
    { name: SECRET.place, address: { street: SECRET.street, postcode: '2981 AB', city: 'Ridderkerk' } },
  ],
  schedule: { weekly: [{ days: ['ma'], opens: '09:00', closes: '17:00' }], occurrences: [] },
  whatToBring: 'Je ID-bewijs als je dat hebt',
  addressOnRequest: true,
  room: { status: 'waiting-list', waitWeeks: 3 },
  professional: {
    contactName: SECRET.contactName,
    phone: SECRET.directLine,
    email: SECRET.directMail,
    intakeConditions: SECRET.conditions,
  },
  ...changes,
});
const leaks = (value: unknown): string[] => {
  const text = JSON.stringify(value);
  return Object.values(SECRET).filter((secret) => text.includes(secret));
};

beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: false });
  editor = await accountWith(database.db, { role: 'organisatie', organisationSlug: organisation });
});
afterEach(async () => {
  await database.close();
});

async function publishedListing(changes: Record<string, unknown> = {}, now = new Date()) {
  const created = await createListing(database.db, editor, organisation, draft(changes), { ...deps, now });
  await changeListingStatus(database.db, editor, created.id, 'publish', now);
  return (await findListingById(database.db, created.id))!;
}

describe('a listing with its address on request and information for referrers', () => {
  it('keeps everything for its editor and for professionals', async () => {
    const listing = await publishedListing();
    expect(listing).toMatchObject({
      addressOnRequest: true,
      whatToBring: 'Je ID-bewijs als je dat hebt',
      room: { status: 'waiting-list', waitWeeks: 3 },
      professional: { contactName: SECRET.contactName, phone: SECRET.directLine },
      locations: [{ name: SECRET.place, address: { street: SECRET.street } }],
    });
    expect(listing.roomSetAt).toBeDefined();
    expect(draftFromListing(listing)).toMatchObject({
      addressOnRequest: true,
      professional: listing.professional,
    });
  });

  it('shows no address, place or referrer information in any public read', async () => {
    const listing = await publishedListing();
    const page = await findPublishedListingBySlug(database.db, listing.slug);
    expect(page).toMatchObject({ addressOnRequest: true, locations: [], professional: {} });
    expect(leaks(page)).toEqual([]);
    expect(leaks(await listPublishedListingsInNeighbourhood(database.db, wijk))).toEqual([]);
    expect(leaks(await listPublishedListingsOfOrganisation(database.db, organisation))).toEqual([]);
    expect(leaks(await listPublishedListingsByIds(database.db, [listing.id]))).toEqual([]);

    const source = createDocumentSource(database.db, content);
    const document = await source.listingDocument(listing.id);
    expect(document?.location).toBeUndefined();
    expect(document?.neighbourhoods).toEqual([wijk]);
    expect(leaks(document)).toEqual([]);
    expect(leaks(await source.load([listingDocumentId(listing.id)]))).toEqual([]);

    const jsonLd = listingJsonLd(page!, {
      organisation: undefined,
      municipality: content.municipality,
      pageUrl: 'https://wijkwijzer.test/aanbod/x',
    });
    expect(JSON.stringify(jsonLd)).not.toMatch(/PostalAddress|GeoCoordinates|Place/);
    expect(leaks(jsonLd)).toEqual([]);
  });

  it('with its address public, keeps the place on the page and in the index, but never the referrer information', async () => {
    const listing = await publishedListing({ addressOnRequest: false });
    const page = await findPublishedListingBySlug(database.db, listing.slug);
    expect(page?.locations[0]?.address.street).toBe(SECRET.street);
    expect(page?.professional).toEqual({});
    const document = await createDocumentSource(database.db, content).listingDocument(listing.id);
    expect(document?.location).toEqual({ lat: 51.8711, lng: 4.6012 });
    expect(leaks(document).filter((secret) => secret !== SECRET.place && secret !== SECRET.street)).toEqual(
      [],
    );
  });

  it('refuses a wrong direct line, room or wait with a Dutch message at its field', async () => {
    const failure = await createListing(
      database.db,
      editor,
      organisation,
      draft({
        room: { status: 'vol', waitWeeks: 0 },
        professional: { phone: 'bel de receptie', email: 'geen-adres' },
      }),
      deps,
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidInputError);
    const messages = Object.fromEntries(
      (failure as InvalidInputError).issues.map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(messages['room.status']).toBe('Kies of er plek is.');
    expect(messages['professional.phone']).toContain('Vul een geldig telefoonnummer in');
    expect(messages['professional.email']).toContain('Vul een geldig e-mailadres in');
  });
});

describe('the room status', () => {
  it('is dated when saved or confirmed, and unknown after 30 days without either', async () => {
    const start = new Date('2026-10-01T09:00:00Z');
    const listing = await publishedListing({}, start);
    expect(listing.roomSetAt).toBe(start.toISOString());
    expect(roomView(listing, new Date('2026-10-20T09:00:00Z'))).toEqual({
      state: 'waiting-list',
      waitWeeks: 3,
      setAt: start.toISOString(),
    });
    const later = new Date('2026-11-05T09:00:00Z');
    expect(roomView(listing, later)).toEqual({ state: 'unknown', setAt: start.toISOString() });
    expect(roomNoticeForResidents(roomView(listing, later))).toBeUndefined();

    // "Klopt nog" confirms the room with the rest of the listing.
    const confirmed = await confirmListingCurrent(database.db, editor, listing.id, later);
    expect(confirmed.roomSetAt).toBe(later.toISOString());
    expect(roomNoticeForResidents(roomView(confirmed, later))).toBe(
      'Er is een wachtlijst. Je wacht ongeveer 3 weken.',
    );

    // Saving the form dates it too; weeks belong to a waiting list only.
    const saved = await saveListing(
      database.db,
      editor,
      listing.id,
      confirmed.version,
      { ...draftFromListing(confirmed), room: { status: 'full', waitWeeks: 8 } },
      { ...deps, now: new Date('2026-11-20T09:00:00Z') },
    );
    expect(saved.room).toEqual({ status: 'full' });
    expect(saved.roomSetAt).toBe('2026-11-20T09:00:00.000Z');
    // Residents hear about a waiting list or a closure, not about "vol".
    expect(roomNoticeForResidents(roomView(saved, new Date('2026-11-21T09:00:00Z')))).toBeUndefined();
  });
});
