import { AppError } from '../errors/app-error.ts';
import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';

export class MigrationError extends AppError {
  override name = 'MigrationError';
  readonly code = 'migration_failed';
}

const migrator = (db: Kysely<unknown>): Migrator =>
  new Migrator({ db, provider: { getMigrations: async () => migrations } });

/**
 * Brings the schema to the latest version; returns the names of the migrations it applied.
 * Several instances starting at once are safe: Kysely holds a lock (an advisory lock on
 * PostgreSQL) while it migrates, and the others find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results = [] } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(`Migratie ${failed?.migrationName ?? '(onbekend)'} mislukt.`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

export interface MigrationStatus {
  /** Migrations of this code that the database has not had yet: the schema is behind. */
  pending: string[];
  /** Migrations the database had that this code does not know: a newer release migrated it. */
  unknown: string[];
}

/** Compares the database's schema with this code's migrations, without changing anything. */
export async function migrationStatus(db: Kysely<unknown>): Promise<MigrationStatus> {
  const known = await migrator(db).getMigrations();
  const pending = known.filter((migration) => migration.executedAt === undefined).map((m) => m.name);
  const executed = new Set(known.filter((m) => m.executedAt !== undefined).map((m) => m.name));
  // Without any executed migration there is no migration table yet to look in.
  if (executed.size === 0) return { pending, unknown: [] };
  const applied = await db
    .withTables<{ kysely_migration: { name: string } }>()
    .selectFrom('kysely_migration')
    .select('name')
    .execute();
  const unknown = applied.map((row) => row.name).filter((name) => !executed.has(name));
  return { pending, unknown };
}
