import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '#admin/accounts/user.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { DomainError, ForbiddenError, LoginRequiredError } from '#admin/errors/domain-errors.ts';
import { findListingById } from '#admin/listings/listing-repository.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import {
  answerFollowUp,
  closeRequest,
  connectRequest,
  getRequest,
  listRequests,
  requestHelp,
  sendFollowUps,
} from '#admin/volunteering/match-requests.ts';
import { checkLink, PersonalLinkError } from '#admin/volunteering/personal-links.ts';
import { runVolunteerWork, purgeVolunteerData } from '#admin/volunteering/scheduled-work.ts';
import {
  approveVolunteer,
  declineVolunteer,
  getVolunteer,
  listVolunteers,
  removeVolunteer,
  requestVolunteerChange,
  VolunteerFilterSchema,
} from '#admin/volunteering/volunteer-moderation.ts';
import {
  answerAvailability,
  changeVolunteer,
  setVolunteerPaused,
  volunteerForLink,
  withdrawVolunteer,
} from '#admin/volunteering/volunteer-self-service.ts';
import { submitVolunteer } from '#admin/volunteering/volunteer-sign-up.ts';
import type { VolunteeringContext } from '#admin/volunteering/volunteering-context.ts';
import { createDocumentSource } from '#search/document-source.ts';
import { snapshot } from '../support/accounts.ts';
import { migratedTempDatabase } from '../support/temp-database.ts';
import { confirmedVolunteer, moderationActors, MODERATORS, signUp } from '../support/volunteering.ts';

const content = loadContent(contentRoot);
const area = content.neighbourhoods.find((wijk) => wijk.id === 'bolnes')!.data.area;
const DAY = 24 * 3600_000;
const context = (now?: Date): VolunteeringContext => ({
  content,
  baseUrl: 'https://wijkwijzer.example',
  siteName: 'Wijkwijzer Test',
  ...(now ? { now } : {}),
});
const PERSONAL = ['Vera Vrijwilliger', 'vera@example.nl', '12345678', 'Ik heb een auto'];
const all = VolunteerFilterSchema.parse({ view: 'alle' });

let database: Awaited<ReturnType<typeof migratedTempDatabase>>;
let actors: Record<string, User | undefined>;
beforeEach(async () => {
  database = await migratedTempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: false });
  actors = await moderationActors(database.db, content, area);
});
afterEach(async () => database.close());

const mails = () => database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
const row = (id: number) =>
  database.db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('signing up', () => {
  it('stores the sign-up unconfirmed, mails the confirmation link, and shows it to nobody until confirmed', async () => {
    const submitted = await submitVolunteer(database.db, signUp(), 'key-1', context());
    expect(submitted.reference).toMatch(/^VW-\d{4}-\d{6}$/);
    // Sending the same form twice finds the first sign-up.
    expect(await submitVolunteer(database.db, signUp(), 'key-1', context())).toMatchObject({
      created: false,
    });
    expect(await listVolunteers(database.db, actors.beheerder, all, context())).toEqual([]);
    const [mail] = await mails();
    expect(mail).toMatchObject({ to_address: 'vera@example.nl', to_resident: 1 });
    expect(mail?.body_text).toMatch(/\/helpen\/mijn\/[a-z0-9]+\.[a-z0-9]+/);
    expect(mail?.body_text).not.toContain('Vera Vrijwilliger');
    // Only a hash of the link's secret is stored.
    const token = /\/helpen\/mijn\/(\S+)/.exec(mail?.body_text ?? '')?.[1] ?? '';
    const links = await database.db.selectFrom('personal_links').selectAll().execute();
    expect(JSON.stringify(links)).not.toContain(token.split('.')[1]);
    expect(links[0]?.expires_at).toBe(
      new Date(Date.parse(links[0]?.created_at ?? '') + 7 * DAY).toISOString(),
    );
  });

  it('after the e-mail link, the team hears "nieuwe aanmelding" without any personal detail', async () => {
    const { id } = await confirmedVolunteer(database.db, context());
    expect((await row(id)).status).toBe('submitted');
    const notice = (await mails()).find((mail) => mail.to_address === content.volunteering.desk?.email);
    expect(notice?.subject).toContain('Nieuwe aanmelding van een vrijwilliger');
    for (const secret of PERSONAL) expect(`${notice?.subject} ${notice?.body_text}`).not.toContain(secret);
    expect(notice?.body_text).toContain(`/beheer/vrijwilligers/${id}`);
  });
});

