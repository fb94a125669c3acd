import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { startLeasedJob } from '../leases/leased-job.ts';
import { sendStaleReminders } from '../listings/stale-listings.ts';
import { purgePersonalData, type RetentionSettings } from '../privacy/purge-personal-data.ts';
import { log } from '../logging/log.ts';
import { deliverDueMail, releaseMailClaims, type SendMail } from '../mail/outbox.ts';
import { forgetEndedWindows } from '../rate-limit/rate-limiter.ts';
import type { ReferralContext } from '../referrals/referral-context.ts';
import { sendReferralReminders } from '../referrals/reminders.ts';
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
  /** Settings and links of referral reminders; undefined where referrals are not reminded of (tests). */
  referralContext?: () => ReferralContext;
  /** This instance, as leases and mail claims name it. */
  holder: string;
  /** Work a dead instance held is taken over by another within this time. */
  takeoverMs: number;
  /** Rate-limit windows that started longer ago than this are deleted. */
  rateLimitWindowMs: number;
  /** Content and links for the volunteer schedules (availability checks, follow-ups). */
  volunteering: () => VolunteeringContext;
  housekeepingIntervalMs?: number;
}

export interface BackgroundJobs {
  /** Delivers due mail now (after a form queued some), instead of at the next round. */
  deliverMailSoon(): void;
  /** Stops the timers, lets a round in progress finish and gives leases and claims back. */
  stop(): Promise<void>;
}

/**
 * The server's own work, safe with several instances on one database. Mail: every instance
 * works through the outbox, each mail claimed by one (admin/mail/outbox.ts). Housekeeping (the
 * monthly reminders, the referral reminders, the volunteer schedules, every retention schedule,
 * old rate-limit windows): hourly, on whichever instance holds the "housekeeping" lease. Claims
 * and leases last three quarters of `takeoverMs` and the others look every quarter, so a dead
 * instance's work is picked up within `takeoverMs`. A failing round is logged (without content)
 * and tried again next round.
 */
export function startBackgroundJobs(options: BackgroundJobOptions): BackgroundJobs {
  const { db, send, holder } = options;
  const leaseMs = Math.floor(options.takeoverMs * 0.75);
  const lookEveryMs = Math.max(100, Math.floor(options.takeoverMs / 4));
  let delivering: Promise<unknown> | undefined;
  let stopped = false;

  function deliverMailSoon(): void {
    if (!send || delivering || stopped) return;
    delivering = deliverDueMail(db, send, undefined, { holder, claimMs: leaseMs, concurrency: 4 })
      .catch((error: unknown) => log.error('Mail delivery round failed; the next round tries again', error))
      .finally(() => {
        delivering = undefined;
      });
  }

  /** Hourly, each step safe to repeat and each tried even when another failed. */
  async function housekeeping(): Promise<void> {
    const referralContext = options.referralContext;
    const steps: [string, () => Promise<unknown>][] = [
      [
        'Stale listing reminders',
        async () => {
          const reminded = await sendStaleReminders(db, options.linkContext());
          if (reminded && reminded.mails > 0) deliverMailSoon();
        },
      ],
      [
        'Referral reminders',
        async () => {
          if (!referralContext) return;
          const reminded = await sendReferralReminders(db, referralContext());
          if (reminded.mails > 0) deliverMailSoon();
        },
      ],
      [
        // Unconfirmed sign-ups, "Ben je nog beschikbaar?", pauses and "Is het gelukt?".
        'Volunteer schedules',
        async () => {
          await runVolunteerWork(db, {
            ...options.volunteering(),
            pausedRetentionMonths: options.retention.volunteerPausedMonths,
          });
          deliverMailSoon();
        },
      ],
      ['Retention purge', () => purgePersonalData(db, options.retention, options.volunteering())],
      [
        'Forgetting ended rate-limit windows',
        () => forgetEndedWindows(db, new Date(Date.now() - options.rateLimitWindowMs)),
      ],
    ];
    for (const [name, step] of steps) {
      await step().catch((error: unknown) => log.error(`${name} failed`, error));
    }
  }

  const mailTimer = setInterval(deliverMailSoon, lookEveryMs);
  mailTimer.unref();
  const housekeepingJob = startLeasedJob({
    db,
    name: 'housekeeping',
    holder,
    ttlMs: leaseMs,
    intervalMs: options.housekeepingIntervalMs ?? 3600_000,
    run: housekeeping,
  });
  deliverMailSoon();
  return {
    deliverMailSoon,
    async stop() {
      stopped = true;
      clearInterval(mailTimer);
      await delivering;
      await housekeepingJob.stop();
      await releaseMailClaims(db, holder).catch((error: unknown) =>
        log.warn('Mail claims not released; they run out by themselves', error),
      );
    },
  };
}
