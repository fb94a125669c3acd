import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountKey, addressKey, recordFailure } from '#admin/accounts/login-throttle.ts';
import { createSession, validateSessionToken } from '#admin/accounts/sessions.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { sendStaleReminders } from '#admin/listings/stale-listings.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { accountWith } from '../support/accounts.ts';
import { tempDatabase, testDialect, type TempDatabase } from '../support/temp-database.ts';

// What instances share through the database instead of their memory: every test here works
// through two handles on one database, as two instances would.
const content = loadContent(contentRoot);
let database: TempDatabase;
beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
});
afterEach(async () => {
  await database.close();
});

/**
 * The other instance, for tests whose writes overlap in transactions. On PostgreSQL a second
 * pool. SQLite serves one instance: its concurrent requests share the process's one connection,
 * which is what the test then checks. (Two `node:sqlite` connections in one thread cannot wait
 * for each other: the waiting one blocks the thread the other needs to commit.)
 */
const otherInstance = () => (testDialect() === 'postgres' ? database.openAnother() : database.db);

describe('state shared by instances', () => {
  it('counts wrong passwords sent to two instances at the same moment, every one of them', async () => {
    const other = otherInstance();
    const keys = [accountKey('iemand@example.nl'), addressKey('192.0.2.7')];
    const now = new Date('2026-11-23T10:00:00Z');
    await Promise.all(
      Array.from({ length: 8 }, (_, n) => recordFailure(n % 2 === 0 ? database.db : other, keys, now)),
    );
    const rows = await database.db
      .selectFrom('login_attempts')
      .select(['failures', 'blocked_until'])
      .execute();
    expect(rows.map((row) => row.failures)).toEqual([8, 8]);
    // Past the account's five free failures: blocked, whichever instance is asked next.
    expect(rows.some((row) => row.blocked_until !== null)).toBe(true);
  });

  it('knows a session started through one instance in the other, and ends it there for both', async () => {
    const other = database.openAnother();
    const user = await accountWith(database.db, { role: 'organisatie', organisationSlug: 'karaat' });
    const { token } = await createSession(database.db, user.id, { twoFactorVerified: true });
    const seen = await validateSessionToken(other, token);
    expect(seen?.user.id).toBe(user.id);
    await other.deleteFrom('sessions').execute();
    expect(await validateSessionToken(database.db, token)).toBeUndefined();
  });

  it('sends the monthly reminders once when two instances try at the same moment', async () => {
    const other = otherInstance();
    await database.db.updateTable('listings').set({ is_demo: 0, last_verified_at: '2026-01-15' }).execute();
    const context = { baseUrl: 'https://wijkwijzer.test', siteName: 'Wijkwijzer Test' };
    const now = new Date('2026-11-23T10:00:00Z');
    const results = await Promise.all([
      sendStaleReminders(database.db, context, now),
      sendStaleReminders(other, context, now),
    ]);
    const done = results.filter((result) => result !== undefined);
    expect(done).toHaveLength(1);
    const queued = await database.db.selectFrom('mail_outbox').select('id').execute();
    expect(queued).toHaveLength(done[0]!.mails);
    expect(queued.length).toBeGreaterThan(0);
  });
});
