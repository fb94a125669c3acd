import { sql, type Kysely } from 'kysely';
import { addDays, dutchToday } from '../calendar/activity-dates.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { availabilityCheckMail, pausedMail } from '../mail/volunteer-mails.ts';
import { forgetActivity } from './activities.ts';
import { closeAnsweredOrStaleMatches, sendFollowUps } from './match-requests.ts';
import {
  ANSWER_LINK_MS,
  CONFIRM_WITHIN_MS,
  DAY_MS,
  deleteExpiredLinks,
  issueLink,
  MANAGE_LINK_MS,
  revokeLinks,
  type SubjectType,
} from './personal-links.ts';
import { recordStep } from './submission-history.ts';
import { volunteerFromRow } from './volunteer.ts';
import { syncVolunteerOffer } from './volunteer-offer.ts';
import { forgetVolunteer } from './volunteer-self-service.ts';
import type { VolunteeringContext } from './volunteering-context.ts';

/**
 * The scheduled work around volunteers and activities, run hourly by the server (under the
 * housekeeping lease) and by `npm run purge`. Each step is a plain use case, safe to repeat and to
 * run twice at once: every row is claimed in its UPDATE, so what one runner did the other skips.
 */

/** Every six months a volunteer in the pool is asked whether they are still available. */
export const AVAILABILITY_CHECK_MONTHS = 6;
/** No answer within this many days pauses the sign-up. */
export const AVAILABILITY_ANSWER_DAYS = 30;
/** A declined sign-up or activity keeps its data this long, so the person can read why. */
export const DECLINED_KEPT_DAYS = 30;
/** An activity's organiser data is kept this long after its last date. */
export const ENDED_ACTIVITY_KEPT_DAYS = 90;

const monthsBefore = (now: Date, months: number): string =>
  new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth() - months,
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes(),
    ),
  ).toISOString();

/** Sign-ups and activities whose address was never confirmed are deleted after 7 days, whole. */
export async function deleteUnconfirmed(db: Kysely<Database>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CONFIRM_WITHIN_MS).toISOString();
  let deleted = 0;
  for (const [table, type] of [
    ['volunteers', 'volunteer'],
    ['activity_submissions', 'activity'],
  ] as const) {
    const due = await db
      .selectFrom(table)
      .select('id')
      .where('status', '=', 'unconfirmed')
      .where('created_at', '<=', cutoff)
      .execute();
    for (const { id } of due) {
      await inTransaction(db, async (trx) => {
        // Confirmed since the read, or deleted by another runner: left alone.
        const gone = await trx
          .deleteFrom(table)
          .where('id', '=', id)
          .where('status', '=', 'unconfirmed')
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0) return;
        const subject = { type: type as SubjectType, id };
        await revokeLinks(trx, subject);
        await trx
          .deleteFrom('submission_events')
          .where('subject_type', '=', type)
          .where('subject_id', '=', id)
          .execute();
        await trx
          .deleteFrom('submission_areas')
          .where('subject_type', '=', type)
          .where('subject_id', '=', id)
          .execute();
        await recordAudit(
          trx,
          { actorId: null, action: `${type}.delete-unconfirmed`, objectType: type, objectId: String(id) },
          now,
        );
        deleted += 1;
      });
    }
  }
  return deleted;
}

