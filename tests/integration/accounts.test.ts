import { decodeBase64 } from '@oslojs/encoding';
import type { Kysely, KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptInvite,
  completeTwoFactor,
  finishTwoFactorSetup,
  LinkError,
  requestPasswordReset,
  resetPassword,
} from '#admin/accounts/account-flows.ts';
import { logIn } from '#admin/accounts/log-in.ts';
import { passwordResetsHandled, requestPasswordResetLater } from '#admin/accounts/password-reset-requests.ts';
import type { Database } from '#admin/db/tables.ts';
import { ACCOUNT_POLICY, blockDuration, TWO_FACTOR_POLICY } from '#admin/accounts/login-throttle.ts';
import { TooManyAttemptsError } from '#admin/errors/domain-errors.ts';
import { issueToken } from '#admin/accounts/one-time-tokens.ts';
import {
  createSession,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
  validateSessionToken,
} from '#admin/accounts/sessions.ts';
import { setPassword } from '#admin/accounts/set-password.ts';
import { pendingTotpSetup, totpCode, verifyUserTotp } from '#admin/accounts/two-factor.ts';
import { setDisabled } from '#admin/accounts/user-repository.ts';
import { accountWith, TEST_PASSWORD } from '../support/accounts.ts';
import { migratedTempDatabase, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;
const links = { baseUrl: 'https://wijkwijzer.test', siteName: 'Wijkwijzer Test' };
const minutes = (n: number) => n * 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

beforeEach(async () => {
  database = await migratedTempDatabase();
});
afterEach(async () => {
  await database.close();
});

async function keyOf(userId: number): Promise<Uint8Array> {
  const row = await database.db
    .selectFrom('users')
    .select('totp_key')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return decodeBase64(row.totp_key ?? '');
}

describe('logging in', () => {
  it('gives the same answer for an unknown address and a wrong password', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const unknown = await logIn(database.db, {
      email: 'niemand@example.nl',
      password: TEST_PASSWORD,
      clientAddress: '10.0.0.1',
    });
    const wrong = await logIn(database.db, {
      email: user.email,
      password: 'niet het wachtwoord',
      clientAddress: '10.0.0.1',
    });
    expect(unknown).toEqual({ status: 'invalid' });
    expect(wrong).toEqual({ status: 'invalid' });
  });

  it('logs an editor straight in, and asks a beheerder for the second factor first', async () => {
    const editor = await accountWith(database.db, { role: 'organisatie' });
    const admin = await accountWith(database.db, { role: 'beheerder' });
    const editorLogin = await logIn(database.db, {
      email: editor.email.toUpperCase(),
      password: TEST_PASSWORD,
      clientAddress: '10.0.0.1',
    });
    const adminLogin = await logIn(database.db, {
      email: admin.email,
      password: TEST_PASSWORD,
      clientAddress: '10.0.0.1',
    });
    expect(
      editorLogin.status === 'ok' && [editorLogin.nextStep, editorLogin.session.twoFactorVerified],
    ).toEqual(['done', true]);
    expect(adminLogin.status === 'ok' && [adminLogin.nextStep, adminLogin.session.twoFactorVerified]).toEqual(
      ['setup-totp', false],
    );
  });

  it('locks an account after repeated wrong passwords, also for the right one, and lets it in after the wait', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const start = new Date('2026-11-23T10:00:00Z');
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures + 1; i++) {
      expect(
        (
          await logIn(
            database.db,
            { email: user.email, password: `fout ${i}`, clientAddress: `10.0.1.${i}` },
            start,
          )
        ).status,
      ).toBe('invalid');
    }
    const blocked = await logIn(
      database.db,
      { email: user.email, password: TEST_PASSWORD, clientAddress: '10.0.2.1' },
      at(start, 1000),
    );
    expect(blocked).toEqual({ status: 'throttled', retryAfterSeconds: 59 });
    expect(
      (
        await logIn(
          database.db,
          { email: user.email, password: TEST_PASSWORD, clientAddress: '10.0.2.1' },
          at(start, minutes(1)),
        )
      ).status,
    ).toBe('ok');
  });

  it('locks an unknown address the same way, so the lock does not reveal which addresses exist', async () => {
    const start = new Date('2026-11-23T10:00:00Z');
    for (let i = 0; i <= ACCOUNT_POLICY.freeFailures; i++)
      await logIn(
        database.db,
        { email: 'niemand@example.nl', password: 'x', clientAddress: `10.0.3.${i}` },
        start,
      );
    expect(
      (
        await logIn(
          database.db,
          { email: 'niemand@example.nl', password: 'x', clientAddress: '10.0.3.99' },
          start,
        )
      ).status,
    ).toBe('throttled');
  });

  it('slows down one network address trying many accounts', async () => {
    const start = new Date('2026-11-23T10:00:00Z');
    for (let i = 0; i < 21; i++)
      await logIn(
        database.db,
        { email: `persoon${i}@example.nl`, password: 'x', clientAddress: '10.0.4.1' },
        start,
      );
    const user = await accountWith(database.db, { role: 'organisatie' });
    expect(
      (
        await logIn(
          database.db,
          { email: user.email, password: TEST_PASSWORD, clientAddress: '10.0.4.1' },
          start,
        )
      ).status,
    ).toBe('throttled');
    expect(
      (
        await logIn(
          database.db,
          { email: user.email, password: TEST_PASSWORD, clientAddress: '10.0.4.2' },
          start,
        )
      ).status,
    ).toBe('ok');
  });

  it('doubles the wait with each further failure, up to an hour', () => {
    expect([5, 6, 7, 8, 20].map((failures) => blockDuration(failures, ACCOUNT_POLICY) / 60_000)).toEqual([
      0, 1, 2, 4, 60,
    ]);
  });

  it('refuses a disabled account with the same answer', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    await setDisabled(database.db, user.id, true);
    expect(
      await logIn(database.db, { email: user.email, password: TEST_PASSWORD, clientAddress: '10.0.0.1' }),
    ).toEqual({ status: 'invalid' });
  });

  it('stores no e-mail or network address in the throttle table', async () => {
    await logIn(database.db, { email: 'iemand@example.nl', password: 'x', clientAddress: '192.0.2.7' });
    const keys = (await database.db.selectFrom('login_attempts').select('key').execute())
      .map((row) => row.key)
      .join(' ');
    expect(keys).not.toContain('iemand');
    expect(keys).not.toContain('192.0.2.7');
  });
});