describe('who may moderate volunteers', () => {
  const reads = {
    listVolunteers: (actor: User | undefined) => listVolunteers(database.db, actor, all, context()),
    getVolunteer: (actor: User | undefined, id: number) => getVolunteer(database.db, actor, id, context()),
  };
  const writes = {
    approveVolunteer: (actor: User | undefined, id: number, version: number) =>
      approveVolunteer(database.db, actor, id, version, context()),
    requestVolunteerChange: (actor: User | undefined, id: number, version: number) =>
      requestVolunteerChange(database.db, actor, id, version, 'Vul ook je telefoonnummer in.', context()),
    declineVolunteer: (actor: User | undefined, id: number, version: number) =>
      declineVolunteer(database.db, actor, id, version, 'We zoeken nu niemand.', context()),
    removeVolunteer: (actor: User | undefined, id: number) =>
      removeVolunteer(database.db, actor, id, context()),
  };

  it("reads: the gebied's teamleden, the desk's editors (with two-factor) and beheerders; nobody else", async () => {
    const { id } = await confirmedVolunteer(database.db, context());
    for (const [who, actor] of Object.entries(actors)) {
      if (MODERATORS.includes(who)) {
        expect(
          (await reads.listVolunteers(actor)).map((volunteer) => volunteer.id),
          who,
        ).toContain(id);
        expect((await reads.getVolunteer(actor, id)).volunteer.name, who).toBe('Vera Vrijwilliger');
      } else if (who === 'teamlid of another gebied') {
        expect(await reads.listVolunteers(actor), who).toEqual([]);
        await expect(reads.getVolunteer(actor, id), who).rejects.toBeInstanceOf(ForbiddenError);
      } else {
        const expected = actor ? ForbiddenError : LoginRequiredError;
        await expect(reads.listVolunteers(actor), who).rejects.toBeInstanceOf(expected);
        await expect(reads.getVolunteer(actor, id), who).rejects.toBeInstanceOf(expected);
      }
    }
  });

  for (const [name, write] of Object.entries(writes)) {
    it(`${name}: refused for everyone else, and nothing changes`, async () => {
      const { id } = await confirmedVolunteer(database.db, context());
      const { version } = await row(id);
      const before = await snapshot(database.db);
      const volunteerBefore = await row(id);
      for (const [who, actor] of Object.entries(actors)) {
        if (MODERATORS.includes(who)) continue;
        await expect(write(actor, id, version), who).rejects.toBeInstanceOf(
          actor ? ForbiddenError : LoginRequiredError,
        );
      }
      expect(await snapshot(database.db)).toBe(before);
      expect(await row(id)).toEqual(volunteerBefore);
    });
    for (const who of MODERATORS) {
      it(`${name}: allowed for the ${who}`, async () => {
        const { id } = await confirmedVolunteer(database.db, context());
        await write(actors[who], id, (await row(id)).version);
        const after = await row(id);
        expect(after.status).not.toBe('submitted');
      });
    }
  }

  it('every step is in the history and the audit log, with who took it and without personal data', async () => {
    const { id } = await confirmedVolunteer(database.db, context());
    const teamlid = actors['teamlid of the gebied'];
    await requestVolunteerChange(
      database.db,
      teamlid,
      id,
      (await row(id)).version,
      'Vul ook je telefoonnummer in.',
      context(),
    );
    await declineVolunteer(
      database.db,
      actors.beheerder,
      id,
      (await row(id)).version,
      'Geen plek.',
      context(),
    );
    const steps = await database.db
      .selectFrom('submission_events')
      .select(['kind', 'actor_user_id'])
      .where('subject_type', '=', 'volunteer')
      .where('subject_id', '=', id)
      .orderBy('id')
      .execute();
    expect(steps.map((step) => step.kind)).toEqual(expect.arrayContaining(['changes-requested', 'declined']));
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', 'volunteer')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => [entry.action, entry.actor_user_id])).toEqual(
      expect.arrayContaining([
        ['volunteer.changes-requested', teamlid?.id],
        ['volunteer.declined', actors.beheerder?.id],
      ]),
    );
    for (const secret of [...PERSONAL, 'Vul ook je telefoonnummer in.', 'Geen plek.'])
      expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('two moderators deciding on the same version: one wins, the other hears so', async () => {
    const { id } = await confirmedVolunteer(database.db, context());
    const { version } = await row(id);
    const results = await Promise.allSettled([
      approveVolunteer(database.db, actors.beheerder, id, version, context()),
      declineVolunteer(database.db, actors['teamlid of the gebied'], id, version, 'Geen plek nu.', context()),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((result) => result.status === 'rejected');
    expect(failed?.reason).toBeInstanceOf(DomainError);
  });
});

describe('the public offer', () => {
  it('appears when approved and shown, with what and which wijk only, and leaves when paused or withdrawn', async () => {
    const { id, token } = await confirmedVolunteer(database.db, context());
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context());
    const listingId = (await row(id)).listing_id ?? 0;
    const listing = await findListingById(database.db, listingId);
    expect(listing).toMatchObject({
      kind: 'volunteer',
      origin: 'volunteer',
      status: 'published',
      neighbourhoods: ['bolnes'],
    });
    expect(listing?.title).toBe('Hulp bij boodschappen in Bolnes');
    const source = createDocumentSource(database.db, content);
    const document = await source.listingDocument(listingId);
    for (const secret of PERSONAL) {
      expect(JSON.stringify(listing), secret).not.toContain(secret);
      expect(JSON.stringify(document), secret).not.toContain(secret);
    }
    // A volunteer in one wijk is placed at the wijk's centre on the map, never at an address.
    expect(document?.location).toEqual(
      content.neighbourhoods.find((wijk) => wijk.id === 'bolnes')?.data.center,
    );

    await setVolunteerPaused(database.db, token, true, context());
    expect((await findListingById(database.db, listingId))?.status).toBe('unpublished');
    await setVolunteerPaused(database.db, token, false, context());
    expect((await findListingById(database.db, listingId))?.status).toBe('published');

    await withdrawVolunteer(database.db, token, context());
    expect((await findListingById(database.db, listingId))?.status).toBe('archived');
    expect(await row(id)).toMatchObject({
      status: 'withdrawn',
      name: null,
      email: null,
      phone: null,
      own_words: null,
      availability_json: null,
      languages_json: null,
    });
    expect(await database.db.selectFrom('personal_links').selectAll().execute()).toEqual([]);
    await expect(volunteerForLink(database.db, token, context())).rejects.toBeInstanceOf(PersonalLinkError);
  });

  it('is not shown when the volunteer chose so; the pool still has them', async () => {
    const { id } = await confirmedVolunteer(database.db, context(), { showOffer: 'nee' });
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context());
    expect((await row(id)).listing_id).toBeNull();
    const pool = await listVolunteers(
      database.db,
      actors['teamlid of the gebied'],
      VolunteerFilterSchema.parse({
        view: 'pool',
        kind: 'boodschappen',
        neighbourhood: 'bolnes',
        day: 'di',
        dayPart: 'ochtend',
      }),
      context(),
    );
    expect(pool.map((volunteer) => volunteer.id)).toEqual([id]);
    const otherDay = await listVolunteers(
      database.db,
      actors['teamlid of the gebied'],
      VolunteerFilterSchema.parse({ view: 'pool', day: 'za' }),
      context(),
    );
    expect(otherDay).toEqual([]);
  });

  it('a change of what or where goes back to the team; a change of availability does not', async () => {
    const { id, token } = await confirmedVolunteer(database.db, context());
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context());
    const base = { ...signUp(), citywide: undefined, token };
    await changeVolunteer(database.db, token, { ...base, days: ['wo'] }, context());
    expect((await row(id)).status).toBe('approved');
    await changeVolunteer(database.db, token, { ...base, kinds: ['klussen'] }, context());
    expect((await row(id)).status).toBe('submitted');
    expect((await findListingById(database.db, (await row(id)).listing_id ?? 0))?.status).toBe('unpublished');
  });
});

