import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit, diffFields } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { inviteMail } from '../mail/templates.ts';
import { findOrganisationBySlug } from '../organisations/organisation-repository.ts';
import { EmailSchema } from '../schemas/fields.ts';
import { issueToken, TOKEN_LIFETIME_MS } from './one-time-tokens.ts';
import { FieldError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { requireRole } from './permissions.ts';
import { resetTotp } from './two-factor.ts';
import {
  changeRole,
  createUser,
  EmailTakenError,
  findUserById,
  listUsers,
  normaliseEmail,
  setDisabled,
} from './user-repository.ts';
import { RoleSchema, TeamIdSchema, type Actor, type User } from './user.ts';
import { text } from '../schemas/text.ts';

/** Role with what it is bound to; a form field left empty arrives as undefined. */
const accessShape = {
  role: RoleSchema,
  organisationSlug: text().trim().optional(),
  teamIds: z.array(TeamIdSchema).default([]),
};

function checkAccess(
  access: { role: string; organisationSlug?: string | undefined; teamIds: string[] },
  context: z.RefinementCtx,
): void {
  if (access.role === 'organisatie' && !access.organisationSlug) {
    context.addIssue({
      code: 'custom',
      path: ['organisationSlug'],
      message: 'Kies de organisatie waarvoor deze persoon werkt.',
    });
  }
  if (access.role === 'teamlid' && access.teamIds.length === 0) {
    context.addIssue({ code: 'custom', path: ['teamIds'], message: 'Kies minstens één team.' });
  }
}

export const UserAccessInputSchema = z.object(accessShape).superRefine(checkAccess);
export type UserAccessInput = z.output<typeof UserAccessInputSchema>;

export const InviteInputSchema = z
  .object({
    email: EmailSchema.transform(normaliseEmail),
    displayName: text({ error: 'Vul een naam in.' })
      .trim()
      .min(2, 'Vul een naam in.')
      .max(100, 'Maak de naam korter dan 100 tekens.'),
    ...accessShape,
  })
  .superRefine(checkAccess);
export type InviteInput = z.output<typeof InviteInputSchema>;

export interface LinkContext {
  /** Origin for links in mail, e.g. `https://wijkwijzer.ridderkerk.nl`. */
  baseUrl: string;
  siteName: string;
  /** Team ids that exist in content; a typo in a form must not create an orphan binding. */
  knownTeamIds: readonly string[];
}

async function validateBindings(
  db: Kysely<Database>,
  access: UserAccessInput,
  context: LinkContext,
): Promise<void> {
  if (access.role === 'organisatie' && !(await findOrganisationBySlug(db, access.organisationSlug ?? ''))) {
    throw new FieldError('organisationSlug', 'Kies een organisatie uit de lijst.');
  }
  if (access.role === 'teamlid' && access.teamIds.some((team) => !context.knownTeamIds.includes(team))) {
    throw new FieldError('teamIds', 'Kies teams uit de lijst.');
  }
}

const accessSnapshot = (user: Pick<User, 'role' | 'organisationSlug' | 'teamIds' | 'disabled'>) => ({
  role: user.role,
  organisationSlug: user.organisationSlug,
  teamIds: user.teamIds,
  disabled: user.disabled,
});

export async function sendInvite(
  db: Kysely<Database>,
  user: User,
  context: LinkContext,
  now = new Date(),
): Promise<void> {
  const token = await issueToken(db, user.id, 'invite', now);
  const link = `${context.baseUrl}/beheer/uitnodiging/${token}`;
  await enqueueMail(
    db,
    inviteMail(user.email, {
      siteName: context.siteName,
      link,
      days: TOKEN_LIFETIME_MS.invite / (24 * 3600_000),
    }),
    now,
  );
}

/** A beheerder invites someone: the account exists at once, the password is chosen via the mailed link. */
export async function inviteUser(
  db: Kysely<Database>,
  actor: Actor | undefined,
  input: InviteInput,
  context: LinkContext,
  now = new Date(),
): Promise<User> {
  const admin = requireRole(actor, 'beheerder');
  await validateBindings(db, input, context);
  let user: User;
  try {
    user = await createUser(
      db,
      {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        organisationSlug: input.organisationSlug ?? null,
        teamIds: input.teamIds,
      },
      now,
    );
  } catch (error) {
    if (error instanceof EmailTakenError)
      throw new FieldError('email', 'Er is al een account met dit e-mailadres.');
    throw error;
  }
  await sendInvite(db, user, context, now);
  await recordAudit(
    db,
    {
      actorId: admin.id,
      action: 'user.invite',
      objectType: 'user',
      objectId: String(user.id),
      changes: diffFields({}, { email: user.email, ...accessSnapshot(user) }),
    },
    now,
  );
  return user;
}

async function existingUser(db: Kysely<Database>, userId: number): Promise<User> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('Dit account bestaat niet.');
  return user;
}

