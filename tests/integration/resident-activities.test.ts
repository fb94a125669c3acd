import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '#admin/accounts/user.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import {
  ForbiddenError,
  InvalidInputError,
  LoginRequiredError,
  NotFoundError,
} from '#admin/errors/domain-errors.ts';
import { getListingForEdit, listListingsForActor } from '#admin/listings/listing-editor.ts';
import { findListingById, insertListing } from '#admin/listings/listing-repository.ts';
import type { AddressLookup } from '#admin/location/locatieserver.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import {
  activityForLink,
  approveActivity,
  changeActivity,
  confirmActivity,
  declineActivity,
  getActivity,
  listActivities,
  registerActivity,
  requestActivityChange,
  withdrawActivity,
  type ActivityDeps,
} from '#admin/volunteering/activities.ts';
import type { ActivityRegistration } from '#admin/volunteering/activity.ts';
import { handleReport, listReports, reportListing } from '#admin/volunteering/listing-reports.ts';
import { deleteUnconfirmed, purgeVolunteerData } from '#admin/volunteering/scheduled-work.ts';
import type { VolunteeringContext } from '#admin/volunteering/volunteering-context.ts';
import { createDocumentSource } from '#search/document-source.ts';
import { accountWith, snapshot } from '../support/accounts.ts';
import { migratedTempDatabase } from '../support/temp-database.ts';
import { moderationActors, MODERATORS } from '../support/volunteering.ts';

const content = loadContent(contentRoot);
const bolnes = content.neighbourhoods.find((wijk) => wijk.id === 'bolnes')!;
const context = (now?: Date): VolunteeringContext => ({
  content,
  baseUrl: 'https://wijkwijzer.example',
  siteName: 'Wijkwijzer Test',
  ...(now ? { now } : {}),
});
/** The address is placed where the recorded Locatieserver would put it: the centre of Bolnes. */
const deps = (
  answer: AddressLookup = {
    status: 'found',
    address: { displayName: 'x', municipality: 'Ridderkerk', point: bolnes.data.center },
  },
): ActivityDeps => ({
  lookupAddress: async () => answer,
  neighbourhoods: content.neighbourhoods.map((wijk) => ({ id: wijk.id, center: wijk.data.center })),
});
const registration = (changes: Partial<ActivityRegistration> = {}): ActivityRegistration => ({
  title: 'Buurtsoep',
  summary: 'Samen soep eten met de buren, iedereen is welkom.',
  description: '',
  audiences: [],
  lifeDomains: [],
  schedule: {
    weekly: [],
    occurrences: [{ date: '2026-12-10', starts: '17:30', ends: '19:00' }],
    closures: [],
  },
  location: {
    name: 'Buurthuis',
    address: { street: 'Dorpsstraat 10', postcode: '2988 AA', city: 'Ridderkerk' },
  },
  cost: 'free',
  organiserName: 'Olaf Organisator',
  organiserEmail: 'olaf@example.nl',
  organiserPhone: '0180-123456',
  formToken: 'x',
  ...changes,
});

let database: Awaited<ReturnType<typeof migratedTempDatabase>>;
let actors: Record<string, User | undefined>;
beforeEach(async () => {
  database = await migratedTempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: false });
  actors = await moderationActors(database.db, content, bolnes.data.area);
});
afterEach(async () => database.close());

const mails = () => database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
const row = (id: number) =>
  database.db.selectFrom('activity_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function confirmed(changes: Partial<ActivityRegistration> = {}, now?: Date) {
  const { reference } = await registerActivity(
    database.db,
    registration(changes),
    crypto.randomUUID(),
    context(now),
    deps(),
  );
  const token =
    /\/activiteit-aanmelden\/mijn\/(\S+)/.exec((await mails()).at(-1)?.body_text ?? '')?.[1] ?? '';
  await confirmActivity(database.db, token, context(now));
  const { id } = await database.db
    .selectFrom('activity_submissions')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { id, token };
}

