import { AppError } from '../errors/app-error.ts';
import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';

export class MigrationError extends AppError {
  override name = 'MigrationError';
  readonly code = 'migration_failed';
}

/** Brings the schema to the latest version; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new MigrationError(`Migratie ${failed?.migrationName ?? '(onbekend)'} mislukt.`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
