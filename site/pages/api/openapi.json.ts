import type { APIRoute } from 'astro';
import { env } from '#admin/config/env.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { appContent } from '#admin/app/app-context.ts';
import { openApiDocument } from '#admin/open-data/openapi.ts';
import { openDataJson, openDataPreflight } from '#site/lib/json-api.ts';

/** The OpenAPI 3.1 description of every public JSON endpoint. */
export const GET: APIRoute = () =>
  openDataJson(openApiDocument(publicBaseUrl(env()), appContent().municipality.siteName));
export const OPTIONS = openDataPreflight;
