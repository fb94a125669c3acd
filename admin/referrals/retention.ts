import type { Kysely } from 'kysely';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { retentionCutoff } from '../questions/retention.ts';
import { DRAFT_RETENTION_DAYS } from './referral-draft.ts';

/**
 * Empties the personal fields (the resident's name, phone and e-mail, the note for the
 * organisation, free-text reasons and follow-up notes) of referrals closed longer than `months`
 * ago, and of referrals nobody touched for that long (an organisation that never answered, a
 * follow-up never given). Gebied, wijk, leefgebieden, listings, organisations, dates, statuses,
 * reasons and the follow-up answer stay, as anonymous counts for the monitoring. Drafts untouched
 * for a month are forgotten too.
 */
export async function purgeClosedReferrals(
  db: Kysely<Database>,
  options: { months: number; now?: Date },
): Promise<{ referralsPurged: number; draftsDeleted: number }> {
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(now, options.months);
  return inTransaction(db, async (trx) => {
    const due = await trx
      .selectFrom('referrals')
      .select('id')
      .where('purged_at', 'is', null)
      .where((eb) => eb.or([eb('closed_at', '<=', cutoff), eb('updated_at', '<=', cutoff)]))
      .execute();
    const ids = due.map((row) => row.id);
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await trx
        .updateTable('referrals')
        .set({
          resident_name: null,
          resident_phone: null,
          resident_email: null,
          note: null,
          follow_up_note: null,
          purged_at: now.toISOString(),
        })
        .where('id', 'in', chunk)
        .execute();
      await trx
        .updateTable('referral_items')
        .set({ reason_note: null })
        .where('referral_id', 'in', chunk)
        .execute();
      await trx
        .updateTable('referral_events')
        .set({ note: null })
        .where('referral_id', 'in', chunk)
        .execute();
    }
    const drafts = await trx
      .deleteFrom('referral_drafts')
      .where('updated_at', '<=', new Date(now.getTime() - DRAFT_RETENTION_DAYS * 24 * 3600_000).toISOString())
      .executeTakeFirst();
    return { referralsPurged: ids.length, draftsDeleted: Number(drafts.numDeletedRows) };
  });
}

/**
 * One anonymous count: referred listings per month, gebied, wijk, leefgebied, organisation and
 * listing, by outcome. A referral about two leefgebieden counts under each.
 */
export interface ReferralOutcomeCount {
  month: string;
  area: string | null;
  neighbourhood: string | null;
  lifeDomain: string | null;
  organisation: string;
  listingId: number;
  status: string;
  reason: string | null;
  followUpAnswer: string | null;
  count: number;
}

/** What the monitoring charts: the same before and after the purge. */
export async function countReferralOutcomes(db: Kysely<Database>): Promise<ReferralOutcomeCount[]> {
  const rows = await db
    .selectFrom('referral_items as item')
    .innerJoin('referrals', 'referrals.id', 'item.referral_id')
    .leftJoin('referral_life_domains as domain', 'domain.referral_id', 'referrals.id')
    .select((eb) => [
      eb.fn<string>('substr', ['referrals.created_at', eb.val(1), eb.val(7)]).as('month'),
      'referrals.area',
      'referrals.neighbourhood',
      'domain.life_domain',
      'item.organisation_slug',
      'item.listing_id',
      'item.status',
      'item.reason',
      'referrals.follow_up_answer',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([
      'month',
      'referrals.area',
      'referrals.neighbourhood',
      'domain.life_domain',
      'item.organisation_slug',
      'item.listing_id',
      'item.status',
      'item.reason',
      'referrals.follow_up_answer',
    ])
    .orderBy('month')
    .orderBy('item.organisation_slug')
    .orderBy('item.listing_id')
    .execute();
  return rows.map((row) => ({
    month: row.month,
    area: row.area,
    neighbourhood: row.neighbourhood,
    lifeDomain: row.life_domain,
    organisation: row.organisation_slug,
    listingId: row.listing_id,
    status: row.status,
    reason: row.reason,
    followUpAnswer: row.follow_up_answer,
    count: Number(row.n),
  }));
}

/** For the beheerder's overview: counts only, no resident and no team membership needed. */
export async function referralOutcomesForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<ReferralOutcomeCount[]> {
  requireRole(actor, 'beheerder');
  return countReferralOutcomes(db);
}

/** Referred listings per outcome, all time: the beheerder's overview. */
export async function referralOutcomeTotals(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<{ status: string; reason: string | null; count: number }[]> {
  requireRole(actor, 'beheerder');
  const rows = await db
    .selectFrom('referral_items')
    .select((eb) => ['status', 'reason', eb.fn.countAll<number>().as('n')])
    .groupBy(['status', 'reason'])
    .orderBy('status')
    .orderBy('reason')
    .execute();
  return rows.map((row) => ({ status: row.status, reason: row.reason, count: Number(row.n) }));
}
