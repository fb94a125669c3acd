import type { APIRoute } from 'astro';

/**
 * Liveness: the process lives and answers HTTP. A load balancer or orchestrator restarts an
 * instance that stops answering here; whether it should get traffic is /api/ready.
 */
export const GET: APIRoute = () =>
  Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
