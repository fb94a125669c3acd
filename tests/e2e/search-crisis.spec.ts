import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// axe runs in the page, so this needs JavaScript: the desktop project only. The crisis block
// itself is tested without JavaScript on a phone in search.spec.ts.

test('axe finds no WCAG 2.2 AA violations on a search with the crisis numbers', async ({ page }) => {
  await page.goto('/zoeken?q=mijn+man+slaat+me');
  await expect(page.getByRole('region', { name: 'Is er geweld bij jou thuis?' })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
