import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { log } from '../logging/log.ts';
import { requestPasswordReset } from './account-flows.ts';

let queue: Promise<void> = Promise.resolve();

/**
 * "Wachtwoord vergeten" answers at once and handles the request afterwards, one at a time. Looking
 * the address up and writing a link token would otherwise make the answer slower for addresses
 * that have an account, and so tell which ones do.
 */
export function requestPasswordResetLater(
  db: Kysely<Database>,
  email: string,
  context: { baseUrl: string; siteName: string },
  whenQueued: () => void = () => undefined,
): void {
  queue = queue
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(() => requestPasswordReset(db, email, context))
    .then(whenQueued)
    .catch((error: unknown) => log.error('Password reset request failed', error));
}

/** Resolves once every request made so far is handled (for tests and a stopping server). */
export function passwordResetsHandled(): Promise<void> {
  return queue;
}
