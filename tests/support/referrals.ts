import type { Kysely } from 'kysely';
import type { User } from '#admin/accounts/user.ts';
import type { Content } from '#admin/content/load-content.ts';
import type { Database } from '#admin/db/tables.ts';
import {
  referralTeams,
  referralVocabulary,
  type ReferralContext,
} from '#admin/referrals/referral-context.ts';
import { submitQuestion } from '#admin/questions/submit-question.ts';
import { inboxTeams, routeQuestion } from '#admin/questions/team-directory.ts';
import { accountWith } from './accounts.ts';

/** A resident's details as a referral carries them: none may appear in mail, logs or counts. */
export const RESIDENT = {
  name: 'Fatima de Vries',
  phone: '06 12345678',
  email: 'fatima.devries@example.nl',
  question: 'Ik kan mijn huur niet meer betalen en de rekeningen stapelen zich op.',
  note: 'Mevrouw heeft drie maanden huurachterstand en is erg gespannen; liefst een vrouwelijke hulpverlener.',
};
export const containsResidentData = (text: string): boolean =>
  Object.values(RESIDENT).some((value) => text.includes(value));

export function referralContextFor(
  content: Content,
  changes: Partial<ReferralContext> = {},
): ReferralContext {
  return {
    teams: referralTeams(content),
    ...referralVocabulary(content),
    siteName: 'Wijkwijzer Test',
    baseUrl: 'https://wijkwijzer.test',
    reminderWorkingDays: 3,
    followUpDays: 28,
    ...changes,
  };
}

/** Marks an account as having two-factor set up, as the set-up page would leave it. */
export async function withTwoFactor(db: Kysely<Database>, user: User): Promise<User> {
  await db
    .updateTable('users')
    .set({ totp_key: 'dGVzdC1rZXktdGVzdC1rZXk=' })
    .where('id', '=', user.id)
    .execute();
  return { ...user, twoFactorEnabled: true };
}

export interface ReferralWorld {
  wijk: string;
  ownTeam: string;
  otherTeam: string;
  questionId: number;
  /** Two published listings of two different organisations, and a third organisation. */
  listingA: { id: number; organisation: string; title: string };
  listingB: { id: number; organisation: string; title: string };
  otherOrganisation: string;
  teamlid: User;
  colleague: User;
  otherTeamlid: User;
  editorA: User;
  editorB: User;
  otherEditor: User;
  beheerder: User;
}

/**
 * A database with the demo aanbod (prepareDatabase first), a resident's question in a team's
 * inbox, and the people of the referral matrix: the team, another team, the two receiving
 * organisations' editors, another organisation's editor, a beheerder.
 */
export async function referralWorld(db: Kysely<Database>, content: Content): Promise<ReferralWorld> {
  const wijk = 'slikkerveer';
  const ownTeam = routeQuestion(content, { neighbourhood: wijk, aboutYouth: false });
  const otherArea = content.areas.find((area) => !ownTeam.startsWith(`${area.id}:`))!.id;
  const otherTeam = `${otherArea}:sociaal`;
  const team = inboxTeams(content).find((candidate) => candidate.id === ownTeam)!;
  await submitQuestion(
    db,
    {
      question: RESIDENT.question,
      neighbourhood: wijk,
      aboutYouth: 'nee',
      lifeDomains: ['geld', 'wonen'],
      phone: RESIDENT.phone,
      email: RESIDENT.email,
      name: RESIDENT.name,
      formToken: 'x',
    },
    crypto.randomUUID(),
    { team, siteName: 'Wijkwijzer Test', baseUrl: 'https://wijkwijzer.test' },
  );
  const question = await db
    .selectFrom('questions')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const listings = await db
    .selectFrom('listings')
    .select(['id', 'organisation_slug', 'title'])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const first = listings.find((listing) => listing.organisation_slug === 'vivenz') ?? listings[0]!;
  const second = listings.find((listing) => listing.organisation_slug !== first.organisation_slug)!;
  const otherOrganisation = listings.find(
    (listing) =>
      listing.organisation_slug !== first.organisation_slug &&
      listing.organisation_slug !== second.organisation_slug,
  )!.organisation_slug;
  const editor = async (organisation: string) =>
    withTwoFactor(db, await accountWith(db, { role: 'organisatie', organisationSlug: organisation }));
  return {
    wijk,
    ownTeam,
    otherTeam,
    questionId: question.id,
    listingA: { id: first.id, organisation: first.organisation_slug, title: first.title },
    listingB: { id: second.id, organisation: second.organisation_slug, title: second.title },
    otherOrganisation,
    teamlid: await accountWith(db, { role: 'teamlid', teamIds: [ownTeam], displayName: 'Tara Teamlid' }),
    colleague: await accountWith(db, { role: 'teamlid', teamIds: [ownTeam], displayName: 'Collega Kees' }),
    otherTeamlid: await accountWith(db, { role: 'teamlid', teamIds: [otherTeam] }),
    editorA: await editor(first.organisation_slug),
    editorB: await editor(second.organisation_slug),
    otherEditor: await editor(otherOrganisation),
    beheerder: await accountWith(db, { role: 'beheerder' }),
  };
}

/** The form of a referral from the world's question to both listings, as the teamlid fills it in. */
export const referralInput = (world: ReferralWorld, changes: Record<string, unknown> = {}) => ({
  questionId: world.questionId,
  listingIds: [world.listingA.id, world.listingB.id],
  residentName: RESIDENT.name,
  residentPhone: RESIDENT.phone,
  residentEmail: RESIDENT.email,
  neighbourhood: world.wijk,
  lifeDomains: ['geld', 'wonen'],
  note: RESIDENT.note,
  consent: true,
  urgency: 'normaal',
  contactBy: 'organisatie',
  ...changes,
});
