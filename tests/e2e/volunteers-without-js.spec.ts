import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import { neighbourhoodAt } from '#admin/location/neighbourhood-at.ts';
import { loggedInTeamlid } from '../support/e2e-admin.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';

// The whole journey without JavaScript, against a server of its own whose mail goes to a real SMTP
// server on loopback: every link is taken from a mail as it arrived.
const content = loadContent(contentRoot);
// The replayed Locatieserver and the tile service of playwright.config.ts (its third and fourth port).
const [, , locatieserverPort, tilePort] = (process.env.E2E_PORTS ?? '').split(',').map(Number);
const FILL_TIME_MS = 1100;
const unique = crypto.randomUUID().slice(0, 6);

let server: ServerProcess;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startServerProcess({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    LOCATIESERVER_URL: `http://127.0.0.1:${locatieserverPort}/bzk/locatieserver/search/v3_1`,
    MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`,
    QUESTION_MIN_FILL_SECONDS: '1',
    PUBLIC_FORM_RATE_LIMIT: '1000',
  });
});
test.afterAll(async () => {
  await server.stop();
  await smtp.stop();
});

/** The link to this server in the newest mail to `to` whose subject matches. */
async function linkInMail(to: string, subject: RegExp, path: RegExp): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        const mail = smtp.received.filter((entry) => entry.to.includes(to) && subject.test(entry.raw)).at(-1);
        found = mail
          ? new RegExp(`https?://[^/\\s]+(${path.source}[^\\s?]*)`).exec(mail.raw)?.[1]
          : undefined;
        return found;
      },
      { timeout: 90_000, message: `a mail to ${to} with ${subject}` },
    )
    .toBeDefined();
  return found ?? '';
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.base, javaScriptEnabled: false });
  return context.newPage();
}

async function idOf(table: 'volunteers' | 'activity_submissions' | 'match_requests', reference: string) {
  const db = openDatabase({ dialect: 'sqlite', path: server.databasePath });
  try {
    return (
      await db.selectFrom(table).select('id').where('reference', '=', reference).executeTakeFirstOrThrow()
    ).id;
  } finally {
    await db.destroy();
  }
}

const wijk = content.neighbourhoods.find((entry) => entry.id === 'bolnes')!;
const ownTeam = `${wijk.data.area}:sociaal`;
const otherTeam = `${content.areas.find((area) => area.id !== wijk.data.area)!.id}:sociaal`;

