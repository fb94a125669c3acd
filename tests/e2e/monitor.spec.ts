import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createSession, SESSION_COOKIE } from '#admin/accounts/sessions.ts';
import { createUser } from '#admin/accounts/user-repository.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import {
  dutchDay,
  monitorFixture,
  writeMonitorFixture,
  type MonitorFixture,
  type QuestionFact,
} from '../support/monitor-fixture.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

// The monitor against a server of its own, whose database holds known questions, searches and
// listings. The expected tables are computed here from those facts, independently of the code
// under test, and compared with what the page shows and what its CSV downloads hold.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const content = loadContent(contentRoot);
let server: ServerProcess;
let fixture: MonitorFixture;
const tokens: Record<'beheerder' | 'teamlid', string> = { beheerder: '', teamlid: '' };
const TEAM = 'bolnes-slikkerveer:sociaal';
const AREA = 'bolnes-slikkerveer';

test.beforeAll(async () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'wijkwijzer-monitor-')), 'monitor.sqlite');
  const db = openDatabase(databasePath);
  try {
    await prepareDatabase(db, { content, contentRoot, demoData: false });
    fixture = monitorFixture();
    await writeMonitorFixture(db, fixture, content);
    for (const role of ['beheerder', 'teamlid'] as const) {
      const user = await createUser(db, {
        email: `${role}-monitor@example.nl`,
        displayName: role === 'beheerder' ? 'Bea Beheer' : 'Tara Team',
        role,
        organisationSlug: null,
        teamIds: role === 'teamlid' ? [TEAM] : [],
      });
      tokens[role] = (await createSession(db, user.id, { twoFactorVerified: true })).token;
    }
  } finally {
    await db.destroy();
  }
  server = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: 'false' });
});
test.afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function signedIn(browser: Browser, role: 'beheerder' | 'teamlid', javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL: server.base, javaScriptEnabled });
  await context.addCookies([{ name: SESSION_COOKIE, value: tokens[role], url: server.base }]);
  return context;
}

// ---- the expected numbers, by the test's own arithmetic ----

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

function periodRows(facts: QuestionFact[], granularity: 'month' | 'week'): string[][] {
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
  const keyOf = (fact: QuestionFact) =>
    granularity === 'month' ? dutchDay(fact.createdAt).slice(0, 7) : weekOf(dutchDay(fact.createdAt)).key;
  return keys.map(({ key, label }) =>
    outcomeRow(
      label,
      facts.filter((fact) => keyOf(fact) === key),
    ),
  );
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

const OUTCOME_HEADER = [
  'Vragen',
  'Op tijd contact',
  'Te laat of nog geen contact',
  'Nog binnen de termijn',
  'Op tijd (%)',
];

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
    tally.set(query, { searches: entry.searches + searches, none: entry.none + none, few: entry.few + few });
  };
  for (const fact of fixture.counted) add(fact.query, fact.searches, fact.none, fact.few);
  for (const fact of fixture.searches)
    if (fact.searchedAt >= uncounted)
      add(fact.query, 1, fact.hits === 0 ? 1 : 0, fact.hits >= 1 && fact.hits <= 3 ? 1 : 0);
  return [...tally]
    .filter(([, entry]) => entry.searches >= 5 && entry.none + entry.few > 0)
    .sort(
      ([a, left], [b, right]) =>
        right.none - left.none || right.none + right.few - (left.none + left.few) || a.localeCompare(b, 'nl'),
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

// ---- reading the page and the CSV ----

async function pageTable(page: Page, id: string): Promise<string[][]> {
  const table = page.locator(`[data-monitor-table="${id}"] table`);
  await expect(table).toBeVisible();
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    );
}

async function csvTable(context: BrowserContext, page: Page, id: string): Promise<string[][]> {
  const href = await page.locator(`[data-monitor-table="${id}"] a[download]`).getAttribute('href');
  const response = await context.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const rows: string[][] = parse(await response.text(), { delimiter: ';', bom: true });
  return rows;
}

/** What a spreadsheet must not run as a formula is written with an apostrophe in front. */
const asCsv = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell)));

async function expectTable(context: BrowserContext, page: Page, id: string, expected: string[][]) {
  const onPage = await pageTable(page, id);
  expect(onPage, `table ${id} on the page`).toEqual(expected);
  expect(await csvTable(context, page, id), `CSV of ${id}`).toEqual(asCsv(expected));
}

const period = () => `van=${fixture.from}&tot=${fixture.to}`;

