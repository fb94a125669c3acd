import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { countSearches } from './search-counts.ts';

/** A query must have been searched this often in a month before its words outlive the log. */
export const MIN_SEARCHES_KEPT = 5;
const COUNTED_UNTIL_KEY = 'search_log_counted_until';

const monthOf = (iso: string): string => iso.slice(0, 7);
const startOf = (month: string): string => `${month}-01T00:00:00.000Z`;
function nextMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 7);
}

/**
 * What residents typed is kept for `days` at most. Each month that has ended is first counted:
 * per normalised query, how often it was searched, found nothing or found little, only for
 * queries searched at least five times (a name typed once never becomes a count). Then every
 * search older than `days` is deleted. `days` is at least 35, so a month is complete when counted.
 */
export async function purgeSearchLog(
  db: Kysely<Database>,
  options: { days: number; now?: Date },
): Promise<{ monthsCounted: number; searchesDeleted: number }> {
  const now = options.now ?? new Date();
  const currentMonth = monthOf(now.toISOString());
  return inTransaction(db, async (trx) => {
    const countedUntil = await trx
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', COUNTED_UNTIL_KEY)
      .executeTakeFirst();
    const oldest = await trx
      .selectFrom('search_log')
      .select((eb) => eb.fn.min('searched_at').as('at'))
      .executeTakeFirst();
    let month = countedUntil ? nextMonth(countedUntil.value) : oldest?.at ? monthOf(oldest.at) : currentMonth;
    let monthsCounted = 0;
    for (; month < currentMonth; month = nextMonth(month)) {
      const rows = await countSearches(trx, {
        from: startOf(month),
        until: startOf(nextMonth(month)),
        minSearches: MIN_SEARCHES_KEPT,
      });
      for (const row of rows) {
        await trx
          .insertInto('search_query_counts')
          .values({
            month,
            query_text: row.queryText,
            searches: row.searches,
            without_results: row.withoutResults,
            few_results: row.fewResults,
          })
          .onConflict((conflict) => conflict.columns(['month', 'query_text']).doNothing())
          .execute();
      }
      await trx
        .insertInto('app_meta')
        .values({ key: COUNTED_UNTIL_KEY, value: month })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: month }))
        .execute();
      monthsCounted += 1;
    }
    const cutoff = new Date(now.getTime() - options.days * 24 * 3600_000).toISOString();
    const deleted = await trx.deleteFrom('search_log').where('searched_at', '<', cutoff).executeTakeFirst();
    return { monthsCounted, searchesDeleted: Number(deleted.numDeletedRows) };
  });
}
