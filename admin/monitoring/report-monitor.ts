import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { MonitorFilter } from './monitor-filter.ts';
import { listingInWijken, scopeWijken } from './listing-scope.ts';
import type { MonitorScope } from './monitor-scope.ts';
import type { MonitorTable } from './monitor-table.ts';
import { addDays, dayStartUtc } from './periods.ts';
import { countCell, textCell } from './small-counts.ts';

/**
 * "Klopt er iets niet?": residents' reports about listings in the period, per organisation, open
 * and handled. In a gebied or wijk: reports about listings offered there and about listings for
 * the whole municipality (as for the listings to check). What residents wrote is never read.
 */
export async function listingReportTable(
  db: Kysely<Database>,
  filter: MonitorFilter,
  scope: MonitorScope,
): Promise<MonitorTable> {
  const wijken = scopeWijken(scope);
  const rows = await db
    .selectFrom('listing_reports')
    .innerJoin('listings', 'listings.id', 'listing_reports.listing_id')
    .innerJoin('organisations', 'organisations.slug', 'listings.organisation_slug')
    .select((eb) => [
      'organisations.slug',
      'organisations.name',
      eb.fn.countAll<number>().as('reports'),
      eb.fn
        .sum<number>(eb.case().when('listing_reports.status', '=', 'open').then(1).else(0).end())
        .as('open'),
    ])
    .where('listing_reports.created_at', '>=', dayStartUtc(filter.from))
    .where('listing_reports.created_at', '<', dayStartUtc(addDays(filter.to, 1)))
    .where(listingInWijken(wijken))
    .groupBy(['organisations.slug', 'organisations.name'])
    .execute();
  const sorted = rows
    .map((row) => ({ name: row.name, reports: Number(row.reports), open: Number(row.open) }))
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name, 'nl'));
  return {
    id: 'meldingen-per-organisatie',
    caption: 'Meldingen "Klopt er iets niet?" per organisatie',
    columns: [
      { label: 'Organisatie', numeric: false },
      { label: 'Meldingen', numeric: true },
      { label: 'Open', numeric: true },
      { label: 'Afgehandeld', numeric: true },
    ],
    rows: sorted.map((row) => [
      textCell(row.name),
      countCell(row.reports),
      countCell(row.open),
      countCell(row.reports - row.open),
    ]),
    note:
      '"< 5" betekent 1 tot 4: meldingen komen van inwoners. Met het aanbod voor de hele gemeente erbij. ' +
      'Afgehandeld: de organisatie of een beheerder heeft de melding bekeken.',
    chart: { column: 1, kind: 'bars', title: 'Meldingen per organisatie', unit: 'meldingen' },
  };
}
