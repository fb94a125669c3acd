import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { hashPassword } from './passwords.ts';
import { invalidateUserSessions } from './sessions.ts';

/** A new password ends every session of the account: whoever knew the old one is out. */
export async function setPassword(
  db: Kysely<Database>,
  userId: number,
  password: string,
  now = new Date(),
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      password_changed_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .execute();
  await invalidateUserSessions(db, userId);
}
