import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { purgeOutbox } from '../mail/outbox-retention.ts';
import { purgeClosedQuestions } from '../questions/retention.ts';
import { purgeClosedReferrals } from '../referrals/retention.ts';
import { purgeSearchLog } from '../search-log/search-log-retention.ts';
import { purgeHandledReports } from '../volunteering/listing-reports.ts';
import { purgeVolunteerData } from '../volunteering/scheduled-work.ts';
import type { VolunteeringContext } from '../volunteering/volunteering-context.ts';

/** How long each kind of personal data is kept (README: QUESTION_RETENTION_MONTHS and friends). */
export interface RetentionSettings {
  questionMonths: number;
  referralMonths: number;
  mailDays: number;
  searchLogDays: number;
  volunteerPausedMonths: number;
  matchMonths: number;
}

export interface PurgeReport {
  questionsPurged: number;
  referralsPurged: number;
  referralDraftsDeleted: number;
  mailAddressesEmptied: number;
  mailsDeleted: number;
  searchMonthsCounted: number;
  searchesDeleted: number;
  volunteersRemoved: number;
  activitiesRemoved: number;
  requestsPurged: number;
  reportsEmptied: number;
}

/**
 * Every retention schedule in one place: run hourly by the server and by `npm run purge`. Each
 * step is safe to repeat; each commits on its own, so one failing does not hold back the others.
 */
export async function purgePersonalData(
  db: Kysely<Database>,
  settings: RetentionSettings,
  volunteering: VolunteeringContext,
  now = new Date(),
): Promise<PurgeReport> {
  const questionsPurged = await purgeClosedQuestions(db, { months: settings.questionMonths, now });
  const referrals = await purgeClosedReferrals(db, { months: settings.referralMonths, now });
  const volunteers = await purgeVolunteerData(
    db,
    { pausedMonths: settings.volunteerPausedMonths, matchMonths: settings.matchMonths },
    { ...volunteering, now },
  );
  const reportsEmptied = await purgeHandledReports(db, now);
  // Last, so the addresses of mail the steps above queued are handled in the same run.
  const mail = await purgeOutbox(db, { days: settings.mailDays, now });
  const searches = await purgeSearchLog(db, { days: settings.searchLogDays, now });
  return {
    volunteersRemoved: volunteers.volunteersRemoved,
    activitiesRemoved: volunteers.activitiesRemoved,
    requestsPurged: volunteers.requestsPurged,
    reportsEmptied,
    questionsPurged,
    referralsPurged: referrals.referralsPurged,
    referralDraftsDeleted: referrals.draftsDeleted,
    mailAddressesEmptied: mail.addressesEmptied,
    mailsDeleted: mail.mailsDeleted,
    searchMonthsCounted: searches.monthsCounted,
    searchesDeleted: searches.searchesDeleted,
  };
}

/** The settings as configured. */
export const retentionSettings = (config: {
  QUESTION_RETENTION_MONTHS: number;
  REFERRAL_RETENTION_MONTHS: number;
  MAIL_RETENTION_DAYS: number;
  SEARCH_LOG_RETENTION_DAYS: number;
  VOLUNTEER_PAUSED_RETENTION_MONTHS: number;
  MATCH_RETENTION_MONTHS: number;
}): RetentionSettings => ({
  volunteerPausedMonths: config.VOLUNTEER_PAUSED_RETENTION_MONTHS,
  matchMonths: config.MATCH_RETENTION_MONTHS,
  questionMonths: config.QUESTION_RETENTION_MONTHS,
  referralMonths: config.REFERRAL_RETENTION_MONTHS,
  mailDays: config.MAIL_RETENTION_DAYS,
  searchLogDays: config.SEARCH_LOG_RETENTION_DAYS,
});
