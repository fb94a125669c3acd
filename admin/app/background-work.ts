import { env } from '../config/env.ts';
import { instanceName } from '../config/instance-name.ts';
import { appDatabase } from '../db/app-database.ts';
import { appMailSender } from '../mail/app-mailer.ts';
import { LONGEST_WINDOW_MS } from '../rate-limit/app-rate-limiters.ts';
import { retentionSettings } from '../privacy/purge-personal-data.ts';
import { startBackgroundJobs, type BackgroundJobs } from '../setup/background-jobs.ts';
import { linkContext, referralContext, volunteeringContext } from './app-context.ts';

let jobs: BackgroundJobs | undefined;

/**
 * Starts the server's own work (mail delivery, reminders, retention purges). scripts/serve.ts
 * calls it when the server starts and `stopBackgroundWork` when it stops; nothing else does.
 */
export function startBackgroundWork(): BackgroundJobs {
  const config = env();
  jobs ??= startBackgroundJobs({
    db: appDatabase(),
    send: appMailSender(),
    linkContext: () => linkContext(),
    retention: retentionSettings(config),
    holder: instanceName(),
    takeoverMs: config.LEASE_SECONDS * 1000,
    rateLimitWindowMs: LONGEST_WINDOW_MS,
    referralContext: () => referralContext(),
    volunteering: () => volunteeringContext(),
  });
  return jobs;
}

/** Lets a round in progress finish, then gives this instance's leases and mail claims back. */
export async function stopBackgroundWork(): Promise<void> {
  const running = jobs;
  jobs = undefined;
  await running?.stop();
}

/**
 * Delivers queued mail now rather than at the next round, after a form queued some. Without
 * running background work (`astro dev`) the mail simply waits in the outbox.
 */
export function deliverMailSoon(): void {
  jobs?.deliverMailSoon();
}
