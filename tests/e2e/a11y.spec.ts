import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PAGE_TYPES } from '../support/page-types.ts';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

for (const { name, path } of PAGE_TYPES) {
  test(`axe finds no WCAG 2.2 AA violations on ${name} (${path})`, async ({ page }) => {
    await page.goto(path);
    expect(await violations(page)).toEqual([]);
  });
}

test('axe finds nothing in the states a resident meets on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  // The filters opened on a phone.
  await page.goto('/zoeken?q=hulp&leefgebied=geld');
  await page.locator('details#filters > summary').click();
  await expect(page.getByRole('checkbox', { name: /^Geld en schulden/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // The question form after a failed submit, and its receipt.
  await page.goto('/vraag');
  await page.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(page.locator('.ww-error-summary')).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await page.getByLabel('Je vraag').fill('Ik zoek iemand die met mij meedenkt over mijn buren.');
  await page.getByRole('radio', { name: 'Nee' }).check();
  await page.getByLabel('E-mailadres').fill('bewoner@example.nl');
  await expect(async () => {
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je vraag is ontvangen' })).toBeVisible({
      timeout: 2000,
    });
  }).toPass();
  expect(await violations(page)).toEqual([]);
  // A listing and a wijk page at phone width: the next step first, the map with its legend.
  for (const path of ['/aanbod/alzheimer-cafe', '/wijken/slikkerveer', '/kaart?wijk=oost']) {
    await page.goto(path);
    await expect(page.locator('[data-map-legend]')).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
});

test('the page stays usable at 400% zoom (320 CSS pixels wide) without sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const { path } of PAGE_TYPES) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
