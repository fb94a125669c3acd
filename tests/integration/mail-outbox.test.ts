import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inviteUser } from '#admin/accounts/user-admin.ts';
import { deliverDueMail, enqueueMail, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '#admin/mail/outbox.ts';
import { createSmtpSender } from '#admin/mail/smtp-sender.ts';
import { accountWith } from '../support/accounts.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';
import { migratedTempDatabase, type TempDatabase } from '../support/temp-database.ts';

let database: TempDatabase;

beforeEach(async () => {
  database = await migratedTempDatabase();
});
afterEach(async () => {
  await database.close();
});

const sender = (port: number) =>
  createSmtpSender({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Wijkwijzer <noreply@wijkwijzer.test>',
    timeoutMs: 2000,
  });
const statusOf = async (id: number) =>
  database.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the outbox over SMTP', () => {
  it('delivers an invite that holds a link and no personal data', async () => {
    const smtp = await startSmtpReceiver();
    try {
      const admin = await accountWith(database.db, { role: 'beheerder' });
      await inviteUser(
        database.db,
        admin,
        { email: 'nieuw@example.nl', displayName: 'Jan Jansen', role: 'teamlid', teamIds: ['triage'] },
        { baseUrl: 'https://wijkwijzer.test', siteName: 'Wijkwijzer Test', knownTeamIds: ['triage'] },
      );
      const report = await deliverDueMail(database.db, sender(smtp.port));
      expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toEqual(['nieuw@example.nl']);
      expect(mail.raw).toContain('https://wijkwijzer.test/beheer/uitnodiging/');
      expect(mail.raw).not.toContain('Jan Jansen');
      expect(mail.raw).not.toContain(admin.email);
    } finally {
      await smtp.stop();
    }
  });

  it('keeps mail while the server is down, backs off, and delivers once it is back', async () => {
    const smtp = await startSmtpReceiver();
    const port = smtp.port;
    await smtp.stop();
    const start = new Date('2026-11-23T10:00:00Z');
    const id = await enqueueMail(
      database.db,
      { to: 'team@example.nl', subject: 'Test', text: 'Er staat iets klaar.' },
      start,
    );

    expect(await deliverDueMail(database.db, sender(port), start)).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const afterFirst = await statusOf(id);
    expect(afterFirst.status).toBe('pending');
    expect(afterFirst.next_attempt_at).toBe(new Date(start.getTime() + RETRY_DELAYS_MS[0]).toISOString());
    // Not due yet: nothing is tried.
    expect(await deliverDueMail(database.db, sender(port), new Date(start.getTime() + 30_000))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const back = await startSmtpReceiver(port);
    try {
      expect(
        await deliverDueMail(database.db, sender(port), new Date(start.getTime() + RETRY_DELAYS_MS[0])),
      ).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(back.received).toHaveLength(1);
      expect((await statusOf(id)).status).toBe('sent');
    } finally {
      await back.stop();
    }
  });

  it('marks a mail failed after the last try', async () => {
    const smtp = await startSmtpReceiver();
    const port = smtp.port;
    await smtp.stop();
    let now = new Date('2026-11-23T10:00:00Z');
    const id = await enqueueMail(database.db, { to: 'team@example.nl', subject: 'Test', text: 'Tekst' }, now);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueMail(database.db, sender(port), now);
      now = new Date((await statusOf(id)).next_attempt_at);
    }
    const row = await statusOf(id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.last_error).toBeTruthy();
  });
});
