import type { Kysely } from 'kysely';

// Open data needs identifiers that outlive slugs, renames and re-imports: organisations and
// listings get a stored UUID (the HSDS `id`), and the installation a namespace from which the ids
// of objects without a row of their own (locations, schedules, taxonomy terms) are derived.
// Imported organisations and listings are marked until someone checked them. The monthly search
// counts also keep how often a query found only a few results.
interface Before {
  organisations: { id: number; uuid: string | null };
  listings: { id: number; uuid: string | null };
  app_meta: { key: string; value: string };
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Before>;
  for (const table of ['organisations', 'listings'] as const) {
    await db.schema.alterTable(table).addColumn('uuid', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('needs_review', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    const rows = await db.selectFrom(table).select('id').execute();
    for (const row of rows)
      await db.updateTable(table).set({ uuid: crypto.randomUUID() }).where('id', '=', row.id).execute();
    await db.schema.createIndex(`${table}_uuid_idx`).on(table).column('uuid').unique().execute();
  }
  await db
    .insertInto('app_meta')
    .values({ key: 'open_data_namespace', value: crypto.randomUUID() })
    .execute();
  await db.schema.alterTable('search_query_counts').addColumn('few_results', 'integer').execute();
}
