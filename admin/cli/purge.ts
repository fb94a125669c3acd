// `npm run purge`: empties the personal data of questions closed longer ago than
// QUESTION_RETENTION_MONTHS (default 12). The server also does this daily; this is for running it
// by hand or from cron. Anonymous counts stay.
import { databaseLocation, env } from '../config/env.ts';
import { openDatabase } from '../db/open-database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { purgeClosedQuestions } from '../questions/retention.ts';
import type { Kysely } from 'kysely';

const config = env();
const db = openDatabase(databaseLocation(config));
try {
  await migrateToLatest(db as Kysely<unknown>);
  const purged = await purgeClosedQuestions(db, { months: config.QUESTION_RETENTION_MONTHS });
  console.log(
    `Persoonsgegevens verwijderd uit ${purged} ${purged === 1 ? 'vraag' : 'vragen'} die langer dan ${config.QUESTION_RETENTION_MONTHS} maanden geleden zijn afgerond.`,
  );
} finally {
  await db.destroy();
}
