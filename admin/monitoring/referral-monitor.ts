import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { CENTRAL_DESK_ID } from '../questions/team-directory.ts';
import {
  ITEM_STATUSES,
  NOT_STARTED_REASONS,
  type ItemStatus,
  type NotStartedReason,
} from '../referrals/referral.ts';
import type { MonitorFilter } from './monitor-filter.ts';
import type { MonitorScope } from './monitor-scope.ts';
import type { MonitorTable } from './monitor-table.ts';
import { addDays, bucketOf, dayStartUtc, localDay, periodsBetween } from './periods.ts';
import { countCell, textCell } from './small-counts.ts';

/**
 * Referrals over time and how they went: per referred offer the organisation's status, and why
 * help did not start (where the offer falls short). Only team, gebied, wijk, dates, statuses and
 * reasons are read: they stay after the retention purge; free text is never read.
 */
export const ITEM_STATUS_NAMES: Record<ItemStatus, string> = {
  ontvangen: 'Ontvangen',
  'contact-gelegd': 'Contact gelegd',
  gestart: 'Gestart',
  'niet-gestart': 'Niet gestart',
};

export const NOT_STARTED_REASON_NAMES: Record<NotStartedReason, string> = {
  'geen-plek': 'Geen plek',
  'voldoet-niet': 'Voldoet niet aan de voorwaarden',
  'niet-bereikt': 'Inwoner niet bereikt',
  'wil-niet': 'Inwoner wil niet',
  anders: 'Anders',
};

type Tally = Record<ItemStatus, number> & { referrals: number };
const emptyTally = (): Tally => ({
  referrals: 0,
  ontvangen: 0,
  'contact-gelegd': 0,
  gestart: 0,
  'niet-gestart': 0,
});

export async function referralTables(
  db: Kysely<Database>,
  filter: MonitorFilter,
  scope: MonitorScope,
): Promise<MonitorTable[]> {
  const rows = await db
    .selectFrom('referrals')
    .leftJoin('referral_items as item', 'item.referral_id', 'referrals.id')
    .select(['referrals.id', 'referrals.created_at', 'item.status', 'item.reason'])
    .where('referrals.created_at', '>=', dayStartUtc(filter.from))
    .where('referrals.created_at', '<', dayStartUtc(addDays(filter.to, 1)))
    .where((eb) =>
      eb.or([
        ...(scope.centralDesk ? [eb('referrals.team_id', '=', CENTRAL_DESK_ID)] : []),
        ...(scope.areas.length > 0 ? [eb('referrals.area', 'in', scope.areas)] : []),
        eb.val(false),
      ]),
    )
    .$if(scope.neighbourhood !== undefined, (q) =>
      q.where('referrals.neighbourhood', '=', scope.neighbourhood ?? ''),
    )
    .execute();

  const periods = periodsBetween(filter.from, filter.to, filter.granularity);
  const byPeriod = new Map(periods.map((period) => [period.key, emptyTally()]));
  const byReason = new Map<string, number>();
  const seen = new Set<number>();
  for (const row of rows) {
    const tally = byPeriod.get(bucketOf(localDay(row.created_at), filter.granularity));
    if (!tally) continue;
    if (!seen.has(row.id)) {
      seen.add(row.id);
      tally.referrals += 1;
    }
    const status = row.status as ItemStatus | null;
    if (status === null || !ITEM_STATUSES.includes(status)) continue;
    tally[status] += 1;
    if (status === 'niet-gestart') {
      const reason = row.reason ?? '';
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
  }

  const note =
    '"< 5" betekent 1 tot 4: zo weinig dat iemand herkend kan worden. Een verwijzing kan naar meer aanbieders ' +
    'gaan; elke aanbieder geeft door hoe het ging.';
  return [
    {
      id: 'verwijzingen-per-periode',
      caption: `Verwijzingen per ${filter.granularity === 'week' ? 'week' : 'maand'} en hoe het ging bij de aanbieders`,
      columns: [
        { label: filter.granularity === 'week' ? 'Week' : 'Maand', numeric: false },
        { label: 'Verwijzingen', numeric: true },
        ...ITEM_STATUSES.map((status) => ({ label: ITEM_STATUS_NAMES[status], numeric: true })),
      ],
      rows: periods.map((period) => {
        const tally = byPeriod.get(period.key) ?? emptyTally();
        return [
          { ...textCell(period.label), short: period.shortLabel },
          countCell(tally.referrals),
          ...ITEM_STATUSES.map((status) => countCell(tally[status])),
        ];
      }),
      note,
      chart: { column: 1, kind: 'columns', title: 'Aantal verwijzingen', unit: 'verwijzingen' },
    },
    {
      id: 'verwijzingen-niet-gestart',
      caption: 'Waarom hulp na een verwijzing niet startte',
      columns: [
        { label: 'Reden', numeric: false },
        { label: 'Niet gestart', numeric: true },
      ],
      rows: [
        ...NOT_STARTED_REASONS.map((reason) => [
          textCell(NOT_STARTED_REASON_NAMES[reason]),
          countCell(byReason.get(reason) ?? 0),
        ]),
        ...(byReason.has('') ? [[textCell('Geen reden gegeven'), countCell(byReason.get('') ?? 0)]] : []),
      ],
      note:
        '"< 5" betekent 1 tot 4. "Geen plek" en "Voldoet niet aan de voorwaarden" laten zien waar het aanbod ' +
        'tekortschiet.',
      chart: { column: 1, kind: 'bars', title: 'Niet gestart, per reden', unit: 'keer' },
    },
  ];
}
