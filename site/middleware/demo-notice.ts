import type { MiddlewareHandler } from 'astro';
import { call } from '#admin/app/call.ts';
import { hasPublishedDemoListings } from '#admin/listings/listing-repository.ts';

/** Tells the layout whether demo listings are live, so residents are never misled by them. */
export const demoNoticeMiddleware: MiddlewareHandler = async (context, next) => {
  context.locals.showsDemoData = context.url.pathname.startsWith('/api/')
    ? false
    : await call(hasPublishedDemoListings);
  return next();
};
