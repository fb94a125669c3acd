/**
 * Whether this process is shutting down. scripts/serve.ts marks it on SIGTERM, before it stops
 * accepting connections, so /api/ready turns 503 and a load balancer sends no new requests here.
 */
let stopping = false;

export function markStopping(): void {
  stopping = true;
}

export function isStopping(): boolean {
  return stopping;
}
