import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { normaliseLoggedQuery } from './scrub-personal-data.ts';

export interface SearchLogEntry {
  text: string;
  /** Only the filter values (facet ids, sort), never a location the resident shared. */
  filters: Record<string, string[] | string>;
  hitCount: number;
  tookMs: number;
}

/** Rows per INSERT: well under the bound-variable limits of SQLite (32,766) and PostgreSQL (65,535). */
const ROWS_PER_INSERT = 1000;

/** Writes several searches in one transaction (one disk sync), a thousand rows per statement. */
export async function recordSearches(
  db: Kysely<Database>,
  entries: readonly { entry: SearchLogEntry; at: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ entry, at }) => ({
    query_text: normaliseLoggedQuery(entry.text),
    filters_json: JSON.stringify(entry.filters),
    hit_count: entry.hitCount,
    took_ms: Math.round(entry.tookMs * 100) / 100,
    searched_at: at,
  }));
  await inTransaction(db, async (trx) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
      await trx
        .insertInto('search_log')
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .execute();
  });
}

/** Most frequent searches that found nothing since a date: where the sociale kaart has gaps. */
export async function listZeroResultQueries(
  db: Kysely<Database>,
  since: string,
  limit = 50,
): Promise<{ query: string; count: number }[]> {
  const rows = await db
    .selectFrom('search_log')
    .select(['query_text', (eb) => eb.fn.countAll<number>().as('count')])
    .where('hit_count', '=', 0)
    .where('searched_at', '>=', since)
    .where('query_text', '!=', '')
    .groupBy('query_text')
    .orderBy('count', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ query: row.query_text, count: Number(row.count) }));
}
