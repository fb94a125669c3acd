import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseLocation } from '#admin/db/database-location.ts';
import { migrateToLatest } from '#admin/db/migrate.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import type { Database } from '#admin/db/tables.ts';

/**
 * A fresh, empty database for one test: a SQLite file in a temporary folder, or, in the
 * `integration:postgres` project, a new database on the suite's PostgreSQL server
 * (tests/support/postgres-global-setup.ts). `close` destroys the connection and the database.
 */
export interface TempDatabase {
  db: Kysely<Database>;
  location: DatabaseLocation;
  /** Another handle on the same database: a second instance of the app. */
  openAnother(): Kysely<Database>;
  close(): Promise<void>;
}

export const testDialect = (): DatabaseLocation['dialect'] =>
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

let admin: pg.Pool | undefined;
/** The server-level connection that creates and drops the test databases of this worker. */
function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: inject('postgresUrl'), max: 2 });
  return admin;
}

async function tempPostgresDatabase(): Promise<{ location: DatabaseLocation; drop: () => Promise<void> }> {
  const name = `wwtest_${randomBytes(6).toString('hex')}`;
  await adminPool().query(`create database ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return {
    location: { dialect: 'postgres', url: url.toString() },
    drop: async () => {
      // A closed pool's server processes end a moment after its sockets; wait for them, so
      // `force` below only ends what a test left open.
      for (let tries = 0; tries < 50; tries++) {
        const { rows } = await adminPool().query('select 1 from pg_stat_activity where datname = $1', [name]);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await adminPool().query(`drop database ${name} with (force)`);
    },
  };
}

/** `dialect` overrides the project's database, e.g. for the SQLite source of a copy. */
export async function tempDatabase(dialect = testDialect()): Promise<TempDatabase> {
  const handles: Kysely<Database>[] = [];
  const open = (location: DatabaseLocation): Kysely<Database> => {
    const db = openDatabase(location, { poolSize: 5 });
    handles.push(db);
    return db;
  };
  const destroyHandles = () => Promise.all(handles.map((db) => db.destroy()));

  if (dialect === 'postgres') {
    const { location, drop } = await tempPostgresDatabase();
    return {
      db: open(location),
      location,
      openAnother: () => open(location),
      close: async () => {
        await destroyHandles();
        await drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-test-'));
  const location: DatabaseLocation = { dialect: 'sqlite', path: join(dir, 'test.sqlite') };
  return {
    db: open(location),
    location,
    openAnother: () => open(location),
    close: async () => {
      await destroyHandles();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temporary database with every migration applied and no content. */
export async function migratedTempDatabase(): Promise<TempDatabase> {
  const database = await tempDatabase();
  await migrateToLatest(database.db as Kysely<unknown>);
  return database;
}