/** "Ben je nog beschikbaar?" to every volunteer in the pool last confirmed six months ago. */
export async function askAvailability(db: Kysely<Database>, context: VolunteeringContext): Promise<number> {
  const now = context.now ?? new Date();
  const cutoff = monthsBefore(now, AVAILABILITY_CHECK_MONTHS);
  const lastConfirmed = sql<string>`coalesce(availability_confirmed_at, decided_at, confirmed_at, created_at)`;
  const due = await db
    .selectFrom('volunteers')
    .selectAll()
    .where('status', '=', 'approved')
    .where('email', 'is not', null)
    .where(lastConfirmed, '<=', cutoff)
    .where((eb) =>
      eb.or([eb('availability_asked_at', 'is', null), eb('availability_asked_at', '<', lastConfirmed)]),
    )
    .execute();
  let asked = 0;
  for (const row of due) {
    await inTransaction(db, async (trx) => {
      const subject = { type: 'volunteer', id: row.id } as const;
      // Claimed on the value read: a second runner (`npm run purge` beside the server) asks no one twice.
      const claimed = await trx
        .updateTable('volunteers')
        .set({ availability_asked_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('status', '=', 'approved')
        .where(
          'availability_asked_at',
          row.availability_asked_at === null ? 'is' : '=',
          row.availability_asked_at,
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      asked += 1;
      const answer = await issueLink(trx, subject, 'availability', ANSWER_LINK_MS, now);
      const page = await issueLink(trx, subject, 'manage', MANAGE_LINK_MS, now);
      const link = `${context.baseUrl}/helpen/beschikbaar/${answer}`;
      await enqueueMail(
        trx,
        availabilityCheckMail(row.email ?? '', {
          siteName: context.siteName,
          reference: row.reference,
          yesLink: `${link}?antwoord=ja`,
          noLink: `${link}?antwoord=nee`,
          pageLink: `${context.baseUrl}/helpen/mijn/${page}`,
        }),
        now,
      );
      await recordStep(trx, { subject, actorId: null, kind: 'availability-asked' }, now);
    });
  }
  return asked;
}

/** No answer to "Ben je nog beschikbaar?" within 30 days: the sign-up is paused and its offer goes offline. */
export async function pauseUnanswered(
  db: Kysely<Database>,
  context: VolunteeringContext & { pausedRetentionMonths: number },
): Promise<number> {
  const now = context.now ?? new Date();
  const due = await db
    .selectFrom('volunteers')
    .selectAll()
    .where('status', '=', 'approved')
    .where(
      'availability_asked_at',
      '<=',
      new Date(now.getTime() - AVAILABILITY_ANSWER_DAYS * DAY_MS).toISOString(),
    )
    .where((eb) =>
      eb.or([
        eb('availability_confirmed_at', 'is', null),
        eb('availability_confirmed_at', '<', eb.ref('availability_asked_at')),
      ]),
    )
    .execute();
  let paused = 0;
  for (const row of due) {
    await inTransaction(db, async (trx) => {
      const claimed = await trx
        .updateTable('volunteers')
        .set((eb) => ({
          status: 'paused',
          paused_at: now.toISOString(),
          updated_at: now.toISOString(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', row.id)
        .where('status', '=', 'approved')
        .where('version', '=', row.version)
        .executeTakeFirst();
      // Answered, changed or paused by another runner since the read: nothing to do.
      if (Number(claimed.numUpdatedRows) === 0) return;
      paused += 1;
      const saved = await trx
        .selectFrom('volunteers')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      await syncVolunteerOffer(trx, volunteerFromRow(saved), context);
      const subject = { type: 'volunteer', id: row.id } as const;
      await recordStep(
        trx,
        {
          subject,
          actorId: null,
          kind: 'paused-no-answer',
          audit: { status: { from: 'approved', to: 'paused' } },
        },
        now,
      );
      if (row.email) {
        const page = await issueLink(trx, subject, 'manage', MANAGE_LINK_MS, now);
        await enqueueMail(
          trx,
          pausedMail(row.email, {
            siteName: context.siteName,
            reference: row.reference,
            link: `${context.baseUrl}/helpen/mijn/${page}`,
            deleteAfterMonths: context.pausedRetentionMonths,
          }),
          now,
        );
      }
    });
  }
  return paused;
}

export interface VolunteerWorkReport {
  unconfirmedDeleted: number;
  availabilityAsked: number;
  paused: number;
  followUpsSent: number;
  matchesClosed: number;
}

/** The mail-sending schedules: unconfirmed sign-ups, availability checks, pauses, follow-ups. */
export async function runVolunteerWork(
  db: Kysely<Database>,
  context: VolunteeringContext & { pausedRetentionMonths: number },
): Promise<VolunteerWorkReport> {
  const now = context.now ?? new Date();
  return {
    unconfirmedDeleted: await deleteUnconfirmed(db, now),
    availabilityAsked: await askAvailability(db, context),
    paused: await pauseUnanswered(db, context),
    followUpsSent: await sendFollowUps(db, context),
    matchesClosed: await closeAnsweredOrStaleMatches(db, now),
  };
}

export interface VolunteerRetentionReport {
  volunteersRemoved: number;
  activitiesRemoved: number;
  requestsPurged: number;
  linksDeleted: number;
}

/**
 * Personal data of volunteers and activities past its retention: paused sign-ups after
 * `pausedMonths`, declined ones after 30 days, activities 90 days after their last date, requests
 * for help `matchMonths` after they closed. Anonymous rows stay for counts.
 */
export async function purgeVolunteerData(
  db: Kysely<Database>,
  settings: { pausedMonths: number; matchMonths: number },
  context: VolunteeringContext,
): Promise<VolunteerRetentionReport> {
  const now = context.now ?? new Date();
  const pausedCutoff = monthsBefore(now, settings.pausedMonths);
  const declinedCutoff = new Date(now.getTime() - DECLINED_KEPT_DAYS * DAY_MS).toISOString();
  const volunteers = await db
    .selectFrom('volunteers')
    .selectAll()
    .where('purged_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'paused'), eb('paused_at', '<=', pausedCutoff)]),
        eb.and([eb('status', '=', 'declined'), eb('decided_at', '<=', declinedCutoff)]),
      ]),
    )
    .execute();
  for (const row of volunteers) {
    await inTransaction(db, async (trx) => {
      const status = row.status === 'paused' ? 'expired' : 'declined';
      await forgetVolunteer(trx, row, status, context, now);
      await recordStep(
        trx,
        { subject: { type: 'volunteer', id: row.id }, actorId: null, kind: `retention-${status}` },
        now,
      );
    });
  }
  const endedBefore = addDays(dutchToday(now), -ENDED_ACTIVITY_KEPT_DAYS);
  const activities = await db
    .selectFrom('activity_submissions')
    .selectAll()
    .where('purged_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'declined'), eb('decided_at', '<=', declinedCutoff)]),
        eb.and([
          eb('status', 'in', ['approved', 'submitted', 'changes-requested']),
          eb('last_date', '<', endedBefore),
        ]),
      ]),
    )
    .execute();
  for (const row of activities) {
    await inTransaction(db, async (trx) => {
      const status = row.status === 'declined' ? 'declined' : 'ended';
      await forgetActivity(trx, row, status, now);
      await recordStep(
        trx,
        { subject: { type: 'activity', id: row.id }, actorId: null, kind: `retention-${status}` },
        now,
      );
    });
  }
  const requests = await db
    .updateTable('match_requests')
    .set({
      need_text: null,
      requester_name: null,
      requester_phone: null,
      requester_email: null,
      purged_at: now.toISOString(),
    })
    .where('purged_at', 'is', null)
    .where('status', 'in', ['afgerond', 'afgesloten'])
    .where('closed_at', '<=', monthsBefore(now, settings.matchMonths))
    .executeTakeFirst();
  await db
    .updateTable('submission_events')
    .set({ note: null })
    .where('subject_type', '=', 'match')
    .where(
      'subject_id',
      'in',
      db.selectFrom('match_requests').select('id').where('purged_at', 'is not', null),
    )
    .execute();
  return {
    volunteersRemoved: volunteers.length,
    activitiesRemoved: activities.length,
    requestsPurged: Number(requests.numUpdatedRows),
    linksDeleted: await deleteExpiredLinks(db, now),
  };
}
