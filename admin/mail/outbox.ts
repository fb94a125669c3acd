import type { Kysely } from 'kysely';
import type { Database, MailOutboxRow } from '../db/tables.ts';

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

/**
 * Sends every due mail once. A failure schedules the next try with a growing wait; the error
 * kept is the transport's message only, never the mail's content.
 */
export async function deliverDueMail(
  db: Kysely<Database>,
  send: SendMail,
  now = new Date(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const due = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(100)
    .execute();
  for (const mail of due) {
    const attempts = mail.attempts + 1;
    try {
      await send({ to: mail.to_address, subject: mail.subject, text: mail.body_text });
      await db
        .updateTable('mail_outbox')
        .set({
          status: 'sent',
          attempts,
          sent_at: now.toISOString(),
          last_error: null,
          ...forgetResident(mail),
        })
        .where('id', '=', mail.id)
        .execute();
      report.sent += 1;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempts - 1];
      const failed = delay === undefined;
      await db
        .updateTable('mail_outbox')
        .set({
          status: failed ? 'failed' : 'pending',
          attempts,
          next_attempt_at: new Date(now.getTime() + (delay ?? 0)).toISOString(),
          last_error: (error as Error).message.slice(0, 300),
          ...(failed ? forgetResident(mail) : {}),
        })
        .where('id', '=', mail.id)
        .execute();
      if (failed) report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
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
