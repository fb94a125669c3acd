// `npm run purge`: applies every retention schedule now (the server also does this hourly): the
// personal data of questions closed longer ago than QUESTION_RETENTION_MONTHS and of referrals
// closed (or untouched) longer ago than REFERRAL_RETENTION_MONTHS, residents'
// addresses in the outbox and mail older than MAIL_RETENTION_DAYS, and searches older than
// SEARCH_LOG_RETENTION_DAYS (frequent queries stay as monthly counts), volunteers paused longer than
// VOLUNTEER_PAUSED_RETENTION_MONTHS, requests for help closed longer than MATCH_RETENTION_MONTHS;
// and the volunteer schedules (unconfirmed sign-ups, availability checks, "Is het gelukt?").
// For running by hand or cron.
import type { Kysely } from 'kysely';
import { databaseLocation, env } from '../config/env.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { contentRoot } from '../config/paths.ts';
import { publicBaseUrl } from '../config/public-url.ts';
import { loadContent } from '../content/load-content.ts';
import { purgePersonalData, retentionSettings } from '../privacy/purge-personal-data.ts';
import { runVolunteerWork } from '../volunteering/scheduled-work.ts';

const config = env();
const db = openDatabase(databaseLocation(config));
try {
  await migrateToLatest(db as Kysely<unknown>);
  const content = loadContent(contentRoot);
  const volunteering = { content, baseUrl: publicBaseUrl(config), siteName: content.municipality.siteName };
  const settings = retentionSettings(config);
  // The mails these schedules queue wait in the outbox; the running server sends them.
  const work = await runVolunteerWork(db, {
    ...volunteering,
    pausedRetentionMonths: settings.volunteerPausedMonths,
  });
  const report = await purgePersonalData(db, settings, volunteering);
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  console.log(
    [
      `Persoonsgegevens verwijderd uit ${plural(report.questionsPurged, 'vraag', 'vragen')} die langer dan ${config.QUESTION_RETENTION_MONTHS} maanden geleden zijn afgerond.`,
      `Persoonsgegevens verwijderd uit ${plural(report.referralsPurged, 'verwijzing', 'verwijzingen')} die langer dan ${config.REFERRAL_RETENTION_MONTHS} maanden geleden zijn afgesloten of niet meer zijn bijgewerkt; ${plural(report.referralDraftsDeleted, 'oud concept', 'oude concepten')} verwijderd.`,
      `Adressen van inwoners verwijderd uit ${plural(report.mailAddressesEmptied, 'verstuurde mail', 'verstuurde mails')}; ${plural(report.mailsDeleted, 'mail', 'mails')} ouder dan ${config.MAIL_RETENTION_DAYS} dagen verwijderd.`,
      `${plural(report.searchesDeleted, 'zoekopdracht', 'zoekopdrachten')} ouder dan ${config.SEARCH_LOG_RETENTION_DAYS} dagen verwijderd; ${plural(report.searchMonthsCounted, 'maand', 'maanden')} geteld.`,
      `${plural(work.unconfirmedDeleted, 'onbevestigde aanmelding', 'onbevestigde aanmeldingen')} van meer dan 7 dagen oud verwijderd.`,
      `${plural(work.availabilityAsked, 'vrijwilliger', 'vrijwilligers')} gevraagd of ze nog beschikbaar zijn; ${plural(work.paused, 'aanmelding', 'aanmeldingen')} op pauze gezet omdat er geen antwoord kwam.`,
      `${plural(work.followUpsSent, 'vraag', 'vragen')} "Is het gelukt?" verstuurd; ${plural(work.matchesClosed, 'aanvraag', 'aanvragen')} afgerond.`,
      `Gegevens verwijderd van ${plural(report.volunteersRemoved, 'vrijwilliger', 'vrijwilligers')} (langer dan ${config.VOLUNTEER_PAUSED_RETENTION_MONTHS} maanden op pauze, of afgewezen), ${plural(report.activitiesRemoved, 'activiteit', 'activiteiten')} en ${plural(report.requestsPurged, 'aanvraag', 'aanvragen')} om hulp.`,
    ].join('\n'),
  );
} finally {
  await db.destroy();
}
