import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/user.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors/domain-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { referralChangedMail } from '../mail/templates.ts';
import {
  FINAL_ITEM_STATUSES,
  FollowUpInputSchema,
  ItemStatusInputSchema,
  type ItemStatus,
} from './referral.ts';
import { ensureNotPurged, referralOfMyTeam, requireReceivingEditor } from './referral-access.ts';
import type { ReferralContext } from './referral-context.ts';

const conflict = () =>
  new ConflictError(
    'Iemand anders heeft deze verwijzing net ook bijgewerkt. Bekijk de verwijzing opnieuw en probeer het nog een keer.',
  );

/**
 * A referral is closed once every organisation reported a final outcome, or once the teamlid
 * answered "Heeft het geholpen?": from then on its retention period runs.
 */
async function updateClosure(trx: Kysely<Database>, referralId: number, now: string): Promise<void> {
  const [items, referral] = await Promise.all([
    trx.selectFrom('referral_items').select('status').where('referral_id', '=', referralId).execute(),
    trx
      .selectFrom('referrals')
      .select(['closed_at', 'follow_up_answered_at'])
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow(),
  ]);
  const done =
    referral.follow_up_answered_at !== null ||
    items.every((item) => FINAL_ITEM_STATUSES.includes(item.status as ItemStatus));
  await trx
    .updateTable('referrals')
    .set({ updated_at: now, closed_at: done ? (referral.closed_at ?? now) : null })
    .where('id', '=', referralId)
    .execute();
}

/**
 * The receiving organisation reports how it goes with one listing of a referral: contact made,
 * help started, or not started with a reason. The referring teamlid sees the change in the
 * werkbak and gets a mail that something changed (not what).
 */
export async function setItemStatus(
  db: Kysely<Database>,
  actor: Actor | undefined,
  itemId: number,
  expectedVersion: number,
  input: unknown,
  context: Pick<ReferralContext, 'siteName' | 'baseUrl' | 'now'>,
): Promise<void> {
  const editor = await requireReceivingEditor(db, actor);
  const item = await db.selectFrom('referral_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw new NotFoundError('Deze verwijzing bestaat niet.');
  if (item.organisation_slug !== editor.organisationSlug)
    throw new ForbiddenError('Deze verwijzing is niet naar jullie organisatie gestuurd.');
  const referral = await db
    .selectFrom('referrals')
    .selectAll()
    .where('id', '=', item.referral_id)
    .executeTakeFirstOrThrow();
  ensureNotPurged(referral);
  const parsed = ItemStatusInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const next = parsed.data;
  if (
    item.status === next.status &&
    item.reason === (next.reason ?? null) &&
    item.reason_note === (next.reasonNote ?? null)
  )
    return;
  const now = context.now ?? new Date();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('referral_items')
      .set((eb) => ({
        status: next.status,
        reason: next.reason ?? null,
        reason_note: next.reasonNote ?? null,
        status_at: at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', itemId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict();
    await updateClosure(trx, referral.id, at);
    await trx
      .insertInto('referral_events')
      .values({
        referral_id: referral.id,
        item_id: itemId,
        at,
        actor_user_id: editor.id,
        kind: 'status',
        note: next.reasonNote ?? null,
        details_json: JSON.stringify({ from: item.status, to: next.status, reason: next.reason ?? null }),
      })
      .execute();
    await recordAudit(
      trx,
      {
        actorId: editor.id,
        action: 'referral.item-status',
        objectType: 'referral',
        objectId: String(referral.id),
        changes: {
          [`item ${itemId} status`]: { from: item.status, to: next.status },
          ...(next.reason || item.reason
            ? { [`item ${itemId} reason`]: { from: item.reason, to: next.reason ?? null } }
            : {}),
        },
      },
      now,
    );
    const creator =
      referral.created_by_user_id === null
        ? undefined
        : await trx
            .selectFrom('users')
            .select('email')
            .where('id', '=', referral.created_by_user_id)
            .where('disabled_at', 'is', null)
            .executeTakeFirst();
    if (creator) {
      await enqueueMail(
        trx,
        referralChangedMail(creator.email, {
          siteName: context.siteName,
          reference: referral.reference,
          link: `${context.baseUrl}/beheer/verwijzingen/${referral.id}`,
        }),
        now,
      );
    }
  });
}

/**
 * "Heeft het geholpen?": the teamlid's answer four weeks after the referral, kept for the
 * monitoring; answering closes the referral (its retention period starts).
 */
export async function answerFollowUp(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  input: unknown,
  context: Pick<ReferralContext, 'now'>,
): Promise<void> {
  const { member, row } = await referralOfMyTeam(db, actor, id);
  ensureNotPurged(row);
  const parsed = FollowUpInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  const now = context.now ?? new Date();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('referrals')
      .set((eb) => ({
        follow_up_answer: parsed.data.answer,
        follow_up_note: parsed.data.followUpNote ?? null,
        follow_up_answered_at: at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict();
    await updateClosure(trx, id, at);
    await trx
      .insertInto('referral_events')
      .values({
        referral_id: id,
        item_id: null,
        at,
        actor_user_id: member.id,
        kind: 'follow-up',
        note: parsed.data.followUpNote ?? null,
        details_json: JSON.stringify({ answer: parsed.data.answer }),
      })
      .execute();
    await recordAudit(
      trx,
      {
        actorId: member.id,
        action: 'referral.follow-up',
        objectType: 'referral',
        objectId: String(id),
        changes: { followUpAnswer: { from: row.follow_up_answer, to: parsed.data.answer } },
      },
      now,
    );
  });
}
