import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Tokens as in the current Lucia sessions guide: `<id>.<secret>`, both random. The id finds the
 * row; only a hash of the secret is stored, so a leaked database holds no usable token.
 */
export interface Token {
  id: string;
  secret: string;
  token: string;
}

function randomPart(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function generateToken(): Token {
  const id = randomPart(15);
  const secret = randomPart(20);
  return { id, secret, token: `${id}.${secret}` };
}

export function splitToken(token: string): { id: string; secret: string } | undefined {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return undefined;
  return { id, secret };
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/**
 * Compares every byte whatever the first difference, so the time taken does not tell an attacker
 * how much of a guess was right. Different lengths are unequal (lengths are not secret here).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/** Whether `secret` hashes to the stored hex hash, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const encoder = new TextEncoder();
  return constantTimeEqual(encoder.encode(hashSecret(secret)), encoder.encode(storedHash));
}
