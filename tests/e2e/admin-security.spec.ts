import { expect, test, type Response } from '@playwright/test';
import { openDatabase } from '#admin/db/open-database.ts';
import {
  choosePassword,
  createAccountWithCli,
  e2eDatabasePath,
  latestMailTo,
  logIn,
  PASSWORD,
  uniqueEmail,
} from '../support/e2e-admin.ts';

const ADMIN_PAGES = [
  '/beheer',
  '/beheer/aanbod',
  '/beheer/aanbod/nieuw',
  '/beheer/aanbod/1',
  '/beheer/aanbod/1/voorbeeld',
  '/beheer/organisaties',
  '/beheer/organisaties/karaat',
  '/beheer/gebruikers',
  '/beheer/gebruikers/1',
  '/beheer/logboek',
  '/beheer/post',
  '/beheer/account',
  '/beheer/inbox/1/koppelen',
  '/beheer/zoeken',
  '/beheer/zoeken/aanbod/1',
  '/beheer/verwijzingen',
  '/beheer/verwijzingen/nieuw',
  '/beheer/verwijzingen/1',
  '/beheer/verwijzingen/1/overdracht',
];

test('every back-office page sends someone not logged in to the login page', async ({ request }) => {
  for (const path of ADMIN_PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location, path).toBe(`/beheer/inloggen?terug=${encodeURIComponent(path)}`);
  }
});

test('actions refuse anyone not logged in, and change nothing', async ({ request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const page = await request.post('/beheer/aanbod/1?_action=listings.changeStatus', {
    form: { id: '1', change: 'archive' },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(page.status()).toBe(303);
  const rpc = await request.post('/_actions/listings.changeStatus', {
    multipart: { id: '1', change: 'archive' },
    headers: { origin },
  });
  expect(rpc.status()).toBe(401);
  const db = openDatabase({ dialect: 'sqlite', path: e2eDatabasePath() });
  try {
    const listing = await db
      .selectFrom('listings')
      .select('status')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(listing.status).toBe('published');
  } finally {
    await db.destroy();
  }
});

test('"overal uitloggen" without a session sends to the login page, and never answers 500', async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const page = await request.post('/beheer/account?_action=account.logOutEverywhere', {
    form: {},
    headers: { origin },
    maxRedirects: 0,
  });
  expect(page.status()).toBe(303);
  expect(page.headers().location).toContain('/beheer/inloggen');
  const rpc = await request.post('/_actions/account.logOutEverywhere', { form: {}, headers: { origin } });
  expect(rpc.status()).toBe(401);
});

test('a POST from another site is refused, for pages and actions alike', async ({ request }) => {
  for (const path of [
    '/beheer/inloggen?_action=account.logIn',
    '/_actions/account.logIn',
    '/beheer/wachtwoord-vergeten?_action=account.requestPasswordReset',
  ]) {
    const response = await request.post(path, {
      form: { email: 'iemand@example.nl', password: 'x' },
      headers: { origin: 'https://aanvaller.example' },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(403);
  }
});

test('links in mail come from the configuration, never from the Host header of a request', async ({
  request,
  baseURL,
}) => {
  const email = uniqueEmail('gastheer');
  createAccountWithCli(['--email', email, '--role', 'organisatie', '--organisation', 'karaat']);
  const forged = await request.post('/beheer/wachtwoord-vergeten?_action=account.requestPasswordReset', {
    form: { email },
    headers: { host: 'evil.example', origin: 'http://evil.example' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeLessThan(500);
  await expect
    .poll(async () => (await latestMailTo(email).catch(() => undefined))?.body)
    .toContain(`${new URL(baseURL ?? '').origin}/beheer/wachtwoord-herstellen/`);
  expect((await latestMailTo(email)).body).not.toContain('evil.example');
});

test('the session cookie is HttpOnly, SameSite=Lax and site-wide; logging out ends the session', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('koekje');
  const setCookies: string[] = [];
  const recordSetCookie = async (response: Response) => {
    const header = await response.headerValue('set-cookie');
    if (header?.includes('ww_sessie=')) setCookies.push(header);
  };
  page.on('response', recordSetCookie);
  await choosePassword(
    page,
    createAccountWithCli(['--email', email, '--role', 'organisatie', '--organisation', 'karaat']),
    PASSWORD,
  );
  // Reading a header of a response that arrives while the page closes would fail the test.
  page.off('response', recordSetCookie);
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'ww_sessie');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(setCookies[0]).toMatch(/HttpOnly/);
  expect(setCookies[0]).toMatch(/SameSite=Lax/);
  expect(setCookies[0]).toMatch(/Max-Age=28800/);
  const stolen = cookie?.value ?? '';

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  expect((await context.cookies()).find((candidate) => candidate.name === 'ww_sessie')).toBeUndefined();
  // The old token is worthless after logging out.
  await context.addCookies([{ name: 'ww_sessie', value: stolen, url: page.url() }]);
  const response = await page.request.get('/beheer', { maxRedirects: 0 });
  expect(response.status()).toBe(303);
});

test('back-office pages are never cached or indexed', async ({ request }) => {
  const response = await request.get('/beheer/inloggen');
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['x-robots-tag']).toContain('noindex');
});

test('"overal uitloggen" ends the sessions on other devices too', async ({ page, browser, baseURL }) => {
  const email = uniqueEmail('overal');
  await choosePassword(
    page,
    createAccountWithCli(['--email', email, '--role', 'organisatie', '--organisation', 'karaat']),
    PASSWORD,
  );
  const otherDevice = await browser.newContext({ baseURL });
  const other = await otherDevice.newPage();
  await logIn(other, email, PASSWORD);

  await page.goto('/beheer/account');
  await page.getByRole('button', { name: 'Overal uitloggen' }).click();
  await expect(page.getByText('Je bent op al je apparaten uitgelogd.')).toBeVisible();
  await other.goto('/beheer/account');
  await expect(other).toHaveURL(/\/beheer\/inloggen/);
  await otherDevice.close();
});
