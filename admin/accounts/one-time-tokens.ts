import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { generateToken, hashSecret, secretMatches, splitToken } from './session-token.ts';
import { inTransaction } from '../db/transaction.ts';

/** What a one-time link is for, and how long it works. */
export const TOKEN_LIFETIME_MS = {
  /** A beheerder invites someone by e-mail. */
  invite: 7 * 24 * 3600_000,
  /** The first beheerder, from the command line. */
  setup: 7 * 24 * 3600_000,
  'password-reset': 3600_000,
} as const;
export type TokenPurpose = keyof typeof TOKEN_LIFETIME_MS;

export type ConsumedToken = { status: 'ok'; userId: number } | { status: 'unknown' | 'expired' | 'used' };

/** Issues a link token; a new one replaces earlier unused ones of the same purpose. */
export async function issueToken(
  db: Kysely<Database>,
  userId: number,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<string> {
  const { id, secret, token } = generateToken();
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('one_time_tokens')
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('one_time_tokens')
      .values({
        id,
        secret_hash: hashSecret(secret),
        user_id: userId,
        purpose,
        expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString(),
        used_at: null,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return token;
}

/** Checks a token without using it up: for showing the form the link leads to. */
export async function checkToken(
  db: Kysely<Database>,
  token: string,
  purposes: readonly TokenPurpose[],
  now = new Date(),
): Promise<ConsumedToken> {
  const parts = splitToken(token);
  if (!parts) return { status: 'unknown' };
  const row = await db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('id', '=', parts.id)
    .executeTakeFirst();
  if (
    !row ||
    !purposes.includes(row.purpose as TokenPurpose) ||
    !secretMatches(parts.secret, row.secret_hash)
  )
    return { status: 'unknown' };
  if (row.used_at) return { status: 'used' };
  if (Date.parse(row.expires_at) <= now.getTime()) return { status: 'expired' };
  return { status: 'ok', userId: row.user_id };
}

/** Uses a token up; of two requests racing with the same link, only one gets `ok`. */
export async function consumeToken(
  db: Kysely<Database>,
  token: string,
  purposes: readonly TokenPurpose[],
  now = new Date(),
): Promise<ConsumedToken> {
  const checked = await checkToken(db, token, purposes, now);
  if (checked.status !== 'ok') return checked;
  const parts = splitToken(token);
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', parts?.id ?? '')
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? checked : { status: 'used' };
}