describe('requests for a volunteer\'s help and "Is het gelukt?"', () => {
  async function publishedOffer() {
    const volunteer = await confirmedVolunteer(database.db, context());
    await approveVolunteer(
      database.db,
      actors.beheerder,
      volunteer.id,
      (await row(volunteer.id)).version,
      context(),
    );
    const listing = await findListingById(database.db, (await row(volunteer.id)).listing_id ?? 0);
    return { ...volunteer, slug: listing?.slug ?? '' };
  }
  const request = (slug: string, key = crypto.randomUUID(), now?: Date) =>
    requestHelp(
      database.db,
      slug,
      { need: 'Ik kan even geen boodschappen doen.', email: 'fatima@example.nl', slug, formToken: 'x' },
      key,
      context(now),
    );

  it("reaches the desk without details, only the gebied's moderators see it, and the follow-up is sent once, 14 days after connecting", async () => {
    const offer = await publishedOffer();
    const { reference } = await request(offer.slug);
    const match = await database.db
      .selectFrom('match_requests')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const notice = (await mails()).find((mail) => mail.subject.includes(reference));
    expect(notice?.to_address).toBe(content.volunteering.desk?.email);
    expect(notice?.body_text).not.toContain('boodschappen doen');
    expect(notice?.body_text).not.toContain('fatima@example.nl');

    for (const [who, actor] of Object.entries(actors)) {
      if (MODERATORS.includes(who)) {
        expect(
          (await listRequests(database.db, actor, { view: 'open' }, context())).map((entry) => entry.id),
          who,
        ).toEqual([match.id]);
      } else if (who === 'teamlid of another gebied') {
        await expect(getRequest(database.db, actor, match.id, context()), who).rejects.toBeInstanceOf(
          ForbiddenError,
        );
        await expect(
          connectRequest(database.db, actor, match.id, match.version, context()),
          who,
        ).rejects.toBeInstanceOf(ForbiddenError);
        await expect(
          closeRequest(database.db, actor, match.id, match.version, 'Niet nodig.', context()),
          who,
        ).rejects.toBeInstanceOf(ForbiddenError);
      } else {
        const expected = actor ? ForbiddenError : LoginRequiredError;
        await expect(
          listRequests(database.db, actor, { view: 'open' }, context()),
          who,
        ).rejects.toBeInstanceOf(expected);
        await expect(
          connectRequest(database.db, actor, match.id, match.version, context()),
          who,
        ).rejects.toBeInstanceOf(expected);
        await expect(
          closeRequest(database.db, actor, match.id, match.version, 'Niet nodig.', context()),
          who,
        ).rejects.toBeInstanceOf(expected);
      }
    }

    const connectedAt = new Date('2026-03-02T10:00:00Z');
    await connectRequest(
      database.db,
      actors['teamlid of the gebied'],
      match.id,
      match.version,
      context(connectedAt),
    );
    expect(await sendFollowUps(database.db, context(new Date(connectedAt.getTime() + 13 * DAY)))).toBe(0);
    expect(await sendFollowUps(database.db, context(new Date(connectedAt.getTime() + 14 * DAY)))).toBe(1);
    expect(await sendFollowUps(database.db, context(new Date(connectedAt.getTime() + 15 * DAY)))).toBe(0);
    const followUps = (await mails()).filter((mail) => mail.subject.startsWith('Is het gelukt?'));
    expect(followUps.map((mail) => mail.to_address).sort()).toEqual(['fatima@example.nl', 'vera@example.nl']);
    const tokenOf = (to: string) =>
      /\/gelukt\/([^\s?]+)/.exec(followUps.find((mail) => mail.to_address === to)?.body_text ?? '')?.[1] ??
      '';

    const answeredAt = context(new Date(connectedAt.getTime() + 16 * DAY));
    await answerFollowUp(database.db, tokenOf('fatima@example.nl'), true, answeredAt);
    await expect(
      answerFollowUp(database.db, tokenOf('fatima@example.nl'), false, answeredAt),
    ).rejects.toMatchObject({
      reason: 'used',
    });
    let stored = await database.db
      .selectFrom('match_requests')
      .selectAll()
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      requester_outcome: 'gelukt',
      volunteer_outcome: null,
      status: 'verbonden',
    });
    await answerFollowUp(database.db, tokenOf('vera@example.nl'), false, answeredAt);
    stored = await database.db
      .selectFrom('match_requests')
      .selectAll()
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      requester_outcome: 'gelukt',
      volunteer_outcome: 'niet-gelukt',
      status: 'afgerond',
    });

    // The request's personal data goes MATCH_RETENTION_MONTHS after it closed; the outcome stays.
    await purgeVolunteerData(
      database.db,
      { pausedMonths: 6, matchMonths: 6 },
      context(new Date(Date.now() + 200 * DAY)),
    );
    stored = await database.db
      .selectFrom('match_requests')
      .selectAll()
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ need_text: null, requester_email: null, requester_outcome: 'gelukt' });
  });

  it('cannot be sent for an offer that is not public', async () => {
    const offer = await publishedOffer();
    await setVolunteerPaused(database.db, offer.token, true, context());
    await expect(request(offer.slug)).rejects.toBeInstanceOf(DomainError);
  });
});

