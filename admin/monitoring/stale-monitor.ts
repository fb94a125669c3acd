import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { staleCutoff, STALE_AFTER_MONTHS } from '../listings/stale-listings.ts';
import type { MonitorContext } from './monitor-context.ts';
import { listingInWijken, scopeWijken } from './listing-scope.ts';
import type { MonitorScope } from './monitor-scope.ts';
import type { MonitorTable } from './monitor-table.ts';
import { exactCell, textCell } from './small-counts.ts';

/**
 * Published listings nobody confirmed for six months, per organisation: who to call to keep the
 * sociale kaart current. About offers, not people, so the counts are exact. In a gebied or wijk:
 * the listings offered there, and those for the whole municipality.
 */
const dayFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'UTC' });

export async function staleListingTable(
  db: Kysely<Database>,
  scope: MonitorScope,
  context: MonitorContext,
): Promise<MonitorTable> {
  const now = context.now ?? new Date();
  const wijken = scopeWijken(scope);
  const cutoff = staleCutoff(now);
  const rows = await db
    .selectFrom('listings')
    .innerJoin('organisations', 'organisations.slug', 'listings.organisation_slug')
    .select((eb) => [
      'organisations.slug',
      'organisations.name',
      eb.fn.countAll<number>().as('published'),
      eb.fn
        .sum<number>(eb.case().when('listings.last_verified_at', '<=', cutoff).then(1).else(0).end())
        .as('stale'),
      eb.fn.min<string>('listings.last_verified_at').as('oldest'),
    ])
    .where('listings.status', '=', 'published')
    .where(listingInWijken(wijken))
    .groupBy(['organisations.slug', 'organisations.name'])
    .execute();
  const sorted = rows
    .map((row) => ({ ...row, published: Number(row.published), stale: Number(row.stale) }))
    .sort((a, b) => b.stale - a.stale || a.name.localeCompare(b.name, 'nl'));
  return {
    id: 'aanbod-niet-gecontroleerd',
    caption: `Gepubliceerd aanbod dat langer dan ${STALE_AFTER_MONTHS} maanden niet is gecontroleerd, per organisatie`,
    columns: [
      { label: 'Organisatie', numeric: false },
      { label: 'Gepubliceerd aanbod', numeric: true },
      { label: `Niet gecontroleerd in ${STALE_AFTER_MONTHS} maanden`, numeric: true },
      { label: 'Oudste controle', numeric: false },
    ],
    rows: sorted.map((row) => [
      textCell(row.name),
      exactCell(row.published),
      exactCell(row.stale),
      textCell(dayFormat.format(new Date(`${row.oldest}T12:00:00Z`))),
    ]),
    note:
      'Stand van vandaag, met het aanbod voor de hele gemeente erbij. Dit gaat over aanbod, niet over mensen: ' +
      'daarom staan hier precieze aantallen.',
    chart: { column: 2, kind: 'bars', title: 'Niet gecontroleerd aanbod', unit: 'aanbod' },
  };
}
