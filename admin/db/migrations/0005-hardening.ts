import type { Kysely } from 'kysely';

// Questions get a version, checked in every UPDATE that changes their state, so of two teamleden
// acting on the same version one wins and the other is told; mail records whether its recipient
// is a resident, whose address is emptied once the mail is delivered or finally failed; the
// search log keeps only counts of frequent queries after its retention period.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('questions')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('to_resident', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('search_query_counts')
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('query_text', 'text', (col) => col.notNull())
    .addColumn('searches', 'integer', (col) => col.notNull())
    .addColumn('without_results', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('search_query_counts_pk', ['month', 'query_text'])
    .execute();
}
