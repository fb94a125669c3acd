import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * A random secret made once per database and kept in it: nothing to configure, the same for
 * every instance, kept across restarts. Two instances making it at once agree on the first one
 * stored.
 */
export async function storedSecret(db: Kysely<Database>, key: string): Promise<string> {
  const existing = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('app_meta')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  return (await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirstOrThrow())
    .value;
}
