import type { Kysely } from 'kysely';
import { identityPrimaryKey } from '../dialect-sql.ts';

// Migrations take Kysely<unknown>: they must not depend on today's table types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('address_json', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('listings')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('organisation_slug', 'text', (col) =>
      col.notNull().references('organisations.slug').onUpdate('cascade'),
    )
    .addColumn('citywide', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('cost', 'text', (col) => col.notNull())
    .addColumn('cost_note', 'text')
    .addColumn('access', 'text', (col) => col.notNull())
    .addColumn('contact_json', 'text', (col) => col.notNull())
    .addColumn('locations_json', 'text', (col) => col.notNull())
    .addColumn('schedule_json', 'text', (col) => col.notNull())
    .addColumn('languages_json', 'text', (col) => col.notNull())
    .addColumn('accessibility_json', 'text', (col) => col.notNull())
    .addColumn('last_verified_at', 'text', (col) => col.notNull())
    .addColumn('is_demo', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('listings_status_idx').on('listings').column('status').execute();
  await db.schema
    .createIndex('listings_organisation_idx')
    .on('listings')
    .column('organisation_slug')
    .execute();

  for (const [table, column] of [
    ['listing_neighbourhoods', 'neighbourhood'],
    ['listing_life_domains', 'life_domain'],
    ['listing_audiences', 'audience'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('listing_id', 'integer', (col) =>
        col.notNull().references('listings.id').onDelete('cascade'),
      )
      .addColumn(column, 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['listing_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'listing_audiences',
    'listing_life_domains',
    'listing_neighbourhoods',
    'listings',
    'organisations',
    'app_meta',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
