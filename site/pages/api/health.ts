import type { APIRoute } from 'astro';
import { call } from '#admin/app/call.ts';
import { checkDatabase } from '#admin/app/check-database.ts';

/** Liveness and readiness for load balancers and monitoring: 200 when the database answers. */
export const GET: APIRoute = async () => {
  const database = await call(checkDatabase);
  const healthy = database === 'ok';
  return Response.json(
    { status: healthy ? 'ok' : 'degraded', checks: { database } },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
};
