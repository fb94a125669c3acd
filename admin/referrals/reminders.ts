import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { referralReminderMail } from '../mail/templates.ts';
import { addWorkingDays } from '../questions/working-days.ts';
import type { ReferralContext } from './referral-context.ts';
import { organisationRecipients } from './referral-mail.ts';

/**
 * One reminder per referred listing that its organisation left at "ontvangen" for the configured
 * number of working days (one for spoed). An organisation gets one mail per round however many
 * referrals wait. Safe to run every hour, and by several servers: an item is claimed by the UPDATE
 * that records its reminder, and only claimed items are mailed about.
 */
export async function sendReferralReminders(
  db: Kysely<Database>,
  context: Pick<ReferralContext, 'siteName' | 'baseUrl' | 'reminderWorkingDays' | 'now'>,
): Promise<{ mails: number; reminded: number }> {
  const now = context.now ?? new Date();
  const at = now.toISOString();
  const waiting = await db
    .selectFrom('referral_items as item')
    .innerJoin('referrals', 'referrals.id', 'item.referral_id')
    .select(['item.id', 'item.referral_id', 'item.created_at', 'item.organisation_slug', 'referrals.urgency'])
    .where('item.status', '=', 'ontvangen')
    .where('item.reminder_sent_at', 'is', null)
    .where('referrals.purged_at', 'is', null)
    .orderBy('item.id')
    .execute();
  const due = waiting.filter(
    (item) =>
      addWorkingDays(new Date(item.created_at), item.urgency === 'spoed' ? 1 : context.reminderWorkingDays) <=
      now,
  );
  let mails = 0;
  let reminded = 0;
  for (const [organisation, items] of Map.groupBy(due, (item) => item.organisation_slug)) {
    await inTransaction(db, async (trx) => {
      const claimed: typeof items = [];
      for (const item of items) {
        const result = await trx
          .updateTable('referral_items')
          .set({ reminder_sent_at: at })
          .where('id', '=', item.id)
          .where('reminder_sent_at', 'is', null)
          .where('status', '=', 'ontvangen')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) claimed.push(item);
      }
      if (claimed.length === 0) return;
      for (const item of claimed) {
        await trx
          .insertInto('referral_events')
          .values({
            referral_id: item.referral_id,
            item_id: item.id,
            at,
            actor_user_id: null,
            kind: 'reminder',
            note: null,
            details_json: '{}',
          })
          .execute();
        await recordAudit(
          trx,
          {
            actorId: null,
            action: 'referral.reminder',
            objectType: 'referral',
            objectId: String(item.referral_id),
            changes: { [`item ${item.id} reminder`]: { from: null, to: at } },
          },
          now,
        );
      }
      const recipients = await organisationRecipients(trx, organisation);
      for (const to of recipients.addresses) {
        await enqueueMail(
          trx,
          referralReminderMail(to, {
            siteName: context.siteName,
            organisationName: recipients.name,
            count: claimed.length,
            link: `${context.baseUrl}/beheer/verwijzingen`,
          }),
          now,
        );
        mails += 1;
      }
      reminded += claimed.length;
    });
  }
  return { mails, reminded };
}
