import type { Content } from '#admin/content/load-content.ts';
import { dutchDay, type MonitorFixture, type QuestionFact, type VolunteerFact } from './monitor-fixture.ts';

/**
 * The monitor's tables as they must be, computed by the tests' own arithmetic from the facts of
 * the monitor fixture, independently of the code under test. The integration test (both
 * databases) compares them with the report's tables and CSVs, the e2e test with the page.
 */
export const OUTCOME_HEADER = [
  'Vragen',
  'Op tijd contact',
  'Te laat of nog geen contact',
  'Nog binnen de termijn',
  'Op tijd (%)',
];

export const SEARCH_HEADER = ['Zoekwoorden', 'Keer gezocht', 'Niets gevonden', 'Weinig gevonden (1 tot 3)'];
export const STALE_HEADER = [
  'Organisatie',
  'Gepubliceerd aanbod',
  'Niet gecontroleerd in 6 maanden',
  'Oudste controle',
];

export const REFERRAL_HEADER = ['Verwijzingen', 'Ontvangen', 'Contact gelegd', 'Gestart', 'Niet gestart'];
export const REASON_HEADER = ['Reden', 'Niet gestart'];
export const VOLUNTEER_HEADER = [
  'Aanmeldingen',
  'Openbaar aanbod',
  'Hulpvragen',
  'Gelukt',
  'Niet gelukt',
  'Nog geen antwoord',
];
export const REPORT_HEADER = ['Organisatie', 'Meldingen', 'Open', 'Afgehandeld'];

/** What a spreadsheet must not run as a formula is written with an apostrophe in front. */
export const asCsv = (rows: string[][]): string[][] =>
  rows.map((row) => row.map((cell) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell)));

