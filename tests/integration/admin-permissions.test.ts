import { findOrganisationBySlug } from '#admin/organisations/organisation-repository.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOwnPassword, newRecoveryCodes } from '#admin/accounts/account-flows.ts';
import {
  changeUserAccess,
  getUserForAdmin,
  inviteUser,
  listUsersForAdmin,
  resendInvite,
  resetUserTwoFactor,
  setUserDisabled,
  type LinkContext,
} from '#admin/accounts/user-admin.ts';
import { createUser } from '#admin/accounts/user-repository.ts';
import type { Actor, User } from '#admin/accounts/user.ts';
import { auditLogForAdmin } from '#admin/audit/audit-log.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { ForbiddenError, LoginRequiredError } from '#admin/errors/domain-errors.ts';
import { draftFromListing } from '#admin/listings/listing-draft.ts';
import {
  changeListingStatus,
  confirmListingCurrent,
  createListing,
  getListingForEdit,
  listListingsForActor,
  saveListing,
  type EditorDeps,
} from '#admin/listings/listing-editor.ts';
import { findListingById } from '#admin/listings/listing-repository.ts';
import { enqueueMail } from '#admin/mail/outbox.ts';
import { outboxForAdmin, retryFailedMail } from '#admin/mail/outbox-admin.ts';
import {
  createOrganisation,
  getOrganisationForEdit,
  listOrganisationsForAdmin,
  saveOrganisationProfile,
  type OrganisationProfile,
} from '#admin/organisations/organisation-editor.ts';
import { listingVocabulary, teamOptions } from '#admin/setup/admin-context.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { questionCountsForAdmin } from '#admin/questions/retention.ts';
import { accountWith, snapshot, TEST_PASSWORD } from '../support/accounts.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Every use case of the back office, tried by someone who may not: nobody logged in, an editor of
// another organisation, and each role that is not allowed. Each must be refused with nothing
// changed in the database; and each is also done once by someone who may, so the test can fail.

const content = loadContent(contentRoot);
let database: TempDatabase;
type Person = 'beheerder' | 'teamlid' | 'ownEditor' | 'otherEditor';
const people = {} as Record<Person, User>;
let listingId: number;
let ownOrganisation: string;
let otherOrganisation: string;
let failedMailId: number;
let target: User;
let invitedId: number;

const links: LinkContext = {
  baseUrl: 'https://wijkwijzer.test',
  siteName: 'Wijkwijzer Test',
  knownTeamIds: teamOptions(content).map((team) => team.id),
};
const deps: EditorDeps = {
  lookupAddress: async () => ({ status: 'not-found' }),
  vocabulary: listingVocabulary(content),
};
const profile = (name: string): OrganisationProfile => ({
  name,
  kind: 'welzijn',
  summary: 'Wij helpen inwoners met van alles in de wijk.',
  description: '',
});

beforeAll(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  const listing = await database.db
    .selectFrom('listings')
    .select(['id', 'organisation_slug'])
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  listingId = listing.id;
  ownOrganisation = listing.organisation_slug;
  otherOrganisation =
    content.organisations.map((entry) => entry.id).find((slug) => slug !== ownOrganisation) ?? '';
  people.beheerder = await accountWith(database.db, { role: 'beheerder' });
  people.teamlid = await accountWith(database.db, {
    role: 'teamlid',
    teamIds: ['centrum-oost-west:sociaal'],
  });
  people.ownEditor = await accountWith(database.db, {
    role: 'organisatie',
    organisationSlug: ownOrganisation,
  });
  people.otherEditor = await accountWith(database.db, {
    role: 'organisatie',
    organisationSlug: otherOrganisation,
  });
  target = await accountWith(database.db, { role: 'organisatie', organisationSlug: ownOrganisation });
  invitedId = (
    await createUser(database.db, {
      email: 'uitgenodigd@example.nl',
      displayName: 'Uitgenodigd',
      role: 'organisatie',
      organisationSlug: ownOrganisation,
    })
  ).id;
  failedMailId = await enqueueMail(database.db, { to: 'iemand@example.nl', subject: 'Test', text: 'Test' });
  await database.db
    .updateTable('mail_outbox')
    .set({ status: 'failed' })
    .where('id', '=', failedMailId)
    .execute();
});
afterAll(async () => {
  await database.close();
});

