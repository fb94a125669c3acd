import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '#admin/audit/audit-log.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '#admin/errors/domain-errors.ts';
import { draftFromListing } from '#admin/listings/listing-draft.ts';
import { saveListing } from '#admin/listings/listing-editor.ts';
import { findListingById } from '#admin/listings/listing-repository.ts';
import { deliverDueMail } from '#admin/mail/outbox.ts';
import { createSmtpSender } from '#admin/mail/smtp-sender.ts';
import { purgePersonalData } from '#admin/privacy/purge-personal-data.ts';
import { getQuestion } from '#admin/questions/inbox.ts';
import { inboxTeams } from '#admin/questions/team-directory.ts';
import { createReferral } from '#admin/referrals/create-referral.ts';
import { handoverSheet, mailHandover } from '#admin/referrals/handover.ts';
import { questionForSuggestions, searchWordsOf } from '#admin/referrals/question-for-referral.ts';
import { addToReferralDraft, getReferralDraft } from '#admin/referrals/referral-draft.ts';
import { answerFollowUp, setItemStatus } from '#admin/referrals/referral-updates.ts';
import {
  dueFollowUps,
  getReferral,
  listReferrals,
  ReferralFilterSchema,
  referralsOfQuestion,
} from '#admin/referrals/referral-views.ts';
import { sendReferralReminders } from '#admin/referrals/reminders.ts';
import { countReferralOutcomes } from '#admin/referrals/retention.ts';
import { listingVocabulary } from '#admin/setup/admin-context.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { accountWith, snapshot } from '../support/accounts.ts';
import {
  containsResidentData,
  referralContextFor,
  referralInput,
  referralWorld,
  RESIDENT,
  type ReferralWorld,
} from '../support/referrals.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
const volunteering = { content, baseUrl: 'https://wijkwijzer.example', siteName: 'Wijkwijzer Test' };
const context = referralContextFor(content);
const inbox = { teams: inboxTeams(content), siteName: context.siteName, baseUrl: context.baseUrl };
let database: TempDatabase;
let world: ReferralWorld;

beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  world = await referralWorld(database.db, content);
});
afterEach(async () => {
  await database.close();
});

const refer = (changes: Record<string, unknown> = {}, now?: Date) =>
  createReferral(database.db, world.teamlid, referralInput(world, changes), {
    ...context,
    ...(now ? { now } : {}),
  });
const itemsOf = async (id: number) => (await getReferral(database.db, world.teamlid, id, context)).items;

/** Every mail in the outbox since the world was made (the question's own mails excluded). */
async function referralMails() {
  return database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('subject', 'not like', '%vraag%')
    .orderBy('id')
    .execute();
}

