import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** A search with at least one and at most this many results found "little": a thin spot in the offer. */
export const FEW_RESULTS_AT_MOST = 3;

export interface SearchCount {
  queryText: string;
  searches: number;
  withoutResults: number;
  fewResults: number;
}

/**
 * How often each query was searched in `[from, until)` (ISO instants), and how often it found
 * nothing or little; empty queries (filters only) are left out.
 */
export async function countSearches(
  db: Kysely<Database>,
  range: { from: string; until: string; minSearches?: number },
): Promise<SearchCount[]> {
  const rows = await db
    .selectFrom('search_log')
    .select((eb) => [
      'query_text',
      eb.fn.countAll<number>().as('searches'),
      eb.fn.sum<number>(eb.case().when('hit_count', '=', 0).then(1).else(0).end()).as('without_results'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('hit_count', '>=', 1), eb('hit_count', '<=', FEW_RESULTS_AT_MOST)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('few_results'),
    ])
    .where('searched_at', '>=', range.from)
    .where('searched_at', '<', range.until)
    .where('query_text', '!=', '')
    .groupBy('query_text')
    .$if(range.minSearches !== undefined, (query) =>
      query.having((eb) => eb.fn.countAll(), '>=', range.minSearches ?? 0),
    )
    .execute();
  return rows.map((row) => ({
    queryText: row.query_text,
    searches: Number(row.searches),
    withoutResults: Number(row.without_results),
    fewResults: Number(row.few_results),
  }));
}
