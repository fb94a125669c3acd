import type { APIRoute } from 'astro';
import { env } from '#admin/config/env.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';
import { openDataJson, openDataPreflight } from '#site/lib/json-api.ts';

/** HSDS 3.1 `GET /`: which version this API speaks, its profile and where its description is. */
export const GET: APIRoute = () => {
  const base = publicBaseUrl(env());
  return openDataJson({
    version: '3.1',
    profile: `${base}/api/openapi.json#/info/x-hsds-profile`,
    openapi_url: `${base}/api/openapi.json`,
  });
};
export const OPTIONS = openDataPreflight;
