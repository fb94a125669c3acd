// `npm run purge`: applies every retention schedule now (the server also does this hourly): the
// personal data of questions closed longer ago than QUESTION_RETENTION_MONTHS and of referrals
// closed (or untouched) longer ago than REFERRAL_RETENTION_MONTHS, residents'
// addresses in the outbox and mail older than MAIL_RETENTION_DAYS, and searches older than
// SEARCH_LOG_RETENTION_DAYS (frequent queries stay as monthly counts). For running by hand or cron.
import type { Kysely } from 'kysely';
import { databaseLocation, env } from '../config/env.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { purgePersonalData, retentionSettings } from '../privacy/purge-personal-data.ts';

const config = env();
const db = openDatabase(databaseLocation(config));
try {
  await migrateToLatest(db as Kysely<unknown>);
  const report = await purgePersonalData(db, retentionSettings(config));
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  console.log(
    [
      `Persoonsgegevens verwijderd uit ${plural(report.questionsPurged, 'vraag', 'vragen')} die langer dan ${config.QUESTION_RETENTION_MONTHS} maanden geleden zijn afgerond.`,
      `Persoonsgegevens verwijderd uit ${plural(report.referralsPurged, 'verwijzing', 'verwijzingen')} die langer dan ${config.REFERRAL_RETENTION_MONTHS} maanden geleden zijn afgesloten of niet meer zijn bijgewerkt; ${plural(report.referralDraftsDeleted, 'oud concept', 'oude concepten')} verwijderd.`,
      `Adressen van inwoners verwijderd uit ${plural(report.mailAddressesEmptied, 'verstuurde mail', 'verstuurde mails')}; ${plural(report.mailsDeleted, 'mail', 'mails')} ouder dan ${config.MAIL_RETENTION_DAYS} dagen verwijderd.`,
      `${plural(report.searchesDeleted, 'zoekopdracht', 'zoekopdrachten')} ouder dan ${config.SEARCH_LOG_RETENTION_DAYS} dagen verwijderd; ${plural(report.searchMonthsCounted, 'maand', 'maanden')} geteld.`,
    ].join('\n'),
  );
} finally {
  await db.destroy();
}
