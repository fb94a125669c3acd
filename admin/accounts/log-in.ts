import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import { accountKey, addressKey, clearFailures, recordFailure, throttleState } from './login-throttle.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession, type Session } from './sessions.ts';
import { findUserById, findUserRowByEmail } from './user-repository.ts';
import { ROLES_REQUIRING_TWO_FACTOR, type Role, type User } from './user.ts';
import { text } from '../schemas/text.ts';

export const LoginInputSchema = z.object({
  email: text({ error: 'Vul je e-mailadres in.' })
    .trim()
    .min(1, 'Vul je e-mailadres in.')
    .max(254, 'Vul een geldig e-mailadres in.'),
  // Length rules are for new passwords only; here anything is simply checked.
  password: text({ error: 'Vul je wachtwoord in.' })
    .min(1, 'Vul je wachtwoord in.')
    .max(256, 'Dit wachtwoord klopt niet.'),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** What the session still needs before the user may work: nothing, a code, or setting up an app. */
export type NextStep = 'done' | 'verify-totp' | 'setup-totp';

export type LoginResult =
  | { status: 'ok'; user: User; token: string; session: Session; nextStep: NextStep }
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfterSeconds: number };

export function twoFactorStep(user: { role: Role; twoFactorEnabled: boolean }): NextStep {
  if (user.twoFactorEnabled) return 'verify-totp';
  return ROLES_REQUIRING_TWO_FACTOR.includes(user.role) ? 'setup-totp' : 'done';
}

/**
 * Checks e-mail and password. Unknown address, no password yet, disabled account and wrong
 * password all give `invalid` after the same argon2 work, so the answer does not tell whether an
 * address has an account. A blocked account or address is refused before any check.
 */
export async function logIn(
  db: Kysely<Database>,
  input: LoginInput & { clientAddress: string },
  now = new Date(),
): Promise<LoginResult> {
  const keys = [accountKey(input.email), addressKey(input.clientAddress)];
  const state = await throttleState(db, keys, now);
  if (state.blocked) return { status: 'throttled', retryAfterSeconds: state.retryAfterSeconds };

  const row = await findUserRowByEmail(db, input.email);
  const usable = row && row.password_hash && row.disabled_at === null ? row : undefined;
  const passwordOk = await verifyPassword(
    usable?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!usable || !passwordOk) {
    await recordFailure(db, keys, now);
    return { status: 'invalid' };
  }
  await clearFailures(db, keys[0]!);
  const user = await findUserById(db, usable.id);
  if (!user) return { status: 'invalid' };
  const nextStep = twoFactorStep(user);
  const { token, session } = await createSession(db, user.id, {
    twoFactorVerified: nextStep === 'done',
    now,
  });
  return { status: 'ok', user, token, session, nextStep };
}
