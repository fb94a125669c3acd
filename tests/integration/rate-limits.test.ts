import { afterEach, beforeEach, expect, it } from 'vitest';
import { createRateLimiter, forgetEndedWindows } from '#admin/rate-limit/rate-limiter.ts';
import { storedSecret } from '#admin/secrets/stored-secret.ts';
import { migratedTempDatabase, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;
beforeEach(async () => {
  database = await migratedTempDatabase();
});
afterEach(async () => {
  await database.close();
});

const limiter = (db: TempDatabase['db'], limit = 2) =>
  createRateLimiter(db, { name: 'question', limit, windowMs: 60_000, secret: () => storedSecret(db, 'rl') });
const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + ms);

it('allows the limit per window per address, then says how long to wait', async () => {
  const questions = limiter(database.db);
  expect(await questions.hit('192.0.2.1', at(0))).toEqual({ allowed: true });
  expect(await questions.hit('192.0.2.1', at(1000))).toEqual({ allowed: true });
  expect(await questions.hit('192.0.2.1', at(2000))).toEqual({ allowed: false, retryAfterSeconds: 58 });
  expect(await questions.hit('192.0.2.2', at(2000))).toEqual({ allowed: true });
  expect(await questions.hit('192.0.2.1', at(60_000))).toEqual({ allowed: true });
});

it('counts the attempts of all instances together, also when they arrive at once', async () => {
  const instances = [limiter(database.db, 10), limiter(database.openAnother(), 10)];
  const decisions = await Promise.all(
    Array.from({ length: 16 }, (_, n) => instances[n % 2]!.hit('192.0.2.9', at(n))),
  );
  expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  expect(await instances[1]!.hit('192.0.2.9', at(100))).toMatchObject({ allowed: false });
});

it('keeps no network address, and forgets windows once they ended', async () => {
  await limiter(database.db).hit('192.0.2.1', at(0));
  await limiter(database.db).hit('2001:db8::1', at(30_000));
  const rows = await database.db.selectFrom('rate_limit_windows').selectAll().execute();
  expect(rows).toHaveLength(2);
  expect(JSON.stringify(rows)).not.toMatch(/192\.0\.2\.1|2001:db8/);
  expect(await forgetEndedWindows(database.db, at(10_000))).toBe(1);
  expect(await database.db.selectFrom('rate_limit_windows').selectAll().execute()).toHaveLength(1);
});
