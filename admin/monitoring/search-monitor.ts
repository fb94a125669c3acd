import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { countSearches, FEW_RESULTS_AT_MOST } from '../search-log/search-counts.ts';
import { MIN_SEARCHES_KEPT } from '../search-log/search-log-retention.ts';
import type { MonitorFilter } from './monitor-filter.ts';
import type { MonitorTable } from './monitor-table.ts';
import { addDays, dayStartUtc } from './periods.ts';
import { countCell, textCell } from './small-counts.ts';

/**
 * What residents searched for and did not (or hardly) find: the gaps in the sociale kaart, in
 * their own words. Months whose log was counted come from the monthly counts (queries searched at
 * least five times a month); later months from the log itself. A query is shown only when it was
 * searched at least five times in the period: a name or an address typed once never appears.
 */
const COUNTED_UNTIL_KEY = 'search_log_counted_until';
const MAX_WORDS = 30;

interface QueryTally {
  searches: number;
  none: number;
  few: number;
}

export async function searchGapTable(db: Kysely<Database>, filter: MonitorFilter): Promise<MonitorTable> {
  const countedUntil =
    (await db.selectFrom('app_meta').select('value').where('key', '=', COUNTED_UNTIL_KEY).executeTakeFirst())
      ?.value ?? '';
  const tallies = new Map<string, QueryTally>();
  const add = (query: string, searches: number, none: number, few: number) => {
    const tally = tallies.get(query) ?? { searches: 0, none: 0, few: 0 };
    tally.searches += searches;
    tally.none += none;
    tally.few += few;
    tallies.set(query, tally);
  };

  // Counted months overlapping the period count whole: the counts are per month.
  const counted = await db
    .selectFrom('search_query_counts')
    .select(['query_text', 'searches', 'without_results', 'few_results'])
    .where('month', '>=', filter.from.slice(0, 7))
    .where('month', '<=', filter.to.slice(0, 7))
    .where('month', '<=', countedUntil)
    .execute();
  for (const row of counted) add(row.query_text, row.searches, row.without_results, row.few_results ?? 0);

  // The log, for what was not counted yet: counting goes by whole UTC months (search-log-retention).
  const uncountedFrom = countedUntil ? `${nextMonth(countedUntil)}-01T00:00:00.000Z` : '';
  const logFrom = [dayStartUtc(filter.from), uncountedFrom].sort().at(-1) ?? dayStartUtc(filter.from);
  const logged = await countSearches(db, { from: logFrom, until: dayStartUtc(addDays(filter.to, 1)) });
  for (const row of logged) add(row.queryText, row.searches, row.withoutResults, row.fewResults);

  const gaps = [...tallies]
    .filter(([, tally]) => tally.searches >= MIN_SEARCHES_KEPT && tally.none + tally.few > 0)
    .sort(
      ([a, left], [b, right]) =>
        right.none - left.none || right.none + right.few - (left.none + left.few) || a.localeCompare(b, 'nl'),
    )
    .slice(0, MAX_WORDS);
  return {
    id: 'zoeken-zonder-resultaat',
    caption: 'Zoekwoorden die niets of weinig vonden',
    columns: [
      { label: 'Zoekwoorden', numeric: false },
      { label: 'Keer gezocht', numeric: true },
      { label: 'Niets gevonden', numeric: true },
      { label: `Weinig gevonden (1 tot ${FEW_RESULTS_AT_MOST})`, numeric: true },
    ],
    rows: gaps.map(([query, tally]) => [
      textCell(query),
      countCell(tally.searches),
      countCell(tally.none),
      countCell(tally.few),
    ]),
    note:
      `Alleen woorden die in deze periode minstens ${MIN_SEARCHES_KEPT} keer zijn gezocht, zonder telefoonnummers, ` +
      'adressen en e-mailadressen. "< 5" betekent 1 tot 4. Zoeken geldt voor de hele gemeente: we weten niet in ' +
      'welke wijk iemand woont.',
    chart: { column: 2, kind: 'bars', title: 'Keer niets gevonden', unit: 'keer' },
  };
}

function nextMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 7);
}
