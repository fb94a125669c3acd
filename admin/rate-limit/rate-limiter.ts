import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt for `address` (a network address) and says whether it may go ahead. */
  hit(address: string, now?: Date): Promise<RateDecision>;
}

export interface RateLimitOptions {
  /** Which form: limits of different forms count apart. */
  name: string;
  limit: number;
  windowMs: number;
  /** The key for hashing addresses (stored-secret.ts), read once. */
  secret: () => Promise<string>;
}

/**
 * At most `limit` attempts per address per window, counted in the database so all instances
 * count together. One upsert per attempt: a window that has run out starts again at 1, otherwise
 * the count goes up, atomically on SQLite and PostgreSQL alike. The table holds no addresses,
 * only keyed hashes of them, and windows are deleted soon after they end (forgetEndedWindows).
 */
export function createRateLimiter(db: Kysely<Database>, options: RateLimitOptions): RateLimiter {
  const { name, limit, windowMs } = options;
  let secret: Promise<string> | undefined;
  return {
    async hit(address, now = new Date()) {
      secret ??= options.secret();
      const hash = createHmac('sha256', await secret)
        .update(address)
        .digest('base64url');
      const at = now.toISOString();
      const endedBefore = new Date(now.getTime() - windowMs).toISOString();
      const window = await db
        .insertInto('rate_limit_windows')
        .values({ key: `${name}:${hash}`, started_at: at, hits: 1 })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet((eb) => {
            const ended = eb('rate_limit_windows.started_at', '<=', endedBefore);
            return {
              hits: eb
                .case()
                .when(ended)
                .then(1)
                .else(eb('rate_limit_windows.hits', '+', 1))
                .end(),
              started_at: eb
                .case()
                .when(ended)
                .then(eb.ref('excluded.started_at'))
                .else(eb.ref('rate_limit_windows.started_at'))
                .end(),
            };
          }),
        )
        .returning(['hits', 'started_at'])
        .executeTakeFirstOrThrow();
      if (window.hits <= limit) return { allowed: true };
      const endsAt = Date.parse(window.started_at) + windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
    },
  };
}

/** Deletes windows that started before `before`: nothing about an address is kept longer than needed. */
export async function forgetEndedWindows(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_windows')
    .where('started_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
