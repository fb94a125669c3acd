import { expect, test } from '@playwright/test';

test('with JavaScript, results follow the typing and the URL stays shareable', async ({ page }) => {
  await page.goto('/zoeken');
  const box = page.getByRole('searchbox', { name: 'Waar zoek je hulp bij?' });
  await box.pressSequentially('eenzaam', { delay: 30 });
  await expect(page.locator('#zoekstatus')).toContainText('voor "eenzaam"');
  await expect(page).toHaveURL(/\/zoeken\?q=eenzaam/);
  // Still the same page: the box keeps focus and the typed text.
  await expect(box).toBeFocused();
  await expect(page.locator('#zoekstatus')).toHaveAttribute('role', 'status');

  await page.getByRole('checkbox', { name: /^Ouderen \(\d+\)/ }).check();
  await expect(page).toHaveURL(/doelgroep=ouderen/);
  await expect(page.getByRole('link', { name: /Ouderen \(filter weghalen\)/ })).toBeVisible();
});
