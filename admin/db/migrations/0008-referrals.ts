import { sql, type Kysely } from 'kysely';
import { identityPrimaryKey } from '../dialect-sql.ts';

// Referrals (verwijzingen) from a wijkteam to listings, and what listings keep for them: room
// ("plek"), an address for professionals only, what to bring, and contact details and intake
// conditions for referrers. Personal fields of referrals are nullable: the retention purge empties
// them and keeps the rows for anonymous counts of outcomes per gebied, wijk, leefgebied and listing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('listings').addColumn('room_status', 'text').execute();
  await db.schema.alterTable('listings').addColumn('room_wait_weeks', 'integer').execute();
  await db.schema.alterTable('listings').addColumn('room_set_at', 'text').execute();
  await db.schema
    .alterTable('listings')
    .addColumn('address_on_request', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('listings').addColumn('what_to_bring', 'text').execute();
  await db.schema
    .alterTable('listings')
    .addColumn('professional_json', 'text', (col) => col.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('created_by_user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('question_id', 'integer', (col) => col.references('questions.id').onDelete('set null'))
    .addColumn('area', 'text')
    .addColumn('neighbourhood', 'text')
    .addColumn('urgency', 'text', (col) => col.notNull())
    .addColumn('contact_by', 'text', (col) => col.notNull())
    .addColumn('resident_name', 'text')
    .addColumn('resident_phone', 'text')
    .addColumn('resident_email', 'text')
    .addColumn('note', 'text')
    .addColumn('consent_at', 'text', (col) => col.notNull())
    .addColumn('follow_up_due_at', 'text', (col) => col.notNull())
    .addColumn('follow_up_answer', 'text')
    .addColumn('follow_up_note', 'text')
    .addColumn('follow_up_answered_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('referrals_team_idx')
    .on('referrals')
    .columns(['team_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_follow_up_idx')
    .on('referrals')
    .columns(['created_by_user_id', 'follow_up_answered_at', 'follow_up_due_at'])
    .execute();
  await db.schema.createIndex('referrals_question_idx').on('referrals').column('question_id').execute();

  await db.schema
    .createTable('referral_life_domains')
    .addColumn('referral_id', 'integer', (col) =>
      col.notNull().references('referrals.id').onDelete('cascade'),
    )
    .addColumn('life_domain', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('referral_life_domains_pk', ['referral_id', 'life_domain'])
    .execute();

  await db.schema
    .createTable('referral_items')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('referral_id', 'integer', (col) =>
      col.notNull().references('referrals.id').onDelete('cascade'),
    )
    .addColumn('listing_id', 'integer', (col) => col.notNull().references('listings.id'))
    // The organisation that received it, kept as it was: who may act on it, and who it counts for.
    .addColumn('organisation_slug', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('reason_note', 'text')
    .addColumn('status_at', 'text', (col) => col.notNull())
    .addColumn('reminder_sent_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('referral_items_referral_idx')
    .on('referral_items')
    .column('referral_id')
    .execute();
  await db.schema
    .createIndex('referral_items_organisation_idx')
    .on('referral_items')
    .columns(['organisation_slug', 'status'])
    .execute();

  await db.schema
    .createTable('referral_events')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('referral_id', 'integer', (col) =>
      col.notNull().references('referrals.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'integer')
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('details_json', 'text', (col) => col.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .createIndex('referral_events_referral_idx')
    .on('referral_events')
    .column('referral_id')
    .execute();

  // The referral a teamlid is putting together: listings picked from search or suggestions. No
  // personal data: a question id and listing ids.
  await db.schema
    .createTable('referral_drafts')
    .addColumn('user_id', 'integer', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (col) => col.references('questions.id').onDelete('set null'))
    .addColumn('listing_ids_json', 'text', (col) => col.notNull().defaultTo(sql`'[]'`))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'referral_drafts',
    'referral_events',
    'referral_items',
    'referral_life_domains',
    'referrals',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    'professional_json',
    'what_to_bring',
    'address_on_request',
    'room_set_at',
    'room_wait_weeks',
    'room_status',
  ]) {
    await db.schema.alterTable('listings').dropColumn(column).execute();
  }
}
