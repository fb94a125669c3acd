import type { APIRoute } from 'astro';
import { appContent } from '#admin/app/app-context.ts';
import { call } from '#admin/app/call.ts';
import { env } from '#admin/config/env.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { sitemapEntries, sitemapXml } from '#admin/open-data/sitemap.ts';

/** Every public page for search engines; URLs from configuration, never from the Host header. */
export const GET: APIRoute = async () =>
  new Response(sitemapXml(await call(sitemapEntries, appContent()), publicBaseUrl(env())), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