test('a beheerder sees every gebied: the tables and their CSVs hold the numbers of the facts', async ({
  browser,
}) => {
  const context = await signedIn(browser, 'beheerder');
  const page = await context.newPage();
  await page.goto(`/beheer/monitor?${period()}&per=maand`);
  await expect(page.getByRole('heading', { level: 1, name: 'Monitor' })).toBeVisible();
  const facts = inPeriod(() => true);
  await expectTable(context, page, 'vragen-per-periode', [
    ['Maand', ...OUTCOME_HEADER],
    ...periodRows(facts, 'month'),
  ]);
  await expectTable(context, page, 'vragen-per-leefgebied', [['Leefgebied', 'Vragen'], ...domainRows(facts)]);
  await expectTable(context, page, 'vragen-per-wijk', [
    ['Wijk', ...OUTCOME_HEADER],
    ...wijkRows(
      facts,
      content.areas.map((area) => area.id),
    ),
  ]);
  await expectTable(context, page, 'zoeken-zonder-resultaat', [
    ['Zoekwoorden', 'Keer gezocht', 'Niets gevonden', 'Weinig gevonden (1 tot 3)'],
    ...searchRows(),
  ]);
  await expectTable(context, page, 'aanbod-niet-gecontroleerd', [
    ['Organisatie', 'Gepubliceerd aanbod', 'Niet gecontroleerd in 6 maanden', 'Oudste controle'],
    ...staleRows('all'),
  ]);
  // What must never show: words searched fewer than 5 times, questions from before the period.
  await expect(page.getByText('piet jansen')).toHaveCount(0);
  // Every chart is an image with a name and a description, next to its table.
  const charts = page.locator('svg.ww-chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(4);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute('role', 'img');
    expect((await chart.locator('desc').textContent())?.length ?? 0).toBeGreaterThan(20);
  }
  await context.close();
});

test('a teamlid sees only their own gebied, per week, and may not open another', async ({ browser }) => {
  const context = await signedIn(browser, 'teamlid');
  const page = await context.newPage();
  await page.goto(`/beheer/monitor?${period()}&per=week`);
  const facts = inPeriod((team) => team.startsWith(`${AREA}:`));
  await expectTable(context, page, 'vragen-per-periode', [
    ['Week', ...OUTCOME_HEADER],
    ...periodRows(facts, 'week'),
  ]);
  await expectTable(context, page, 'vragen-per-wijk', [
    ['Wijk', ...OUTCOME_HEADER],
    ...wijkRows(facts, [AREA]),
  ]);
  const wijken = areaWijken([AREA]).map((wijk) => wijk.id);
  await expectTable(context, page, 'aanbod-niet-gecontroleerd', [
    ['Organisatie', 'Gepubliceerd aanbod', 'Niet gecontroleerd in 6 maanden', 'Oudste controle'],
    ...staleRows(wijken),
  ]);
  expect(await page.getByLabel('Gebied', { exact: true }).locator('option').allInnerTexts()).toEqual([
    'Bolnes/Slikkerveer',
  ]);

  // One wijk: only its questions.
  await page.goto(`/beheer/monitor?${period()}&per=maand&wijk=bolnes`);
  await expectTable(context, page, 'vragen-per-periode', [
    ['Maand', ...OUTCOME_HEADER],
    ...periodRows(
      facts.filter((fact) => fact.neighbourhood === 'bolnes'),
      'month',
    ),
  ]);

  const refused = await page.goto(`/beheer/monitor?${period()}&gebied=centrum-oost-west`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByText('Dit gebied hoort niet bij jouw teams.')).toBeVisible();
  const csv = await context.request.get(`/beheer/monitor/vragen-per-wijk.csv?gebied=centrum-oost-west`);
  expect(csv.status()).toBe(403);
  await context.close();
});

test('without JavaScript the filters work, and a wrong period is explained, not a 500', async ({
  browser,
}) => {
  const context = await signedIn(browser, 'beheerder', false);
  const page = await context.newPage();
  await page.goto('/beheer/monitor');
  await page.getByLabel('Per', { exact: true }).selectOption('week');
  await page.getByLabel('Gebied', { exact: true }).selectOption(AREA);
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/per=week/);
  await expect(page.locator('[data-monitor-table="vragen-per-periode"] figcaption')).toHaveText(
    'Vragen per week en of het team op tijd contact opnam',
  );
  await expect(page.getByRole('status')).toContainText('Bolnes/Slikkerveer');

  const wrong = await page.goto('/beheer/monitor?van=2026-05-01&tot=2026-01-01');
  expect(wrong?.status()).toBe(400);
  await expect(page.getByRole('link', { name: 'De einddatum moet na de begindatum liggen.' })).toBeVisible();
  expect((await context.request.get('/beheer/monitor/vragen-per-periode.csv?van=morgen')).status()).toBe(400);
  await context.close();
});

test('axe finds nothing on the monitor, its error states and a teamlid’s view; no sideways scrolling', async ({
  browser,
}) => {
  const found: string[] = [];
  const check = async (page: Page) => {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    found.push(...results.violations.map((violation) => `${page.url()} ${violation.id}`));
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) found.push(`${page.url()} scrolls sideways at 320px by ${overflow}px`);
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  const beheerder = await signedIn(browser, 'beheerder');
  const page = await beheerder.newPage();
  for (const path of [
    `/beheer/monitor?${period()}`,
    `/beheer/monitor?${period()}&per=week&gebied=${AREA}`,
    '/beheer/monitor?van=2026-05-01&tot=2026-01-01',
  ]) {
    await page.goto(path);
    await check(page);
  }
  const teamlid = await signedIn(browser, 'teamlid');
  const teamPage = await teamlid.newPage();
  for (const path of [`/beheer/monitor?${period()}`, '/beheer/monitor?gebied=centrum-oost-west']) {
    await teamPage.goto(path);
    await check(teamPage);
  }
  expect(found).toEqual([]);
  await beheerder.close();
  await teamlid.close();
});
