import type { Kysely } from 'kysely';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database, MailOutboxRow } from '../db/tables.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { countOutbox, listOutbox, retryMail, type MailStatus } from './outbox.ts';

export interface OutboxEntry {
  id: number;
  /** The recipient as a beheerder may see it: a resident's address masked, or gone once sent. */
  recipient: string;
  subject: string;
  bodyText: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** A failed mail to someone whose address is still known can be sent again. */
  retryable: boolean;
}

/** `fatima@example.nl` → `f•••@e•••.nl`: enough to recognise a typo, not enough to know who. */
export function maskEmail(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}•••@${host.slice(0, 1)}•••${tld}`;
}

function entryOf(row: MailOutboxRow): OutboxEntry {
  const resident = row.to_resident === 1;
  return {
    id: row.id,
    recipient: !resident
      ? row.to_address
      : row.to_address === ''
        ? 'een inwoner (adres verwijderd)'
        : `een inwoner, ${maskEmail(row.to_address)}`,
    subject: row.subject,
    bodyText: row.body_text,
    status: row.status as MailStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    retryable: row.status === 'failed' && row.to_address !== '',
  };
}

/** Beheerders see the outbox: what went out, what waits (without SMTP, links to pass on by hand), what failed. */
export async function outboxForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
  status?: MailStatus,
): Promise<{ mails: OutboxEntry[]; counts: Record<MailStatus, number> }> {
  requireRole(actor, 'beheerder');
  const [rows, counts] = await Promise.all([
    listOutbox(db, { limit: 100, ...(status ? { status } : {}) }),
    countOutbox(db),
  ]);
  return { mails: rows.map(entryOf), counts };
}

export async function retryFailedMail(
  db: Kysely<Database>,
  actor: Actor | undefined,
  mailId: number,
  now = new Date(),
): Promise<void> {
  const admin = requireRole(actor, 'beheerder');
  if (!(await retryMail(db, mailId, now))) throw new NotFoundError('Deze mail staat niet (meer) op mislukt.');
  await recordAudit(
    db,
    { actorId: admin.id, action: 'mail.retry', objectType: 'mail', objectId: String(mailId) },
    now,
  );
}
