import { sequence } from 'astro:middleware';
import { demoNoticeMiddleware } from './middleware/demo-notice.ts';
import { securityHeadersMiddleware } from './middleware/security-headers.ts';
import { getMunicipality } from './lib/site-content.ts';

let tileOrigin: string | undefined;
async function configuredTileOrigin(): Promise<string | undefined> {
  const { tileUrl } = (await getMunicipality()).map;
  // A relative tile URL (tiles served by the app itself) needs no extra origin.
  tileOrigin ??= tileUrl.startsWith('/') ? undefined : new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin;
  return tileOrigin;
}

export const onRequest = sequence(securityHeadersMiddleware(configuredTileOrigin), demoNoticeMiddleware);
