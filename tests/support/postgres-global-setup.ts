import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * Gives the `integration:postgres` project a PostgreSQL server: TEST_DATABASE_URL when set (a
 * role that may create databases), otherwise one started here for this run and removed after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: ThrowawayPostgres | undefined;
  const given = process.env.TEST_DATABASE_URL;
  if (!given) server = await startThrowawayPostgres();
  project.provide('postgresUrl', given ?? server?.url ?? '');
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server on which each test creates its own database. */
    postgresUrl: string;
  }
}
