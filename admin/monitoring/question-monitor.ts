import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import { CENTRAL_DESK_ID } from '../questions/team-directory.ts';
import { addWorkingDays } from '../questions/working-days.ts';
import type { MonitorContext } from './monitor-context.ts';
import type { MonitorFilter } from './monitor-filter.ts';
import type { MonitorScope } from './monitor-scope.ts';
import type { MonitorTable } from './monitor-table.ts';
import { addDays, bucketOf, dayStartUtc, localDay, periodsBetween } from './periods.ts';
import { countCell, shareCell, textCell } from './small-counts.ts';

/**
 * Questions of residents over time, by leefgebied and by wijk, and how often the team made
 * contact within its promise. Only team, wijk, leefgebieden and dates are read: they stay after
 * the retention purge, so the numbers do not change when personal data is forgotten.
 */
const DEFAULT_RESPONSE_DAYS = 5;
const LifeDomains = z.array(z.string());

export type Outcome = 'onTime' | 'late' | 'pending';

export interface QuestionFacts {
  createdAt: string;
  teamId: string;
  neighbourhood: string | null;
  lifeDomains: string[];
  /** The first contact attempt, or closing the question when that came first. */
  answeredAt: string | null;
}

/**
 * Within the promise: contact (or closing) no later than the promised working days after the
 * question came in. Not yet answered and not yet due: still pending, counted in neither share.
 */
export function outcomeOf(question: QuestionFacts, responseDays: number, now: Date): Outcome {
  const due = addWorkingDays(new Date(question.createdAt), responseDays).getTime();
  if (question.answeredAt !== null) return new Date(question.answeredAt).getTime() <= due ? 'onTime' : 'late';
  return now.getTime() > due ? 'late' : 'pending';
}

async function questionsInScope(
  db: Kysely<Database>,
  filter: MonitorFilter,
  scope: MonitorScope,
): Promise<QuestionFacts[]> {
  const rows = await db
    .selectFrom('questions')
    .select(['created_at', 'team_id', 'neighbourhood', 'life_domains_json', 'first_contact_at', 'closed_at'])
    .where('created_at', '>=', dayStartUtc(filter.from))
    .where('created_at', '<', dayStartUtc(addDays(filter.to, 1)))
    .where((eb) =>
      eb.or([
        ...(scope.centralDesk ? [eb('team_id', '=', CENTRAL_DESK_ID)] : []),
        // A gebied's teams are `<gebied>:sociaal` and `<gebied>:jgt`.
        ...scope.areas.map((area) => eb('team_id', 'like', `${area}:%`)),
        eb.val(false),
      ]),
    )
    .$if(scope.neighbourhood !== undefined, (q) => q.where('neighbourhood', '=', scope.neighbourhood ?? ''))
    .execute();
  return rows.map((row) => {
    const answered = [row.first_contact_at, row.closed_at]
      .filter((at): at is string => at !== null)
      .sort()[0];
    return {
      createdAt: row.created_at,
      teamId: row.team_id,
      neighbourhood: row.neighbourhood,
      lifeDomains: LifeDomains.parse(JSON.parse(row.life_domains_json)),
      answeredAt: answered ?? null,
    };
  });
}

interface Tally {
  total: number;
  onTime: number;
  late: number;
  pending: number;
}
const emptyTally = (): Tally => ({ total: 0, onTime: 0, late: 0, pending: 0 });

