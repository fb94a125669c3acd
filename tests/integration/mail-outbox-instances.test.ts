import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimDueMail,
  deliverDueMail,
  enqueueMail,
  mailKey,
  releaseMailClaims,
  type SendMail,
} from '#admin/mail/outbox.ts';
import { createSmtpSender } from '#admin/mail/smtp-sender.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';
import { migratedTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { waitFor } from '../support/wait-for.ts';

let database: TempDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let send: SendMail;

beforeEach(async () => {
  database = await migratedTempDatabase();
  smtp = await startSmtpReceiver();
  send = createSmtpSender({
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    from: 'Wijkwijzer <noreply@wijkwijzer.test>',
    timeoutMs: 5000,
  });
});
afterEach(async () => {
  await smtp.stop();
  await database.close();
});

const messageIds = () => smtp.received.map((mail) => /^Message-ID: (.*)$/im.exec(mail.raw)?.[1]);
const queue = async (count: number, now = new Date()) => {
  const ids: number[] = [];
  for (let n = 0; n < count; n++)
    ids.push(
      await enqueueMail(database.db, { to: `team${n}@example.nl`, subject: `Mail ${n}`, text: 'Tekst' }, now),
    );
  return ids;
};

describe('one outbox, several instances', () => {
  it('sends every mail exactly once when two instances work through it at the same time', async () => {
    await queue(40);
    const [a, b] = await Promise.all([
      deliverDueMail(database.db, send, undefined, { holder: 'a', concurrency: 3 }),
      deliverDueMail(database.openAnother(), send, undefined, { holder: 'b', concurrency: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(40);
    expect(smtp.received).toHaveLength(40);
    expect(new Set(messageIds()).size).toBe(40);
    const rows = await database.db.selectFrom('mail_outbox').selectAll().execute();
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1 && row.claimed_by === null)).toBe(
      true,
    );
  });

  it("sends a mail claimed by an instance that died once that claim runs out, with the mail's own Message-ID", async () => {
    const start = new Date('2026-11-23T10:00:00Z');
    const [id] = await queue(1, start);
    // The dead instance claimed the mail and was gone before sending it.
    const claimed = await claimDueMail(database.db, 'dead', 60_000, start);
    expect(claimed?.id).toBe(id);

    const survivor = database.openAnother();
    const during = new Date(start.getTime() + 30_000);
    expect(await deliverDueMail(survivor, send, during, { holder: 'b' })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    const after = new Date(start.getTime() + 60_000);
    expect(await deliverDueMail(survivor, send, after, { holder: 'b' })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(1);
    expect(messageIds()[0]).toBe(`<${mailKey(claimed!)}@wijkwijzer.test>`);
  });

  it('gives back what an instance claimed when it stops, so another sends it at once', async () => {
    const start = new Date('2026-11-23T10:00:00Z');
    await queue(2, start);
    await claimDueMail(database.db, 'stopping', 60_000, start);
    expect(await releaseMailClaims(database.db, 'stopping')).toBe(1);
    expect(await deliverDueMail(database.openAnother(), send, start, { holder: 'b' })).toMatchObject({
      sent: 2,
    });
  });

  it('keeps the claim of an instance whose mail server is slow: nobody else sends that mail meanwhile', async () => {
    const [id] = await queue(1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The mail server of instance A takes longer than a claim lasts before it accepts the mail.
    const slowSend: SendMail = async (mail) => {
      await gate;
      await send(mail);
    };
    const claimMs = 3000;
    const deliveringA = deliverDueMail(database.db, slowSend, undefined, { holder: 'a', claimMs });
    const claimedAt = Date.now();
    const claimOfA = async () =>
      (
        await database.db
          .selectFrom('mail_outbox')
          .selectAll()
          .where('id', '=', id!)
          .executeTakeFirstOrThrow()
      ).claimed_until;
    await waitFor(
      'the first claim would have run out, and A renewed it',
      async () =>
        Date.now() > claimedAt + claimMs && Date.parse((await claimOfA()) ?? '') > claimedAt + claimMs,
      { timeoutMs: 20_000 },
    );
    expect(await deliverDueMail(database.openAnother(), send, undefined, { holder: 'b', claimMs })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    release();
    expect(await deliveringA).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });
});
