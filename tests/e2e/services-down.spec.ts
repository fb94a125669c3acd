import { expect, test } from '@playwright/test';

// Runs against a server whose Meilisearch, tile server and Locatieserver cannot be reached
// (see playwright.config.ts).

test('/zoeken explains that search is down and links to the wijk pages', async ({ page }) => {
  const response = await page.goto('/zoeken?q=schulden');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert')).toContainText('Zoeken lukt nu even niet');
  await page.getByRole('alert').getByRole('link', { name: 'Bolnes' }).click();
  await expect(page).toHaveURL('/wijken/bolnes');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bolnes');
});

test('/api/zoeken answers 503 with a JSON error', async ({ request }) => {
  const response = await request.get('/api/zoeken?q=schulden');
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({
    error: { code: 'search_unavailable', message: expect.stringContaining('Zoeken lukt nu even niet') },
    crisis: null,
  });
});

test('someone in danger gets the crisis numbers even while search is down', async ({ page, request }) => {
  await page.goto('/zoeken?q=ik+wil+dood');
  await expect(page.getByRole('region', { name: 'Denk je aan zelfmoord?' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Zoeken lukt nu even niet');

  const response = await request.get('/api/zoeken?q=ik+wil+dood');
  expect(response.status()).toBe(503);
  const body = (await response.json()) as { crisis: { numbers: { phone: string }[] } | null };
  expect(body.crisis?.numbers.map((number) => number.phone)).toEqual(['0800-0113', '0800-2000', '112']);
});

test('/api/ready says why this instance should get no traffic: search is unavailable', async ({
  request,
}) => {
  await request.get('/api/zoeken?q=schulden');
  const response = await request.get('/api/ready');
  expect(response.status()).toBe(503);
  expect(await response.json()).toMatchObject({
    status: 'not-ready',
    checks: { database: 'ok', migrations: 'current', search: 'unavailable' },
    reasons: ['De zoekmachine is niet klaar of niet bereikbaar.'],
  });
});

test('every other page keeps working', async ({ request }) => {
  for (const path of ['/', '/wijken', '/wijken/oost', '/organisaties/karaat', '/api/health']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test('map pages say the map is unavailable when tiles fail, and the list still has every place', async ({
  page,
}) => {
  for (const [path, id] of [
    ['/wijken/oost', 'wijkkaart'],
    ['/aanbod/alzheimer-cafe', 'aanbodkaart'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator(`[data-map-status="${id}"]`)).toHaveText(
      'De kaart is nu niet beschikbaar. Alle plekken staan in de lijst hieronder.',
    );
    expect(await page.locator(`#${id}-lijst [data-map-point]`).count()).toBeGreaterThan(0);
  }
});

test('wat is mijn wijk offers the list of wijken when the Locatieserver cannot answer', async ({ page }) => {
  await page.goto('/wijken');
  await page.getByLabel('Postcode').fill('2981 EA');
  await page.getByLabel('Huisnummer').fill('1');
  await page.getByRole('button', { name: 'Zoek mijn wijk' }).click();
  await expect(page.getByRole('alert')).toContainText('We kunnen je adres nu niet opzoeken');
  await page.getByRole('region', { name: 'Of kies je wijk' }).getByRole('link', { name: 'Centrum' }).click();
  await expect(page).toHaveURL('/wijken/centrum');
});

test('/kaart explains that its places cannot be fetched and links to the wijk pages', async ({ page }) => {
  const response = await page.goto('/kaart');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert')).toContainText('De kaart kan de plekken nu niet ophalen');
  await expect(page.getByRole('alert').getByRole('link', { name: 'Bolnes' })).toHaveAttribute(
    'href',
    '/wijken/bolnes',
  );
});
