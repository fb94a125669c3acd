import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import type { MonitorFilter } from './monitor-filter.ts';
import type { MonitorScope } from './monitor-scope.ts';
import type { MonitorTable } from './monitor-table.ts';
import { addDays, bucketOf, dayStartUtc, localDay, periodsBetween } from './periods.ts';
import { countCell, textCell } from './small-counts.ts';

/**
 * Volunteers over time: confirmed sign-ups, how many of them offer their help in public, and the
 * requests for help (matches) with their outcome, the answers to "Is het gelukt?". Only dates,
 * gebieden, wijken, statuses and answers are read: never names or own words.
 */
const Wijken = z.array(z.string());

interface Tally {
  signUps: number;
  offers: number;
  matches: number;
  succeeded: number;
  failed: number;
  unanswered: number;
}
const emptyTally = (): Tally => ({
  signUps: 0,
  offers: 0,
  matches: 0,
  succeeded: 0,
  failed: 0,
  unanswered: 0,
});

/** A request's outcome: the resident's answer, else the volunteer's. */
export function matchOutcome(
  requester: string | null,
  volunteer: string | null,
): 'gelukt' | 'niet-gelukt' | null {
  const answer = requester ?? volunteer;
  return answer === 'gelukt' || answer === 'niet-gelukt' ? answer : null;
}

export async function volunteerTable(
  db: Kysely<Database>,
  filter: MonitorFilter,
  scope: MonitorScope,
): Promise<MonitorTable> {
  const from = dayStartUtc(filter.from);
  const until = dayStartUtc(addDays(filter.to, 1));
  // Volunteering is organised per gebied; the central desk has no gebied of its own.
  const areas = scope.areas.length > 0 ? scope.areas : ['-'];
  const inWijk = (json: string) =>
    scope.neighbourhood === undefined || Wijken.parse(JSON.parse(json)).includes(scope.neighbourhood);

  const volunteers = await db
    .selectFrom('volunteers')
    .select(['created_at', 'neighbourhoods_json', 'listing_id'])
    .where('confirmed_at', 'is not', null)
    .where('created_at', '>=', from)
    .where('created_at', '<', until)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('submission_areas')
        .select('subject_id')
        .where('subject_type', '=', 'volunteer')
        .where('area', 'in', areas),
    )
    .execute();
  const matches = await db
    .selectFrom('match_requests')
    .leftJoin('volunteers', 'volunteers.id', 'match_requests.volunteer_id')
    .select([
      'match_requests.created_at',
      'match_requests.requester_outcome',
      'match_requests.volunteer_outcome',
      'volunteers.neighbourhoods_json',
    ])
    .where('match_requests.created_at', '>=', from)
    .where('match_requests.created_at', '<', until)
    .where('match_requests.id', 'in', (eb) =>
      eb
        .selectFrom('submission_areas')
        .select('subject_id')
        .where('subject_type', '=', 'match')
        .where('area', 'in', areas),
    )
    .execute();

  const periods = periodsBetween(filter.from, filter.to, filter.granularity);
  const byPeriod = new Map(periods.map((period) => [period.key, emptyTally()]));
  const tallyOf = (at: string) => byPeriod.get(bucketOf(localDay(at), filter.granularity));
  for (const volunteer of volunteers) {
    const tally = tallyOf(volunteer.created_at);
    if (!tally || !inWijk(volunteer.neighbourhoods_json)) continue;
    tally.signUps += 1;
    if (volunteer.listing_id !== null) tally.offers += 1;
  }
  for (const match of matches) {
    const tally = tallyOf(match.created_at);
    if (!tally || !inWijk(match.neighbourhoods_json ?? '[]')) continue;
    tally.matches += 1;
    const outcome = matchOutcome(match.requester_outcome, match.volunteer_outcome);
    if (outcome === 'gelukt') tally.succeeded += 1;
    else if (outcome === 'niet-gelukt') tally.failed += 1;
    else tally.unanswered += 1;
  }

  return {
    id: 'vrijwilligers-per-periode',
    caption: `Vrijwilligers en hulpvragen per ${filter.granularity === 'week' ? 'week' : 'maand'}, en of het lukte`,
    columns: [
      { label: filter.granularity === 'week' ? 'Week' : 'Maand', numeric: false },
      { label: 'Aanmeldingen', numeric: true },
      { label: 'Openbaar aanbod', numeric: true },
      { label: 'Hulpvragen', numeric: true },
      { label: 'Gelukt', numeric: true },
      { label: 'Niet gelukt', numeric: true },
      { label: 'Nog geen antwoord', numeric: true },
    ],
    rows: periods.map((period) => {
      const tally = byPeriod.get(period.key) ?? emptyTally();
      return [
        { ...textCell(period.label), short: period.shortLabel },
        countCell(tally.signUps),
        countCell(tally.offers),
        countCell(tally.matches),
        countCell(tally.succeeded),
        countCell(tally.failed),
        countCell(tally.unanswered),
      ];
    }),
    note:
      '"< 5" betekent 1 tot 4: zo weinig dat iemand herkend kan worden. Aanmeldingen: bevestigd met de link in de ' +
      'e-mail. Openbaar aanbod: de vrijwilliger laat de hulp op de website zien. Gelukt of niet: het antwoord op ' +
      '"Is het gelukt?", van de inwoner of anders van de vrijwilliger.',
    chart: { column: 1, kind: 'columns', title: 'Aanmeldingen van vrijwilligers', unit: 'aanmeldingen' },
  };
}