test('a volunteer signs up, confirms by mail, is approved by their gebied, is found without personal data, is asked for, hears "Is het gelukt?" and withdraws', async ({
  browser,
}) => {
  const name = `Vera Vrijwilliger ${unique}`;
  const email = `vera-${unique}@example.nl`;
  const page = await newPage(browser);
  await page.goto('/helpen');
  await page.getByRole('checkbox', { name: /^Boodschappen doen/ }).check();
  await page.getByRole('checkbox', { name: 'Dinsdag', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Ochtend', exact: true }).check();
  await page.getByRole('checkbox', { name: wijk.data.name, exact: true }).check();
  await page.getByRole('radio', { name: /^Ja, zonder mijn naam/ }).check();
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await page.getByRole('checkbox', { name: /16 jaar of ouder/ }).check();
  await page.waitForTimeout(FILL_TIME_MS);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bijna klaar: kijk in je mail' })).toBeVisible();
  const reference = (await page.locator('.ww-reference').innerText()).trim();
  expect(reference).toMatch(/^VW-\d{4}-\d{6}$/);

  // Before the address is confirmed, nobody in the back office sees the sign-up.
  const ownLink = await linkInMail(email, /Bevestig je aanmelding/, /\/helpen\/mijn\//);
  await page.goto(ownLink);
  await expect(page.locator('[data-status]')).toHaveText('Nog niet bevestigd');
  await page.getByRole('button', { name: 'Bevestig mijn aanmelding' }).click();
  await expect(page.getByText('Je aanmelding is bevestigd')).toBeVisible();
  const id = await idOf('volunteers', reference);
  // The team's mailbox hears of it, without the volunteer's details.
  const notice = await linkInMail(
    content.volunteering.desk!.email,
    /Nieuwe aanmelding van een vrijwilliger/,
    /\/beheer\/vrijwilligers\//,
  );
  expect(notice).toBe(`/beheer/vrijwilligers/${id}`);
  const noticeMail = smtp.received.find((mail) => mail.raw.includes(`/beheer/vrijwilligers/${id}`))!;
  expect(noticeMail.raw).not.toContain(name);
  expect(noticeMail.raw).not.toContain(email);

  const other = await newPage(browser);
  await loggedInTeamlid(other, [otherTeam], 'Ander Gebied', server.databasePath);
  await other.goto('/beheer/vrijwilligers?weergave=alle');
  await expect(other.getByRole('link', { name: reference })).toHaveCount(0);
  const refused = await other.goto(`/beheer/vrijwilligers/${id}`);
  expect(refused?.status()).toBe(403);
  await expect(other.getByText(name)).toHaveCount(0);

  const team = await newPage(browser);
  await loggedInTeamlid(team, [ownTeam], 'Tara Teamlid', server.databasePath);
  await team.getByRole('link', { name: 'Vrijwilligers', exact: true }).click();
  await team.getByRole('link', { name: reference }).click();
  await expect(team.getByText(name)).toBeVisible();
  await team.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(team.getByText('De aanmelding is goedgekeurd.')).toBeVisible();
  await team.goto(
    `/beheer/vrijwilligers?weergave=pool&dag=di&dagdeel=ochtend&soort=boodschappen&wijk=${wijk.id}`,
  );
  await expect(team.getByRole('link', { name: reference })).toBeVisible();

  // Findable in search, on the wijk page and on the map: what and which wijk, never who.
  const resident = await newPage(browser);
  await resident.goto(`/zoeken?q=boodschappen&soort=vrijwillige-hulp&wijk=${wijk.id}`);
  const offer = resident.getByRole('link', { name: `Hulp bij boodschappen in ${wijk.data.name}` }).first();
  await expect(offer).toBeVisible();
  for (const path of [
    '/zoeken?q=boodschappen',
    `/wijken/${wijk.id}`,
    `/kaart?wijk=${wijk.id}&soort=vrijwillige-hulp`,
  ]) {
    const html = await (await resident.request.get(path)).text();
    expect(html).toContain(`Hulp bij boodschappen in ${wijk.data.name}`);
    for (const secret of [name, email, '12345678']) expect(html, path).not.toContain(secret);
  }
  await offer.click();
  const offerUrl = new URL(resident.url()).pathname;
  for (const secret of [name, email, '12345678']) expect(await resident.content()).not.toContain(secret);

  await resident.getByRole('link', { name: 'Ik wil hier gebruik van maken' }).click();
  const residentEmail = `fatima-${unique}@example.nl`;
  const need = `Ik kan na mijn operatie even geen boodschappen doen ${unique}.`;
  await resident.getByLabel('Waar zoek je hulp bij?').fill(need);
  await resident.getByLabel('E-mailadres').fill(residentEmail);
  await resident.waitForTimeout(FILL_TIME_MS);
  await resident.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(resident.getByRole('heading', { level: 1, name: 'Je aanvraag is ontvangen' })).toBeVisible();
  const requestReference = (await resident.locator('.ww-reference').innerText()).trim();

  // The desk hears of the request; the team of the gebied connects the two.
  await linkInMail(
    content.volunteering.desk!.email,
    new RegExp(`aanvraag voor vrijwillige hulp ${requestReference}`),
    /\/beheer\/aanvragen\//,
  );
  await team.goto('/beheer/aanvragen');
  await team.getByRole('link', { name: requestReference }).click();
  await expect(team.getByText(need)).toBeVisible();
  await expect(team.getByRole('link', { name })).toBeVisible();
  await team.getByRole('button', { name: 'In contact gebracht' }).click();
  await expect(team.getByText('Over 14 dagen vragen we')).toBeVisible();

  // Fourteen days later: the scheduled work (here through `npm run purge`) sends "Is het gelukt?".
  const requestId = await idOf('match_requests', requestReference);
  const db = openDatabase({ dialect: 'sqlite', path: server.databasePath });
  try {
    await db
      .updateTable('match_requests')
      .set({ connected_at: new Date(Date.now() - 15 * 24 * 3600_000).toISOString() })
      .where('id', '=', requestId)
      .execute();
  } finally {
    await db.destroy();
  }
  execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'admin/cli/purge.ts'], {
    env: { ...process.env, DATABASE_PATH: server.databasePath, HOST: '127.0.0.1', PORT: String(server.port) },
  });
  const answer = await linkInMail(residentEmail, /Is het gelukt\?/, /\/gelukt\//);
  await linkInMail(email, /Is het gelukt\?/, /\/gelukt\//);
  await resident.goto(`${answer}?antwoord=ja`);
  await resident.getByRole('button', { name: 'Ja, het is gelukt' }).click();
  await expect(resident.getByText('Fijn dat het gelukt is.')).toBeVisible();
  await team.goto(`/beheer/aanvragen/${requestId}`);
  await expect(team.locator('[data-outcome="requester"]')).toHaveText('Het is gelukt');

  // The volunteer withdraws: their personal data is gone at once, and so is the public offer.
  await page.goto(ownLink);
  await page.getByRole('checkbox', { name: /Ja, trek mijn aanmelding in/ }).check();
  await page.getByRole('button', { name: 'Aanmelding intrekken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Je aanmelding is ingetrokken' })).toBeVisible();
  const after = openDatabase({ dialect: 'sqlite', path: server.databasePath });
  try {
    const row = await after
      .selectFrom('volunteers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'withdrawn',
      name: null,
      email: null,
      phone: null,
      own_words: null,
      availability_json: null,
    });
    expect(
      await after
        .selectFrom('personal_links')
        .select('id')
        .where('subject_type', '=', 'volunteer')
        .where('subject_id', '=', id)
        .execute(),
    ).toEqual([]);
  } finally {
    await after.destroy();
  }
  expect((await resident.request.get(offerUrl)).status()).toBe(404);
  expect((await page.goto(ownLink))?.status()).toBe(404);
});

test('a resident registers an activity; once the team of its gebied approved it, it is in /zoeken, on the wijk page, on the map and in the wijk feed', async ({
  browser,
}) => {
  const title = `Buurtsoep ${unique}`;
  const email = `olaf-${unique}@example.nl`;
  const day = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
  const page = await newPage(browser);
  await page.goto('/activiteit-aanmelden');
  await page.getByLabel('Naam van de activiteit').fill(title);
  await page.getByLabel('Wat gebeurt er? (kort)').fill('Samen soep eten met de buren, iedereen is welkom.');
  await page.getByLabel('Datum 1').fill(day);
  await page.locator('#veld-schedule-occurrences-0-starts').fill('17:30');
  await page.locator('#veld-schedule-occurrences-0-ends').fill('19:00');
  await page.getByLabel('Naam van de plek').fill('Wijkcentrum De Fuik');
  await page.getByLabel('Straat en huisnummer').fill('Fuikstraat 10');
  await page.getByLabel('Postcode').fill('2987 AB');
  await page.getByLabel('Plaats').fill('Ridderkerk');
  await page.getByRole('radio', { name: 'Gratis' }).check();
  await page.getByLabel('Je naam').fill(`Olaf Organisator ${unique}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.waitForTimeout(FILL_TIME_MS);
  await page.getByRole('button', { name: 'Activiteit aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bijna klaar: kijk in je mail' })).toBeVisible();
  const reference = (await page.locator('.ww-reference').innerText()).trim();
  const link = await linkInMail(email, /Bevestig je activiteit/, /\/activiteit-aanmelden\/mijn\//);
  await page.goto(link);
  await page.getByRole('button', { name: 'Bevestig mijn activiteit' }).click();
  await expect(page.getByText('Je aanmelding is bevestigd')).toBeVisible();

  const place = neighbourhoodAt(
    { lat: 51.86029, lng: 4.60641 },
    content.neighbourhoods.map((entry) => ({
      id: entry.id,
      center: entry.data.center,
      ...(content.boundaries.find((boundary) => boundary.id === entry.id)
        ? { boundary: content.boundaries.find((boundary) => boundary.id === entry.id)!.data }
        : {}),
    })),
  )!;
  const activityWijk = content.neighbourhoods.find((entry) => entry.id === place.id)!;
  const team = await newPage(browser);
  await loggedInTeamlid(
    team,
    [`${activityWijk.data.area}:sociaal`],
    'Team Activiteiten',
    server.databasePath,
  );
  await team.goto('/beheer/activiteiten');
  await team.getByRole('link', { name: reference }).click();
  await expect(team.getByText(`Olaf Organisator ${unique}`)).toBeVisible();
  await team.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
  await expect(team.getByText('De activiteit staat op de site.')).toBeVisible();

  const resident = await newPage(browser);
  await resident.goto(`/zoeken?q=${encodeURIComponent(title)}`);
  await expect(resident.getByRole('link', { name: title })).toBeVisible();
  await expect(resident.locator('.ww-next-date')).toContainText('Volgende keer');
  await resident.goto(`/zoeken?q=${encodeURIComponent(title)}&wanneer=deze-maand`);
  await expect(resident.getByRole('link', { name: title })).toBeVisible();
  await resident.goto(`/wijken/${activityWijk.id}`);
  await expect(resident.getByRole('link', { name: title }).first()).toBeVisible();
  await resident.goto(`/kaart?wijk=${activityWijk.id}&soort=activiteit`);
  await expect(resident.getByRole('link', { name: title }).first()).toBeVisible();
  const html = await (await resident.request.get(`/wijken/${activityWijk.id}`)).text();
  expect(html).not.toContain(email);
  expect(html).not.toContain('Olaf Organisator');

  const feed = await resident.request.get(`/wijken/${activityWijk.id}/activiteiten.ics`);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()) as unknown[]);
  const event = calendar
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component))
    .find((candidate) => candidate.summary === title);
  expect(event).toBeDefined();
  expect(event!.startDate.toString()).toBe(`${day}T17:30:00`);
  expect(event!.startDate.zone?.tzid).toBe('Europe/Amsterdam');
  expect(event!.location).toContain('Fuikstraat 10');
});
