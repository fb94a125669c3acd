import type { APIRoute } from 'astro';
import { env } from '#admin/config/env.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { robotsTxt } from '#admin/open-data/sitemap.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt(publicBaseUrl(env())), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  });
