import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease, listLeases, releaseLease } from '#admin/leases/lease-repository.ts';
import { startLeasedJob, type LeasedJob } from '#admin/leases/leased-job.ts';
import { migratedTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { waitFor } from '../support/wait-for.ts';

let database: TempDatabase;
const jobs: LeasedJob[] = [];

beforeEach(async () => {
  database = await migratedTempDatabase();
});
afterEach(async () => {
  await Promise.all(jobs.splice(0).map((job) => job.stop()));
  await database.close();
});

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, seconds));

describe('a lease', () => {
  it('has one holder, who renews it; another takes it only once it ran out', async () => {
    const lease = { name: 'housekeeping', ttlMs: 30_000 };
    expect(await acquireLease(database.db, { ...lease, holder: 'a' }, at(0))).toBe(true);
    expect(await acquireLease(database.db, { ...lease, holder: 'b' }, at(10))).toBe(false);
    expect(await acquireLease(database.db, { ...lease, holder: 'a' }, at(20))).toBe(true);
    // Renewed at 20 s, so still a's at 45 s.
    expect(await acquireLease(database.db, { ...lease, holder: 'b' }, at(45))).toBe(false);
    expect(await acquireLease(database.db, { ...lease, holder: 'b' }, at(50))).toBe(true);
    expect(await acquireLease(database.db, { ...lease, holder: 'a' }, at(51))).toBe(false);
    expect(await listLeases(database.db)).toMatchObject([
      { name: 'housekeeping', holder: 'b', acquired_at: at(50).toISOString() },
    ]);
  });

  it('goes to exactly one of many instances asking at the same moment', async () => {
    const instances = [database.db, database.openAnother(), database.openAnother()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        acquireLease(instances[n % 3]!, { name: 'search-sync', holder: `i${n}`, ttlMs: 30_000 }, at(0)),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('is free for another at once when its holder gives it back', async () => {
    await acquireLease(database.db, { name: 'x', holder: 'a', ttlMs: 30_000 }, at(0));
    await releaseLease(database.db, { name: 'x', holder: 'b' });
    expect(await acquireLease(database.db, { name: 'x', holder: 'b', ttlMs: 30_000 }, at(1))).toBe(false);
    await releaseLease(database.db, { name: 'x', holder: 'a' });
    expect(await acquireLease(database.db, { name: 'x', holder: 'b', ttlMs: 30_000 }, at(1))).toBe(true);
  });
});

describe('a leased job on two instances', () => {
  const start = (db: TempDatabase['db'], holder: string, runs: string[]) => {
    const job = startLeasedJob({
      db,
      name: 'housekeeping',
      holder,
      // Long enough that a busy machine does not let a live holder's lease run out.
      ttlMs: 3000,
      intervalMs: 50,
      run: async () => {
        runs.push(holder);
      },
    });
    jobs.push(job);
    return job;
  };

  it('runs on one of them; the other takes over when the first stops', async () => {
    const runs: string[] = [];
    const a = start(database.db, 'a', runs);
    await waitFor('a holds the lease', () => a.holds());
    const b = start(database.openAnother(), 'b', runs);
    await waitFor('a ran a few rounds', () => runs.length >= 3);
    expect(b.holds()).toBe(false);
    expect(new Set(runs)).toEqual(new Set(['a']));

    await a.stop();
    await waitFor('b took over and ran', () => b.holds() && runs.includes('b'));
    expect(runs.slice(runs.indexOf('b'))).not.toContain('a');
  });

  it('is taken over once the lease of an instance that died runs out', async () => {
    // An instance that took the lease and then died: it never renews and never gives it back.
    expect(await acquireLease(database.db, { name: 'housekeeping', holder: 'dead', ttlMs: 1500 })).toBe(true);
    const runs: string[] = [];
    const b = start(database.openAnother(), 'b', runs);
    expect(b.holds()).toBe(false);
    await waitFor('b took over from the dead instance', () => b.holds() && runs.includes('b'));
    expect((await listLeases(database.db))[0]?.holder).toBe('b');
  });
});
