import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startThrowawayPostgres } from './throwaway-postgres.ts';

/**
 * A fresh PostgreSQL database for a cluster of instances: on TEST_DATABASE_URL's server when
 * given, otherwise on a throwaway server started here. `drop` removes it (and that server).
 */
export async function clusterDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL ? undefined : await startThrowawayPostgres();
  const serverUrl = process.env.TEST_DATABASE_URL ?? server?.url ?? '';
  const name = `wwcluster_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // A closed pool's server processes end a moment after its sockets; `force` is for the rest.
      for (let tries = 0; tries < 50; tries++) {
        const { rows } = await admin.query('select 1 from pg_stat_activity where datname = $1', [name]);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
      await server?.stop();
    },
  };
}