describe('sessions', () => {
  it('slide with activity, end after 8 idle hours and after 7 days in any case', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const start = new Date('2026-11-23T08:00:00Z');
    const { token } = await createSession(database.db, user.id, { twoFactorVerified: true, now: start });
    let now = start;
    for (let day = 0; day < 6; day++) {
      now = at(now, SESSION_IDLE_MS - minutes(10));
      expect(await validateSessionToken(database.db, token, now)).toBeDefined();
    }
    expect(await validateSessionToken(database.db, token, at(start, SESSION_MAX_AGE_MS))).toBeUndefined();

    const other = await createSession(database.db, user.id, { twoFactorVerified: true, now: start });
    expect(await validateSessionToken(database.db, other.token, at(start, SESSION_IDLE_MS))).toBeUndefined();
  });

  it('store only a hash of the secret, and refuse a token with a wrong secret', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const { token, session } = await createSession(database.db, user.id, { twoFactorVerified: true });
    const row = await database.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    const secret = token.split('.')[1] ?? '';
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(
      await validateSessionToken(database.db, `${session.id}.${'a'.repeat(secret.length)}`),
    ).toBeUndefined();
    expect((await validateSessionToken(database.db, token))?.user.id).toBe(user.id);
  });

  it('all end when the password changes', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const first = await createSession(database.db, user.id, { twoFactorVerified: true });
    const second = await createSession(database.db, user.id, { twoFactorVerified: true });
    await setPassword(database.db, user.id, 'een heel ander lang wachtwoord');
    expect(await validateSessionToken(database.db, first.token)).toBeUndefined();
    expect(await validateSessionToken(database.db, second.token)).toBeUndefined();
  });
});

