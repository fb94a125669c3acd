import { hash, verify } from '@node-rs/argon2';
import { text } from '../schemas/text.ts';

/** Length is what makes a password strong; no composition rules (NIST SP 800-63B). */
export const PasswordSchema = text({ error: 'Vul een wachtwoord in.' })
  .min(12, 'Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed.')
  .max(256, 'Kies een wachtwoord van hooguit 256 tekens.');

// argon2id with OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane. (`Algorithm.Argon2id` is a
// const enum, which type stripping cannot inline, hence the number.)
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** A hash of nothing anyone knows, to spend the same time when an account does not exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