describe('scheduled work', () => {
  it('deletes sign-ups nobody confirmed within 7 days, whole', async () => {
    const start = new Date('2026-03-01T10:00:00Z');
    await submitVolunteer(database.db, signUp(), 'old', context(start));
    await runVolunteerWork(database.db, {
      ...context(new Date(start.getTime() + 6 * DAY)),
      pausedRetentionMonths: 6,
    });
    expect(await database.db.selectFrom('volunteers').selectAll().execute()).toHaveLength(1);
    await runVolunteerWork(database.db, {
      ...context(new Date(start.getTime() + 7 * DAY + 1000)),
      pausedRetentionMonths: 6,
    });
    expect(await database.db.selectFrom('volunteers').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('personal_links').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('submission_events').selectAll().execute()).toEqual([]);
  });

  it('asks "Ben je nog beschikbaar?" every six months, pauses without an answer in 30 days, deletes after the paused period', async () => {
    const start = new Date('2026-01-05T10:00:00Z');
    const { id } = await confirmedVolunteer(database.db, context(start));
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context(start));
    const listingId = (await row(id)).listing_id ?? 0;
    const work = (days: number) =>
      runVolunteerWork(database.db, {
        ...context(new Date(start.getTime() + days * DAY)),
        pausedRetentionMonths: 6,
      });

    expect((await work(150)).availabilityAsked).toBe(0);
    expect((await work(185)).availabilityAsked).toBe(1);
    expect((await work(186)).availabilityAsked).toBe(0);
    const asked = (await mails()).filter((mail) => mail.subject.startsWith('Ben je nog beschikbaar'));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body_text).not.toContain('Vera Vrijwilliger');
    expect((await work(200)).paused).toBe(0);
    expect((await work(216)).paused).toBe(1);
    expect((await row(id)).status).toBe('paused');
    expect((await findListingById(database.db, listingId))?.status).toBe('unpublished');

    await purgeVolunteerData(
      database.db,
      { pausedMonths: 6, matchMonths: 6 },
      context(new Date(start.getTime() + 216 * DAY + 150 * DAY)),
    );
    expect((await row(id)).status).toBe('paused');
    await purgeVolunteerData(
      database.db,
      { pausedMonths: 6, matchMonths: 6 },
      context(new Date(start.getTime() + 216 * DAY + 190 * DAY)),
    );
    expect(await row(id)).toMatchObject({ status: 'expired', name: null, email: null, phone: null });
    expect((await findListingById(database.db, listingId))?.status).toBe('archived');
  });

  it('two runners at once (the server and `npm run purge`) ask and pause each volunteer once', async () => {
    const start = new Date('2026-01-05T10:00:00Z');
    const { id } = await confirmedVolunteer(database.db, context(start));
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context(start));
    const both = (days: number) => {
      const settings = { ...context(new Date(start.getTime() + days * DAY)), pausedRetentionMonths: 6 };
      return Promise.all([runVolunteerWork(database.db, settings), runVolunteerWork(database.db, settings)]);
    };
    const asked = await both(185);
    expect(asked.map((report) => report.availabilityAsked).sort()).toEqual([0, 1]);
    const paused = await both(216);
    expect(paused.map((report) => report.paused).sort()).toEqual([0, 1]);
    const subjects = (await mails()).map((mail) => mail.subject);
    expect(subjects.filter((subject) => subject.startsWith('Ben je nog beschikbaar'))).toHaveLength(1);
    expect(subjects.filter((subject) => /pauze/i.test(subject))).toHaveLength(1);
  });

  it('"ja" keeps a volunteer in the pool, once per link', async () => {
    const start = new Date('2026-01-05T10:00:00Z');
    const { id } = await confirmedVolunteer(database.db, context(start));
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context(start));
    await runVolunteerWork(database.db, {
      ...context(new Date(start.getTime() + 185 * DAY)),
      pausedRetentionMonths: 6,
    });
    const mail = (await mails()).find((entry) => entry.subject.startsWith('Ben je nog beschikbaar'));
    const token = /\/helpen\/beschikbaar\/([^\s?]+)/.exec(mail?.body_text ?? '')?.[1] ?? '';
    const answeredAt = new Date(start.getTime() + 190 * DAY);
    await answerAvailability(database.db, token, true, context(answeredAt));
    expect((await checkLink(database.db, token, ['availability'], answeredAt)).status).toBe('used');
    await runVolunteerWork(database.db, {
      ...context(new Date(start.getTime() + 230 * DAY)),
      pausedRetentionMonths: 6,
    });
    expect((await row(id)).status).toBe('approved');
  });
});

