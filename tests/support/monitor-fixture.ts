import type { Kysely } from 'kysely';
import type { Content } from '#admin/content/load-content.ts';
import type { Database } from '#admin/db/tables.ts';
import { insertListing } from '#admin/listings/listing-repository.ts';
import { ListingInputSchema, type ListingData } from '#admin/schemas/listing.ts';

/**
 * Known questions, searches and listings for the monitor tests, written straight into the
 * database as the app would have left them. The tests compute the expected tables from these
 * facts with their own arithmetic and compare them with the page and the CSV.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type Intent = 'onTime' | 'late' | 'pending';
export interface QuestionFact {
  createdAt: string;
  teamId: string;
  neighbourhood: string | null;
  lifeDomains: string[];
  intent: Intent;
}
export interface SearchFact {
  query: string;
  searchedAt: string;
  hits: number;
}
export interface CountedFact {
  month: string;
  query: string;
  searches: number;
  none: number;
  few: number;
}
export interface ListingFact {
  organisation: string;
  neighbourhoods: string[];
  citywide: boolean;
  lastVerifiedAt: string;
  status: 'published' | 'draft';
}

/** The Dutch calendar day of a moment, by Intl, independent of the code under test. */
export const dutchDay = (moment: Date | string): string =>
  new Date(moment).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Noon UTC on the 10th of the month `back` months before now. */
function tenthOf(now: Date, back: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10, 12));
}
export const monthKey = (now: Date, back: number): string => tenthOf(now, back).toISOString().slice(0, 7);

export interface MonitorFixture {
  from: string;
  to: string;
  questions: QuestionFact[];
  searches: SearchFact[];
  counted: CountedFact[];
  countedUntil: string;
  listings: ListingFact[];
}

export function monitorFixture(now = new Date()): MonitorFixture {
  const questions: QuestionFact[] = [];
  const add = (back: number, count: number, fact: Omit<QuestionFact, 'createdAt'>, hourOffset = 0) => {
    for (let n = 0; n < count; n++)
      questions.push({
        ...fact,
        createdAt: new Date(tenthOf(now, back).getTime() + (n + hourOffset) * 60_000).toISOString(),
      });
  };
  const bolnes = { teamId: 'bolnes-slikkerveer:sociaal', neighbourhood: 'bolnes' };
  add(3, 4, { ...bolnes, lifeDomains: ['geld'], intent: 'onTime' });
  add(3, 1, { ...bolnes, lifeDomains: [], intent: 'onTime' }, 10);
  add(3, 2, { ...bolnes, lifeDomains: ['wonen', 'geld'], intent: 'late' }, 20);
  add(3, 3, {
    teamId: 'bolnes-slikkerveer:jgt',
    neighbourhood: 'slikkerveer',
    lifeDomains: ['opvoeden'],
    intent: 'onTime',
  });
  add(2, 3, {
    teamId: 'centrum-oost-west:sociaal',
    neighbourhood: 'oost',
    lifeDomains: ['meedoen'],
    intent: 'onTime',
  });
  add(
    2,
    3,
    {
      teamId: 'centrum-oost-west:sociaal',
      neighbourhood: 'oost',
      lifeDomains: ['psychisch'],
      intent: 'late',
    },
    10,
  );
  add(2, 2, { teamId: 'triage', neighbourhood: null, lifeDomains: [], intent: 'late' }, 20);
  add(1, 5, { ...bolnes, lifeDomains: ['geld'], intent: 'onTime' });
  // Before the period: never counted.
  add(6, 4, { ...bolnes, lifeDomains: ['geld'], intent: 'onTime' });
  // Just in: still within the promise.
  for (let n = 0; n < 2; n++)
    questions.push({
      createdAt: new Date(now.getTime() - (5 + n) * 60_000).toISOString(),
      ...bolnes,
      lifeDomains: ['geld'],
      intent: 'pending',
    });

  const recent = (n: number) => new Date(now.getTime() - (10 + n) * 60_000).toISOString();
  const searches: SearchFact[] = [];
  const search = (query: string, count: number, hits: number) => {
    for (let n = 0; n < count; n++) searches.push({ query, searchedAt: recent(n), hits });
  };
  search('rolstoeltaxi', 6, 0);
  search('maatje', 5, 2);
  search('piet jansen', 3, 0);
  search('zwemles', 7, 12);
  search('=hyperlink', 5, 0);
  search('eenzaam', 2, 1);
  const countedMonth = monthKey(now, 3);
  // Log rows of a month already counted: the counts hold them, so they must not count twice.
  for (let n = 0; n < 7; n++)
    searches.push({ query: 'eenzaam', searchedAt: `${countedMonth}-11T10:0${n}:00.000Z`, hits: 0 });

  const day = (back: number) => new Date(now.getTime() - back * DAY).toISOString().slice(0, 10);
  const listings: ListingFact[] = [
    {
      organisation: 'karaat',
      neighbourhoods: ['bolnes'],
      citywide: false,
      lastVerifiedAt: day(200),
      status: 'published',
    },
    {
      organisation: 'karaat',
      neighbourhoods: ['bolnes'],
      citywide: false,
      lastVerifiedAt: day(250),
      status: 'published',
    },
    {
      organisation: 'karaat',
      neighbourhoods: ['slikkerveer'],
      citywide: false,
      lastVerifiedAt: day(10),
      status: 'published',
    },
    {
      organisation: 'sport-en-welzijn',
      neighbourhoods: [],
      citywide: true,
      lastVerifiedAt: day(300),
      status: 'published',
    },
    {
      organisation: 'sport-en-welzijn',
      neighbourhoods: ['oost'],
      citywide: false,
      lastVerifiedAt: day(20),
      status: 'published',
    },
    {
      organisation: 'vivenz',
      neighbourhoods: ['oost'],
      citywide: false,
      lastVerifiedAt: day(190),
      status: 'published',
    },
    {
      organisation: 'vivenz',
      neighbourhoods: ['bolnes'],
      citywide: false,
      lastVerifiedAt: day(400),
      status: 'draft',
    },
  ];
  return {
    from: `${monthKey(now, 4)}-01`,
    to: dutchDay(now),
    questions,
    searches,
    counted: [
      { month: countedMonth, query: 'eenzaam', searches: 12, none: 6, few: 2 },
      { month: countedMonth, query: 'formulieren invullen', searches: 8, none: 0, few: 0 },
      { month: countedMonth, query: 'dementie', searches: 5, none: 3, few: 0 },
    ],
    countedUntil: countedMonth,
    listings,
  };
}

