import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { log } from '../logging/log.ts';
import { acquireLease, releaseLease } from './lease-repository.ts';

/**
 * Runs `work` while holding the lease `name`, waiting for it as long as another instance holds
 * it. The lease is renewed while the work runs; if this process dies, it runs out after `ttlMs`
 * and a waiting instance goes ahead. For one-off work at start (loading the demo data once).
 */
export async function withLease<T>(
  db: Kysely<Database>,
  lease: { name: string; holder: string; ttlMs: number },
  work: () => Promise<T>,
): Promise<T> {
  while (!(await acquireLease(db, lease))) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, lease.ttlMs / 10)));
  }
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = acquireLease(db, lease).catch((error: unknown) =>
      log.warn(`Lease "${lease.name}" not renewed; the work goes on`, error),
    );
  }, lease.ttlMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewing;
    await releaseLease(db, lease);
  }
}