export async function resendInvite(
  db: Kysely<Database>,
  actor: Actor | undefined,
  userId: number,
  context: LinkContext,
  now = new Date(),
): Promise<void> {
  const admin = requireRole(actor, 'beheerder');
  const user = await existingUser(db, userId);
  if (user.hasPassword)
    throw new ForbiddenError(
      'Dit account heeft al een wachtwoord. Laat de persoon "wachtwoord vergeten" gebruiken.',
    );
  await sendInvite(db, user, context, now);
  await recordAudit(
    db,
    { actorId: admin.id, action: 'user.invite-again', objectType: 'user', objectId: String(user.id) },
    now,
  );
}

export async function changeUserAccess(
  db: Kysely<Database>,
  actor: Actor | undefined,
  userId: number,
  input: UserAccessInput,
  context: LinkContext,
  now = new Date(),
): Promise<void> {
  const admin = requireRole(actor, 'beheerder');
  const before = await existingUser(db, userId);
  if (before.id === admin.id && input.role !== 'beheerder')
    throw new FieldError(
      'role',
      'Je kunt je eigen rol als beheerder niet weghalen. Vraag een andere beheerder.',
    );
  await validateBindings(db, input, context);
  await changeRole(
    db,
    userId,
    { role: input.role, organisationSlug: input.organisationSlug ?? null, teamIds: input.teamIds },
    now,
  );
  const after = await existingUser(db, userId);
  const changes = diffFields(accessSnapshot(before), accessSnapshot(after));
  if (Object.keys(changes).length > 0)
    await recordAudit(
      db,
      {
        actorId: admin.id,
        action: 'user.change-role',
        objectType: 'user',
        objectId: String(userId),
        changes,
      },
      now,
    );
}

/** Disabling ends every session of the account at once. */
export async function setUserDisabled(
  db: Kysely<Database>,
  actor: Actor | undefined,
  userId: number,
  disabled: boolean,
  now = new Date(),
): Promise<void> {
  const admin = requireRole(actor, 'beheerder');
  const before = await existingUser(db, userId);
  if (before.id === admin.id) throw new ForbiddenError('Je kunt je eigen account niet blokkeren.');
  if (before.disabled === disabled) return;
  await setDisabled(db, userId, disabled, now);
  await recordAudit(
    db,
    {
      actorId: admin.id,
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: String(userId),
      changes: { disabled: { from: !disabled, to: disabled } },
    },
    now,
  );
}

/** For a lost phone: the next login asks to set up a new app. */
export async function resetUserTwoFactor(
  db: Kysely<Database>,
  actor: Actor | undefined,
  userId: number,
  now = new Date(),
): Promise<void> {
  const admin = requireRole(actor, 'beheerder');
  const user = await existingUser(db, userId);
  await resetTotp(db, user.id, now);
  await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  await recordAudit(
    db,
    { actorId: admin.id, action: 'user.reset-two-factor', objectType: 'user', objectId: String(userId) },
    now,
  );
}

export async function listUsersForAdmin(db: Kysely<Database>, actor: Actor | undefined): Promise<User[]> {
  requireRole(actor, 'beheerder');
  return listUsers(db);
}

export async function getUserForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
  userId: number,
): Promise<User> {
  requireRole(actor, 'beheerder');
  return existingUser(db, userId);
}
