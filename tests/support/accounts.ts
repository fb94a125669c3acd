import type { Kysely } from 'kysely';
import { setPassword } from '#admin/accounts/set-password.ts';
import { createUser, type NewUser } from '#admin/accounts/user-repository.ts';
import type { User } from '#admin/accounts/user.ts';
import type { Database } from '#admin/db/tables.ts';

export const TEST_PASSWORD = 'een lange zin als wachtwoord';

/** A real account in the test database, with a password, as the invite flow would leave it. */
export async function accountWith(
  db: Kysely<Database>,
  input: Partial<NewUser> & Pick<NewUser, 'role'>,
): Promise<User> {
  const email = input.email ?? `${input.role}-${crypto.randomUUID().slice(0, 8)}@example.nl`;
  const user = await createUser(db, { displayName: email, email, ...input });
  await setPassword(db, user.id, TEST_PASSWORD);
  return { ...user, hasPassword: true };
}

/** Every row of the tables an admin action may write: equal snapshots mean nothing changed. */
export async function snapshot(db: Kysely<Database>): Promise<string> {
  const tables = [
    'listings',
    'listing_neighbourhoods',
    'organisations',
    'users',
    'user_teams',
    'one_time_tokens',
    'recovery_codes',
    'mail_outbox',
    'audit_log',
    'questions',
    'question_events',
    'referrals',
    'referral_items',
    'referral_events',
    'referral_life_domains',
    'referral_drafts',
  ] as const;
  const rows = await Promise.all(tables.map((table) => db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(rows);
}
