import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Maps with tiles served by the app from a folder, and "wat is mijn wijk?" against recorded
// Locatieserver answers (see playwright.config.ts).

async function markersAndClusters(page: Page) {
  const map = page.locator('[data-map]');
  await expect(map).toBeVisible();
  await expect(map.locator('.ww-marker, .ww-marker-cluster').first()).toBeVisible();
  return map;
}

test('/kaart shows every listed place on the map, in clusters that add up to the list', async ({ page }) => {
  await page.goto('/kaart');
  const map = await markersAndClusters(page);
  const listed = await page.locator('#kaart-lijst [data-map-point]').count();
  expect(listed).toBeGreaterThan(50);
  const singles = await map.locator('.ww-marker').count();
  const clustered = await map
    .locator('.ww-marker-cluster')
    .evaluateAll((clusters) => clusters.reduce((sum, cluster) => sum + Number(cluster.textContent), 0));
  expect(singles + clustered).toBe(listed);
  // Tiles come from the app itself and load; no "unavailable" message.
  await expect(map.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  await expect(page.locator('[data-map-status="kaart"]')).toBeEmpty();
});

test('/kaart filters with the same URL parameters as /zoeken', async ({ page }) => {
  await page.goto('/zoeken?q=koffie&wijk=bolnes');
  await page.getByRole('link', { name: 'Bekijk op de kaart' }).click();
  await expect(page).toHaveURL('/kaart?q=koffie&wijk=bolnes');
  await expect(page.getByRole('checkbox', { name: /Bolnes/ })).toBeChecked();
  await expect(page.locator('path.ww-boundary--highlight')).toHaveCount(1);
  const titles = await page.locator('#kaart-lijst [data-map-title]').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  await page.getByRole('checkbox', { name: /Bolnes/ }).uncheck();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  // A plain form sends its empty choices too ("bij", "wanneer"); they mean "any".
  await expect(page).toHaveURL(/\/kaart\?q=koffie(&bij=)?(&wanneer=)?$/);
  expect(await page.locator('#kaart-lijst [data-map-point]').count()).toBeGreaterThan(titles.length);
  await page.getByRole('link', { name: 'Bekijk als lijst met uitleg' }).click();
  await expect(page).toHaveURL('/zoeken?q=koffie');
});

test('a marker opens with the keyboard, its popup links to the listing, Escape returns to the marker', async ({
  page,
}) => {
  await page.goto('/aanbod/alzheimer-cafe');
  const map = await markersAndClusters(page);
  const marker = map.locator('.ww-marker').first();
  await expect(marker).toHaveAttribute('role', 'button');
  await expect(marker).toHaveAttribute('aria-label', /Wijkvoorzieningscentrum De Fuik/);
  await marker.focus();
  await page.keyboard.press('Enter');
  const popup = map.locator('.leaflet-popup');
  await expect(popup).toContainText('Fuikstraat 10');
  await expect(popup.getByRole('button', { name: 'Sluiten' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(marker).toBeFocused();
});

test('a cluster zooms in with Enter until its places are markers with links', async ({ page }) => {
  await page.goto('/kaart');
  const map = await markersAndClusters(page);
  const before = await map.locator('.ww-marker').count();
  const cluster = map.locator('.ww-marker-cluster[aria-label$="inzoomen"]').first();
  await cluster.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => map.locator('.ww-marker').count()).toBeGreaterThan(before);
  // Focus stays on the map, on the first place of the opened cluster, ready for the next Enter.
  await expect(map.locator('.leaflet-marker-icon:focus')).toHaveCount(1);
  const marker = map.locator('.ww-marker[aria-label]').first();
  await marker.focus();
  await page.keyboard.press('Enter');
  const link = map.locator('.leaflet-popup a[href^="/"]').first();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/(aanbod|wijken)\//);
});

test('a keyboard-only walk through /kaart reaches every place via the list, past the map', async ({
  page,
}) => {
  await page.goto('/kaart');
  await markersAndClusters(page);
  const expected = await page
    .locator('#kaart-lijst a[data-map-title]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  // The skip link lets a keyboard user pass the map and its markers in one step.
  const skip = page.getByRole('link', { name: 'Kaart overslaan' });
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Alle plekken op de kaart' })).toBeFocused();
  const reached: string[] = [];
  for (let presses = 0; presses < expected.length + 5 && reached.length < expected.length; presses++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() =>
      document.activeElement?.closest('#kaart-lijst') ? document.activeElement.getAttribute('href') : null,
    );
    if (href) reached.push(href);
  }
  expect(reached).toEqual(expected);
});

test('the map is no keyboard trap: Tab leaves it and reaches the list', async ({ page }) => {
  await page.goto('/wijken/slikkerveer');
  const map = await markersAndClusters(page);
  await map.focus();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => Boolean(document.activeElement?.closest('#wijkkaart-lijst')))) return;
  }
  throw new Error('focus did not leave the map for the list');
});

