import { expect, it } from 'vitest';
import { robotsTxt, sitemapXml } from '#admin/open-data/sitemap.ts';

it('writes absolute, escaped URLs with their last change', () => {
  const xml = sitemapXml(
    [{ path: '/' }, { path: '/aanbod/koffie&thee', lastModified: '2026-11-30' }],
    'https://wijkwijzer.example',
  );
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  expect(xml).toContain('<url><loc>https://wijkwijzer.example/</loc></url>');
  expect(xml).toContain(
    '<url><loc>https://wijkwijzer.example/aanbod/koffie&amp;thee</loc><lastmod>2026-11-30</lastmod></url>',
  );
});

it('keeps crawlers out of the back office and the API', () => {
  expect(robotsTxt('https://wijkwijzer.example').split('\n')).toEqual([
    'User-agent: *',
    'Disallow: /beheer',
    'Disallow: /api',
    'Disallow: /_actions',
    '',
    'Sitemap: https://wijkwijzer.example/sitemap.xml',
    '',
  ]);
});
