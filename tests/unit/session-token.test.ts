import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  generateToken,
  hashSecret,
  secretMatches,
  splitToken,
} from '#admin/accounts/session-token.ts';
import { sessionCookieAttributes } from '#admin/accounts/sessions.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('constantTimeEqual', () => {
  it('is true only for the same bytes', () => {
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(bytes(), bytes())).toBe(true);
  });

  // A published example returned after comparing only the first byte, or OR-ed the wrong values;
  // a difference anywhere must count.
  it('notices a difference in the first, a middle and the last byte', () => {
    expect(constantTimeEqual(bytes(9, 2, 3), bytes(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(bytes(1, 9, 3), bytes(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(bytes(1, 2, 9), bytes(1, 2, 3))).toBe(false);
  });

  it('notices differences that cancel out in a sum or an XOR of XORs', () => {
    expect(constantTimeEqual(bytes(1, 2), bytes(2, 1))).toBe(false);
    expect(constantTimeEqual(bytes(0b01, 0b10), bytes(0b10, 0b01))).toBe(false);
    expect(constantTimeEqual(bytes(255, 0), bytes(0, 255))).toBe(false);
  });

  it('is false for different lengths, including a prefix', () => {
    expect(constantTimeEqual(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(constantTimeEqual(bytes(1, 2, 3), bytes(1, 2))).toBe(false);
    expect(constantTimeEqual(bytes(), bytes(0))).toBe(false);
  });
});

describe('tokens', () => {
  it('are `<id>.<secret>` with enough randomness, and differ every time', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).toBe(`${a.id}.${a.secret}`);
    expect(a.id).toMatch(/^[a-z2-7]{24}$/);
    expect(a.secret).toMatch(/^[a-z2-7]{32}$/);
    expect(a.token).not.toBe(b.token);
  });

  it('split only into exactly two parts', () => {
    expect(splitToken('abc.def')).toEqual({ id: 'abc', secret: 'def' });
    for (const bad of ['', 'abc', 'abc.', '.def', 'a.b.c', `${'a'.repeat(65)}.b`])
      expect(splitToken(bad)).toBeUndefined();
  });

  it('match their stored hash, and nothing else does', () => {
    const { secret } = generateToken();
    const stored = hashSecret(secret);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(`${secret}x`, stored)).toBe(false);
    expect(secretMatches(secret.slice(0, -1), stored)).toBe(false);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, and Secure when asked', () => {
    expect(sessionCookieAttributes({ secure: true })).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      path: '/',
      maxAge: 8 * 3600,
    });
    expect(sessionCookieAttributes({ secure: false }).secure).toBe(false);
  });
});
