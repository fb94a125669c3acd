import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from '../support/page-types.ts';

// A full-page screenshot of every public page type, at phone width without JavaScript and at
// desktop width with it, written to the test output (test-results/) for people to look at.
for (const { name, path } of PAGE_TYPES) {
  test(`screenshot of ${name}`, async ({ page }, testInfo) => {
    const phone = testInfo.project.name === 'phone-zonder-js';
    await page.setViewportSize(phone ? { width: 390, height: 844 } : { width: 1280, height: 900 });
    const response = await page.goto(path);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (!phone && (await page.locator('[data-map]').count()) > 0)
      await expect(
        page.locator('[data-map] .ww-marker, [data-map] .ww-marker-cluster').first(),
      ).toBeVisible();
    const file = testInfo.outputPath(
      `${phone ? 'telefoon-390' : 'desktop-1280'}-${name.replace(/\W+/g, '-')}.png`,
    );
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(1000);
  });
}
