import type { Kysely } from 'kysely';
import type { User } from '#admin/accounts/user.ts';
import type { Content } from '#admin/content/load-content.ts';
import type { Database } from '#admin/db/tables.ts';
import { issueLink, MANAGE_LINK_MS } from '#admin/volunteering/personal-links.ts';
import { submitVolunteer } from '#admin/volunteering/volunteer-sign-up.ts';
import type { VolunteerSignUp } from '#admin/volunteering/volunteer.ts';
import { confirmVolunteer } from '#admin/volunteering/volunteer-self-service.ts';
import type { VolunteeringContext } from '#admin/volunteering/volunteering-context.ts';
import { accountWith } from './accounts.ts';

/** A volunteer's sign-up as the /helpen form sends it. */
export const signUp = (changes: Partial<VolunteerSignUp> = {}): VolunteerSignUp => ({
  kinds: ['boodschappen'],
  ownWords: 'Ik heb een auto en tijd op dinsdag.',
  days: ['di'],
  dayParts: ['ochtend'],
  neighbourhoods: ['bolnes'],
  languages: ['nl', 'ar'],
  phone: '06 12345678',
  showOffer: 'ja',
  name: 'Vera Vrijwilliger',
  email: 'vera@example.nl',
  age: 'ja',
  formToken: 'checked by the action',
  ...changes,
});

/** A sign-up through the form and the e-mail link: waiting for the team. Returns its id and own-page link. */
export async function confirmedVolunteer(
  db: Kysely<Database>,
  context: VolunteeringContext,
  changes: Partial<VolunteerSignUp> = {},
): Promise<{ id: number; token: string; reference: string }> {
  const submitted = await submitVolunteer(db, signUp(changes), crypto.randomUUID(), context);
  const { id } = await db
    .selectFrom('volunteers')
    .select('id')
    .where('reference', '=', submitted.reference)
    .executeTakeFirstOrThrow();
  const token = await issueLink(db, { type: 'volunteer', id }, 'manage', MANAGE_LINK_MS, context.now);
  await confirmVolunteer(db, token, context);
  return { id, token, reference: submitted.reference };
}

/** Everyone who might try the back office's volunteer work, for the authorisation matrix. */
export async function moderationActors(db: Kysely<Database>, content: Content, area: string) {
  const otherArea = content.areas.find((entry) => entry.id !== area)?.id ?? '';
  const desk = content.volunteering.desk?.organisation ?? '';
  const otherOrganisation = content.organisations.find((entry) => entry.id !== desk)?.id ?? '';
  const deskEditor = await accountWith(db, { role: 'organisatie', organisationSlug: desk });
  await db.updateTable('users').set({ totp_key: 'c2VjcmV0' }).where('id', '=', deskEditor.id).execute();
  const actors: Record<string, User | undefined> = {
    anonymous: undefined,
    beheerder: await accountWith(db, { role: 'beheerder' }),
    'teamlid of the gebied': await accountWith(db, { role: 'teamlid', teamIds: [`${area}:sociaal`] }),
    'jgt teamlid of the gebied': await accountWith(db, { role: 'teamlid', teamIds: [`${area}:jgt`] }),
    'teamlid of another gebied': await accountWith(db, {
      role: 'teamlid',
      teamIds: [`${otherArea}:sociaal`],
    }),
    'teamlid of the central desk': await accountWith(db, { role: 'teamlid', teamIds: ['triage'] }),
    'editor of the volunteer desk': { ...deskEditor, twoFactorEnabled: true },
    'editor of the volunteer desk without two-factor': await accountWith(db, {
      role: 'organisatie',
      organisationSlug: desk,
    }),
    'editor of another organisation': await accountWith(db, {
      role: 'organisatie',
      organisationSlug: otherOrganisation,
    }),
  };
  return actors;
}

/** Who may moderate in the gebied of `moderationActors`. */
export const MODERATORS = [
  'beheerder',
  'teamlid of the gebied',
  'jgt teamlid of the gebied',
  'editor of the volunteer desk',
];