export function monitorExpectations(fixture: MonitorFixture, content: Content) {
  const shown = (count: number): string => (count > 0 && count < 5 ? '< 5' : count.toLocaleString('nl-NL'));
  const share = (part: number, whole: number): string =>
    whole < 5 ? '–' : `${Math.round((part / whole) * 100)}%`;
  const monthLabel = (key: string) =>
    new Date(`${key}-15T12:00:00Z`).toLocaleDateString('nl-NL', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

  /** ISO week by counting from the Monday of the week holding 4 January. */
  function weekOf(day: string): { key: string; monday: string } {
    const date = new Date(`${day}T12:00:00Z`);
    const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
    const thursday = new Date(monday.getTime() + 3 * 86_400_000);
    const year = thursday.getUTCFullYear();
    const jan4 = new Date(Date.UTC(year, 0, 4, 12));
    const week1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
    const number = Math.round((monday.getTime() - week1.getTime()) / (7 * 86_400_000)) + 1;
    return { key: `${year}-${number}`, monday: monday.toISOString().slice(0, 10) };
  }

  function periodKeys(granularity: 'month' | 'week'): { key: string; label: string }[] {
    const keys: { key: string; label: string }[] = [];
    if (granularity === 'month') {
      for (let month = fixture.from.slice(0, 7); month <= fixture.to.slice(0, 7);) {
        keys.push({ key: month, label: monthLabel(month) });
        const [y = 0, m = 1] = month.split('-').map(Number);
        month = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
      }
    } else {
      for (let day = weekOf(fixture.from).monday; day <= fixture.to;) {
        const { key, monday } = weekOf(day);
        const [year, number] = key.split('-');
        const start = new Date(`${monday}T12:00:00Z`).toLocaleDateString('nl-NL', {
          day: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        });
        keys.push({ key, label: `week ${number} van ${year} (vanaf ${start})` });
        day = new Date(new Date(`${monday}T12:00:00Z`).getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
      }
    }
    return keys;
  }
  const keyOfMoment = (moment: string, granularity: 'month' | 'week') =>
    granularity === 'month' ? dutchDay(moment).slice(0, 7) : weekOf(dutchDay(moment)).key;
  const inDays = (moment: string) => dutchDay(moment) >= fixture.from && dutchDay(moment) <= fixture.to;

  function periodRows(facts: QuestionFact[], granularity: 'month' | 'week'): string[][] {
    return periodKeys(granularity).map(({ key, label }) =>
      outcomeRow(
        label,
        facts.filter((fact) => keyOfMoment(fact.createdAt, granularity) === key),
      ),
    );
  }

  /** Referrals of the given gebieden (null: the central desk's, without a gebied), in an optional wijk. */
  function referralFacts(areas: (string | null)[], wijk?: string) {
    return fixture.referrals.filter(
      (fact) =>
        inDays(fact.createdAt) &&
        areas.includes(fact.area) &&
        (wijk === undefined || fact.neighbourhood === wijk),
    );
  }

  function referralRows(facts: MonitorFixture['referrals'], granularity: 'month' | 'week'): string[][] {
    const statuses = ['ontvangen', 'contact-gelegd', 'gestart', 'niet-gestart'];
    return periodKeys(granularity).map(({ key, label }) => {
      const inKey = facts.filter((fact) => keyOfMoment(fact.createdAt, granularity) === key);
      const items = inKey.flatMap((fact) => fact.items);
      return [
        label,
        shown(inKey.length),
        ...statuses.map((status) => shown(items.filter((item) => item.status === status).length)),
      ];
    });
  }

  function reasonRows(facts: MonitorFixture['referrals']): string[][] {
    const failed = facts.flatMap((fact) => fact.items).filter((item) => item.status === 'niet-gestart');
    const reasons: [string, string][] = [
      ['geen-plek', 'Geen plek'],
      ['voldoet-niet', 'Voldoet niet aan de voorwaarden'],
      ['niet-bereikt', 'Inwoner niet bereikt'],
      ['wil-niet', 'Inwoner wil niet'],
      ['anders', 'Anders'],
    ];
    return reasons.map(([id, name]) => [name, shown(failed.filter((item) => item.reason === id).length)]);
  }

  function volunteerRows(areas: string[], granularity: 'month' | 'week', wijk?: string): string[][] {
    const counts = (fact: VolunteerFact) =>
      fact.areas.some((area) => areas.includes(area)) &&
      (wijk === undefined || fact.neighbourhoods.includes(wijk));
    const volunteers = fixture.volunteers.filter(
      (fact) => fact.confirmed && inDays(fact.createdAt) && counts(fact),
    );
    const matches = fixture.matches.filter((fact) => {
      const volunteer = fixture.volunteers[fact.volunteer];
      return volunteer !== undefined && inDays(fact.createdAt) && counts(volunteer);
    });
    return periodKeys(granularity).map(({ key, label }) => {
      const signUps = volunteers.filter((fact) => keyOfMoment(fact.createdAt, granularity) === key);
      const asked = matches.filter((fact) => keyOfMoment(fact.createdAt, granularity) === key);
      const answer = (fact: (typeof asked)[number]) => fact.requesterOutcome ?? fact.volunteerOutcome;
      return [
        label,
        shown(signUps.length),
        shown(signUps.filter((fact) => fact.publicOffer).length),
        shown(asked.length),
        shown(asked.filter((fact) => answer(fact) === 'gelukt').length),
        shown(asked.filter((fact) => answer(fact) === 'niet-gelukt').length),
        shown(asked.filter((fact) => answer(fact) === null).length),
      ];
    });
  }

  function reportRows(wijken: string[] | 'all'): string[][] {
    const names = new Map(content.organisations.map((entry) => [entry.data.slug, entry.data.name]));
    const byOrganisation = new Map<string, { reports: number; open: number }>();
    for (const report of fixture.reports) {
      const listing = fixture.listings[report.listing];
      if (!listing || !inDays(report.createdAt)) continue;
      if (
        wijken !== 'all' &&
        !listing.citywide &&
        !listing.neighbourhoods.some((wijk) => wijken.includes(wijk))
      )
        continue;
      const entry = byOrganisation.get(listing.organisation) ?? { reports: 0, open: 0 };
      entry.reports += 1;
      if (report.status === 'open') entry.open += 1;
      byOrganisation.set(listing.organisation, entry);
    }
    return [...byOrganisation]
      .map(([slug, entry]) => ({ name: names.get(slug) ?? slug, ...entry }))
      .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name, 'nl'))
      .map((row) => [row.name, shown(row.reports), shown(row.open), shown(row.reports - row.open)]);
  }

  function outcomeRow(label: string, facts: QuestionFact[]): string[] {
    const count = (intent: QuestionFact['intent']) => facts.filter((fact) => fact.intent === intent).length;
    return [
      label,
      shown(facts.length),
      shown(count('onTime')),
      shown(count('late')),
      shown(count('pending')),
      share(count('onTime'), count('onTime') + count('late')),
    ];
  }

  function inPeriod(teams: (team: string) => boolean): QuestionFact[] {
    return fixture.questions.filter((fact) => {
      const day = dutchDay(fact.createdAt);
      return day >= fixture.from && day <= fixture.to && teams(fact.teamId);
    });
  }

  function areaWijken(areaIds: string[]) {
    return [...content.areas]
      .sort((a, b) => a.data.order - b.data.order)
      .filter((area) => areaIds.includes(area.id))
      .flatMap((area) =>
        content.neighbourhoods
          .filter((wijk) => wijk.data.area === area.id)
          .map((wijk) => ({ id: wijk.id, name: wijk.data.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      );
  }

  function wijkRows(facts: QuestionFact[], areaIds: string[]): string[][] {
    const rows = areaWijken(areaIds).map((wijk) =>
      outcomeRow(
        wijk.name,
        facts.filter((fact) => fact.neighbourhood === wijk.id),
      ),
    );
    const unknown = facts.filter((fact) => fact.neighbourhood === null);
    return unknown.length > 0 ? [...rows, outcomeRow('Wijk niet bekend', unknown)] : rows;
  }

  function domainRows(facts: QuestionFact[]): string[][] {
    return [
      ...content.taxonomy.lifeDomains.map((domain) => [
        domain.name,
        shown(facts.filter((fact) => fact.lifeDomains.includes(domain.id)).length),
      ]),
      ['Geen onderwerp gekozen', shown(facts.filter((fact) => fact.lifeDomains.length === 0).length)],
    ];
  }

  function searchRows(): string[][] {
    const [y = 0, m = 1] = fixture.countedUntil.split('-').map(Number);
    const uncounted = new Date(Date.UTC(y, m, 1)).toISOString();
    const tally = new Map<string, { searches: number; none: number; few: number }>();
    const add = (query: string, searches: number, none: number, few: number) => {
      const entry = tally.get(query) ?? { searches: 0, none: 0, few: 0 };
      tally.set(query, {
        searches: entry.searches + searches,
        none: entry.none + none,
        few: entry.few + few,
      });
    };
    for (const fact of fixture.counted) add(fact.query, fact.searches, fact.none, fact.few);
    for (const fact of fixture.searches)
      if (fact.searchedAt >= uncounted)
        add(fact.query, 1, fact.hits === 0 ? 1 : 0, fact.hits >= 1 && fact.hits <= 3 ? 1 : 0);
    return [...tally]
      .filter(([, entry]) => entry.searches >= 5 && entry.none + entry.few > 0)
      .sort(
        ([a, left], [b, right]) =>
          right.none - left.none ||
          right.none + right.few - (left.none + left.few) ||
          a.localeCompare(b, 'nl'),
      )
      .map(([query, entry]) => [query, shown(entry.searches), shown(entry.none), shown(entry.few)]);
  }

  function staleRows(wijken: string[] | 'all'): string[][] {
    const cutoff = new Date();
    const limit = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() - 6, cutoff.getUTCDate()))
      .toISOString()
      .slice(0, 10);
    const names = new Map(content.organisations.map((entry) => [entry.data.slug, entry.data.name]));
    const byOrganisation = new Map<string, string[]>();
    for (const listing of fixture.listings) {
      if (listing.status !== 'published') continue;
      if (
        wijken !== 'all' &&
        !listing.citywide &&
        !listing.neighbourhoods.some((wijk) => wijken.includes(wijk))
      )
        continue;
      byOrganisation.set(listing.organisation, [
        ...(byOrganisation.get(listing.organisation) ?? []),
        listing.lastVerifiedAt,
      ]);
    }
    return [...byOrganisation]
      .map(([slug, dates]) => ({
        name: names.get(slug) ?? slug,
        published: dates.length,
        stale: dates.filter((date) => date <= limit).length,
        oldest: [...dates].sort()[0] ?? '',
      }))
      .sort((a, b) => b.stale - a.stale || a.name.localeCompare(b.name, 'nl'))
      .map((row) => [
        row.name,
        String(row.published),
        String(row.stale),
        new Date(`${row.oldest}T12:00:00Z`).toLocaleDateString('nl-NL', {
          dateStyle: 'medium',
          timeZone: 'UTC',
        }),
      ]);
  }

  return {
    periodRows,
    wijkRows,
    domainRows,
    searchRows,
    staleRows,
    inPeriod,
    areaWijken,
    referralFacts,
    referralRows,
    reasonRows,
    volunteerRows,
    reportRows,
  };
}
