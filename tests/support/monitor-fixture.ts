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

export interface ReferralFact {
  createdAt: string;
  teamId: string;
  area: string | null;
  neighbourhood: string | null;
  items: { status: 'ontvangen' | 'contact-gelegd' | 'gestart' | 'niet-gestart'; reason?: string }[];
}
export interface VolunteerFact {
  createdAt: string;
  confirmed: boolean;
  areas: string[];
  neighbourhoods: string[];
  publicOffer: boolean;
}
export type Answer = 'gelukt' | 'niet-gelukt' | null;
export interface MatchFact {
  createdAt: string;
  /** Index in the fixture's volunteers: the match concerns that volunteer's gebieden and wijken. */
  volunteer: number;
  requesterOutcome: Answer;
  volunteerOutcome: Answer;
}
export interface ReportFact {
  /** Index in the fixture's listings. */
  listing: number;
  createdAt: string;
  status: 'open' | 'afgehandeld';
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
  referrals: ReferralFact[];
  volunteers: VolunteerFact[];
  matches: MatchFact[];
  reports: ReportFact[];
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
  const at = (back: number, n: number) => new Date(tenthOf(now, back).getTime() + n * 60_000).toISOString();
  const referrals: ReferralFact[] = [];
  const refer = (back: number, count: number, fact: Omit<ReferralFact, 'createdAt'>) => {
    for (let n = 0; n < count; n++) referrals.push({ ...fact, createdAt: at(back, n + referrals.length) });
  };
  const bolnesReferral = { teamId: 'bolnes-slikkerveer:sociaal', area: 'bolnes-slikkerveer' };
  refer(2, 6, {
    ...bolnesReferral,
    neighbourhood: 'bolnes',
    items: [{ status: 'niet-gestart', reason: 'geen-plek' }],
  });
  refer(2, 2, {
    ...bolnesReferral,
    neighbourhood: 'bolnes',
    items: [{ status: 'gestart' }, { status: 'niet-gestart', reason: 'voldoet-niet' }],
  });
  refer(1, 3, { ...bolnesReferral, neighbourhood: 'slikkerveer', items: [{ status: 'contact-gelegd' }] });
  refer(1, 5, {
    teamId: 'centrum-oost-west:sociaal',
    area: 'centrum-oost-west',
    neighbourhood: 'oost',
    items: [{ status: 'ontvangen' }],
  });
  refer(1, 1, { teamId: 'triage', area: null, neighbourhood: null, items: [{ status: 'ontvangen' }] });
  // Before the period: never counted.
  refer(6, 3, { ...bolnesReferral, neighbourhood: 'bolnes', items: [{ status: 'gestart' }] });

  const volunteers: VolunteerFact[] = [];
  const volunteer = (back: number, count: number, fact: Omit<VolunteerFact, 'createdAt'>, offers = 0) => {
    for (let n = 0; n < count; n++)
      volunteers.push({ ...fact, publicOffer: n < offers, createdAt: at(back, n + volunteers.length) });
  };
  const bolnesVolunteer = { confirmed: true, areas: ['bolnes-slikkerveer'], neighbourhoods: ['bolnes'] };
  volunteer(3, 6, { ...bolnesVolunteer, publicOffer: false }, 5);
  volunteer(2, 2, { ...bolnesVolunteer, neighbourhoods: ['slikkerveer'], publicOffer: false });
  volunteer(
    1,
    5,
    { confirmed: true, areas: ['centrum-oost-west'], neighbourhoods: ['oost'], publicOffer: false },
    1,
  );
  // Never confirmed with the e-mail link: not a sign-up.
  volunteer(1, 3, { ...bolnesVolunteer, confirmed: false, publicOffer: false });
  volunteer(6, 2, { ...bolnesVolunteer, publicOffer: false });

  const matches: MatchFact[] = [];
  const match = (back: number, count: number, fact: Omit<MatchFact, 'createdAt'>) => {
    for (let n = 0; n < count; n++) matches.push({ ...fact, createdAt: at(back, n + matches.length) });
  };
  match(1, 5, { volunteer: 0, requesterOutcome: 'gelukt', volunteerOutcome: 'niet-gelukt' });
  match(1, 1, { volunteer: 1, requesterOutcome: null, volunteerOutcome: 'niet-gelukt' });
  match(1, 1, { volunteer: 6, requesterOutcome: null, volunteerOutcome: null });
  match(2, 2, { volunteer: 8, requesterOutcome: 'niet-gelukt', volunteerOutcome: null });

  const reports: ReportFact[] = [];
  const report = (listing: number, back: number, count: number, status: ReportFact['status']) => {
    for (let n = 0; n < count; n++)
      reports.push({ listing, status, createdAt: at(back, n + reports.length) });
  };
  report(0, 1, 4, 'open');
  report(0, 2, 2, 'afgehandeld');
  report(3, 1, 2, 'open');
  report(5, 2, 5, 'afgehandeld');
  report(5, 6, 1, 'open');