const contactOf = (fact: QuestionFact): string | null => {
  const created = new Date(fact.createdAt).getTime();
  if (fact.intent === 'onTime') return new Date(created + 2 * HOUR).toISOString();
  if (fact.intent === 'late' && fact.neighbourhood === 'bolnes')
    return new Date(created + 20 * DAY).toISOString();
  return null;
};

export async function writeMonitorFixture(
  db: Kysely<Database>,
  fixture: MonitorFixture,
  content: Content,
): Promise<void> {
  let n = 0;
  for (const fact of fixture.questions) {
    n += 1;
    const contact = contactOf(fact);
    await db
      .insertInto('questions')
      .values({
        reference: `VR-TEST-${String(n).padStart(6, '0')}`,
        submission_key: `monitor-${n}`,
        team_id: fact.teamId,
        neighbourhood: fact.neighbourhood,
        about_youth: fact.teamId.endsWith(':jgt') ? 1 : 0,
        life_domains_json: JSON.stringify(fact.lifeDomains),
        question_text: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
        status: contact ? 'in-behandeling' : 'nieuw',
        assigned_user_id: null,
        first_contact_at: contact,
        created_at: fact.createdAt,
        updated_at: fact.createdAt,
        closed_at: null,
        purged_at: null,
      })
      .execute();
  }
  await db
    .insertInto('search_log')
    .values(
      fixture.searches.map((fact) => ({
        query_text: fact.query,
        filters_json: '{}',
        hit_count: fact.hits,
        took_ms: 1,
        searched_at: fact.searchedAt,
      })),
    )
    .execute();
  await db
    .insertInto('search_query_counts')
    .values(
      fixture.counted.map((fact) => ({
        month: fact.month,
        query_text: fact.query,
        searches: fact.searches,
        without_results: fact.none,
        few_results: fact.few,
      })),
    )
    .execute();
  await db
    .insertInto('app_meta')
    .values({ key: 'search_log_counted_until', value: fixture.countedUntil })
    .execute();
  const domain = content.taxonomy.lifeDomains[0]?.id ?? 'meedoen';
  let listing = 0;
  for (const fact of fixture.listings) {
    listing += 1;
    // Parsed, so fields added later get their defaults.
    const data: ListingData = ListingInputSchema.parse({
      slug: `monitor-aanbod-${listing}`,
      organisation: fact.organisation,
      status: fact.status,
      lastVerifiedAt: fact.lastVerifiedAt,
      isDemo: false,
      kind: 'service',
      title: `Aanbod ${listing} voor de monitor`,
      summary: 'Een voorziening om de monitor mee te testen, met een samenvatting.',
      description: '',
      citywide: fact.citywide,
      neighbourhoods: fact.neighbourhoods,
      locations: [],
      lifeDomains: [domain],
      audiences: [],
      cost: 'free',
      access: 'open',
      contact: { phone: '0180-123456' },
      schedule: { weekly: [], occurrences: [], closures: [] },
      languages: ['nl'],
      accessibility: [],
    });
    await insertListing(db, data);
  }
}
