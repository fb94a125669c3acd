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
  asCsv,
  monitorExpectations,
  OUTCOME_HEADER,
  REASON_HEADER,
  REFERRAL_HEADER,
  REPORT_HEADER,
  SEARCH_HEADER,
  STALE_HEADER,
  VOLUNTEER_HEADER,
} from '../support/monitor-expected.ts';
import { monitorFixture, writeMonitorFixture, type MonitorFixture } from '../support/monitor-fixture.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

// The monitor against a server of its own, whose database holds known questions, searches and
// listings, referrals, volunteers and reports. The expected tables are computed here from those facts, independently of the code
// under test, and compared with what the page shows and what its CSV downloads hold.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const content = loadContent(contentRoot);
let server: ServerProcess;
let fixture: MonitorFixture;
let expected: ReturnType<typeof monitorExpectations>;
const tokens: Record<'beheerder' | 'teamlid', string> = { beheerder: '', teamlid: '' };
const TEAM = 'bolnes-slikkerveer:sociaal';
const AREA = 'bolnes-slikkerveer';

test.beforeAll(async () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'wijkwijzer-monitor-')), 'monitor.sqlite');
  const db = openDatabase({ dialect: 'sqlite', path: databasePath });
  try {
    await prepareDatabase(db, { content, contentRoot, demoData: false });
    fixture = monitorFixture();
    expected = monitorExpectations(fixture, content);
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
  const facts = expected.inPeriod(() => true);
  await expectTable(context, page, 'vragen-per-periode', [
    ['Maand', ...OUTCOME_HEADER],
    ...expected.periodRows(facts, 'month'),
  ]);
  await expectTable(context, page, 'vragen-per-leefgebied', [
    ['Leefgebied', 'Vragen'],
    ...expected.domainRows(facts),
  ]);
  await expectTable(context, page, 'vragen-per-wijk', [
    ['Wijk', ...OUTCOME_HEADER],
    ...expected.wijkRows(
      facts,
      content.areas.map((area) => area.id),
    ),
  ]);
  await expectTable(context, page, 'zoeken-zonder-resultaat', [SEARCH_HEADER, ...expected.searchRows()]);
  await expectTable(context, page, 'aanbod-niet-gecontroleerd', [STALE_HEADER, ...expected.staleRows('all')]);
  const areaIds = content.areas.map((area) => area.id);
  const referrals = expected.referralFacts([...areaIds, null]);
  await expectTable(context, page, 'verwijzingen-per-periode', [
    ['Maand', ...REFERRAL_HEADER],
    ...expected.referralRows(referrals, 'month'),
  ]);
  await expectTable(context, page, 'verwijzingen-niet-gestart', [
    REASON_HEADER,
    ...expected.reasonRows(referrals),
  ]);
  await expectTable(context, page, 'vrijwilligers-per-periode', [
    ['Maand', ...VOLUNTEER_HEADER],
    ...expected.volunteerRows(areaIds, 'month'),
  ]);
  await expectTable(context, page, 'meldingen-per-organisatie', [
    REPORT_HEADER,
    ...expected.reportRows('all'),
  ]);
  // What must never show: words searched fewer than 5 times, questions from before the period.
  await expect(page.getByText('piet jansen')).toHaveCount(0);
  // Every chart is an image with a name and a description, next to its table.
  const charts = page.locator('svg.ww-chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(8);
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
  const facts = expected.inPeriod((team) => team.startsWith(`${AREA}:`));
  await expectTable(context, page, 'vragen-per-periode', [
    ['Week', ...OUTCOME_HEADER],
    ...expected.periodRows(facts, 'week'),
  ]);
  await expectTable(context, page, 'vragen-per-wijk', [
    ['Wijk', ...OUTCOME_HEADER],
    ...expected.wijkRows(facts, [AREA]),
  ]);
  const wijken = expected.areaWijken([AREA]).map((wijk) => wijk.id);
  await expectTable(context, page, 'aanbod-niet-gecontroleerd', [
    STALE_HEADER,
    ...expected.staleRows(wijken),
  ]);
  await expectTable(context, page, 'verwijzingen-per-periode', [
    ['Week', ...REFERRAL_HEADER],
    ...expected.referralRows(expected.referralFacts([AREA]), 'week'),
  ]);
  await expectTable(context, page, 'verwijzingen-niet-gestart', [
    REASON_HEADER,
    ...expected.reasonRows(expected.referralFacts([AREA])),
  ]);
  await expectTable(context, page, 'vrijwilligers-per-periode', [
    ['Week', ...VOLUNTEER_HEADER],
    ...expected.volunteerRows([AREA], 'week'),
  ]);
  await expectTable(context, page, 'meldingen-per-organisatie', [
    REPORT_HEADER,
    ...expected.reportRows(wijken),
  ]);
  expect(await page.getByLabel('Gebied', { exact: true }).locator('option').allInnerTexts()).toEqual([
    'Bolnes/Slikkerveer',
  ]);

  // One wijk: only its questions.
  await page.goto(`/beheer/monitor?${period()}&per=maand&wijk=bolnes`);
  await expectTable(context, page, 'vragen-per-periode', [
    ['Maand', ...OUTCOME_HEADER],
    ...expected.periodRows(
      facts.filter((fact) => fact.neighbourhood === 'bolnes'),
      'month',
    ),
  ]);
  await expectTable(context, page, 'vrijwilligers-per-periode', [
    ['Maand', ...VOLUNTEER_HEADER],
    ...expected.volunteerRows([AREA], 'month', 'bolnes'),
  ]);
  await expectTable(context, page, 'meldingen-per-organisatie', [
    REPORT_HEADER,
    ...expected.reportRows(['bolnes']),
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
