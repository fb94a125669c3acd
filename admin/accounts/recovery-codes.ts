import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { hashSecret, secretMatches } from './session-token.ts';
import { inTransaction } from '../db/transaction.ts';

const COUNT = 8;

/** `ABCDE-FGHIJ`: 50 random bits, easy to copy from paper. */
function newCode(): string {
  const text = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(7))).slice(0, 10);
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

const normalise = (code: string): string =>
  code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z2-7]/g, '');

/** New single-use codes for when the phone is lost; replaces all earlier ones. Shown once, stored hashed. */
export async function regenerateRecoveryCodes(db: Kysely<Database>, userId: number): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(
        codes.map((code) => ({ user_id: userId, code_hash: hashSecret(normalise(code)), used_at: null })),
      )
      .execute();
  });
  return codes;
}

/** True when the code was one of the user's unused codes; it is then used up. */
export async function useRecoveryCode(
  db: Kysely<Database>,
  userId: number,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  const match = rows.find((row) => secretMatches(normalise(code), row.code_hash));
  if (!match) return false;
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('id', '=', match.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