test('the wijk page outlines and names its own wijk and lists its inloopplek under the map', async ({
  page,
}) => {
  await page.goto('/wijken/slikkerveer');
  await markersAndClusters(page);
  await expect(page.locator('path.ww-boundary--highlight')).toHaveCount(1);
  await expect(page.locator('path.ww-boundary')).toHaveCount(8);
  await expect(page.locator('#wijkkaart-lijst')).toContainText('Inloopplek wijkteam');
  // Every outline carries its wijk's name; the own wijk stands out.
  await expect(page.locator('.ww-boundary-label')).toHaveCount(8);
  await expect(page.locator('.ww-boundary-label--highlight')).toHaveText('Slikkerveer');
  await expect(page.locator('[data-map-status="wijkkaart"]')).toBeEmpty();
});

test('pages without a map load no Leaflet', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.resourceType() === 'stylesheet')
      scripts.push(request.url());
  });
  for (const path of ['/', '/zoeken?q=eenzaam', '/organisaties/karaat', '/wijken']) await page.goto(path);
  const withLeaflet = await Promise.all(
    scripts.map(async (url) =>
      (await (await page.request.get(url)).text()).includes('leaflet-container') ? url : undefined,
    ),
  );
  expect(withLeaflet.filter(Boolean)).toEqual([]);
});

test.describe('wat is mijn wijk?', () => {
  test('postcode and house number lead to the wijk page (recorded Locatieserver answer)', async ({
    page,
  }) => {
    await page.goto('/wijken');
    await page.getByLabel('Postcode').fill('2983 at');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByRole('button', { name: 'Zoek mijn wijk' }).click();
    await expect(page).toHaveURL('/wijken/bolnes?gevonden=adres');
    await expect(page.getByRole('status').filter({ hasText: 'Je adres hoort bij de wijk' })).toContainText(
      'Bolnes',
    );
    await expect(page.getByRole('heading', { name: 'Je wijkteam' })).toBeVisible();
  });

  test('bad input gets Dutch messages next to the fields and in a summary, with status 422', async ({
    page,
  }) => {
    await page.goto('/wijken/mijn-wijk');
    await page.getByLabel('Postcode').fill('29811');
    const responsePromise = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Zoek mijn wijk' }).click();
    expect((await responsePromise).status()).toBe(422);
    const summary = page.getByRole('alert').filter({ hasText: 'dingen om te verbeteren' });
    await expect(summary).toContainText('Vul een postcode in zoals 2981 AB.');
    await expect(summary).toContainText('Vul je huisnummer in.');
    await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Postcode')).toHaveValue('29811');
    await summary.getByRole('link', { name: 'Vul je huisnummer in.' }).click();
    await expect(page.getByLabel('Huisnummer')).toBeFocused();
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  });

  test('an address in another municipality or that does not exist is explained', async ({ page }) => {
    await page.goto('/wijken/mijn-wijk');
    await page.getByLabel('Postcode').fill('3011AA');
    await page.getByLabel('Huisnummer').fill('1');
    await page.getByRole('button', { name: 'Zoek mijn wijk' }).click();
    await expect(page.getByRole('alert')).toContainText('Dit adres ligt in de gemeente Rotterdam');
    await page.getByLabel('Postcode').fill('2981 ZZ');
    await page.getByLabel('Huisnummer').fill('999');
    await page.getByRole('button', { name: 'Zoek mijn wijk' }).click();
    await expect(page.getByRole('alert')).toContainText('We vinden geen adres met deze postcode');
  });

  test('a shared location leads to the wijk that contains it', async ({ browser }) => {
    const context = await browser.newContext({
      geolocation: { latitude: 51.8941, longitude: 4.5784 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto('/wijken');
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    await expect(page).toHaveURL('/wijken/bolnes?gevonden=locatie');
    await expect(page.getByRole('status').filter({ hasText: 'De plek die je deelde' })).toContainText(
      'Bolnes',
    );
    await context.close();
  });

  test('the list of wijken is always there as the way without postcode', async ({ page }) => {
    await page.goto('/wijken/mijn-wijk');
    await page
      .getByRole('region', { name: 'Of kies je wijk' })
      .getByRole('link', { name: 'Oostendam' })
      .click();
    await expect(page).toHaveURL('/wijken/oostendam');
  });
});

test('search results can be sorted by distance from a chosen wijk and show it', async ({ page }) => {
  await page.goto('/kaart?bij=oostendam');
  const distances = await page.locator('#kaart-lijst li').evaluateAll((items) =>
    items
      .map((item) => item.textContent?.match(/· ([\d,]+) (km|meter)/))
      .filter(Boolean)
      .map((match) =>
        match?.[2] === 'km' ? Number(match[1]?.replace(',', '.')) * 1000 : Number(match?.[1]),
      ),
  );
  expect(distances.length).toBeGreaterThan(10);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
});
