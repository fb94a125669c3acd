import { expect, test } from '@playwright/test';
import { NEIGHBOURHOOD_IDS, demoListingSlugs } from '../support/demo-slugs.ts';

// These run twice: on a desktop browser and on a phone with JavaScript switched off.

test('home offers search, the wijken, a way to ask and urgent help', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulp en activiteiten in je wijk');
  await expect(page.getByRole('searchbox', { name: 'Waar zoek je hulp bij?' })).toBeVisible();
  for (const name of ['Bolnes', 'Drievliet-Het Zand', 'West']) {
    await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Een vraag stellen' })).toBeVisible();
  const urgent = page.getByRole('complementary', { name: 'Direct hulp nodig?' });
  await expect(urgent.getByRole('link', { name: /112/ })).toHaveAttribute('href', 'tel:112');
  await expect(urgent.getByRole('link', { name: /Veilig Thuis: 0800-2000/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Voorbeeldgegevens' })).toContainText('voorbeeldgegevens');
});

test('every wijk page shows its teams, inloopplek, leefbaarheidsteam and aanbod', async ({ page }) => {
  for (const id of NEIGHBOURHOOD_IDS) {
    const response = await page.goto(`/wijken/${id}`);
    expect(response?.status(), id).toBe(200);
    await expect(page.getByRole('heading', { name: /^Sociaal team/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Jeugd- en gezinsteam/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Inloopplek van het wijkteam' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Leefbaarheidsteam/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Hulp en activiteiten in/ })).toBeVisible();
    expect(await page.locator('.ww-listing-card').count(), id).toBeGreaterThan(0);
  }
});

test('Bolnes says there is no inloopplek yet and where to go instead', async ({ page }) => {
  await page.goto('/wijken/bolnes');
  const anchor = page.getByRole('region', { name: 'Inloopplek van het wijkteam' });
  await expect(anchor).toContainText(
    'De gemeente noemt een vaste inloopplek van het wijkteam een ankerplaats.',
  );
  await expect(anchor).toContainText('Bolnes heeft nog geen vaste inloopplek.');
});

test('an active inloopplek says whether it is open now, the next spreekuur and those of both teams', async ({
  page,
}) => {
  await page.goto('/wijken/slikkerveer');
  const anchor = page.getByRole('region', { name: 'Inloopplek van het wijkteam' });
  await expect(anchor.locator('.ww-open-now')).toHaveText(
    /^(Nu open · tot \d{1,2}\.\d\d uur|(Nu|Vandaag) gesloten.* · opent \S+)/,
  );
  await expect(anchor).not.toContainText('Status');
  await expect(anchor).toContainText(/Eerstvolgende spreekuur: (vandaag|morgen|\w+dag) \d{1,2}\.\d\d tot/);
  const hours = page.getByRole('table');
  await expect(hours.getByRole('rowheader', { name: 'Sociaal team' }).first()).toBeVisible();
  await expect(hours.getByRole('rowheader', { name: 'Jeugd- en gezinsteam' }).first()).toBeVisible();
  await expect(hours).toContainText(/uur/);
});

test('every demo listing page answers 200', async ({ request }) => {
  const slugs = demoListingSlugs();
  expect(slugs.length).toBeGreaterThanOrEqual(80);
  for (const slug of slugs) {
    const response = await request.get(`/aanbod/${slug}`);
    expect(response.status(), slug).toBe(200);
  }
});

test('a listing page tells how to get there, when, cost, access, contact and last check', async ({
  page,
}) => {
  await page.goto('/wijken/drievliet-het-zand');
  await page.locator('.ww-listing-card a').first().click();
  await expect(page).toHaveURL(/\/aanbod\//);
  for (const heading of ['Wat is het?', 'Goed om te weten', 'Wanneer', 'Waar is het?', 'Contact']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('term').filter({ hasText: 'Kosten' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Aanmelden' })).toBeVisible();
  await expect(page.getByText(/^Gecontroleerd op \d{1,2} \w+ \d{4}/)).toBeVisible();
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null',
  ) as unknown;
  const first = (Array.isArray(jsonLd) ? jsonLd[0] : jsonLd) as {
    '@context': string;
    '@type': string;
    name: string;
  };
  expect(first['@context']).toBe('https://schema.org');
  expect(['Service', 'GovernmentService', 'Event']).toContain(first['@type']);
  expect(first.name).toBe(await page.getByRole('heading', { level: 1 }).textContent());
});

test('an organisation page lists its aanbod', async ({ page }) => {
  const response = await page.goto('/organisaties/karaat');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karaat');
  await expect(page.getByRole('heading', { name: 'Aanbod van Karaat' })).toBeVisible();
  await page.goto('/organisaties');
  await expect(page.getByRole('link', { name: 'Karaat', exact: true })).toBeVisible();
});

test('the info pages exist and are linked from every page', async ({ page }) => {
  await page.goto('/');
  for (const [path, title] of [
    ['/over-deze-site', 'Over deze site'],
    ['/privacy', 'Privacy'],
    ['/toegankelijkheid', 'Toegankelijkheid'],
    ['/contact', 'Contact'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: new RegExp(title) })).toBeVisible();
  }
});

test('an unknown address gets a Dutch 404 page with a way on', async ({ page }) => {
  for (const path of [
    '/bestaat-niet',
    '/wijken/atlantis',
    '/aanbod/bestaat-niet',
    '/organisaties/bestaat-niet',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
    await expect(page.getByRole('link', { name: 'homepagina' })).toBeVisible();
  }
});
