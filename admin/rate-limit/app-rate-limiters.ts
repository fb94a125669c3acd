import { env } from '../config/env.ts';
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';

/** Per-IP limits of the public forms. A person needs a few tries; a script gets stopped. */
const LIMITS = {
  /** "Wat is mijn wijk?": each try may ask the Locatieserver. */
  'wijk-lookup': () => ({ limit: 30, windowMs: 10 * 60_000 }),
  /** "Wachtwoord vergeten": each try may send a mail. */
  'password-reset': () => ({ limit: 5, windowMs: 15 * 60_000 }),
  /** The question form: each question reaches a team (raised for load tests via QUESTION_RATE_LIMIT). */
  question: () => ({ limit: env().QUESTION_RATE_LIMIT, windowMs: 10 * 60_000 }),
} as const;

const limiters = new Map<keyof typeof LIMITS, RateLimiter>();

/** The server's limiter for one public form, shared by all requests of this process. */
export function appRateLimiter(name: keyof typeof LIMITS): RateLimiter {
  let limiter = limiters.get(name);
  if (!limiter) limiters.set(name, (limiter = createRateLimiter(LIMITS[name]())));
  return limiter;
}
