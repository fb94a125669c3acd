import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { purgeOutbox } from '../mail/outbox-retention.ts';
import { purgeClosedQuestions } from '../questions/retention.ts';
import { purgeClosedReferrals } from '../referrals/retention.ts';
import { purgeSearchLog } from '../search-log/search-log-retention.ts';

/** How long each kind of personal data is kept (README: QUESTION_RETENTION_MONTHS and friends). */
export interface RetentionSettings {
  questionMonths: number;
  referralMonths: number;
  mailDays: number;
  searchLogDays: number;
}

export interface PurgeReport {
  questionsPurged: number;
  referralsPurged: number;
  referralDraftsDeleted: number;
  mailAddressesEmptied: number;
  mailsDeleted: number;
  searchMonthsCounted: number;
  searchesDeleted: number;
}

/**
 * Every retention schedule in one place: run hourly by the server and by `npm run purge`. Each
 * step is safe to repeat; each commits on its own, so one failing does not hold back the others.
 */
export async function purgePersonalData(
  db: Kysely<Database>,
  settings: RetentionSettings,
  now = new Date(),
): Promise<PurgeReport> {
  const questionsPurged = await purgeClosedQuestions(db, { months: settings.questionMonths, now });
  const referrals = await purgeClosedReferrals(db, { months: settings.referralMonths, now });
  const mail = await purgeOutbox(db, { days: settings.mailDays, now });
  const searches = await purgeSearchLog(db, { days: settings.searchLogDays, now });
  return {
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
}): RetentionSettings => ({
  questionMonths: config.QUESTION_RETENTION_MONTHS,
  referralMonths: config.REFERRAL_RETENTION_MONTHS,
  mailDays: config.MAIL_RETENTION_DAYS,
  searchLogDays: config.SEARCH_LOG_RETENTION_DAYS,
});
