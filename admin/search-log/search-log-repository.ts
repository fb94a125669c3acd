import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { normaliseLoggedQuery } from './scrub-personal-data.ts';

export interface SearchLogEntry {
  text: string;
  /** Only the filter values (facet ids, sort), never a location the resident shared. */
  filters: Record<string, string[] | string>;
  hitCount: number;
  tookMs: number;
}

/** Writes several searches in one statement (one transaction, one disk sync). */
export async function recordSearches(
  db: Kysely<Database>,
  entries: readonly { entry: SearchLogEntry; at: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('search_log')
    .values(
      entries.map(({ entry, at }) => ({
        query_text: normaliseLoggedQuery(entry.text),
        filters_json: JSON.stringify(entry.filters),
        hit_count: entry.hitCount,
        took_ms: Math.round(entry.tookMs * 100) / 100,
        searched_at: at,
      })),
    )
    .execute();
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