describe('making a referral', () => {
  it("from a question to two listings: stored with consent, each organisation's editors mailed without personal data", async () => {
    await addToReferralDraft(database.db, world.teamlid, world.listingA.id, world.questionId);
    const start = new Date('2026-11-23T10:00:00Z');
    const { id, reference } = await refer({}, start);
    expect(reference).toMatch(/^VW-2026-\d{6}$/);

    const referral = await getReferral(database.db, world.teamlid, id, context);
    expect(referral).toMatchObject({
      viewer: 'team',
      teamId: world.ownTeam,
      question: { id: world.questionId },
      neighbourhood: world.wijk,
      lifeDomains: ['geld', 'wonen'],
      resident: { name: RESIDENT.name, phone: RESIDENT.phone, email: RESIDENT.email },
      note: RESIDENT.note,
      consentAt: start.toISOString(),
      urgency: 'normaal',
      contactBy: 'organisatie',
      closedAt: null,
      followUp: { dueAt: '2026-12-21T10:00:00.000Z', due: false, answer: null },
    });
    expect(referral.items.map((item) => [item.listingId, item.status])).toEqual([
      [world.listingA.id, 'ontvangen'],
      [world.listingB.id, 'ontvangen'],
    ]);
    const row = await database.db.selectFrom('referrals').select('area').executeTakeFirstOrThrow();
    expect(row.area).toBe(content.neighbourhoods.find((wijk) => wijk.id === world.wijk)?.data.area);

    // The draft is emptied; the question's history tells the team about the referral.
    expect((await getReferralDraft(database.db, world.teamlid)).listings).toEqual([]);
    const question = await getQuestion(database.db, world.teamlid, world.questionId, inbox);
    expect(question.events.map((event) => event.kind)).toContain('referral');
    expect(await referralsOfQuestion(database.db, world.teamlid, world.questionId)).toEqual([
      { id, reference, createdAt: start.toISOString() },
    ]);

    const mails = await referralMails();
    expect(mails.map((mail) => mail.to_address).sort()).toEqual(
      [world.editorA.email, world.editorB.email].sort(),
    );
    const smtp = await startSmtpReceiver();
    try {
      const send = createSmtpSender({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'noreply@test',
        timeoutMs: 2000,
      });
      await deliverDueMail(database.db, send, new Date(Date.now() + 60_000));
      const received = smtp.received.filter((mail) => mail.raw.includes(reference));
      expect(received).toHaveLength(2);
      for (const mail of smtp.received) {
        // Everything but the envelope's own address (the resident's receipt of their question).
        expect(containsResidentData(mail.raw.replace(/^To: .*$/m, ''))).toBe(false);
      }
      expect(received[0]?.raw).toContain(`https://wijkwijzer.test/beheer/verwijzingen/${id}`);
      expect(received[0]?.raw).toContain('nieuwe verwijzing in je werkbak');
    } finally {
      await smtp.stop();
    }

    // The audit log says who referred where, never who the resident is.
    const audit = await listAuditEntries(database.db, { limit: 10, objectType: 'referral' });
    expect(audit.entries.map((entry) => entry.action)).toEqual(['referral.create']);
    expect(containsResidentData(JSON.stringify(audit))).toBe(false);
  });

  it('without a question: for one of the teamlid’s teams, with name and phone', async () => {
    const { id } = await refer({ questionId: undefined, residentEmail: undefined, teamId: world.ownTeam });
    const referral = await getReferral(database.db, world.teamlid, id, context);
    expect(referral).toMatchObject({ question: null, teamId: world.ownTeam, resident: { email: null } });
  });

  const badInputs: [string, Record<string, unknown>, string, string][] = [
    ['no consent', { consent: false }, 'consent', 'Vraag de inwoner eerst'],
    ['consent left out', { consent: undefined }, 'consent', 'Vraag de inwoner eerst'],
    ['no listing', { listingIds: [] }, 'listingIds', 'Kies minstens één aanbod'],
    ['the same listing twice', { listingIds: [1, 1] }, 'listingIds', 'maar één keer'],
    [
      'no way to reach the resident',
      { residentPhone: undefined, residentEmail: undefined },
      'residentPhone',
      'telefoonnummer of een e-mailadres',
    ],
    ['no name', { residentName: '  ' }, 'residentName', 'Vul de naam van de inwoner in.'],
    [
      'a wrong phone number',
      { residentPhone: 'bel maar' },
      'residentPhone',
      'Vul een geldig telefoonnummer in',
    ],
    [
      'a wrong e-mail address',
      { residentEmail: 'fatima-at-example' },
      'residentEmail',
      'Vul een geldig e-mailadres in',
    ],
    ['an unknown wijk', { neighbourhood: 'atlantis' }, 'neighbourhood', 'Kies een wijk uit de lijst'],
    [
      'an unknown leefgebied',
      { lifeDomains: ['sterrenkunde'] },
      'lifeDomains',
      'Kies onderwerpen uit de lijst.',
    ],
    ['a note too short', { note: 'zie vraag' }, 'note', 'minstens 10 tekens'],
    [
      'a control character in the note',
      { note: 'Mevrouw\u0000 heeft schulden en stress.' },
      'note',
      'onzichtbaar teken',
    ],
    ['an unknown urgency', { urgency: 'gisteren' }, 'urgency', 'Kies hoe snel het moet.'],
    ['an offline listing', { listingIds: [999_999] }, 'listingIds', 'niet meer te vinden'],
  ];
  for (const [name, changes, field, message] of badInputs) {
    it(`refuses ${name} with a Dutch message at its field, and stores nothing`, async () => {
      const before = await snapshot(database.db);
      const failure = await refer(changes).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidInputError);
      const issue = (failure as InvalidInputError).issues.find((candidate) => candidate.path[0] === field);
      expect(issue?.message).toContain(message);
      expect(await snapshot(database.db)).toBe(before);
    });
  }

  it('refuses a question of another team, and a team that is not the teamlid’s', async () => {
    const before = await snapshot(database.db);
    await expect(
      createReferral(database.db, world.otherTeamlid, referralInput(world), context),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createReferral(
        database.db,
        world.otherTeamlid,
        referralInput(world, { questionId: undefined, teamId: world.ownTeam }),
        context,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(database.db)).toBe(before);
  });
});

