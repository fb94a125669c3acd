import { env } from '../config/env.ts';
import { appDatabase } from '../db/app-database.ts';
import { storedSecret } from '../secrets/stored-secret.ts';
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';

/** Per-address limits of the public forms. A person needs a few tries; a script gets stopped. */
const LIMITS = {
  /** "Wat is mijn wijk?": each try may ask the Locatieserver. */
  'wijk-lookup': () => ({ limit: 30, windowMs: 10 * 60_000 }),
  /** "Wachtwoord vergeten": each try may send a mail. */
  'password-reset': () => ({ limit: 5, windowMs: 15 * 60_000 }),
  /** The question form: each question reaches a team (raised for load tests via QUESTION_RATE_LIMIT). */
  question: () => ({ limit: env().QUESTION_RATE_LIMIT, windowMs: 10 * 60_000 }),
  /** Volunteer sign-ups (/helpen): each one mails a confirmation link. */
  volunteer: () => ({ limit: env().PUBLIC_FORM_RATE_LIMIT, windowMs: 10 * 60_000 }),
  /** Residents' activities (/activiteit-aanmelden): each one mails a confirmation link. */
  activity: () => ({ limit: env().PUBLIC_FORM_RATE_LIMIT, windowMs: 10 * 60_000 }),
  /** "Ik wil hier gebruik van maken": each request reaches the volunteer desk. */
  'help-request': () => ({ limit: env().PUBLIC_FORM_RATE_LIMIT, windowMs: 10 * 60_000 }),
  /** "Klopt er iets niet?": each report reaches an organisation's editors. */
  report: () => ({ limit: env().PUBLIC_FORM_RATE_LIMIT, windowMs: 10 * 60_000 }),
} as const;

/** The longest window: ended windows older than this are deleted by the housekeeping. */
export const LONGEST_WINDOW_MS = 15 * 60_000;

const limiters = new Map<keyof typeof LIMITS, RateLimiter>();

/** One public form's limiter name. */
export type PublicForm = keyof typeof LIMITS;

/** The limiter of one public form, counting in the database across all instances. */
export function appRateLimiter(name: PublicForm): RateLimiter {
  let limiter = limiters.get(name);
  if (!limiter) {
    const db = appDatabase();
    limiter = createRateLimiter(db, {
      name,
      ...LIMITS[name](),
      secret: () => storedSecret(db, 'rate_limit_secret'),
    });
    limiters.set(name, limiter);
  }
  return limiter;
}
