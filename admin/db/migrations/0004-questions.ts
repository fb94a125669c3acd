import { sql, type Kysely } from 'kysely';
import { identityPrimaryKey } from '../dialect-sql.ts';

// Questions from residents (/vraag) and what the team did with them. Personal fields are nullable:
// the retention purge empties them and keeps the row for anonymous counts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('questions')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('submission_key', 'text', (col) => col.notNull().unique())
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('neighbourhood', 'text')
    .addColumn('about_youth', 'integer', (col) => col.notNull())
    .addColumn('life_domains_json', 'text', (col) => col.notNull().defaultTo(sql`'[]'`))
    .addColumn('question_text', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('assigned_user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('first_contact_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema
    .createIndex('questions_team_idx')
    .on('questions')
    .columns(['team_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('questions_closed_idx')
    .on('questions')
    .columns(['status', 'closed_at'])
    .execute();
  await db.schema
    .createTable('question_events')
    .addColumn('id', 'integer', identityPrimaryKey(db))
    .addColumn('question_id', 'integer', (col) =>
      col.notNull().references('questions.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('details_json', 'text', (col) => col.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .createIndex('question_events_question_idx')
    .on('question_events')
    .column('question_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('question_events').execute();
  await db.schema.dropTable('questions').execute();
}
