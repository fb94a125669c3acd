import type { Kysely } from 'kysely';

// What several instances on one database share instead of keeping it in their own memory:
// leases on background work, claims on mail being sent, rate-limit windows, and the version of
// the public data that caches and search indexes follow.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('holder', 'text', (col) => col.notNull())
    .addColumn('acquired_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema.alterTable('mail_outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('claimed_until', 'text').execute();

  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_windows_started_idx')
    .on('rate_limit_windows')
    .column('started_at')
    .execute();

  await db.schema
    .createTable('data_versions')
    .addColumn('scope', 'text', (col) => col.primaryKey())
    .addColumn('version', 'integer', (col) => col.notNull())
    .execute();
  const versions = db as Kysely<{ data_versions: { scope: string; version: number } }>;
  await versions.insertInto('data_versions').values({ scope: 'public', version: 0 }).execute();

  // The public data version at a listing's last change: an index follows changes since a version.
  await db.schema
    .alterTable('listings')
    .addColumn('data_version', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('listings_data_version_idx').on('listings').column('data_version').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('listings_data_version_idx').execute();
  await db.schema.alterTable('listings').dropColumn('data_version').execute();
  await db.schema.dropTable('data_versions').execute();
  await db.schema.dropTable('rate_limit_windows').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('claimed_until').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('claimed_by').execute();
  await db.schema.dropTable('leases').execute();
}
