// `npm run migrate`: brings the database of DATABASE_URL (or DATABASE_PATH) to the schema of this
// release. Run it once per deploy before starting instances with MIGRATE_ON_START=false.
//
//   npm run migrate             apply what is pending
//   npm run migrate -- --check  only report; exit code 1 while migrations are pending
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { databaseLocation, env } from '../config/env.ts';
import { describeDatabaseLocation } from '../db/database-location.ts';
import { migrateToLatest, migrationStatus } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const location = databaseLocation(env());
// No statement timeout: a migration of a large table may take its time.
const db = openDatabase(location, { poolSize: 1, statementTimeoutMs: 0 }) as Kysely<unknown>;
const where = describeDatabaseLocation(location);
try {
  if (values.check) {
    const { pending, unknown } = await migrationStatus(db);
    if (unknown.length > 0)
      console.log(`${where} heeft migraties van een nieuwere versie: ${unknown.join(', ')}.`);
    if (pending.length > 0) {
      console.log(`${where} loopt achter; nog uit te voeren: ${pending.join(', ')}.`);
      process.exitCode = 1;
    } else console.log(`${where} is bij: geen migraties uit te voeren.`);
  } else {
    const applied = await migrateToLatest(db);
    console.log(
      applied.length > 0
        ? `${where}: ${applied.length} migratie(s) uitgevoerd: ${applied.join(', ')}.`
        : `${where} was al bij: geen migraties uitgevoerd.`,
    );
  }
} finally {
  await db.destroy();
}
