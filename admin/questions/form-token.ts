import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { storedSecret } from '../secrets/stored-secret.ts';

/**
 * A token in the public form: when it was shown, a random key, and a signature. It proves the form
 * came from us and how long the person took (bots submit within a second), and its key makes a
 * second submit of the same form find the first question instead of adding another.
 */
export type TokenCheck = { status: 'ok'; key: string } | { status: 'too-fast' | 'expired' | 'invalid' };

const SECRET_KEY = 'form_token_secret';

/** The signing secret, made once per database: nothing to configure, survives restarts. */
export const formTokenSecret = (db: Kysely<Database>): Promise<string> => storedSecret(db, SECRET_KEY);

const sign = (secret: string, payload: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function issueFormToken(secret: string, now = new Date()): string {
  const payload = `${now.getTime()}.${randomBytes(16).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function checkFormToken(
  secret: string,
  token: string,
  options: { minFillMs: number; maxAgeMs: number; now?: Date },
): TokenCheck {
  const [issued, key, signature, ...rest] = token.split('.');
  if (!issued || !key || !signature || rest.length > 0 || !/^\d{10,16}$/.test(issued))
    return { status: 'invalid' };
  const expected = Buffer.from(sign(secret, `${issued}.${key}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: 'invalid' };
  const age = (options.now ?? new Date()).getTime() - Number(issued);
  if (age < options.minFillMs) return { status: 'too-fast' };
  if (age > options.maxAgeMs) return { status: 'expired' };
  return { status: 'ok', key };
}
