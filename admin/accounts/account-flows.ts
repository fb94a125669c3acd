import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { DomainError, FieldError, TooManyAttemptsError } from '../errors/domain-errors.ts';
import {
  clearFailures,
  recordFailure,
  throttleState,
  twoFactorAccountKey,
  twoFactorAddressKey,
} from './login-throttle.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { passwordResetMail } from '../mail/templates.ts';
import { twoFactorStep, type NextStep } from './log-in.ts';
import { consumeToken, issueToken, type ConsumedToken } from './one-time-tokens.ts';
import { PasswordSchema, verifyPassword } from './passwords.ts';
import { requireActor } from './permissions.ts';
import { regenerateRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';
import { createSession, markSessionTwoFactorVerified } from './sessions.ts';
import { setPassword } from './set-password.ts';
import { confirmTotpSetup, verifyUserTotp } from './two-factor.ts';
import { findUserById, findUserRowByEmail, findUserRowById } from './user-repository.ts';
import type { Actor } from './user.ts';
import { text } from '../schemas/text.ts';

/** A new password, typed twice; forms add their own fields (a link's token, the current password). */
export const newPasswordShape = {
  password: PasswordSchema,
  passwordRepeat: text({ error: 'Vul het wachtwoord nog een keer in.' }),
};
export const passwordsMatch: [
  (input: { password: string; passwordRepeat: string }) => boolean,
  { path: PropertyKey[]; message: string },
] = [
  (input) => input.password === input.passwordRepeat,
  { path: ['passwordRepeat'], message: 'De twee wachtwoorden zijn niet hetzelfde.' },
];

export const TwoFactorCodeInputSchema = z.object({
  code: text({ error: 'Vul de code in.' }).trim().min(1, 'Vul de code in.').max(20, 'Deze code klopt niet.'),
});

/** Why a link did not work, in words for the page. */
export class LinkError extends DomainError {
  override name = 'LinkError';
  readonly code = 'link_invalid';
  readonly status: Exclude<ConsumedToken['status'], 'ok'>;
  constructor(status: Exclude<ConsumedToken['status'], 'ok'>) {
    super(
      status === 'expired'
        ? 'Deze link is verlopen. Vraag een nieuwe aan.'
        : status === 'used'
          ? 'Deze link is al gebruikt. Log in, of vraag een nieuwe link aan.'
          : 'Deze link klopt niet. Kijk of je de hele link uit de mail hebt gebruikt.',
    );
    this.status = status;
  }
}

export interface StartedSession {
  token: string;
  nextStep: NextStep;
}

/**
 * The invited person (or the first beheerder, via the CLI's link) chooses a password and is
 * logged in; the second factor still follows where the role needs it.
 */
export async function acceptInvite(
  db: Kysely<Database>,
  token: string,
  password: string,
  now = new Date(),
): Promise<StartedSession> {
  const consumed = await consumeToken(db, token, ['invite', 'setup'], now);
  if (consumed.status !== 'ok') throw new LinkError(consumed.status);
  const user = await findUserById(db, consumed.userId);
  if (!user || user.disabled) throw new LinkError('unknown');
  await setPassword(db, user.id, password, now);
  await recordAudit(
    db,
    { actorId: user.id, action: 'user.accept-invite', objectType: 'user', objectId: String(user.id) },
    now,
  );
  const nextStep = twoFactorStep(user);
  const session = await createSession(db, user.id, { twoFactorVerified: nextStep === 'done', now });
  return { token: session.token, nextStep };
}

/** Sends a reset link if the address has an active account; the caller says the same thing either way. */
export async function requestPasswordReset(
  db: Kysely<Database>,
  email: string,
  context: { baseUrl: string; siteName: string },
  now = new Date(),
): Promise<void> {
  const row = await findUserRowByEmail(db, email);
  if (!row || row.disabled_at !== null) return;
  const token = await issueToken(db, row.id, 'password-reset', now);
  await enqueueMail(
    db,
    passwordResetMail(row.email, {
      siteName: context.siteName,
      link: `${context.baseUrl}/beheer/wachtwoord-herstellen/${token}`,
    }),
    now,
  );
  await recordAudit(
    db,
    { actorId: null, action: 'user.request-password-reset', objectType: 'user', objectId: String(row.id) },
    now,
  );
}

/** A new password via the mailed link; every session of the account ends. */
export async function resetPassword(
  db: Kysely<Database>,
  token: string,
  password: string,
  now = new Date(),
): Promise<void> {
  const consumed = await consumeToken(db, token, ['password-reset'], now);
  if (consumed.status !== 'ok') throw new LinkError(consumed.status);
  await setPassword(db, consumed.userId, password, now);
  await recordAudit(
    db,
    {
      actorId: consumed.userId,
      action: 'user.reset-password',
      objectType: 'user',
      objectId: String(consumed.userId),
    },
    now,
  );
}

/** Ends all sessions (whoever knew the old password is out) and starts a fresh one here. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: Actor | undefined,
  input: { currentPassword: string; password: string },
  now = new Date(),
): Promise<StartedSession> {
  const me = requireActor(actor);
  const row = await findUserRowById(db, me.id);
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new FieldError('currentPassword', 'Je huidige wachtwoord klopt niet.');
  }
  await setPassword(db, me.id, input.password, now);
  await recordAudit(
    db,
    { actorId: me.id, action: 'user.change-password', objectType: 'user', objectId: String(me.id) },
    now,
  );
  const session = await createSession(db, me.id, { twoFactorVerified: true, now });
  return { token: session.token, nextStep: 'done' };
}

/**
 * Second step of the login: a code from the app, or one of the recovery codes. Wrong codes count
 * per account and per network address on their own keys, with the same doubling wait as wrong
 * passwords; a blocked account or address is refused before the code is looked at.
 */
export async function completeTwoFactor(
  db: Kysely<Database>,
  session: { id: string; userId: number },
  code: string,
  clientAddress: string,
  now = new Date(),
): Promise<{ usedRecoveryCode: boolean }> {
  const keys = [twoFactorAccountKey(session.userId), twoFactorAddressKey(clientAddress)];
  const state = await throttleState(db, keys, now);
  if (state.blocked) throw new TooManyAttemptsError(state.retryAfterSeconds);
  const trimmed = code.trim();
  const viaApp = /^[0-9]{6}$/.test(trimmed) && (await verifyUserTotp(db, session.userId, trimmed, now));
  const viaRecovery = !viaApp && (await useRecoveryCode(db, session.userId, trimmed, now));
  if (!viaApp && !viaRecovery) {
    await recordFailure(db, keys, now);
    throw new FieldError('code', 'Deze code klopt niet. Gebruik de nieuwste code uit je app.');
  }
  await clearFailures(db, keys[0]!);
  await markSessionTwoFactorVerified(db, session.id);
  if (viaRecovery)
    await recordAudit(
      db,
      {
        actorId: session.userId,
        action: 'user.use-recovery-code',
        objectType: 'user',
        objectId: String(session.userId),
      },
      now,
    );
  return { usedRecoveryCode: viaRecovery };
}

/** Setting up the app: the first right code turns it on; the recovery codes are returned to show once. */
export async function finishTwoFactorSetup(
  db: Kysely<Database>,
  session: { id: string; userId: number },
  code: string,
  now = new Date(),
): Promise<string[]> {
  if (!(await confirmTotpSetup(db, session.userId, code, now))) {
    throw new FieldError(
      'code',
      'Deze code klopt niet. Kijk of de tijd op je telefoon goed staat en probeer de nieuwste code.',
    );
  }
  await markSessionTwoFactorVerified(db, session.id);
  await recordAudit(
    db,
    {
      actorId: session.userId,
      action: 'user.enable-two-factor',
      objectType: 'user',
      objectId: String(session.userId),
    },
    now,
  );
  return regenerateRecoveryCodes(db, session.userId);
}

export async function newRecoveryCodes(
  db: Kysely<Database>,
  actor: Actor | undefined,
  now = new Date(),
): Promise<string[]> {
  const me = requireActor(actor);
  await recordAudit(
    db,
    { actorId: me.id, action: 'user.new-recovery-codes', objectType: 'user', objectId: String(me.id) },
    now,
  );
  return regenerateRecoveryCodes(db, me.id);
}
