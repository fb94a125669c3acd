import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * Where an organisation hears about referrals: its active editors, who can open the werkbak; or,
 * without any, its public address, so someone there learns to ask the municipality for an account.
 */
export async function organisationRecipients(
  db: Kysely<Database>,
  organisation: string,
): Promise<{ name: string; addresses: string[] }> {
  const [editors, row] = await Promise.all([
    db
      .selectFrom('users')
      .select('email')
      .where('role', '=', 'organisatie')
      .where('organisation_slug', '=', organisation)
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('organisations')
      .select(['name', 'email'])
      .where('slug', '=', organisation)
      .executeTakeFirst(),
  ]);
  const addresses =
    editors.length > 0 ? editors.map((editor) => editor.email) : row?.email ? [row.email] : [];
  return { name: row?.name ?? organisation, addresses };
}

/** Whether an organisation has anyone who can open referrals in the werkbak. */
export async function hasActiveEditors(db: Kysely<Database>, organisation: string): Promise<boolean> {
  const editor = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'organisatie')
    .where('organisation_slug', '=', organisation)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return editor !== undefined;
}