describe('one-time links', () => {
  it('an invite works once, within 7 days', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const start = new Date('2026-11-23T08:00:00Z');
    const token = await issueToken(database.db, user.id, 'invite', start);
    await expect(
      acceptInvite(database.db, token, 'een nieuw lang wachtwoord', at(start, 7 * 24 * 3600_000)),
    ).rejects.toMatchObject({ status: 'expired' });
    const fresh = await issueToken(database.db, user.id, 'invite', start);
    const started = await acceptInvite(
      database.db,
      fresh,
      'een nieuw lang wachtwoord',
      at(start, minutes(5)),
    );
    expect(started.nextStep).toBe('done');
    await expect(
      acceptInvite(database.db, fresh, 'nog een ander wachtwoord', at(start, minutes(6))),
    ).rejects.toBeInstanceOf(LinkError);
    expect(
      (
        await logIn(database.db, {
          email: user.email,
          password: 'een nieuw lang wachtwoord',
          clientAddress: '10.0.0.1',
        })
      ).status,
    ).toBe('ok');
  });

  it('a password reset link works once, within an hour, and mails only the link', async () => {
    const user = await accountWith(database.db, { role: 'organisatie', displayName: 'Fatima de Vries' });
    const start = new Date('2026-11-23T08:00:00Z');
    await requestPasswordReset(database.db, user.email, links, start);
    await requestPasswordReset(database.db, 'onbekend@example.nl', links, start);
    const mails = await database.db.selectFrom('mail_outbox').selectAll().execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body_text).not.toContain('Fatima');
    const token = /wachtwoord-herstellen\/(\S+)/.exec(mails[0]?.body_text ?? '')?.[1] ?? '';
    await expect(
      resetPassword(database.db, token, 'een nieuw lang wachtwoord', at(start, minutes(61))),
    ).rejects.toMatchObject({ status: 'expired' });
    await requestPasswordReset(database.db, user.email, links, start);
    const latest = await database.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const second = /wachtwoord-herstellen\/(\S+)/.exec(latest.body_text)?.[1] ?? '';
    await resetPassword(database.db, second, 'een nieuw lang wachtwoord', at(start, minutes(30)));
    await expect(
      resetPassword(database.db, second, 'en nog een keer anders', at(start, minutes(31))),
    ).rejects.toMatchObject({ status: 'used' });
  });
});

