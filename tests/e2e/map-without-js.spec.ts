import { expect, test } from '@playwright/test';

// Without JavaScript there is no map; the list carries the same places and every way to find a wijk works.

test('/kaart without JavaScript is a list of every place, filterable', async ({ page }) => {
  await page.goto('/kaart?wijk=bolnes');
  await expect(page.locator('[data-map]')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Kaart overslaan' })).toBeHidden();
  const places = page.locator('#kaart-lijst [data-map-point]');
  expect(await places.count()).toBeGreaterThan(3);
  await expect(places.first().getByRole('link')).toHaveAttribute('href', /^\/(aanbod|wijken)\//);
});

test('wat is mijn wijk works without JavaScript; the location button is not offered', async ({ page }) => {
  await page.goto('/wijken');
  await expect(page.getByRole('button', { name: 'Gebruik mijn locatie' })).toBeHidden();
  await page.getByLabel('Postcode').fill('2981EA');
  await page.getByLabel('Huisnummer').fill('1');
  await page.getByRole('button', { name: 'Zoek mijn wijk' }).click();
  await expect(page).toHaveURL('/wijken/centrum?gevonden=adres');
});

test('without JavaScript there is no map, so no legend either; the list says it all', async ({ page }) => {
  await page.goto('/kaart?wijk=oost');
  await expect(page.locator('[data-map-legend]')).toBeHidden();
  await expect(page.locator('#kaart-lijst [data-map-point]').first()).toBeVisible();
});
