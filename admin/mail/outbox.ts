import type { Kysely } from 'kysely';
import { instanceName } from '../config/instance-name.ts';
import { skipLockedRows } from '../db/dialect-sql.ts';
import type { Database, MailOutboxRow } from '../db/tables.ts';
import { log } from '../logging/log.ts';

/**
 * Every mail is written to the outbox first and sent from there, so a mail server that is down
 * delays mail but never loses it, and beheerders can see what went out.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A resident's address: emptied once the mail is sent or finally failed, and masked for beheerders. */
  toResident?: boolean;
  /**
   * Stable per outbox row and used in the Message-ID: should a mail go out twice (an instance
   * died between the mail server's "accepted" and recording it), both copies are recognisably one.
   */
  key?: string;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

/** Waits before the 2nd, 3rd, … try; after the last one the mail is marked failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export async function enqueueMail(
  db: Kysely<Database>,
  mail: OutgoingMail,
  now = new Date(),
): Promise<number> {
  const { id } = await db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
      to_resident: mail.toResident ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type SendMail = (mail: OutgoingMail) => Promise<void>;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface DeliveryOptions {
  /** The instance sending, recorded on the mails it claims. */
  holder?: string;
  /** How long a claim lasts. When its instance dies mid-send, another sends the mail after this. */
  claimMs?: number;
  /** Mails sent at the same time by this instance. */
  concurrency?: number;
  /** At most this many mails per round. */
  limit?: number;
}

const isoAfter = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

/**
 * Claims the oldest due mail for `holder`, or undefined when none is due. A mail is due when it
 * waits and nobody holds it, or its holder's claim ran out. The claim counts as an attempt, so a
 * mail that crashes its sender every time still ends up failed. On PostgreSQL rows another
 * instance is claiming are skipped, not waited for; the status check in the update makes a row
 * go to one claimer only, on either database.
 */
export async function claimDueMail(
  db: Kysely<Database>,
  holder: string,
  claimMs: number,
  now = new Date(),
): Promise<MailOutboxRow | undefined> {
  const at = now.toISOString();
  const unclaimed = 'claimed_until';
  const oldestDue = skipLockedRows(
    db,
    db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb(unclaimed, 'is', null), eb(unclaimed, '<=', at)]))
      .orderBy('id')
      .limit(1),
  );
  return (
    db
      .updateTable('mail_outbox')
      .set((eb) => ({
        claimed_by: holder,
        claimed_until: isoAfter(now, claimMs),
        attempts: eb('attempts', '+', 1),
      }))
      // `=` with a one-row subquery, not `in`: PostgreSQL may re-run an `in` subquery per row,
      // and with `skip locked` each run can pick another row, claiming several at once.
      .where('id', '=', oldestDue)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb(unclaimed, 'is', null), eb(unclaimed, '<=', at)]))
      .returningAll()
      .executeTakeFirst()
  );
}

/** The Message-ID key of an outbox row: its id and when it was queued. */
export const mailKey = (mail: Pick<MailOutboxRow, 'id' | 'created_at'>): string =>
  `outbox-${mail.id}-${Date.parse(mail.created_at)}`;

/**
 * Sends due mail until none is left (or `limit` is reached), each mail claimed first, so several
 * instances working through one outbox send every mail once. A failure schedules the next try
 * with a growing wait; the error kept is the transport's message only, never the mail's content.
 * The results are written only while the claim is still this instance's.
 */
export async function deliverDueMail(
  db: Kysely<Database>,
  send: SendMail,
  /** A fixed clock for tests; the real one otherwise, read at every step of a long round. */
  now?: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const clock = (): Date => now ?? new Date();
  const holder = options.holder ?? instanceName();
  const claimMs = options.claimMs ?? 60_000;
  const limit = options.limit ?? 500;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let claimed = 0;

  async function deliverOne(mail: MailOutboxRow): Promise<void> {
    const ours = () =>
      db.updateTable('mail_outbox').where('id', '=', mail.id).where('claimed_by', '=', holder);
    // The claim is renewed while the mail server takes its time, so a slow send is not taken
    // for a dead instance's; only a claim nobody renews runs out.
    const renewal = setInterval(
      () =>
        void ours()
          .set({ claimed_until: isoAfter(clock(), claimMs) })
          .execute()
          .catch((error: unknown) => log.warn(`Claim on mail ${mail.id} not renewed`, error)),
      Math.max(50, Math.floor(claimMs / 3)),
    );
    let failure: { error: unknown } | undefined;
    try {
      await send({ to: mail.to_address, subject: mail.subject, text: mail.body_text, key: mailKey(mail) });
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(renewal);
    }
    if (!failure) {
      const result = await ours()
        .set({
          status: 'sent',
          sent_at: clock().toISOString(),
          last_error: null,
          claimed_by: null,
          claimed_until: null,
          ...forgetResident(mail),
        })
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0)
        log.warn(`Mail ${mail.id} was sent after its claim ran out; another instance may send it once more`);
      report.sent += 1;
      return;
    }
    const delay = RETRY_DELAYS_MS[mail.attempts - 1];
    const failed = delay === undefined;
    await ours()
      .set({
        status: failed ? 'failed' : 'pending',
        next_attempt_at: isoAfter(clock(), delay ?? 0),
        last_error: (failure.error as Error).message.slice(0, 300),
        claimed_by: null,
        claimed_until: null,
        ...(failed ? forgetResident(mail) : {}),
      })
      .execute();
    if (failed) report.failed += 1;
    else report.retrying += 1;
  }

  async function worker(): Promise<void> {
    while (claimed < limit) {
      claimed += 1;
      const mail = await claimDueMail(db, holder, claimMs, clock());
      if (!mail) return;
      await deliverOne(mail);
    }
  }

  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  return report;
}

/** Gives back the mails this instance claimed but did not finish (at shutdown), so others send them now. */
export async function releaseMailClaims(db: Kysely<Database>, holder: string): Promise<number> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ claimed_by: null, claimed_until: null })
    .where('claimed_by', '=', holder)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Once a mail to a resident is done with, its address is no longer kept. */
const forgetResident = (mail: MailOutboxRow): { to_address?: string } =>
  mail.to_resident === 1 ? { to_address: '' } : {};

/**
 * Sends a failed mail again from scratch (a beheerder's button once the problem is fixed); not a
 * resident's, whose address is gone.
 */
export async function retryMail(db: Kysely<Database>, id: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .where('to_address', '!=', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOutbox(
  db: Kysely<Database>,
  options: { limit: number; status?: MailStatus },
): Promise<MailOutboxRow[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .$if(options.status !== undefined, (q) => q.where('status', '=', options.status ?? 'pending'))
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
}

export async function countOutbox(db: Kysely<Database>): Promise<Record<MailStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<MailStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status as MailStatus] = Number(row.n);
  return counts;
}
