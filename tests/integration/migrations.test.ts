import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationStatus } from '#admin/db/migrate.ts';
import { migrations } from '#admin/db/migrations/index.ts';
import { captureLog } from '#admin/logging/log.ts';
import { ensureSchema, SchemaBehindError } from '#admin/setup/schema-on-start.ts';
import { tempDatabase, testDialect, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;
let db: Kysely<unknown>;
beforeEach(async () => {
  database = await tempDatabase();
  db = database.db as Kysely<unknown>;
});
afterEach(async () => {
  await database.close();
});

const all = Object.keys(migrations);

describe('the schema at start', () => {
  it('is behind on an empty database, and current after migrating', async () => {
    expect(await migrationStatus(db)).toEqual({ pending: all, unknown: [] });
    expect(await migrateToLatest(db)).toEqual(all);
    expect(await migrationStatus(db)).toEqual({ pending: [], unknown: [] });
  });

  it('stops a server that may not migrate while the schema is behind, naming what to run', async () => {
    await expect(ensureSchema(db, { migrate: false, where: 'de testdatabase' })).rejects.toThrow(
      SchemaBehindError,
    );
    await expect(ensureSchema(db, { migrate: false, where: 'de testdatabase' })).rejects.toThrow(
      /loopt achter: nog uit te voeren 0001-listings.*npm run migrate/,
    );
    expect(await ensureSchema(db, { migrate: true, where: 'de testdatabase' })).toEqual(all);
    expect(await ensureSchema(db, { migrate: false, where: 'de testdatabase' })).toEqual([]);
  });

  it('uses a schema that a newer release migrated as it is, and says so in the log', async () => {
    await migrateToLatest(db);
    await db
      .withTables<{ kysely_migration: { name: string; timestamp: string } }>()
      .insertInto('kysely_migration')
      .values({ name: '9999-from-the-future', timestamp: new Date().toISOString() })
      .execute();
    expect(await migrationStatus(db)).toEqual({ pending: [], unknown: ['9999-from-the-future'] });
    const lines: string[] = [];
    const restore = captureLog((line) => lines.push(line));
    try {
      expect(await ensureSchema(db, { migrate: true, where: 'de testdatabase' })).toEqual([]);
    } finally {
      restore();
    }
    expect(lines.join('\n')).toContain('9999-from-the-future');
  });

  it('numbers ids as the first releases did on SQLite, and with identity columns on PostgreSQL', async () => {
    await migrateToLatest(db);
    if (testDialect() === 'sqlite') {
      const { rows } = await sql<{
        sql: string;
      }>`select sql from sqlite_master where name = 'listings'`.execute(db);
      expect(rows[0]?.sql).toMatch(/^create table "listings" \("id" integer primary key autoincrement,/i);
    } else {
      const { rows } = await sql<{
        is_identity: string;
      }>`select is_identity from information_schema.columns where table_name = 'listings' and column_name = 'id'`.execute(
        db,
      );
      expect(rows[0]?.is_identity).toBe('YES');
    }
  });
});
