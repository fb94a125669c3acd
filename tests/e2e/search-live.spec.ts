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

test('with JavaScript, typing crisis words shows the crisis numbers above the results, and they go again', async ({
  page,
}) => {
  await page.goto('/zoeken');
  const box = page.getByRole('searchbox', { name: 'Waar zoek je hulp bij?' });
  await box.pressSequentially('mijn man slaat me', { delay: 30 });
  const crisis = page.getByRole('region', { name: 'Is er geweld bij jou thuis?' });
  await expect(crisis).toBeVisible();
  await expect(crisis.getByRole('link').first()).toHaveText('Bel Veilig Thuis: 0800-2000');
  await expect(page.locator('#zoekstatus')).toContainText('voor "mijn man slaat me"');
  await expect(box).toBeFocused();

  await box.fill('');
  await box.pressSequentially('breien', { delay: 30 });
  await expect(page.locator('#zoekstatus')).toContainText('voor "breien"');
  await expect(crisis).toHaveCount(0);
});
