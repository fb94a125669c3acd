import { sequence } from 'astro:middleware';
import { adminSessionMiddleware } from './middleware/admin-session.ts';
import { demoNoticeMiddleware } from './middleware/demo-notice.ts';
import { securityHeadersMiddleware } from './middleware/security-headers.ts';
import { getMapTiles } from './lib/map-tiles.ts';

export const onRequest = sequence(
  securityHeadersMiddleware(async () => (await getMapTiles()).origin),
  adminSessionMiddleware,
  demoNoticeMiddleware,
);
