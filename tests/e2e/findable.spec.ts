import { expect, test } from '@playwright/test';
import { demoListingSlugs, NEIGHBOURHOOD_IDS } from '../support/demo-slugs.ts';

test('sitemap.xml lists every public page, and every page it lists is there', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/xml');
  const locations = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => match[1] ?? '',
  );
  const paths = locations.map((location) => new URL(location).pathname);
  expect(locations.every((location) => location.startsWith(baseURL ?? ''))).toBe(true);
  for (const slug of demoListingSlugs()) expect(paths).toContain(`/aanbod/${slug}`);
  for (const wijk of NEIGHBOURHOOD_IDS) expect(paths).toContain(`/wijken/${wijk}`);
  for (const path of [
    '/',
    '/wijken',
    '/organisaties',
    '/organisaties/karaat',
    '/privacy',
    '/vraag',
    '/kaart',
    '/helpen',
    '/activiteit-aanmelden',
  ])
    expect(paths).toContain(path);
  expect(paths.filter((path) => path.startsWith('/beheer') || path.startsWith('/api'))).toEqual([]);
  expect(new Set(paths).size).toBe(paths.length);
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);
});

test('robots.txt keeps /beheer and /api out and names the sitemap', async ({ request, baseURL }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toContain('Disallow: /beheer');
  expect(text).toContain('Disallow: /api');
  expect(text).toContain(`Sitemap: ${baseURL ?? ''}/sitemap.xml`);
});
