import { sql, type Kysely } from 'kysely';
import { identityPrimaryKey } from '../dialect-sql.ts';

// Volunteers (/helpen), activities residents register (/activiteit-aanmelden), requests to use a
// volunteer's offer and their follow-up, reports about listings ("Klopt er iets niet?") and the
// personal links that let people without an account manage what they sent. Personal fields are
// nullable: withdrawing or the retention purge empties them and keeps an anonymous row for counts.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Where a listing comes from: an editor's form, a volunteer's public offer, or a resident's activity.
  await db.schema
    .alterTable('listings')
    .addColumn('origin', 'text', (col) => col.notNull().defaultTo('editor'))
    .execute();

  await db.schema
    .createTable('personal_links')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('secret_hash', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'integer', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('personal_links_subject_idx')
    .on('personal_links')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('volunteers')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('submission_key', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('kinds_json', 'text', (col) => col.notNull().defaultTo(sql`'[]'`))
    .addColumn('neighbourhoods_json', 'text', (col) => col.notNull().defaultTo(sql`'[]'`))
    .addColumn('citywide', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('show_offer', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('availability_json', 'text')
    .addColumn('languages_json', 'text')
    .addColumn('own_words', 'text')
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('listing_id', 'integer', (col) => col.references('listings.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('availability_asked_at', 'text')
    .addColumn('availability_confirmed_at', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('purged_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('volunteers_status_idx')
    .on('volunteers')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('activity_submissions')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('submission_key', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('draft_json', 'text')
    .addColumn('neighbourhood', 'text')
    .addColumn('organiser_name', 'text')
    .addColumn('organiser_email', 'text')
    .addColumn('organiser_phone', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('listing_id', 'integer', (col) => col.references('listings.id').onDelete('set null'))
    .addColumn('last_date', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('purged_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('activity_submissions_status_idx')
    .on('activity_submissions')
    .columns(['status', 'created_at'])
    .execute();

  // Which gebieden a sign-up or activity concerns: the teamleden of those gebieden moderate it.
  await db.schema
    .createTable('submission_areas')
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'integer', (col) => col.notNull())
    .addColumn('area', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('submission_areas_pk', ['subject_type', 'subject_id', 'area'])
    .execute();
  await db.schema.createIndex('submission_areas_area_idx').on('submission_areas').column('area').execute();

  await db.schema
    .createTable('submission_events')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('details_json', 'text', (col) => col.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .createIndex('submission_events_subject_idx')
    .on('submission_events')
    .columns(['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('match_requests')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('submission_key', 'text', (col) => col.notNull().unique())
    .addColumn('listing_id', 'integer', (col) => col.references('listings.id').onDelete('set null'))
    .addColumn('volunteer_id', 'integer', (col) => col.references('volunteers.id').onDelete('set null'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('need_text', 'text')
    .addColumn('requester_name', 'text')
    .addColumn('requester_phone', 'text')
    .addColumn('requester_email', 'text')
    .addColumn('connected_at', 'text')
    .addColumn('follow_up_sent_at', 'text')
    .addColumn('requester_outcome', 'text')
    .addColumn('volunteer_outcome', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('purged_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('match_requests_status_idx')
    .on('match_requests')
    .columns(['status', 'connected_at'])
    .execute();

  await db.schema
    .createTable('listing_reports')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('submission_key', 'text', (col) => col.notNull().unique())
    .addColumn('listing_id', 'integer', (col) => col.notNull().references('listings.id').onDelete('cascade'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('details', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('handled_at', 'text')
    .addColumn('handled_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('listing_reports_listing_idx')
    .on('listing_reports')
    .columns(['listing_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'listing_reports',
    'match_requests',
    'submission_events',
    'submission_areas',
    'activity_submissions',
    'volunteers',
    'personal_links',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('listings').dropColumn('origin').execute();
}
