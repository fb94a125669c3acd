import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { migrateToLatest } from '#admin/db/migrate.ts';
import { openDatabase } from '#admin/db/open-database.ts';
import type { Database } from '#admin/db/tables.ts';

/** A real SQLite file in a fresh temporary folder; `close` destroys the connection and the folder. */
export function tempDatabase(): { db: Kysely<Database>; path: string; close: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'wijkwijzer-test-'));
  const path = join(dir, 'test.sqlite');
  const db = openDatabase(path);
  return {
    db,
    path,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A temporary database with every migration applied and no content. */
export async function migratedTempDatabase(): Promise<ReturnType<typeof tempDatabase>> {
  const database = tempDatabase();
  await migrateToLatest(database.db as Kysely<unknown>);
  return database;
}
