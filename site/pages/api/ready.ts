import type { APIRoute } from 'astro';
import { call } from '#admin/app/call.ts';
import { databaseReadiness } from '#admin/app/readiness.ts';
import { appSearch } from '#search/index.ts';

const REASONS = {
  stopping: 'Deze instantie stopt.',
  database: 'De database antwoordt niet.',
  migrations: 'Het databaseschema loopt achter: voer "npm run migrate" uit.',
  search: 'De zoekmachine is niet klaar of niet bereikbaar.',
} as const;

/**
 * Readiness, for the load balancer: 200 when the database answers, its schema is current, the
 * search index is ready and the instance is not shutting down; 503 with the reasons otherwise.
 */
export const GET: APIRoute = async () => {
  const search = appSearch().status();
  const database = await call(databaseReadiness);
  const reasons = [
    database.instance === 'stopping' && REASONS.stopping,
    database.database !== 'ok' && REASONS.database,
    database.migrations === 'behind' && REASONS.migrations,
    search !== 'ready' && REASONS.search,
  ].filter((reason) => reason !== false);
  return Response.json(
    {
      status: reasons.length === 0 ? 'ready' : 'not-ready',
      checks: { ...database, search },
      ...(reasons.length > 0 ? { reasons } : {}),
    },
    { status: reasons.length === 0 ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
};
