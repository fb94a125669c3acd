import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { sendStaleReminders } from '../listings/stale-listings.ts';
import { deliverDueMail, type SendMail } from '../mail/outbox.ts';
import { purgePersonalData, type RetentionSettings } from '../privacy/purge-personal-data.ts';
import { log } from '../logging/log.ts';
import { runVolunteerWork } from '../volunteering/scheduled-work.ts';
import type { VolunteeringContext } from '../volunteering/volunteering-context.ts';

export interface BackgroundJobOptions {
  db: Kysely<Database>;
  /** Undefined when no mail server is configured: mail then waits in the outbox. */
  send: SendMail | undefined;
  /** Links in reminder mails. */
  linkContext: () => { baseUrl: string; siteName: string };
  /** How long each kind of personal data is kept. */
  retention: RetentionSettings;
  /** Content and links for the volunteer schedules (availability checks, follow-ups). */
  volunteering: () => VolunteeringContext;
  mailIntervalMs?: number;
  housekeepingIntervalMs?: number;
}

export interface BackgroundJobs {
  /** Delivers due mail now (after a form queued some), instead of at the next round. */
  deliverMailSoon(): void;
  stop(): void;
}

/**
 * The server's own timers: the outbox is worked through every half minute; every hour the monthly
 * reminders are checked, the volunteer schedules run and personal data past its retention is purged. A failing round is
 * logged (without content) and tried again next round.
 */
export function startBackgroundJobs(options: BackgroundJobOptions): BackgroundJobs {
  const { db, send } = options;
  let delivering: Promise<unknown> | undefined;

  function deliverMailSoon(): void {
    if (!send || delivering) return;
    delivering = deliverDueMail(db, send)
      .catch((error: unknown) => log.error('Mail delivery round failed', error))
      .finally(() => {
        delivering = undefined;
      });
  }

  /**
   * Hourly, each safe to repeat: the monthly reminders, the volunteer schedules (unconfirmed
   * sign-ups, availability checks, follow-ups) and the retention purge.
   */
  function housekeeping(): void {
    sendStaleReminders(db, options.linkContext())
      .then(() => deliverMailSoon())
      .catch((error: unknown) => log.error('Stale listing reminders failed', error));
    runVolunteerWork(db, {
      ...options.volunteering(),
      pausedRetentionMonths: options.retention.volunteerPausedMonths,
    })
      .then(() => deliverMailSoon())
      .catch((error: unknown) => log.error('Volunteer schedules failed', error));
    purgePersonalData(db, options.retention, options.volunteering()).catch((error: unknown) =>
      log.error('Retention purge failed', error),
    );
  }

  const timers = [
    setInterval(deliverMailSoon, options.mailIntervalMs ?? 30_000),
    setInterval(housekeeping, options.housekeepingIntervalMs ?? 3600_000),
  ];
  for (const timer of timers) timer.unref();
  deliverMailSoon();
  housekeeping();
  return {
    deliverMailSoon,
    stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
