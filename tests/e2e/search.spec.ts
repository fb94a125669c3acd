import { expect, test, type Page } from '@playwright/test';

/** On a phone the filters wait behind a disclosure; on a wide screen they are always shown. */
async function openFilters(page: Page): Promise<void> {
  const filters = page.locator('details#filters');
  if (!(await filters.evaluate((element) => (element as HTMLDetailsElement).open)))
    await filters.locator('summary').click();
}

// Runs with JavaScript (desktop) and without (phone-zonder-js): the form must work on its own.

test('a resident searches from the home page and finds debt help', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox').first().fill('schulden');
  await page.getByRole('searchbox').first().press('Enter');
  await expect(page).toHaveURL(/\/zoeken\?q=schulden/);
  await expect(page.locator('#zoekstatus')).toContainText(/\d+ resultaten voor "schulden"/);
  await expect(page.locator('.ww-result-list a').first()).toBeVisible();
  const titles = await page.locator('.ww-result-list h3, .ww-result-list h2').allTextContents();
  expect(titles.slice(0, 3).join(' ')).toMatch(/schuld/i);
});

test('filters narrow the results, show counts and can be removed one by one', async ({ page }) => {
  await page.goto('/zoeken?q=hulp');
  const before = Number((await page.locator('#zoekstatus').textContent())?.match(/\d+/)?.[0]);
  await openFilters(page);
  await page.getByRole('checkbox', { name: /^Geld en schulden \(\d+\)/ }).check();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/leefgebied=geld/);
  const after = Number((await page.locator('#zoekstatus').textContent())?.match(/\d+/)?.[0]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  const chip = page.getByRole('link', { name: /Geld en schulden \(filter weghalen\)/ });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(page).not.toHaveURL(/leefgebied=geld/);
});

test('"bij mij in de buurt" sorts results by distance to the chosen wijk', async ({ page }) => {
  await page.goto('/zoeken?q=koffie');
  await openFilters(page);
  await page.getByLabel('Bij mij in de buurt').selectOption('bolnes');
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/bij=bolnes/);
  const distances = await page
    .locator('[data-distance-km]')
    .evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-distance-km'))));
  expect(distances.length).toBeGreaterThan(1);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
});

test('pagination moves through all results', async ({ page }) => {
  await page.goto('/zoeken');
  await expect(page.locator('#zoekstatus')).toContainText(/pagina 1 van \d+/);
  await page
    .getByRole('navigation', { name: 'Paginering' })
    .getByRole('link', { name: 'Volgende pagina' })
    .click();
  await expect(page).toHaveURL(/pagina=2/);
  await expect(page.locator('#zoekstatus')).toContainText(/pagina 2 van/);
});

test('a typo still finds the right help and suggests the spelling', async ({ page }) => {
  await page.goto('/zoeken?q=huiswek');
  await expect(page.locator('#zoekstatus')).toContainText(/resultaten? voor "huiswek"/);
  await expect(page.getByText(/Bedoelde je/)).toBeVisible();
  await expect(
    page
      .locator('.ww-result-list')
      .getByText(/huiswerk/i)
      .first(),
  ).toBeVisible();
});

test('the empty state offers other words, the wijkteam and removing filters', async ({ page }) => {
  await page.goto('/zoeken?q=xylofoonquartet');
  await expect(page.getByRole('heading', { name: /We vonden niets voor "xylofoonquartet"/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'je wijk' })).toHaveAttribute('href', '/wijken');

  await page.goto('/zoeken?q=scootmobiel&leefgebied=opvoeden');
  await expect(page.getByText(/Zonder filters vind je \d+ resultaten?/)).toBeVisible();
  await page.getByRole('link', { name: 'haal de filters weg' }).click();
  await expect(page.locator('.ww-result-list a').first()).toBeVisible();
});

test('/api/zoeken answers the same search as JSON', async ({ request }) => {
  const response = await request.get('/api/zoeken?q=eenzaam&wijk=bolnes');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    total: number;
    query: { filters: { neighbourhoods: string[] } };
    results: { neighbourhoods: string[] }[];
    facets: { lifeDomains?: Record<string, number> };
  };
  expect(body.total).toBeGreaterThan(0);
  expect(body.query.filters.neighbourhoods).toEqual(['bolnes']);
  for (const result of body.results) expect(result.neighbourhoods).toContain('bolnes');
  expect(body.facets.lifeDomains).toBeTruthy();
});

test('crisis words put the crisis numbers right after the search box on a 390 px phone, results after', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/zoeken?q=${encodeURIComponent('ik wil niet meer leven')}`);
  const crisis = page.getByRole('region', { name: 'Denk je aan zelfmoord?' });
  await expect(crisis).toBeVisible();
  const call113 = crisis.getByRole('link', { name: 'Bel 113 Zelfmoordpreventie: 0800-0113' });
  await expect(call113).toHaveAttribute('href', 'tel:08000113');
  await expect(crisis.getByRole('link', { name: /Veilig Thuis: 0800-2000/ })).toBeVisible();
  await expect(crisis.getByRole('link', { name: /112/ })).toBeVisible();

  // On the first screen, before any scrolling: straight below the search box, the number to
  // call within the screen, and the results still there, below the block.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const button = await page.getByRole('button', { name: 'Zoeken', exact: true }).boundingBox();
  const block = await crisis.boundingBox();
  const link = await call113.boundingBox();
  const firstResult = await page.locator('.ww-result-list li').first().boundingBox();
  if (!button || !block || !link || !firstResult) throw new Error('element not laid out');
  expect(block.y).toBeGreaterThanOrEqual(button.y + button.height);
  expect(block.y - (button.y + button.height)).toBeLessThan(40);
  expect(link.y + link.height).toBeLessThanOrEqual(844);
  expect(firstResult.y).toBeGreaterThan(block.y + block.height);

  // In reading and keyboard order: the search box, its button, then the first number to call.
  await page.getByRole('searchbox', { name: 'Waar zoek je hulp bij?' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Zoeken', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(call113).toBeFocused();
});

test('/api/zoeken says when a search sounds like someone is in danger', async ({ request }) => {
  type Body = {
    total: number;
    crisis: { situations: string[]; heading: string; numbers: { name: string; phone: string }[] } | null;
  };
  const crisis = (await (await request.get('/api/zoeken?q=ik+wil+niet+meer+leven')).json()) as Body;
  expect(crisis.crisis?.situations).toEqual(['zelfdoding']);
  expect(crisis.crisis?.heading).toBe('Denk je aan zelfmoord?');
  expect(crisis.crisis?.numbers.map((number) => number.phone)).toEqual(['0800-0113', '0800-2000', '112']);
  expect(crisis.total).toBeGreaterThan(0);

  const everyday = (await (await request.get('/api/zoeken?q=eenzaam')).json()) as Body;
  expect(everyday.crisis).toBeNull();
});
