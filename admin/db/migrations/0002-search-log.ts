import type { Kysely } from 'kysely';
import { identityPrimaryKey } from '../dialect-sql.ts';

// What residents searched for, without who: no IP, no session, no user id. Feeds the monitoring
// of gaps in the sociale kaart (searches that found nothing).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_log')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('query_text', 'text', (col) => col.notNull())
    .addColumn('filters_json', 'text', (col) => col.notNull())
    .addColumn('hit_count', 'integer', (col) => col.notNull())
    .addColumn('took_ms', 'real', (col) => col.notNull())
    .addColumn('searched_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('search_log_searched_at_idx').on('search_log').column('searched_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_log').execute();
}
