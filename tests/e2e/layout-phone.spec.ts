import { expect, test } from '@playwright/test';
import { NEIGHBOURHOOD_IDS, demoListingSlugs } from '../support/demo-slugs.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { bottomOf, brokenWords, horizontalOverflow } from '../support/layout-checks.ts';

// A cheap phone without JavaScript: 390×844 CSS pixels. The next step must be on the first
// screens, nothing may scroll sideways at 320 px, and nothing breaks inside a word.
const SCREEN = { width: 390, height: 844 };
test.use({ viewport: SCREEN, javaScriptEnabled: false, hasTouch: true, isMobile: true });

test('the first result of a search is on the first screen', async ({ page }) => {
  await page.goto('/zoeken?q=schulden');
  await expect(page.locator('.ww-result-list > li').first()).toBeVisible();
  expect(await bottomOf(page, '.ww-result-list > li h3')).toBeLessThanOrEqual(SCREEN.height);
  // The filters wait behind a closed disclosure that says how many are chosen.
  await page.goto('/zoeken?q=hulp&leefgebied=geld&wijk=oost');
  const summary = page.locator('details#filters > summary');
  await expect(summary).toHaveText('Filters (2 actief)');
  await expect(page.getByRole('checkbox', { name: /^Geld en schulden/ })).toBeHidden();
  await summary.click();
  await expect(page.getByRole('checkbox', { name: /^Geld en schulden/ })).toBeChecked();
  expect(await bottomOf(page, '.ww-result-list > li h3')).toBeGreaterThan(0);
});

test("a wijk page shows the wijkteam's phone number and when to walk in within two screens", async ({
  page,
}) => {
  for (const id of NEIGHBOURHOOD_IDS) {
    await page.goto(`/wijken/${id}`);
    expect(await bottomOf(page, '#teams-titel ~ .ww-grid a[href^="tel:"]'), id).toBeLessThanOrEqual(
      2 * SCREEN.height,
    );
    const anchor = page.getByRole('region', { name: 'Inloopplek van het wijkteam' });
    await expect(anchor).toBeVisible();
    // Where and when: the next spreekuur, or where to go until there is a place.
    expect(await bottomOf(page, '.ww-anchor-where'), id).toBeLessThanOrEqual(2 * SCREEN.height);
  }
});

test('every wijk page shows each listing once', async ({ page }) => {
  for (const id of NEIGHBOURHOOD_IDS) {
    await page.goto(`/wijken/${id}`);
    const cards = await page
      .locator('.ww-listing-card a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(cards.length, id).toBeGreaterThan(0);
    expect(new Set(cards).size, id).toBe(cards.length);
    const more = page.getByRole('link', { name: /^Alle \d+ bekijken/ }).first();
    await expect(more).toHaveAttribute('href', new RegExp(`^/zoeken\\?wijk=${id}&leefgebied=`));
  }
});

test("a listing's phone, e-mail and address are within its first two screens", async ({ page }) => {
  // A hundred pages: allow for a busy machine.
  test.setTimeout(240_000);
  let checked = 0;
  for (const slug of demoListingSlugs()) {
    await page.goto(`/aanbod/${slug}`);
    // Phone, e-mail and every address line of the contact box: how far down each ends.
    const bottoms = await page
      .locator('.ww-next-step')
      .evaluate((box) =>
        [...box.querySelectorAll('a[href^="tel:"], a[href^="mailto:"], li:has(> .ww-contact__label)')].map(
          (element) => element.getBoundingClientRect().bottom + window.scrollY,
        ),
      );
    for (const bottom of bottoms) expect(bottom, slug).toBeLessThanOrEqual(2 * SCREEN.height);
    checked += bottoms.length;
  }
  expect(checked).toBeGreaterThan(200);
});

test('the home page has the postcode box and the crisis line within two screens', async ({ page }) => {
  await page.goto('/');
  expect(await bottomOf(page, '#postcode')).toBeLessThanOrEqual(2 * SCREEN.height);
  expect(await bottomOf(page, '.ww-urgent a[href="tel:112"]')).toBeLessThanOrEqual(2 * SCREEN.height);
  expect(await bottomOf(page, '.ww-urgent a[href="tel:08000113"]')).toBeLessThanOrEqual(2 * SCREEN.height);
});

test('at 320 px nothing scrolls sideways and no word, phone number or e-mail address is broken', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const paths = [
    ...PAGE_TYPES.map((type) => type.path),
    '/aanbod/alzheimer-cafe',
    '/wijken/drievliet-het-zand',
    '/wijken/oostendam',
    '/contact',
  ];
  for (const path of paths) {
    await page.goto(path);
    expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    expect(await brokenWords(page), path).toEqual([]);
  }
  // The word that broke before, on a page that has it.
  await page.goto('/aanbod/alzheimer-cafe');
  await expect(page.getByText('Rolstoeltoegankelijk')).toBeVisible();
});
