import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';

/**
 * Mail that is done with (sent, or failed for good) is kept `days` for beheerders to look back
 * on, then deleted. A resident's address is emptied as soon as their mail is done with; this also
 * catches any that a crash left behind.
 */
export async function purgeOutbox(
  db: Kysely<Database>,
  options: { days: number; now?: Date },
): Promise<{ addressesEmptied: number; mailsDeleted: number }> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.days * 24 * 3600_000).toISOString();
  return inTransaction(db, async (trx) => {
    const emptied = await trx
      .updateTable('mail_outbox')
      .set({ to_address: '' })
      .where('to_resident', '=', 1)
      .where('status', 'in', ['sent', 'failed'])
      .where('to_address', '!=', '')
      .executeTakeFirst();
    const deleted = await trx
      .deleteFrom('mail_outbox')
      .where('status', 'in', ['sent', 'failed'])
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return { addressesEmptied: Number(emptied.numUpdatedRows), mailsDeleted: Number(deleted.numDeletedRows) };
  });
}
