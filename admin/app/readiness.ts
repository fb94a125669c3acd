import type { Kysely } from 'kysely';
import { migrationStatus } from '../db/migrate.ts';
import type { Database } from '../db/tables.ts';
import { log } from '../logging/log.ts';
import { isStopping } from './lifecycle.ts';

export interface DatabaseReadiness {
  database: 'ok' | 'unavailable';
  /** `behind`: this release has migrations the database lacks (run `npm run migrate`). */
  migrations: 'current' | 'behind' | 'unknown';
  instance: 'running' | 'stopping';
}

let lastProblem: string | undefined;

/**
 * What admin/ knows about whether this instance should get traffic: the database answers, its
 * schema has every migration of this release, and the process is not shutting down. The cause
 * of a failure is logged once when it starts, not at every probe of the load balancer.
 */
export async function databaseReadiness(db: Kysely<Database>): Promise<DatabaseReadiness> {
  const instance = isStopping() ? 'stopping' : 'running';
  try {
    const { pending } = await migrationStatus(db as Kysely<unknown>);
    if (lastProblem) log.info('Database answers again');
    lastProblem = undefined;
    return { database: 'ok', migrations: pending.length > 0 ? 'behind' : 'current', instance };
  } catch (error) {
    if (!lastProblem) log.error('Database unavailable for /api/ready', error);
    lastProblem = 'database';
    return { database: 'unavailable', migrations: 'unknown', instance };
  }
}
