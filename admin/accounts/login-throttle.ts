import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { hashSecret } from './session-token.ts';
import { inTransaction } from '../db/transaction.ts';

/**
 * Wrong passwords slow down the next try, per account and per network address, with a wait that
 * doubles per failure. Kept in the database so a restart does not reset it. Keys are hashed:
 * the table holds no e-mail addresses or IP addresses.
 */
export interface ThrottlePolicy {
  /** Failures allowed before any waiting. */
  freeFailures: number;
  firstBlockMs: number;
  maxBlockMs: number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstBlockMs: 60_000,
  maxBlockMs: 3600_000,
  forgetAfterMs: 24 * 3600_000,
};
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstBlockMs: 60_000,
  maxBlockMs: 3600_000,
  forgetAfterMs: 3600_000,
};

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export const accountKey = (email: string): ThrottleKey => ({
  key: `account:${hashSecret(email.trim().toLowerCase())}`,
  policy: ACCOUNT_POLICY,
});
export const addressKey = (clientAddress: string): ThrottleKey => ({
  key: `ip:${hashSecret(clientAddress)}`,
  policy: ADDRESS_POLICY,
});

/**
 * Wrong second-factor codes (app codes and recovery codes) count on their own keys: a correct
 * password never clears them, so knowing the password gives no unlimited guesses at the code.
 */
export const TWO_FACTOR_POLICY: ThrottlePolicy = {
  // Five wrong codes, then a wait.
  freeFailures: 4,
  firstBlockMs: 60_000,
  maxBlockMs: 3600_000,
  forgetAfterMs: 24 * 3600_000,
};
export const twoFactorAccountKey = (userId: number): ThrottleKey => ({
  key: `two-factor-account:${hashSecret(String(userId))}`,
  policy: TWO_FACTOR_POLICY,
});
export const twoFactorAddressKey = (clientAddress: string): ThrottleKey => ({
  key: `two-factor-ip:${hashSecret(clientAddress)}`,
  policy: { ...TWO_FACTOR_POLICY, freeFailures: 19, forgetAfterMs: 3600_000 },
});

export type ThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/** Whether any of the keys is waiting; the longest wait counts. */
export async function throttleState(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<ThrottleState> {
  const rows = await db
    .selectFrom('login_attempts')
    .selectAll()
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  let waitMs = 0;
  for (const row of rows) {
    if (row.blocked_until) waitMs = Math.max(waitMs, Date.parse(row.blocked_until) - now.getTime());
  }
  return waitMs > 0 ? { blocked: true, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { blocked: false };
}

export function blockDuration(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(policy.maxBlockMs, policy.firstBlockMs * 2 ** (over - 1));
}

/**
 * Counts a failure for each key. The count goes up in one upsert (not read, then written), so
 * failures sent to several instances at once all count.
 */
export async function recordFailure(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    for (const { key, policy } of keys) {
      const forgottenBefore = new Date(now.getTime() - policy.forgetAfterMs).toISOString();
      const { failures } = await trx
        .insertInto('login_attempts')
        .values({ key, failures: 1, blocked_until: null, updated_at: at })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when('login_attempts.updated_at', '>', forgottenBefore)
              .then(eb('login_attempts.failures', '+', 1))
              .else(1)
              .end(),
            updated_at: at,
          })),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      const block = blockDuration(failures, policy);
      await trx
        .updateTable('login_attempts')
        .set({ blocked_until: block > 0 ? new Date(now.getTime() + block).toISOString() : null })
        .where('key', '=', key)
        .execute();
    }
  });
}

/** A successful login clears the account's count (not the address's: one known account must not reset it). */
export async function clearFailures(db: Kysely<Database>, key: ThrottleKey): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key.key).execute();
}
