import type { APIRoute } from 'astro';
import type { z } from 'zod';
import { call } from '#admin/app/call.ts';
import { hsdsSettings } from '#admin/app/app-context.ts';
import type { HsdsSettings } from '#admin/open-data/hsds-catalog.ts';
import { parseQuery } from '#admin/open-data/hsds-query.ts';
import { openDataError, openDataJson } from './json-api.ts';

/** A read model of admin/ as `call` runs it: the database first, then these arguments. */
type ReadModel<A extends unknown[], R> = Parameters<typeof call<A, R>>[0];

/**
 * The shape of every /api/hsds endpoint: read the parameters (a 400 naming the wrong ones), ask
 * the catalog in admin/, answer cacheable JSON with CORS; an unknown id is a 404.
 */
export function hsdsListRoute<S extends z.ZodObject, T>(
  schema: S,
  load: ReadModel<[z.output<S>, HsdsSettings], Promise<T>>,
): APIRoute {
  return async ({ url }) => {
    const parsed = parseQuery(schema, url.searchParams);
    if (!parsed.ok)
      return openDataError(
        400,
        'invalid_parameter',
        `Deze parameters kloppen niet: ${parsed.issues.map((issue) => `${issue.parameter} ${issue.message}`).join('; ')}.`,
        parsed.issues,
      );
    return openDataJson(await call(load, parsed.query, hsdsSettings()));
  };
}

export function hsdsItemRoute<T>(
  what: string,
  load: ReadModel<[string, HsdsSettings], Promise<T | undefined>>,
): APIRoute {
  return async ({ params }) => {
    const id = params.id ?? '';
    const found = await call(load, id, hsdsSettings());
    if (found === undefined)
      return openDataError(404, 'not_found', `Er is geen ${what} met id ${id.slice(0, 60)}.`);
    return openDataJson(found);
  };
}