describe('the personal link', () => {
  it('works only for what it was made for, and not after it expired', async () => {
    const start = new Date('2026-03-01T10:00:00Z');
    await submitVolunteer(database.db, signUp(), 'k', context(start));
    const token = /\/helpen\/mijn\/(\S+)/.exec((await mails())[0]?.body_text ?? '')?.[1] ?? '';
    expect((await volunteerForLink(database.db, token, context(start))).status).toBe('unconfirmed');
    await expect(volunteerForLink(database.db, `${token}x`, context(start))).rejects.toMatchObject({
      reason: 'unknown',
    });
    await expect(
      volunteerForLink(database.db, token, context(new Date(start.getTime() + 8 * DAY))),
    ).rejects.toMatchObject({
      reason: 'expired',
    });
    await expect(answerAvailability(database.db, token, true, context(start))).rejects.toMatchObject({
      reason: 'unknown',
    });
  });

  it('a conflicting change on the own page is refused, not lost', async () => {
    const { id, token } = await confirmedVolunteer(database.db, context());
    await approveVolunteer(database.db, actors.beheerder, id, (await row(id)).version, context());
    const results = await Promise.allSettled([
      setVolunteerPaused(database.db, token, true, context()),
      setVolunteerPaused(database.db, token, true, context()),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')?.reason).toBeInstanceOf(DomainError);
  });
});
