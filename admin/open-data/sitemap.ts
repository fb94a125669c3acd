import type { Kysely } from 'kysely';
import type { Content } from '../content/load-content.ts';
import type { Database } from '../db/tables.ts';
import { listPublicOrganisations } from '../organisations/organisation-repository.ts';

/**
 * Every public page, for search engines: the fixed pages, each wijk and info page from content,
 * each published listing and each checked organisation, with the day it last changed where
 * we know it. The back office and the API are not pages for search engines (robots.txt).
 */
export interface SitemapEntry {
  path: string;
  lastModified?: string;
}

const FIXED_PAGES = [
  '/',
  '/wijken',
  '/wijken/mijn-wijk',
  '/zoeken',
  '/kaart',
  '/organisaties',
  '/vraag',
  '/helpen',
  '/activiteit-aanmelden',
];

export async function sitemapEntries(db: Kysely<Database>, content: Content): Promise<SitemapEntry[]> {
  const listings = await db
    .selectFrom('listings')
    .select(['slug', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('slug')
    .execute();
  const organisations = await listPublicOrganisations(db);
  return [
    ...FIXED_PAGES.map((path) => ({ path })),
    ...content.neighbourhoods.map((wijk) => ({ path: `/wijken/${wijk.id}` })),
    ...content.pages.map((page) => ({ path: `/${page.id}` })),
    ...listings.map((row) => ({ path: `/aanbod/${row.slug}`, lastModified: row.updated_at.slice(0, 10) })),
    ...organisations.map((organisation) => ({
      path: `/organisaties/${organisation.slug}`,
      lastModified: organisation.updatedAt.slice(0, 10),
    })),
  ];
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`,
  );

/** The sitemaps.org XML of the entries, with absolute URLs on `baseUrl`. */
export function sitemapXml(entries: SitemapEntry[], baseUrl: string): string {
  const urls = entries.map(
    (entry) =>
      `  <url><loc>${escapeXml(`${baseUrl}${entry.path}`)}</loc>${
        entry.lastModified ? `<lastmod>${entry.lastModified}</lastmod>` : ''
      }</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Keeps search engines out of the back office and the API, and points them at the sitemap. */
export function robotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /beheer',
    'Disallow: /api',
    'Disallow: /_actions',
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
