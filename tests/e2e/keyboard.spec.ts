import { expect, test, type Page } from '@playwright/test';
import { PAGE_TYPES } from '../support/page-types.ts';

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(
  page: Page,
  matches: (element: { text: string; href: string | null }) => boolean,
  limit = 80,
): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return { text: element?.innerText.trim() ?? '', href: element?.getAttribute('href') ?? null };
    });
    if (matches(focused)) return;
  }
  throw new Error('element not reached with Tab');
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a resident walks from home to a wijk to a listing with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, ({ href }) => href === '/wijken/west');
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/wijken\/west$/);

  await tabTo(page, ({ href }) => href?.startsWith('/aanbod/') ?? false, 150);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/aanbod\//);
  await tabTo(page, ({ href }) => href?.startsWith('tel:') ?? false, 150);
  expect(await focusIsVisible(page)).toBe(true);
});

test('the search box on the home page is reachable and submits with Enter', async ({ page }) => {
  await page.goto('/');
  for (let presses = 0; presses < 20; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('searchbox').evaluate((element) => element === document.activeElement)) break;
  }
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('schulden');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zoeken\?q=schulden/);
});

for (const { name, path } of PAGE_TYPES) {
  test(`every link and control on ${name} shows where the focus is`, async ({ page }) => {
    await page.goto(path);
    // Tab stops: hidden inputs and tabindex=-1 are skipped, a radio group is one stop.
    const stops = await page.evaluate(() => {
      const elements = [
        ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea'),
      ].filter(
        (element) =>
          !(element instanceof HTMLInputElement && element.type === 'hidden') && element.tabIndex !== -1,
      );
      const radioGroups = new Set(
        elements
          .filter((element) => element instanceof HTMLInputElement && element.type === 'radio')
          .map((element) => (element as HTMLInputElement).name),
      );
      return (
        elements.filter((element) => !(element instanceof HTMLInputElement && element.type === 'radio'))
          .length + radioGroups.size
      );
    });
    for (let index = 0; index < stops; index += 1) {
      await page.keyboard.press('Tab');
      const visible = await focusIsVisible(page);
      const label = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
      expect(visible, label).toBe(true);
    }
  });
}

test('after a failed question the keyboard starts at the error summary and its links lead to the fields', async ({
  page,
}) => {
  await page.goto('/vraag');
  await tabTo(page, ({ text }) => text === 'Vraag versturen', 150);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ww-error-summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Schrijf je vraag op.' })).toBeFocused();
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Je vraag')).toBeFocused();
});

test('on a phone the filters open from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/zoeken?q=hulp');
  await tabTo(page, ({ text }) => text.startsWith('Filters'));
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Bij mij in de buurt')).toBeFocused();
});
