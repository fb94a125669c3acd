import { expect, test } from '@playwright/test';

// Runs against a server whose Meilisearch cannot be reached (see playwright.config.ts).

test('/zoeken explains that search is down and links to the wijk pages', async ({ page }) => {
  const response = await page.goto('/zoeken?q=schulden');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert')).toContainText('Zoeken lukt nu even niet');
  await page.getByRole('alert').getByRole('link', { name: 'Bolnes' }).click();
  await expect(page).toHaveURL('/wijken/bolnes');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bolnes');
});

test('/api/zoeken answers 503 with a JSON error', async ({ request }) => {
  const response = await request.get('/api/zoeken?q=schulden');
  expect(response.status()).toBe(503);
  expect(await response.json()).toEqual({ error: { code: 'search_unavailable', message: expect.stringContaining('Zoeken lukt nu even niet') } });
});

test('every other page keeps working', async ({ request }) => {
  for (const path of ['/', '/wijken', '/wijken/oost', '/organisaties/karaat', '/api/health']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});