export async function questionTables(
  db: Kysely<Database>,
  filter: MonitorFilter,
  scope: MonitorScope,
  context: MonitorContext,
): Promise<MonitorTable[]> {
  const now = context.now ?? new Date();
  const promise = new Map(context.teams.map((team) => [team.id, team.responseDays]));
  const questions = await questionsInScope(db, filter, scope);
  const periods = periodsBetween(filter.from, filter.to, filter.granularity);
  const byPeriod = new Map(periods.map((period) => [period.key, emptyTally()]));
  const byDomain = new Map<string, number>();
  const byWijk = new Map<string, Tally>();
  const wijkTally = (id: string): Tally => {
    const tally = byWijk.get(id) ?? emptyTally();
    byWijk.set(id, tally);
    return tally;
  };
  for (const question of questions) {
    const outcome = outcomeOf(question, promise.get(question.teamId) ?? DEFAULT_RESPONSE_DAYS, now);
    const tallies = [
      byPeriod.get(bucketOf(localDay(question.createdAt), filter.granularity)),
      wijkTally(question.neighbourhood ?? ''),
    ];
    for (const tally of tallies) {
      if (!tally) continue;
      tally.total += 1;
      tally[outcome] += 1;
    }
    const domains = question.lifeDomains.length > 0 ? question.lifeDomains : [''];
    for (const domain of domains) byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
  }

  const outcomeRow = (label: string, tally: Tally) => [
    textCell(label),
    countCell(tally.total),
    countCell(tally.onTime),
    countCell(tally.late),
    countCell(tally.pending),
    shareCell(tally.onTime, tally.onTime + tally.late),
  ];
  const outcomeColumns = [
    { label: 'Vragen', numeric: true },
    { label: 'Op tijd contact', numeric: true },
    { label: 'Te laat of nog geen contact', numeric: true },
    { label: 'Nog binnen de termijn', numeric: true },
    { label: 'Op tijd (%)', numeric: true },
  ];
  const note =
    '"< 5" betekent 1 tot 4: zo weinig dat iemand herkend kan worden. "–" betekent dat er minder dan 5 vragen ' +
    'met een uitkomst zijn: te weinig voor een percentage. Op tijd: het team nam contact op (of rondde af) ' +
    'binnen het aantal werkdagen dat het belooft.';

  const wijkNames = new Map(scope.neighbourhoods.map((wijk) => [wijk.id, wijk.name] as const));
  const wijkRows = [
    ...scope.neighbourhoods
      .filter((wijk) => scope.areas.includes(wijk.area) && (scope.neighbourhood ?? wijk.id) === wijk.id)
      .map((wijk) => outcomeRow(wijk.name, byWijk.get(wijk.id) ?? emptyTally())),
    ...(byWijk.has('') ? [outcomeRow('Wijk niet bekend', byWijk.get('') ?? emptyTally())] : []),
  ];
  // Questions of wijken that no longer exist in content still count, under their id.
  for (const [id, tally] of byWijk) if (id !== '' && !wijkNames.has(id)) wijkRows.push(outcomeRow(id, tally));

  return [
    {
      id: 'vragen-per-periode',
      caption: `Vragen per ${filter.granularity === 'week' ? 'week' : 'maand'} en of het team op tijd contact opnam`,
      columns: [
        { label: filter.granularity === 'week' ? 'Week' : 'Maand', numeric: false },
        ...outcomeColumns,
      ],
      rows: periods.map((period) => {
        const [first, ...rest] = outcomeRow(period.label, byPeriod.get(period.key) ?? emptyTally());
        return [{ ...textCell(period.label), ...first, short: period.shortLabel }, ...rest];
      }),
      note,
      chart: { column: 1, kind: 'columns', title: 'Aantal vragen', unit: 'vragen' },
    },
    {
      id: 'vragen-per-leefgebied',
      caption: 'Vragen per leefgebied',
      columns: [
        { label: 'Leefgebied', numeric: false },
        { label: 'Vragen', numeric: true },
      ],
      rows: [
        ...context.lifeDomains.map((domain) => [
          textCell(domain.name),
          countCell(byDomain.get(domain.id) ?? 0),
        ]),
        [textCell('Geen onderwerp gekozen'), countCell(byDomain.get('') ?? 0)],
      ],
      note: '"< 5" betekent 1 tot 4. Een vraag kan over meer leefgebieden gaan en telt dan bij elk mee.',
      chart: { column: 1, kind: 'bars', title: 'Vragen per leefgebied', unit: 'vragen' },
    },
    {
      id: 'vragen-per-wijk',
      caption: 'Vragen per wijk en of het team op tijd contact opnam',
      columns: [{ label: 'Wijk', numeric: false }, ...outcomeColumns],
      rows: wijkRows,
      note,
      chart: { column: 1, kind: 'bars', title: 'Vragen per wijk', unit: 'vragen' },
    },
  ];
}
