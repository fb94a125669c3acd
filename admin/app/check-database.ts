import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { log } from '../logging/log.ts';

/** A cheap round trip that proves the database file is open and the schema is in place. */
export async function checkDatabase(db: Kysely<Database>): Promise<'ok' | 'unavailable'> {
  try {
    await sql`select count(*) from listings`.execute(db);
    return 'ok';
  } catch (error) {
    // The health endpoint reports the state; the cause is for the server log, not the response.
    log.error('Health check: database unavailable', error);
    return 'unavailable';
  }
}
