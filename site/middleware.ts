import { sequence } from 'astro:middleware';
import { adminSessionMiddleware } from './middleware/admin-session.ts';
import { demoNoticeMiddleware } from './middleware/demo-notice.ts';
import { securityHeadersMiddleware } from './middleware/security-headers.ts';

export const onRequest = sequence(securityHeadersMiddleware, adminSessionMiddleware, demoNoticeMiddleware);
