import { env } from '../config/env.ts';
import { appDatabase } from '../db/app-database.ts';
import { appMailSender } from '../mail/app-mailer.ts';
import { retentionSettings } from '../privacy/purge-personal-data.ts';
import { startBackgroundJobs, type BackgroundJobs } from '../setup/background-jobs.ts';
import { linkContext, volunteeringContext } from './app-context.ts';

let jobs: BackgroundJobs | undefined;

/**
 * Starts the server's own work (mail delivery, reminders, retention purges). scripts/serve.ts
 * calls it when the server starts and `stopBackgroundWork` when it stops; nothing else does.
 */
export function startBackgroundWork(): BackgroundJobs {
  jobs ??= startBackgroundJobs({
    db: appDatabase(),
    send: appMailSender(),
    linkContext: () => linkContext(),
    retention: retentionSettings(env()),
    volunteering: () => volunteeringContext(),
  });
  return jobs;
}

export function stopBackgroundWork(): void {
  jobs?.stop();
  jobs = undefined;
}

/**
 * Delivers queued mail now rather than at the next round, after a form queued some. Without
 * running background work (`astro dev`) the mail simply waits in the outbox.
 */
export function deliverMailSoon(): void {
  jobs?.deliverMailSoon();
}
