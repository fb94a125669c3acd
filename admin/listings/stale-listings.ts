import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { staleListingsMail } from '../mail/templates.ts';

/** A listing nobody confirmed for this long may no longer be true. */
export const STALE_AFTER_MONTHS = 6;

/** The date (YYYY-MM-DD) on or before which a verification counts as stale. */
export function staleCutoff(now: Date): string {
  const cutoff = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - STALE_AFTER_MONTHS, now.getUTCDate()),
  );
  return cutoff.toISOString().slice(0, 10);
}

export const isStale = (lastVerifiedAt: string, now: Date): boolean => lastVerifiedAt <= staleCutoff(now);

const REMINDER_KEY = 'stale_reminders_sent_for';

/**
 * Once per calendar month: each organisation with stale published listings gets one mail, to its
 * active editors (or, without editors, its public address), listing what to check. Safe to call
 * daily, and from several instances at once: the month is claimed first, in the same transaction
 * as the mails, so a second caller waits for the first and then finds the month done.
 */
export async function sendStaleReminders(
  db: Kysely<Database>,
  context: { baseUrl: string; siteName: string },
  now = new Date(),
): Promise<{ month: string; mails: number } | undefined> {
  const month = now.toISOString().slice(0, 7);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('app_meta')
      .values({ key: REMINDER_KEY, value: month })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({ value: month }).where('app_meta.value', '!=', month),
      )
      .returning('value')
      .executeTakeFirst();
    if (!claimed) return undefined;
    return { month, mails: await remindOrganisations(trx, context, now) };
  });
}

async function remindOrganisations(
  db: Kysely<Database>,
  context: { baseUrl: string; siteName: string },
  now: Date,
): Promise<number> {
  const stale = await db
    .selectFrom('listings')
    .innerJoin('organisations', 'organisations.slug', 'listings.organisation_slug')
    .select([
      'listings.id',
      'listings.title',
      'listings.last_verified_at',
      'organisations.slug as organisation',
      'organisations.name as organisationName',
      'organisations.email as organisationEmail',
    ])
    .where('listings.status', '=', 'published')
    .where('listings.is_demo', '=', 0)
    .where('listings.origin', '=', 'editor')
    .where('listings.last_verified_at', '<=', staleCutoff(now))
    .orderBy('listings.title')
    .execute();
  const byOrganisation = Map.groupBy(stale, (row) => row.organisation);
  let mails = 0;
  for (const [organisation, rows] of byOrganisation) {
    const editors = await db
      .selectFrom('users')
      .select('email')
      .where('role', '=', 'organisatie')
      .where('organisation_slug', '=', organisation)
      .where('disabled_at', 'is', null)
      .execute();
    const first = rows[0];
    if (!first) continue;
    const recipients =
      editors.length > 0
        ? editors.map((editor) => editor.email)
        : first.organisationEmail
          ? [first.organisationEmail]
          : [];
    const listings = rows.map((row) => ({
      title: row.title,
      lastVerifiedAt: row.last_verified_at,
      editLink: `${context.baseUrl}/beheer/aanbod/${row.id}`,
    }));
    for (const to of recipients) {
      await enqueueMail(
        db,
        staleListingsMail(to, {
          siteName: context.siteName,
          organisationName: first.organisationName,
          listings,
          overviewLink: `${context.baseUrl}/beheer/aanbod`,
        }),
        now,
      );
      mails += 1;
    }
    await recordAudit(
      db,
      {
        actorId: null,
        action: 'organisation.stale-reminder',
        objectType: 'organisation',
        objectId: organisation,
        changes: { staleListings: { from: null, to: rows.length } },
      },
      now,
    );
  }
  return mails;
}
