import type { MiddlewareHandler } from 'astro';
import { showsDemoData } from '#admin/app/cached-reads.ts';

/** Tells the layout whether demo listings are live, so residents are never misled by them. */
export const demoNoticeMiddleware: MiddlewareHandler = async (context, next) => {
  context.locals.showsDemoData = context.url.pathname.startsWith('/api/') ? false : await showsDemoData();
  return next();
};