interface Case {
  name: string;
  /** Who may do it; everyone else must be refused. */
  allowed: Person[];
  run: (actor: Actor | undefined) => Promise<unknown>;
}

const editListing = async (actor: Actor | undefined) => {
  const listing = await findListingById(database.db, listingId);
  if (!listing) throw new Error('listing missing');
  return saveListing(
    database.db,
    actor,
    listingId,
    listing.version,
    { ...draftFromListing(listing), title: `${listing.title} (bijgewerkt)` },
    deps,
  );
};

const cases: Case[] = [
  {
    name: 'open a listing for editing',
    allowed: ['beheerder', 'ownEditor'],
    run: (actor) => getListingForEdit(database.db, actor, listingId),
  },
  {
    name: 'list listings',
    allowed: ['beheerder', 'ownEditor', 'otherEditor'],
    run: (actor) => listListingsForActor(database.db, actor),
  },
  { name: 'save a listing', allowed: ['beheerder', 'ownEditor'], run: editListing },
  {
    name: 'create a listing for the organisation',
    allowed: ['beheerder', 'ownEditor'],
    run: async (actor) =>
      createListing(
        database.db,
        actor,
        ownOrganisation,
        {
          ...draftFromListing((await findListingById(database.db, listingId))!),
          title: 'Nieuw aanbod voor de test',
        },
        deps,
      ),
  },
  {
    name: 'unpublish a listing',
    allowed: ['beheerder', 'ownEditor'],
    run: (actor) => changeListingStatus(database.db, actor, listingId, 'unpublish'),
  },
  {
    name: 'publish a listing',
    allowed: ['beheerder', 'ownEditor'],
    run: (actor) => changeListingStatus(database.db, actor, listingId, 'publish'),
  },
  {
    name: 'confirm a listing is current',
    allowed: ['beheerder', 'ownEditor'],
    run: (actor) => confirmListingCurrent(database.db, actor, listingId, new Date(Date.now() + 86_400_000)),
  },
  {
    name: 'open an organisation profile',
    allowed: ['beheerder', 'ownEditor'],
    run: (actor) => getOrganisationForEdit(database.db, actor, ownOrganisation),
  },
  {
    name: 'save an organisation profile',
    allowed: ['beheerder', 'ownEditor'],
    run: async (actor) =>
      saveOrganisationProfile(
        database.db,
        actor,
        ownOrganisation,
        (await findOrganisationBySlug(database.db, ownOrganisation))?.version ?? 0,
        profile(`Organisatie ${crypto.randomUUID().slice(0, 6)}`),
      ),
  },
  {
    name: 'create an organisation',
    allowed: ['beheerder'],
    run: (actor) =>
      createOrganisation(
        database.db,
        actor,
        profile(`Nieuwe organisatie ${crypto.randomUUID().slice(0, 6)}`),
      ),
  },
  {
    name: 'list organisations',
    allowed: ['beheerder'],
    run: (actor) => listOrganisationsForAdmin(database.db, actor),
  },
  { name: 'list users', allowed: ['beheerder'], run: (actor) => listUsersForAdmin(database.db, actor) },
  {
    name: 'open a user',
    allowed: ['beheerder'],
    run: (actor) => getUserForAdmin(database.db, actor, target.id),
  },
  {
    name: 'invite a user',
    allowed: ['beheerder'],
    run: (actor) =>
      inviteUser(
        database.db,
        actor,
        {
          email: `nieuw-${crypto.randomUUID().slice(0, 6)}@example.nl`,
          displayName: 'Nieuw',
          role: 'teamlid',
          teamIds: ['centrum-oost-west:jgt'],
        },
        links,
      ),
  },
  {
    name: 'change a role',
    allowed: ['beheerder'],
    run: (actor) =>
      changeUserAccess(
        database.db,
        actor,
        target.id,
        { role: 'teamlid', teamIds: ['centrum-oost-west:sociaal'] },
        links,
      ),
  },
  {
    name: 'disable a user',
    allowed: ['beheerder'],
    run: (actor) => setUserDisabled(database.db, actor, target.id, true),
  },
  {
    name: 'enable a user',
    allowed: ['beheerder'],
    run: (actor) => setUserDisabled(database.db, actor, target.id, false),
  },
  {
    name: 'send an invite again',
    allowed: ['beheerder'],
    run: (actor) => resendInvite(database.db, actor, invitedId, links),
  },
  {
    name: 'reset two-factor of a user',
    allowed: ['beheerder'],
    run: (actor) => resetUserTwoFactor(database.db, actor, target.id),
  },
  {
    name: 'read the audit log',
    allowed: ['beheerder'],
    run: (actor) => auditLogForAdmin(database.db, actor, { limit: 10 }),
  },
  { name: 'read the outbox', allowed: ['beheerder'], run: (actor) => outboxForAdmin(database.db, actor) },
  {
    name: 'retry a failed mail',
    allowed: ['beheerder'],
    run: (actor) => retryFailedMail(database.db, actor, failedMailId),
  },
  {
    name: 'read anonymous question counts',
    allowed: ['beheerder'],
    run: (actor) => questionCountsForAdmin(database.db, actor),
  },
  {
    name: 'make new recovery codes',
    allowed: ['beheerder', 'teamlid', 'ownEditor', 'otherEditor'],
    run: (actor) => newRecoveryCodes(database.db, actor),
  },
];