describe("a resident's activity", () => {
  it('is placed in the wijk of its address, published as an activity without the organiser, and found by search', async () => {
    const { id, token } = await confirmed();
    expect(await row(id)).toMatchObject({
      status: 'submitted',
      neighbourhood: 'bolnes',
      last_date: '2026-12-10',
    });
    await approveActivity(
      database.db,
      actors['teamlid of the gebied'],
      id,
      (await row(id)).version,
      context(),
    );
    const listing = await findListingById(database.db, (await row(id)).listing_id ?? 0);
    expect(listing).toMatchObject({
      kind: 'activity',
      origin: 'resident',
      status: 'published',
      neighbourhoods: ['bolnes'],
    });
    expect(listing?.locations[0]?.coordinates).toEqual(bolnes.data.center);
    for (const secret of ['Olaf', 'olaf@example.nl', '123456'])
      expect(JSON.stringify(listing)).not.toContain(secret);
    // The listing editor is not where it changes: the organiser's link and the moderation are.
    await expect(getListingForEdit(database.db, actors.beheerder, listing?.id ?? 0)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const source = createDocumentSource(database.db, content, () => '2026-12-08');
    const document = await source.listingDocument(listing?.id ?? 0);
    expect(document).toMatchObject({
      kind: 'activity',
      dates: ['2026-12-10'],
      nextOccurrence: '2026-12-10T17:30',
    });
    // After its last date it leaves the index by itself.
    const later = createDocumentSource(database.db, content, () => '2026-12-11');
    expect(await later.listingDocument(listing?.id ?? 0)).toBeUndefined();
    expect((await later.expectedVersions()).has(`listing-${listing?.id}`)).toBe(false);
    // The organiser's page tells where it is.
    expect((await activityForLink(database.db, token, context())).publishedSlug).toBe(listing?.slug);
  });

  it('an address outside the municipality, or one not found, is refused at the address field', async () => {
    await expect(
      registerActivity(database.db, registration(), 'a', context(), {
        ...deps({
          status: 'found',
          address: { displayName: 'x', municipality: 'Elders', point: { lat: 52.37, lng: 4.9 } },
        }),
      }),
    ).rejects.toMatchObject({ issues: [{ path: ['location', 'address', 'street'] }] });
    await expect(
      registerActivity(database.db, registration(), 'b', context(), deps({ status: 'not-found' })),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await database.db.selectFrom('activity_submissions').selectAll().execute()).toEqual([]);
  });

  it("a change goes back to the team while the published version stays; withdrawing removes the page and the organiser's data", async () => {
    const { id, token } = await confirmed();
    await approveActivity(database.db, actors.beheerder, id, (await row(id)).version, context());
    const listingId = (await row(id)).listing_id ?? 0;
    await changeActivity(
      database.db,
      token,
      { ...registration(), title: 'Buurtsoep met muziek' },
      context(),
      deps(),
    );
    expect((await row(id)).status).toBe('submitted');
    expect((await findListingById(database.db, listingId))?.title).toBe('Buurtsoep');
    await approveActivity(database.db, actors.beheerder, id, (await row(id)).version, context());
    expect((await findListingById(database.db, listingId))?.title).toBe('Buurtsoep met muziek');
    await withdrawActivity(database.db, token, context());
    expect(await row(id)).toMatchObject({
      status: 'withdrawn',
      organiser_name: null,
      organiser_email: null,
      organiser_phone: null,
    });
    expect((await findListingById(database.db, listingId))?.status).toBe('archived');
  });

  it('is deleted whole when nobody confirmed it within 7 days; a confirmed one stays', async () => {
    const start = new Date('2026-11-01T10:00:00Z');
    await registerActivity(database.db, registration(), 'never-confirmed', context(start), deps());
    const { id: kept } = await confirmed({}, start);
    const day = 24 * 3600_000;
    expect(await deleteUnconfirmed(database.db, new Date(start.getTime() + 6 * day))).toBe(0);
    expect(await deleteUnconfirmed(database.db, new Date(start.getTime() + 7 * day + 1000))).toBe(1);
    const left = await database.db.selectFrom('activity_submissions').select('id').execute();
    expect(left.map((entry) => entry.id)).toEqual([kept]);
    const links = await database.db.selectFrom('personal_links').select('subject_id').execute();
    expect(links.every((link) => link.subject_id === kept)).toBe(true);
  });

  it("keeps the organiser's data 90 days after the last date, then removes it", async () => {
    const { id } = await confirmed();
    await approveActivity(database.db, actors.beheerder, id, (await row(id)).version, context());
    await purgeVolunteerData(
      database.db,
      { pausedMonths: 6, matchMonths: 6 },
      context(new Date('2027-03-01T10:00:00Z')),
    );
    expect((await row(id)).organiser_email).toBe('olaf@example.nl');
    await purgeVolunteerData(
      database.db,
      { pausedMonths: 6, matchMonths: 6 },
      context(new Date('2027-03-15T10:00:00Z')),
    );
    expect(await row(id)).toMatchObject({ status: 'ended', organiser_email: null });
  });

  const writes = {
    approveActivity: (actor: User | undefined, id: number, version: number) =>
      approveActivity(database.db, actor, id, version, context()),
    requestActivityChange: (actor: User | undefined, id: number, version: number) =>
      requestActivityChange(database.db, actor, id, version, 'Welke zaal is het?', context()),
    declineActivity: (actor: User | undefined, id: number, version: number) =>
      declineActivity(database.db, actor, id, version, 'Dit is reclame.', context()),
  };
  it('reads: only moderators of its gebied; writes: refused for everyone else, nothing changes', async () => {
    const { id } = await confirmed();
    const { version } = await row(id);
    const before = await snapshot(database.db);
    const submissionBefore = await row(id);
    for (const [who, actor] of Object.entries(actors)) {
      if (MODERATORS.includes(who)) {
        expect(
          (await listActivities(database.db, actor, { view: 'wachtend' }, context())).map(
            (entry) => entry.id,
          ),
          who,
        ).toEqual([id]);
        expect((await getActivity(database.db, actor, id, context())).activity.organiser.email, who).toBe(
          'olaf@example.nl',
        );
        continue;
      }
      const expected = actor ? ForbiddenError : LoginRequiredError;
      if (who === 'teamlid of another gebied') {
        expect(await listActivities(database.db, actor, { view: 'alle' }, context()), who).toEqual([]);
      } else {
        await expect(
          listActivities(database.db, actor, { view: 'alle' }, context()),
          who,
        ).rejects.toBeInstanceOf(expected);
      }
      await expect(getActivity(database.db, actor, id, context()), who).rejects.toBeInstanceOf(expected);
      for (const [name, write] of Object.entries(writes))
        await expect(write(actor, id, version), `${name} by ${who}`).rejects.toBeInstanceOf(expected);
    }
    expect(await snapshot(database.db)).toBe(before);
    expect(await row(id)).toEqual(submissionBefore);
  });

  it('mails the organiser a link for every decision, never the details; the team hears "in je werkbak"', async () => {
    const { id } = await confirmed();
    await requestActivityChange(
      database.db,
      actors.beheerder,
      id,
      (await row(id)).version,
      'Welke zaal?',
      context(),
    );
    await declineActivity(
      database.db,
      actors.beheerder,
      id,
      (await row(id)).version,
      'Dit is reclame.',
      context(),
    );
    for (const mail of await mails()) {
      expect(mail.body_text).not.toContain('Olaf Organisator');
      expect(mail.body_text).not.toContain('Welke zaal?');
      expect(mail.body_text).not.toContain('Dit is reclame.');
    }
    const team = (await mails()).find((mail) => mail.to_address === content.volunteering.desk?.email);
    expect(team?.subject).toContain('in je werkbak');
  });
});

describe('"Klopt er iets niet?"', () => {
  async function publishedListing(organisation: string) {
    const id = await insertListing(database.db, {
      slug: `koffie-${organisation}`,
      kind: 'activity',
      title: 'Koffieochtend',
      summary: 'Elke dinsdag koffie drinken met buren, iedereen is welkom.',
      description: '',
      organisation,
      citywide: true,
      neighbourhoods: [],
      locations: [],
      lifeDomains: ['meedoen'],
      audiences: [],
      cost: 'free',
      access: 'open',
      contact: { phone: '0180-123456' },
      schedule: { weekly: [], occurrences: [], closures: [] },
      languages: ['nl'],
      accessibility: [],
      room: {},
      addressOnRequest: false,
      professional: {},
      status: 'published',
      lastVerifiedAt: new Date().toISOString().slice(0, 10),
      isDemo: false,
      origin: 'editor',
    });
    return { id, slug: `koffie-${organisation}` };
  }

  it("reaches the organisation's editors (or the beheerders without one), flags the listing, and an editor marks it handled", async () => {
    const listing = await publishedListing('karaat');
    const editor = await accountWith(database.db, { role: 'organisatie', organisationSlug: 'karaat' });
    const stranger = await accountWith(database.db, { role: 'organisatie', organisationSlug: 'aafje' });
    const input = {
      reason: 'tijden' as const,
      details: 'Het is nu op woensdag.',
      slug: listing.slug,
      formToken: 'x',
    };
    await reportListing(database.db, listing.slug, input, 'r1', context());
    expect(await reportListing(database.db, listing.slug, input, 'r1', context())).toEqual({
      created: false,
    });
    const notice = (await mails()).filter((mail) => mail.subject.includes('Melding over aanbod'));
    expect(notice.map((mail) => mail.to_address)).toEqual([editor.email]);
    expect(notice[0]?.body_text).not.toContain('woensdag');

    const [summary] = await listListingsForActor(database.db, editor);
    expect(summary).toMatchObject({ openReports: 1, stale: true });
    expect(await listReports(database.db, stranger, { status: 'open' })).toEqual([]);
    const [report] = await listReports(database.db, editor, { status: 'open' });
    expect(report?.details).toBe('Het is nu op woensdag.');
    await expect(handleReport(database.db, stranger, report?.id ?? 0)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      handleReport(database.db, actors['teamlid of the gebied'], report?.id ?? 0),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(handleReport(database.db, undefined, report?.id ?? 0)).rejects.toBeInstanceOf(
      LoginRequiredError,
    );
    await handleReport(database.db, editor, report?.id ?? 0);
    expect(await listReports(database.db, editor, { status: 'open' })).toEqual([]);
    expect((await listListingsForActor(database.db, editor))[0]).toMatchObject({
      openReports: 0,
      stale: false,
    });

    const orphan = await reportListing(database.db, listing.slug, input, 'r2', context());
    expect(orphan.created).toBe(true);
    const unclaimed = await publishedListingWithoutEditors();
    await reportListing(database.db, unclaimed, { ...input, slug: unclaimed }, 'r3', context());
    const toAdmins = (await mails()).filter((mail) => mail.subject.includes('Melding over aanbod')).at(-1);
    expect(toAdmins?.to_address).toBe(actors.beheerder?.email);
  });

  it("who may read and handle reports: the listing's organisation's editors and the beheerders; nobody else, and nothing changes", async () => {
    const listing = await publishedListing('karaat');
    const editor = await accountWith(database.db, { role: 'organisatie', organisationSlug: 'karaat' });
    await reportListing(
      database.db,
      listing.slug,
      { reason: 'adres', details: 'Het adres is verhuisd.', slug: listing.slug, formToken: 'x' },
      'matrix',
      context(),
    );
    const [report] = await listReports(database.db, editor, { status: 'open' });
    const id = report?.id ?? 0;
    const before = await snapshot(database.db);
    for (const [who, actor] of Object.entries(actors)) {
      if (who === 'beheerder') continue;
      if (actor?.role === 'organisatie') {
        // Editors of other organisations (the volunteer desk's too) see none of this listing's reports.
        expect(await listReports(database.db, actor, { status: 'open' }), who).toEqual([]);
        await expect(handleReport(database.db, actor, id), who).rejects.toBeInstanceOf(ForbiddenError);
        continue;
      }
      const expected = actor ? ForbiddenError : LoginRequiredError;
      await expect(listReports(database.db, actor, { status: 'open' }), who).rejects.toBeInstanceOf(expected);
      await expect(handleReport(database.db, actor, id), who).rejects.toBeInstanceOf(expected);
    }
    expect(await snapshot(database.db)).toBe(before);
    expect(
      (await listReports(database.db, actors.beheerder, { status: 'open' })).map((entry) => entry.id),
    ).toEqual([id]);
    await handleReport(database.db, actors.beheerder, id);
    expect(await listReports(database.db, editor, { status: 'afgehandeld' })).toMatchObject([
      { id, status: 'afgehandeld' },
    ]);
  });

  async function publishedListingWithoutEditors() {
    await insertListing(database.db, {
      slug: 'zonder-redacteur',
      kind: 'service',
      title: 'Spreekuur',
      summary: 'Elke week een spreekuur voor vragen over geld en post.',
      description: '',
      organisation: 'mee',
      citywide: true,
      neighbourhoods: [],
      locations: [],
      lifeDomains: ['geld'],
      audiences: [],
      cost: 'free',
      access: 'open',
      contact: { phone: '0180-123456' },
      schedule: { weekly: [], occurrences: [], closures: [] },
      languages: ['nl'],
      accessibility: [],
      room: {},
      addressOnRequest: false,
      professional: {},
      status: 'published',
      lastVerifiedAt: new Date().toISOString().slice(0, 10),
      isDemo: false,
      origin: 'editor',
    });
    return 'zonder-redacteur';
  }

  it('cannot be sent about a listing that is not published', async () => {
    await expect(
      reportListing(
        database.db,
        'bestaat-niet',
        { reason: 'adres', slug: 'bestaat-niet', formToken: 'x' },
        'r',
        context(),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
