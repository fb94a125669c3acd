import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../db/tables.ts';
import { generateToken, hashSecret, secretMatches, splitToken } from './session-token.ts';
import { findUserById } from './user-repository.ts';
import type { User } from './user.ts';

export const SESSION_COOKIE = 'ww_sessie';
/** Signed out after a working day without activity… */
export const SESSION_IDLE_MS = 8 * 3600_000;
/** …and after a week in any case. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600_000;
/** Activity extends a session at most this often, to spare a write per request. */
const REFRESH_AFTER_MS = 5 * 60_000;

export interface Session {
  id: string;
  userId: number;
  twoFactorVerified: boolean;
  createdAt: string;
  lastVerifiedAt: string;
}

const toSession = (row: SessionRow): Session => ({
  id: row.id,
  userId: row.user_id,
  twoFactorVerified: row.two_factor_verified === 1,
  createdAt: row.created_at,
  lastVerifiedAt: row.last_verified_at,
});

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  options: { twoFactorVerified: boolean; now?: Date },
): Promise<{ token: string; session: Session }> {
  const { id, secret, token } = generateToken();
  const now = (options.now ?? new Date()).toISOString();
  const row: SessionRow = {
    id,
    secret_hash: hashSecret(secret),
    user_id: userId,
    two_factor_verified: options.twoFactorVerified ? 1 : 0,
    created_at: now,
    last_verified_at: now,
  };
  await db.insertInto('sessions').values(row).execute();
  return { token, session: toSession(row) };
}

export type ValidatedSession = { session: Session; user: User; extended: boolean };

/**
 * The session and user behind a cookie's token, or undefined: unknown id, wrong secret (compared
 * in constant time), idle or too old, or a disabled user. Activity slides the idle timeout.
 */
export async function validateSessionToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | undefined> {
  const parts = splitToken(token);
  if (!parts) return undefined;
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', parts.id).executeTakeFirst();
  if (!row || !secretMatches(parts.secret, row.secret_hash)) return undefined;
  const idle = now.getTime() - Date.parse(row.last_verified_at);
  const age = now.getTime() - Date.parse(row.created_at);
  if (idle >= SESSION_IDLE_MS || age >= SESSION_MAX_AGE_MS) {
    await invalidateSession(db, row.id);
    return undefined;
  }
  const user = await findUserById(db, row.user_id);
  if (!user || user.disabled) {
    await invalidateSession(db, row.id);
    return undefined;
  }
  const extended = idle >= REFRESH_AFTER_MS;
  if (extended) {
    row.last_verified_at = now.toISOString();
    await db
      .updateTable('sessions')
      .set({ last_verified_at: row.last_verified_at })
      .where('id', '=', row.id)
      .execute();
  }
  return { session: toSession(row), user, extended };
}

export async function markSessionTwoFactorVerified(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ two_factor_verified: 1 }).where('id', '=', sessionId).execute();
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** "Overal uitloggen", and what a password change or a disabled account does. */
export async function invalidateUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export interface CookieAttributes {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
}

/** How the session cookie is set: not readable by scripts, not sent cross-site, HTTPS-only in production. */
export function sessionCookieAttributes(options: { secure: boolean; maxAgeMs?: number }): CookieAttributes {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: Math.floor((options.maxAgeMs ?? SESSION_IDLE_MS) / 1000),
  };
}