const EVERYONE: Person[] = ['beheerder', 'teamlid', 'ownEditor', 'otherEditor'];

describe.each(cases)('$name', ({ allowed, run }) => {
  it('asks for a login when nobody is logged in, and changes nothing', async () => {
    const before = await snapshot(database.db);
    await expect(run(undefined)).rejects.toBeInstanceOf(LoginRequiredError);
    expect(await snapshot(database.db)).toBe(before);
  });

  for (const who of EVERYONE.filter((person) => !allowed.includes(person))) {
    it(`refuses ${who === 'otherEditor' ? "another organisation's editor" : `a ${who}`}, and changes nothing`, async () => {
      const before = await snapshot(database.db);
      await expect(run(people[who])).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot(database.db)).toBe(before);
    });
  }

  it(`lets ${allowed.join(' and ')} do it`, async () => {
    for (const who of allowed) await expect(run(people[who])).resolves.not.toThrow();
  });
});

describe('what an editor sees', () => {
  it("lists only the editor's own organisation's listings, whatever filter is asked for", async () => {
    const listings = await listListingsForActor(database.db, people.ownEditor, {
      organisation: otherOrganisation,
    });
    expect(listings.length).toBeGreaterThan(0);
    expect(new Set(listings.map((listing) => listing.organisation))).toEqual(new Set([ownOrganisation]));
  });

  it('cannot create a listing for another organisation', async () => {
    const before = await snapshot(database.db);
    const listing = (await findListingById(database.db, listingId))!;
    await expect(
      createListing(database.db, people.ownEditor, otherOrganisation, draftFromListing(listing), deps),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(database.db)).toBe(before);
  });

  it('needs the current password to change it', async () => {
    await expect(
      changeOwnPassword(database.db, undefined, {
        currentPassword: TEST_PASSWORD,
        password: 'nog een lange zin hier',
      }),
    ).rejects.toBeInstanceOf(LoginRequiredError);
    await expect(
      changeOwnPassword(database.db, people.teamlid, {
        currentPassword: 'fout wachtwoord!!',
        password: 'nog een lange zin hier',
      }),
    ).rejects.toThrow('huidige wachtwoord');
  });
});
