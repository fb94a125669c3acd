import type { Kysely } from 'kysely';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database, MailOutboxRow } from '../db/tables.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import { countOutbox, listOutbox, retryMail, type MailStatus } from './outbox.ts';

/** Beheerders see the outbox: what went out, what waits (without SMTP, links to pass on by hand), what failed. */
export async function outboxForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
  status?: MailStatus,
): Promise<{ mails: MailOutboxRow[]; counts: Record<MailStatus, number> }> {
  requireRole(actor, 'beheerder');
  const [mails, counts] = await Promise.all([
    listOutbox(db, { limit: 100, ...(status ? { status } : {}) }),
    countOutbox(db),
  ]);
  return { mails, counts };
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
