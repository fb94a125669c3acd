import type { Kysely } from 'kysely';
import type { Database } from './tables.ts';

type AfterCommit = () => Promise<void>;
const afterCommitOf = new WeakMap<Kysely<Database>, AfterCommit[]>();

/**
 * Runs a write use case as one transaction: its rows, its audit entries and its outbox mail
 * commit together or not at all. Inside another transaction it joins that one. Keep network calls
 * (address lookups, mail servers) outside: SQLite has one writer, and a transaction blocks it.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  const followUps: AfterCommit[] = [];
  const result = await db.transaction().execute(async (trx) => {
    afterCommitOf.set(trx, followUps);
    return work(trx);
  });
  for (const followUp of followUps) await followUp();
  return result;
}

/**
 * Work that must only happen once the data is committed (telling the search index about a
 * listing): queued when `db` is a transaction, run at once otherwise. A follow-up that fails
 * handles its own error; the committed write stands.
 */
export async function afterCommit(db: Kysely<Database>, followUp: AfterCommit): Promise<void> {
  const queue = db.isTransaction ? afterCommitOf.get(db) : undefined;
  if (queue) queue.push(followUp);
  else await followUp();
}
