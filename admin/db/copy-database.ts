import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { continueIdentityAfterCopy } from './dialect-sql.ts';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import type { Database } from './tables.ts';

export class CopyDatabaseError extends AppError {
  override name = 'CopyDatabaseError';
  readonly code = 'copy_refused';
}

type Table = keyof Database;

/**
 * Every table worth keeping, parents before children (foreign keys). Not copied: leases (held
 * by the source's running instances) and rate-limit windows (minutes of life, addresses hashed
 * with the source's secret, which is copied along in app_meta anyway).
 */
const COPIED: { table: Table; numbered: boolean; order: string[] }[] = [
  { table: 'app_meta', numbered: false, order: ['key'] },
  { table: 'data_versions', numbered: false, order: ['scope'] },
  { table: 'organisations', numbered: true, order: ['id'] },
  { table: 'listings', numbered: true, order: ['id'] },
  { table: 'listing_neighbourhoods', numbered: false, order: ['listing_id', 'neighbourhood'] },
  { table: 'listing_life_domains', numbered: false, order: ['listing_id', 'life_domain'] },
  { table: 'listing_audiences', numbered: false, order: ['listing_id', 'audience'] },
  { table: 'search_log', numbered: true, order: ['id'] },
  // The monitor's search history after the log's retention.
  { table: 'search_query_counts', numbered: false, order: ['month', 'query_text'] },
  { table: 'users', numbered: true, order: ['id'] },
  { table: 'user_teams', numbered: false, order: ['user_id', 'team_id'] },
  { table: 'sessions', numbered: false, order: ['id'] },
  { table: 'recovery_codes', numbered: true, order: ['id'] },
  { table: 'one_time_tokens', numbered: false, order: ['id'] },
  { table: 'login_attempts', numbered: false, order: ['key'] },
  { table: 'mail_outbox', numbered: true, order: ['id'] },
  { table: 'audit_log', numbered: true, order: ['id'] },
  { table: 'questions', numbered: true, order: ['id'] },
  { table: 'question_events', numbered: true, order: ['id'] },
  { table: 'personal_links', numbered: false, order: ['id'] },
  { table: 'volunteers', numbered: true, order: ['id'] },
  { table: 'activity_submissions', numbered: true, order: ['id'] },
  { table: 'submission_areas', numbered: false, order: ['subject_type', 'subject_id', 'area'] },
  { table: 'submission_events', numbered: true, order: ['id'] },
  { table: 'match_requests', numbered: true, order: ['id'] },
  { table: 'listing_reports', numbered: true, order: ['id'] },
  { table: 'referrals', numbered: true, order: ['id'] },
  { table: 'referral_life_domains', numbered: false, order: ['referral_id', 'life_domain'] },
  { table: 'referral_items', numbered: true, order: ['id'] },
  { table: 'referral_events', numbered: true, order: ['id'] },
  { table: 'referral_drafts', numbered: false, order: ['user_id'] },
];

/** Rows per statement: well under both databases' limits on bound parameters. */
const BATCH = 400;

export type CopyReport = { table: Table; rows: number }[];

/** Reads a table in batches, in a stable order, without loading it whole. */
async function* batchesOf(db: Kysely<Database>, table: Table, order: string[]): AsyncGenerator<object[]> {
  // The table names come from COPIED above, not from input; Kysely's builders quote them.
  const source = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (let offset = 0; ; offset += BATCH) {
    let query = source.selectFrom(table).selectAll();
    for (const column of order) query = query.orderBy(column);
    const rows = await query.limit(BATCH).offset(offset).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
  }
}

async function count(db: Kysely<Database>, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Rows the migrations write themselves: the counter of data_versions and the installation's
 * open-data namespace in app_meta. The copy replaces them with the source's, so the open-data
 * ids derived from the namespace stay the same after a move.
 */
const MIGRATION_META_KEYS = ['open_data_namespace'];

async function dataRows(db: Kysely<Database>, table: Table): Promise<number> {
  if (table === 'data_versions') return 0;
  if (table !== 'app_meta') return count(db, table);
  const row = await db
    .selectFrom('app_meta')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', 'not in', MIGRATION_META_KEYS)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Copies all data from one database to another, e.g. an existing SQLite installation to the
 * PostgreSQL that several instances will share. The source must be fully migrated and is only
 * read; the target is migrated first and must be empty. Everything lands in one transaction on
 * the target: a copy is complete or not there at all. Ids stay the same (links in mails keep
 * working), and the target numbers new rows after the highest copied id.
 */
export async function copyDatabase(source: Kysely<Database>, target: Kysely<Database>): Promise<CopyReport> {
  const { pending } = await migrationStatus(source as Kysely<unknown>);
  if (pending.length > 0)
    throw new CopyDatabaseError(
      `De brondatabase loopt achter (${pending.join(', ')}). Migreer die eerst: npm run migrate.`,
    );
  await migrateToLatest(target as Kysely<unknown>);
  for (const { table } of COPIED) {
    if ((await dataRows(target, table)) > 0)
      throw new CopyDatabaseError(
        `De doeldatabase is niet leeg (tabel ${table} heeft rijen). Kopieer alleen naar een lege database.`,
      );
  }
  return target.transaction().execute(async (trx) => {
    const writable = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await trx.deleteFrom('data_versions').execute();
    await trx.deleteFrom('app_meta').where('key', 'in', MIGRATION_META_KEYS).execute();
    const report: CopyReport = [];
    for (const { table, numbered, order } of COPIED) {
      let rows = 0;
      for await (const batch of batchesOf(source, table, order)) {
        await writable.insertInto(table).values(batch).execute();
        rows += batch.length;
      }
      if (numbered) await continueIdentityAfterCopy(trx, table);
      report.push({ table, rows });
    }
    return report;
  });
}
