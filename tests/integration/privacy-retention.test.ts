import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxForAdmin, retryFailedMail } from '#admin/mail/outbox-admin.ts';
import { deliverDueMail, enqueueMail, MAX_ATTEMPTS } from '#admin/mail/outbox.ts';
import { createSmtpSender } from '#admin/mail/smtp-sender.ts';
import { questionReceivedMail } from '#admin/mail/templates.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { purgePersonalData } from '#admin/privacy/purge-personal-data.ts';
import { recordSearches } from '#admin/search-log/search-log-repository.ts';
import { NotFoundError } from '#admin/errors/domain-errors.ts';
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

const receipt = (to: string) =>
  questionReceivedMail(to, {
    siteName: 'Wijkwijzer Test',
    teamName: 'Sociaal team',
    reference: 'VR-2026-000001',
    responseDays: 3,
  });
const settings = {
  questionMonths: 12,
  referralMonths: 12,
  mailDays: 90,
  searchLogDays: 90,
  volunteerPausedMonths: 6,
  matchMonths: 6,
};
const volunteering = {
  content: loadContent(contentRoot),
  baseUrl: 'https://wijkwijzer.example',
  siteName: 'Wijkwijzer',
};

describe("residents' addresses in the outbox", () => {
  it('are masked for beheerders while the mail waits, and gone once it is sent', async () => {
    const admin = await accountWith(database.db, { role: 'beheerder' });
    await enqueueMail(database.db, receipt('fatima.devries@example.nl'));
    await enqueueMail(database.db, {
      to: 'team@gemeente.example',
      subject: 'Nieuwe vraag',
      text: 'In je werkbak.',
    });
    const waiting = await outboxForAdmin(database.db, admin);
    expect(waiting.mails.map((mail) => mail.recipient).sort()).toEqual([
      'een inwoner, f•••@e•••.nl',
      'team@gemeente.example',
    ]);
    expect(JSON.stringify(waiting)).not.toContain('fatima');

    const smtp = await startSmtpReceiver();
    try {
      const send = createSmtpSender({
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'noreply@test',
        timeoutMs: 2000,
      });
      expect(await deliverDueMail(database.db, send)).toEqual({ sent: 2, retrying: 0, failed: 0 });
      expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual([
        'fatima.devries@example.nl',
        'team@gemeente.example',
      ]);
    } finally {
      await smtp.stop();
    }
    const rows = await database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'to_resident'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { to_address: '', to_resident: 1 },
      { to_address: 'team@gemeente.example', to_resident: 0 },
    ]);
    const sent = await outboxForAdmin(database.db, admin);
    expect(sent.mails.map((mail) => mail.recipient)).toContain('een inwoner (adres verwijderd)');
  });

  it('are gone once the mail finally failed, which then cannot be sent again', async () => {
    const admin = await accountWith(database.db, { role: 'beheerder' });
    const id = await enqueueMail(database.db, receipt('bram@example.nl'));
    const broken = createSmtpSender({ smtpUrl: 'smtp://127.0.0.1:9', from: 'noreply@test', timeoutMs: 500 });
    let now = new Date();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await deliverDueMail(database.db, broken, now);
      now = new Date(now.getTime() + 7 * 3600_000);
    }
    const row = await database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', to_address: '' });
    expect((await outboxForAdmin(database.db, admin)).mails[0]).toMatchObject({ retryable: false });
    await expect(retryFailedMail(database.db, admin, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the purge deletes mail older than its retention and empties any address left behind', async () => {
    const old = new Date('2026-06-01T10:00:00Z');
    const leftover = await enqueueMail(database.db, receipt('oud@example.nl'), old);
    await enqueueMail(database.db, { to: 'team@gemeente.example', subject: 'Oud', text: 'x' }, old);
    await enqueueMail(database.db, { to: 'team@gemeente.example', subject: 'Nieuw', text: 'x' });
    await database.db.updateTable('mail_outbox').set({ status: 'sent' }).execute();
    // A crash between sending and recording can leave a resident's address on a sent mail.
    await database.db
      .updateTable('mail_outbox')
      .set({ created_at: new Date().toISOString() })
      .where('id', '=', leftover)
      .execute();
    const report = await purgePersonalData(
      database.db,
      settings,
      volunteering,
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(report).toMatchObject({ mailAddressesEmptied: 1, mailsDeleted: 1 });
    const rows = await database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'to_address'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { subject: 'We hebben je vraag ontvangen (VR-2026-000001)', to_address: '' },
      { subject: 'Nieuw', to_address: 'team@gemeente.example' },
    ]);
  });
});

describe('the search log', () => {
  const search = (text: string, at: string, hitCount = 3) => ({
    entry: { text, filters: {}, hitCount, tookMs: 1 },
    at,
  });

  it('keeps what residents typed for its retention, then only monthly counts of frequent queries', async () => {
    await recordSearches(database.db, [
      search('piet jansen', '2026-09-03T10:00:00Z'),
      ...Array.from({ length: 6 }, (_, n) =>
        search('schuldhulp', `2026-09-0${n + 1}T11:00:00Z`, n < 2 ? 0 : n === 2 ? 2 : 4),
      ),
      ...Array.from({ length: 4 }, (_, n) => search('huurtoeslag', `2026-09-1${n}T11:00:00Z`)),
      search('piet jansen', '2026-11-20T10:00:00Z'),
    ]);
    const now = new Date('2026-12-15T10:00:00Z');
    const report = await purgePersonalData(database.db, settings, volunteering, now);
    expect(report).toMatchObject({ searchMonthsCounted: 3, searchesDeleted: 11 });
    expect(await database.db.selectFrom('search_query_counts').selectAll().execute()).toEqual([
      { month: '2026-09', query_text: 'schuldhulp', searches: 6, without_results: 2, few_results: 1 },
    ]);
    const left = await database.db.selectFrom('search_log').select(['query_text', 'searched_at']).execute();
    expect(left).toEqual([{ query_text: 'piet jansen', searched_at: '2026-11-20T10:00:00Z' }]);

    // Running again counts nothing twice.
    expect(await purgePersonalData(database.db, settings, volunteering, now)).toMatchObject({
      searchMonthsCounted: 0,
      searchesDeleted: 0,
    });
    expect(await database.db.selectFrom('search_query_counts').selectAll().execute()).toHaveLength(1);
  });
});