describe('what the organisations do with it', () => {
  it('each sees its own part; statuses reach the teamlid, who gets a mail without details', async () => {
    const { id, reference } = await refer();
    const forA = await getReferral(database.db, world.editorA, id, context);
    expect(forA).toMatchObject({
      viewer: 'organisation',
      resident: { name: RESIDENT.name },
      note: RESIDENT.note,
    });
    expect(forA.items.map((item) => item.listingId)).toEqual([world.listingA.id]);
    expect(forA.followUp).toBeNull();
    expect(forA.question).toBeNull();

    const listA = await listReferrals(database.db, world.editorA, ReferralFilterSchema.parse({}), context);
    expect(listA).toMatchObject({ kind: 'organisation', waiting: 1, total: 1 });
    const listOther = await listReferrals(
      database.db,
      world.otherEditor,
      ReferralFilterSchema.parse({}),
      context,
    );
    expect(listOther.total).toBe(0);
    await expect(getReferral(database.db, world.otherEditor, id, context)).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    const [itemA, itemB] = await itemsOf(id);
    await setItemStatus(
      database.db,
      world.editorA,
      itemA!.id,
      itemA!.version,
      { status: 'niet-gestart', reason: 'geen-plek' },
      context,
    );
    let seen = await getReferral(database.db, world.teamlid, id, context);
    expect(seen.items[0]).toMatchObject({ status: 'niet-gestart', reason: 'geen-plek' });
    expect(seen.events.at(-1)).toMatchObject({
      kind: 'status',
      details: { to: 'niet-gestart', reason: 'geen-plek' },
    });
    expect(seen.closedAt).toBeNull();

    await setItemStatus(
      database.db,
      world.editorB,
      itemB!.id,
      itemB!.version,
      { status: 'contact-gelegd' },
      context,
    );
    const b = (await getReferral(database.db, world.editorB, id, context)).items[0]!;
    await setItemStatus(
      database.db,
      world.editorB,
      b.id,
      b.version,
      { status: 'gestart', reason: 'wil-niet' },
      context,
    );
    seen = await getReferral(database.db, world.teamlid, id, context);
    // A reason belongs to "niet gestart" only.
    expect(seen.items[1]).toMatchObject({ status: 'gestart', reason: null });
    expect(seen.closedAt).not.toBeNull();
    // B's editor does not see A's part of the history.
    const historyB = (await getReferral(database.db, world.editorB, id, context)).events;
    expect(historyB.some((event) => event.itemId === itemA!.id)).toBe(false);

    const changed = (await referralMails()).filter((mail) => mail.to_address === world.teamlid.email);
    expect(changed).toHaveLength(3);
    for (const mail of changed) {
      expect(mail.subject).toBe(`Verwijzing ${reference} is bijgewerkt`);
      expect(mail.body_text).not.toMatch(/geen plek|geen-plek|gestart/i);
      expect(containsResidentData(mail.body_text)).toBe(false);
    }
  });

  it('refuses "niet gestart" without a reason, and "anders" without a few words', async () => {
    const { id } = await refer();
    const [item] = (await getReferral(database.db, world.editorA, id, context)).items;
    const before = await snapshot(database.db);
    for (const [input, field] of [
      [{ status: 'niet-gestart' }, 'reason'],
      [{ status: 'niet-gestart', reason: 'anders' }, 'reasonNote'],
      [{ status: 'ontvangen' }, 'status'],
      [{ status: 'niet-gestart', reason: 'te-duur' }, 'reason'],
    ] as const) {
      const failure = await setItemStatus(
        database.db,
        world.editorA,
        item!.id,
        item!.version,
        input,
        context,
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(InvalidInputError);
      expect((failure as InvalidInputError).issues.map((issue) => issue.path[0])).toContain(field);
    }
    expect(await snapshot(database.db)).toBe(before);
  });

  it('of two editors saving the same version, one wins and the other hears it', async () => {
    const colleagueA = await accountWith(database.db, {
      role: 'organisatie',
      organisationSlug: world.listingA.organisation,
    });
    await database.db
      .updateTable('users')
      .set({ totp_key: 'eA==' })
      .where('id', '=', colleagueA.id)
      .execute();
    const { id } = await refer();
    const [item] = (await getReferral(database.db, world.editorA, id, context)).items;
    const saves = await Promise.allSettled([
      setItemStatus(database.db, world.editorA, item!.id, item!.version, { status: 'gestart' }, context),
      setItemStatus(
        database.db,
        colleagueA,
        item!.id,
        item!.version,
        { status: 'niet-gestart', reason: 'niet-bereikt' },
        context,
      ),
    ]);
    expect(saves.filter((save) => save.status === 'fulfilled')).toHaveLength(1);
    const refused = saves.find((save) => save.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    const events = (await getReferral(database.db, world.teamlid, id, context)).events;
    expect(events.filter((event) => event.kind === 'status')).toHaveLength(1);
  });

  it('an editor without two-factor is asked to set it up first', async () => {
    const { id } = await refer();
    const plain = await accountWith(database.db, {
      role: 'organisatie',
      organisationSlug: world.listingA.organisation,
    });
    await expect(getReferral(database.db, plain, id, context)).rejects.toThrow('tweestapsverificatie');
    await expect(listReferrals(database.db, plain, ReferralFilterSchema.parse({}), context)).rejects.toThrow(
      'tweestapsverificatie',
    );
  });
});

describe('reminders', () => {
  it('one per referral after the working days agreed (spoed: one), none once a status is set', async () => {
    const friday = new Date('2026-12-18T09:00:00Z');
    const normal = await refer({}, friday);
    const urgent = await refer({ urgency: 'spoed', listingIds: [world.listingA.id] }, friday);
    const [answered] = (await getReferral(database.db, world.editorB, normal.id, context)).items;
    await setItemStatus(
      database.db,
      world.editorB,
      answered!.id,
      answered!.version,
      { status: 'contact-gelegd' },
      context,
    );
    const remind = (now: string) => sendReferralReminders(database.db, { ...context, now: new Date(now) });

    // Friday + 1 working day = Monday: the urgent one only.
    expect(await remind('2026-12-21T09:30:00Z')).toEqual({ mails: 1, reminded: 1 });
    // Friday + 3 working days, with Christmas (25th and 26th) skipped: Wednesday 23rd.
    expect(await remind('2026-12-22T12:00:00Z')).toEqual({ mails: 0, reminded: 0 });
    expect(await remind('2026-12-23T09:30:00Z')).toEqual({ mails: 1, reminded: 1 });
    expect(await remind('2026-12-30T09:30:00Z')).toEqual({ mails: 0, reminded: 0 });

    const reminders = (await referralMails()).filter((mail) => mail.subject.startsWith('Herinnering'));
    expect(reminders.map((mail) => mail.to_address)).toEqual([world.editorA.email, world.editorA.email]);
    for (const mail of reminders) {
      expect(containsResidentData(mail.body_text)).toBe(false);
      expect(mail.body_text).toContain('https://wijkwijzer.test/beheer/verwijzingen');
    }
    const items = await itemsOf(urgent.id);
    expect(items[0]?.reminderSentAt).toBe('2026-12-21T09:30:00.000Z');
  });

  it('goes to the organisation’s own address when it has no editors', async () => {
    await database.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', world.editorB.id)
      .execute();
    const { id } = await refer({ listingIds: [world.listingB.id] }, new Date('2026-11-02T09:00:00Z'));
    const organisation = await database.db
      .selectFrom('organisations')
      .select('email')
      .where('slug', '=', world.listingB.organisation)
      .executeTakeFirstOrThrow();
    await sendReferralReminders(database.db, { ...context, now: new Date('2026-11-10T09:00:00Z') });
    const mails = await referralMails();
    expect(mails.map((mail) => mail.to_address)).toEqual([organisation.email, organisation.email]);
    expect(id).toBeGreaterThan(0);
  });
});

describe('"Heeft het geholpen?"', () => {
  it('appears in the inbox of the teamlid who referred after four weeks; the answer is kept and closes it', async () => {
    const start = new Date('2026-10-01T09:00:00Z');
    const { id } = await refer({}, start);
    expect(await dueFollowUps(database.db, world.teamlid, new Date('2026-10-28T09:00:00Z'))).toEqual([]);
    const due = await dueFollowUps(database.db, world.teamlid, new Date('2026-10-29T09:00:00Z'));
    expect(due.map((followUp) => followUp.id)).toEqual([id]);
    expect(await dueFollowUps(database.db, world.colleague, new Date('2026-10-29T09:00:00Z'))).toEqual([]);

    const { version } = await getReferral(database.db, world.teamlid, id, context);
    const bad = await answerFollowUp(
      database.db,
      world.teamlid,
      id,
      version,
      { answer: 'misschien' },
      context,
    ).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(InvalidInputError);
    await answerFollowUp(
      database.db,
      world.colleague,
      id,
      version,
      { answer: 'deels', followUpNote: 'Wel gestart bij B.' },
      {
        now: new Date('2026-10-30T09:00:00Z'),
      },
    );
    const answered = await getReferral(database.db, world.teamlid, id, context);
    expect(answered.followUp).toMatchObject({ answer: 'deels', note: 'Wel gestart bij B.', due: false });
    expect(answered.closedAt).toBe('2026-10-30T09:00:00.000Z');
    expect(await dueFollowUps(database.db, world.teamlid, new Date('2026-11-01T09:00:00Z'))).toEqual([]);
    await expect(
      answerFollowUp(database.db, world.teamlid, id, version, { answer: 'ja' }, context),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('for the resident', () => {
  it('the handover sheet and its mail carry only public information about the listings', async () => {
    const listing = (await findListingById(database.db, world.listingA.id))!;
    const editorDeps = {
      lookupAddress: async () => ({ status: 'not-found' as const }),
      vocabulary: listingVocabulary(content),
    };
    await saveListing(
      database.db,
      world.editorA,
      listing.id,
      listing.version,
      { ...draftFromListing(listing), addressOnRequest: true, professional: { contactName: 'Anouk Geheim' } },
      editorDeps,
    );
    const { id } = await refer({ contactBy: 'inwoner' });
    const sheet = await handoverSheet(database.db, world.teamlid, id, context);
    expect(sheet).toMatchObject({ contactBy: 'inwoner', teamlid: 'Tara Teamlid' });
    expect(sheet.team.phone).toMatch(/^0180/);
    expect(sheet.listings.map((entry) => entry.listing.id)).toEqual([world.listingA.id, world.listingB.id]);
    expect(sheet.listings[0]?.listing.locations).toEqual([]);
    expect(containsResidentData(JSON.stringify(sheet))).toBe(false);
    expect(JSON.stringify(sheet)).not.toContain('Anouk Geheim');

    await expect(
      mailHandover(database.db, world.teamlid, id, { email: 'geen adres' }, context),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await mailHandover(database.db, world.teamlid, id, { email: RESIDENT.email }, context);
    const mail = (await referralMails()).find((candidate) => candidate.to_resident === 1)!;
    expect(mail.to_address).toBe(RESIDENT.email);
    expect(mail.body_text).toContain(world.listingB.title);
    expect(mail.body_text).toContain('het adres hoor je van de organisatie');
    const blockA = mail.body_text.split('\n\n').find((block) => block.startsWith(listing.title)) ?? '';
    expect(blockA).toContain('het adres hoor je van de organisatie');
    for (const street of listing.locations.map((location) => location.address.street))
      expect(blockA).not.toContain(street);
    expect(containsResidentData(mail.subject + mail.body_text)).toBe(false);
    expect(mail.body_text).not.toContain('Anouk Geheim');
    expect(mail.body_text).not.toContain(sheet.team.name);
  });
});

describe('retention', () => {
  it('purges the personal data of closed referrals after the retention period; the counts stay the same', async () => {
    const start = new Date('2025-09-01T09:00:00Z');
    const { id } = await refer({}, start);
    const items = await itemsOf(id);
    const done = new Date('2025-09-10T09:00:00Z');
    await setItemStatus(
      database.db,
      world.editorA,
      items[0]!.id,
      items[0]!.version,
      { status: 'niet-gestart', reason: 'anders', reasonNote: 'Mevrouw verhuist naar Dordrecht.' },
      { ...context, now: done },
    );
    await setItemStatus(
      database.db,
      world.editorB,
      items[1]!.id,
      items[1]!.version,
      { status: 'gestart' },
      { ...context, now: done },
    );
    // An open referral, recently touched, stays whole.
    const open = await refer({ listingIds: [world.listingA.id] });
    const counts = await countReferralOutcomes(database.db);
    const area = content.neighbourhoods.find((wijk) => wijk.id === world.wijk)?.data.area;
    expect(
      counts
        .filter((count) => count.reason === 'anders')
        .map(({ area, neighbourhood, lifeDomain, organisation, status, count }) => ({
          area,
          neighbourhood,
          lifeDomain,
          organisation,
          status,
          count,
        })),
    ).toEqual(
      ['geld', 'wonen'].map((lifeDomain) => ({
        area,
        neighbourhood: world.wijk,
        lifeDomain,
        organisation: world.listingA.organisation,
        status: 'niet-gestart',
        count: 1,
      })),
    );

    const settings = {
      questionMonths: 12,
      referralMonths: 12,
      mailDays: 90,
      searchLogDays: 90,
      volunteerPausedMonths: 6,
      matchMonths: 6,
    };
    expect(
      await purgePersonalData(database.db, settings, volunteering, new Date('2026-09-01T09:00:00Z')),
    ).toMatchObject({
      referralsPurged: 0,
    });
    expect(
      await purgePersonalData(database.db, settings, volunteering, new Date('2026-09-11T09:00:00Z')),
    ).toMatchObject({
      referralsPurged: 1,
    });
    const purged = await getReferral(database.db, world.teamlid, id, context);
    expect(purged).toMatchObject({
      purged: true,
      resident: { name: null, phone: null, email: null },
      note: null,
    });
    expect(purged.items[0]).toMatchObject({ status: 'niet-gestart', reason: 'anders', reasonNote: null });
    expect(purged.events.every((event) => event.note === null)).toBe(true);
    const rows = await database.db.selectFrom('referrals').selectAll().where('id', '=', id).execute();
    expect(containsResidentData(JSON.stringify(rows))).toBe(false);
    expect(
      JSON.stringify(await database.db.selectFrom('referral_events').selectAll().execute()),
    ).not.toContain('Dordrecht');
    expect(await countReferralOutcomes(database.db)).toEqual(counts);
    expect((await getReferral(database.db, world.teamlid, open.id, context)).resident.name).toBe(
      RESIDENT.name,
    );
    // Nothing can be changed any more.
    await expect(
      answerFollowUp(database.db, world.teamlid, id, purged.version, { answer: 'ja' }, context),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('also purges a referral nobody touched for the whole retention period', async () => {
    await refer({}, new Date('2025-01-06T09:00:00Z'));
    const settings = {
      questionMonths: 12,
      referralMonths: 12,
      mailDays: 90,
      searchLogDays: 90,
      volunteerPausedMonths: 6,
      matchMonths: 6,
    };
    const report = await purgePersonalData(
      database.db,
      settings,
      volunteering,
      new Date('2026-01-07T09:00:00Z'),
    );
    expect(report.referralsPurged).toBe(1);
  });
});

describe('suggestions for a question', () => {
  it('search with the question’s wijk, leefgebieden and words, without contact details or numbers', async () => {
    expect(
      searchWordsOf('Bel me op 06-12345678 of mail fatima@example.nl, ik woon Kerkweg 12 en heb schulden'),
    ).toBe('mail woon schulden');
    const question = await questionForSuggestions(database.db, world.teamlid, world.questionId);
    expect(question).toMatchObject({ neighbourhood: world.wijk, lifeDomains: ['geld', 'wonen'] });
    expect(question.searchText).toContain('huur');
    expect(question.searchText).toContain('rekeningen');
    await expect(
      questionForSuggestions(database.db, world.otherTeamlid, world.questionId),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
