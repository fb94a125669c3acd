import type { Kysely } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { migrateToLatest, migrationStatus } from '../db/migrate.ts';
import { log } from '../logging/log.ts';

/** The database lacks migrations of this release and this instance may not apply them. */
export class SchemaBehindError extends AppError {
  override name = 'SchemaBehindError';
  readonly code = 'schema_behind';
}

/**
 * What a starting server does about the schema. With `migrate` (MIGRATE_ON_START, the default
 * for one instance) pending migrations are applied. Without it (several instances, migrated once
 * per deploy by `npm run migrate`) a schema that is behind stops the start with a clear message.
 * A schema ahead of this release (a newer release migrated it; rolling back or a rolling deploy)
 * is used as it is: migrations only add, so older code keeps working on it.
 */
export async function ensureSchema(
  db: Kysely<unknown>,
  options: { migrate: boolean; where: string },
): Promise<string[]> {
  const { pending, unknown } = await migrationStatus(db);
  if (unknown.length > 0) {
    log.warn(
      `${options.where} has migrations of a newer release (${unknown.join(', ')}); this release does not migrate and uses the schema as it is`,
    );
    return [];
  }
  if (pending.length === 0) return [];
  if (!options.migrate) {
    throw new SchemaBehindError(
      `Het databaseschema van ${options.where} loopt achter: nog uit te voeren ${pending.join(', ')}. ` +
        'Voer eerst "npm run migrate" uit (met dezelfde DATABASE_URL), of start met MIGRATE_ON_START=true.',
    );
  }
  return migrateToLatest(db);
}