describe('wachtwoord vergeten', () => {
  /** Counts the statements a Kysely instance sends, through a plugin that sees every query. */
  function counted(db: Kysely<Database>): { db: Kysely<Database>; statements: () => number } {
    let count = 0;
    const plugin: KyselyPlugin = {
      transformQuery: (args) => {
        count += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    return { db: db.withPlugin(plugin), statements: () => count };
  }

  it('answers before looking the address up, so the answer takes the same time with or without an account', async () => {
    const user = await accountWith(database.db, { role: 'organisatie' });
    const workDuringAnswer: number[] = [];
    for (const email of [user.email, 'onbekend@example.nl']) {
      const { db, statements } = counted(database.db);
      requestPasswordResetLater(db, email, links);
      workDuringAnswer.push(statements());
      await passwordResetsHandled();
    }
    expect(workDuringAnswer).toEqual([0, 0]);
    const mails = await database.db.selectFrom('mail_outbox').select(['to_address', 'body_text']).execute();
    expect(mails.map((mail) => mail.to_address)).toEqual([user.email]);
    expect(mails[0]?.body_text).toContain(`${links.baseUrl}/beheer/wachtwoord-herstellen/`);
  });
});

describe('two-factor', () => {
  it('refuses wrong codes after the limit, across fresh password logins, until the wait is over', async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    const user = await accountWith(database.db, { role: 'beheerder' });
    await pendingTotpSetup(database.db, user.id, 'Wijkwijzer', user.email);
    const pending = await database.db
      .selectFrom('users')
      .select('totp_pending_key')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const first = await createSession(database.db, user.id, { twoFactorVerified: false, now: start });
    await finishTwoFactorSetup(
      database.db,
      first.session,
      totpCode(decodeBase64(pending.totp_pending_key ?? ''), start),
      start,
    );
    const key = await keyOf(user.id);
    const wrongCode = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');

    // 20 rounds of "password, then 5 wrong codes": 100 wrong codes, each round a fresh login.
    const answers: string[] = [];
    for (let round = 0; round < 20; round++) {
      const now = at(start, round * 1000);
      const login = await logIn(
        database.db,
        { email: user.email, password: TEST_PASSWORD, clientAddress: `10.0.1.${round}` },
        now,
      );
      if (login.status !== 'ok') throw new Error(`login refused in round ${round}: ${login.status}`);
      for (let guess = 0; guess < 5; guess++) {
        const tried = await completeTwoFactor(
          database.db,
          login.session,
          wrongCode(totpCode(key, now, 1)),
          `10.0.1.${round}`,
          now,
        ).catch((error: unknown) => error);
        answers.push(tried instanceof Error ? tried.name : 'accepted');
      }
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('FieldError'));
    expect(answers.slice(5)).toEqual(Array(95).fill('TooManyAttemptsError'));

    // Even the right code waits while the account is blocked; after the wait it works.
    const blockedAt = at(start, 20_000);
    const login = await logIn(
      database.db,
      { email: user.email, password: TEST_PASSWORD, clientAddress: '10.0.2.1' },
      blockedAt,
    );
    if (login.status !== 'ok') throw new Error('login refused');
    await expect(
      completeTwoFactor(database.db, login.session, totpCode(key, blockedAt, 2), '10.0.2.1', blockedAt),
    ).rejects.toBeInstanceOf(TooManyAttemptsError);
    const afterWait = at(start, blockDuration(5, TWO_FACTOR_POLICY) + 60_000);
    expect(
      await completeTwoFactor(database.db, login.session, totpCode(key, afterWait), '10.0.2.1', afterWait),
    ).toEqual({ usedRecoveryCode: false });
  });

  it('counts wrong codes per network address across accounts', async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    const refusals: string[] = [];
    for (let n = 0; n < 25; n++) {
      const user = await accountWith(database.db, { role: 'organisatie' });
      const session = await createSession(database.db, user.id, { twoFactorVerified: false, now: start });
      const tried = await completeTwoFactor(database.db, session.session, '000000', '10.9.9.9', start).catch(
        (error: unknown) => error,
      );
      refusals.push(tried instanceof Error ? tried.name : 'accepted');
    }
    expect(refusals.slice(0, 20)).toEqual(Array(20).fill('FieldError'));
    expect(refusals.slice(20)).toEqual(Array(5).fill('TooManyAttemptsError'));
  });

  it('turns on with a code from the new key, accepts each code once, and takes a recovery code once', async () => {
    const user = await accountWith(database.db, { role: 'teamlid', teamIds: ['triage'] });
    const start = new Date('2026-11-23T08:00:00Z');
    const setup = await pendingTotpSetup(database.db, user.id, 'Wijkwijzer', user.email);
    expect(setup.uri).toContain('otpauth://totp/');
    expect(setup.qrSvg).toContain('<svg');
    expect((await pendingTotpSetup(database.db, user.id, 'Wijkwijzer', user.email)).manualKey).toBe(
      setup.manualKey,
    );
    const pending = await database.db
      .selectFrom('users')
      .select('totp_pending_key')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const key = decodeBase64(pending.totp_pending_key ?? '');

    const session = await createSession(database.db, user.id, { twoFactorVerified: false, now: start });
    await expect(finishTwoFactorSetup(database.db, session.session, '000000', start)).rejects.toThrow(
      'klopt niet',
    );
    const recoveryCodes = await finishTwoFactorSetup(
      database.db,
      session.session,
      totpCode(key, start),
      start,
    );
    expect(recoveryCodes).toHaveLength(8);
    expect(await keyOf(user.id)).toEqual(key);

    // The code used for setting up cannot be used again; the next one can, once.
    expect(await verifyUserTotp(database.db, user.id, totpCode(key, start), start)).toBe(false);
    expect(await verifyUserTotp(database.db, user.id, totpCode(key, start, 1), start)).toBe(true);
    expect(await verifyUserTotp(database.db, user.id, totpCode(key, start, 1), start)).toBe(false);
    expect(await verifyUserTotp(database.db, user.id, totpCode(key, start, 5), start)).toBe(false);

    const later = await createSession(database.db, user.id, { twoFactorVerified: false, now: start });
    const code = recoveryCodes[0] ?? '';
    expect(
      await completeTwoFactor(database.db, later.session, code.toLowerCase(), '10.0.0.1', start),
    ).toEqual({
      usedRecoveryCode: true,
    });
    await expect(completeTwoFactor(database.db, later.session, code, '10.0.0.1', start)).rejects.toThrow(
      'klopt niet',
    );
    expect((await validateSessionToken(database.db, later.token, start))?.session.twoFactorVerified).toBe(
      true,
    );
  });
});
