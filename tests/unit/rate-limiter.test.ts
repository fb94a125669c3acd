import { expect, it } from 'vitest';
import { createRateLimiter } from '#admin/rate-limit/rate-limiter.ts';

it('allows the limit per window per key, then says how long to wait', () => {
  const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
  expect(limiter.hit('a', 0)).toEqual({ allowed: true });
  expect(limiter.hit('a', 1000)).toEqual({ allowed: true });
  expect(limiter.hit('a', 2000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
  expect(limiter.hit('b', 2000)).toEqual({ allowed: true });
  expect(limiter.hit('a', 60_000)).toEqual({ allowed: true });
});

it('forgets the oldest keys beyond its size, so memory stays bounded', () => {
  const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
  limiter.hit('a', 0);
  limiter.hit('b', 0);
  limiter.hit('c', 0);
  expect(limiter.hit('a', 1)).toEqual({ allowed: true });
  expect(limiter.hit('c', 1)).toEqual({ allowed: false, retryAfterSeconds: 60 });
});