  return {
    referrals,
    volunteers,
    matches,
    reports,
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
  const listingIds: number[] = [];
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
    listingIds.push(await insertListing(db, data));
  }
  await writeVolunteeringAndReferrals(db, fixture, listingIds);
}

async function writeVolunteeringAndReferrals(
  db: Kysely<Database>,
  fixture: MonitorFixture,
  listingIds: number[],
): Promise<void> {
  const listingOf = (index: number) => listingIds[index] ?? listingIds[0] ?? 0;
  const organisationOf = (index: number) => fixture.listings[index]?.organisation ?? 'karaat';
  let n = 0;
  for (const fact of fixture.referrals) {
    n += 1;
    const { id } = await db
      .insertInto('referrals')
      .values({
        reference: `VW-TEST-${String(n).padStart(6, '0')}`,
        team_id: fact.teamId,
        created_by_user_id: null,
        question_id: null,
        area: fact.area,
        neighbourhood: fact.neighbourhood,
        urgency: 'normaal',
        contact_by: 'organisatie',
        resident_name: null,
        resident_phone: null,
        resident_email: null,
        note: null,
        consent_at: fact.createdAt,
        follow_up_due_at: fact.createdAt,
        follow_up_answer: null,
        follow_up_note: null,
        follow_up_answered_at: null,
        created_at: fact.createdAt,
        updated_at: fact.createdAt,
        closed_at: null,
        purged_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let item = 0;
    for (const entry of fact.items) {
      await db
        .insertInto('referral_items')
        .values({
          referral_id: id,
          listing_id: listingOf(item),
          organisation_slug: organisationOf(item),
          status: entry.status,
          reason: entry.reason ?? null,
          reason_note: null,
          status_at: fact.createdAt,
          reminder_sent_at: null,
          created_at: fact.createdAt,
        })
        .execute();
      item += 1;
    }
  }
  const volunteerIds: number[] = [];
  for (const fact of fixture.volunteers) {
    n += 1;
    const { id } = await db
      .insertInto('volunteers')
      .values({
        reference: `VL-TEST-${String(n).padStart(6, '0')}`,
        submission_key: `monitor-volunteer-${n}`,
        status: fact.confirmed ? 'approved' : 'unconfirmed',
        kinds_json: '[]',
        neighbourhoods_json: JSON.stringify(fact.neighbourhoods),
        citywide: 0,
        show_offer: fact.publicOffer ? 1 : 0,
        availability_json: null,
        languages_json: null,
        own_words: null,
        name: null,
        email: null,
        phone: null,
        decision_note: null,
        listing_id: fact.publicOffer ? listingOf(0) : null,
        created_at: fact.createdAt,
        updated_at: fact.createdAt,
        confirmed_at: fact.confirmed ? fact.createdAt : null,
        decided_at: null,
        availability_asked_at: null,
        availability_confirmed_at: null,
        paused_at: null,
        purged_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    volunteerIds.push(id);
    for (const area of fact.areas)
      await db
        .insertInto('submission_areas')
        .values({ subject_type: 'volunteer', subject_id: id, area })
        .execute();
  }
  for (const fact of fixture.matches) {
    n += 1;
    const { id } = await db
      .insertInto('match_requests')
      .values({
        reference: `AV-TEST-${String(n).padStart(6, '0')}`,
        submission_key: `monitor-match-${n}`,
        listing_id: null,
        volunteer_id: volunteerIds[fact.volunteer] ?? null,
        status: (fact.requesterOutcome ?? fact.volunteerOutcome) ? 'afgerond' : 'verbonden',
        need_text: null,
        requester_name: null,
        requester_phone: null,
        requester_email: null,
        connected_at: fact.createdAt,
        follow_up_sent_at: null,
        requester_outcome: fact.requesterOutcome,
        volunteer_outcome: fact.volunteerOutcome,
        closed_at: null,
        created_at: fact.createdAt,
        updated_at: fact.createdAt,
        purged_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const area of fixture.volunteers[fact.volunteer]?.areas ?? [])
      await db
        .insertInto('submission_areas')
        .values({ subject_type: 'match', subject_id: id, area })
        .execute();
  }
  for (const fact of fixture.reports) {
    n += 1;
    await db
      .insertInto('listing_reports')
      .values({
        submission_key: `monitor-report-${n}`,
        listing_id: listingOf(fact.listing),
        reason: 'tijden',
        details: null,
        status: fact.status,
        created_at: fact.createdAt,
        handled_at: fact.status === 'afgehandeld' ? fact.createdAt : null,
        handled_by: null,
      })
      .execute();
  }
}
