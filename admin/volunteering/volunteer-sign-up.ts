import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { confirmVolunteerMail } from '../mail/volunteer-mails.ts';
import { setSubjectAreas } from './moderation-scope.ts';
import { CONFIRM_WITHIN_MS, issueLink } from './personal-links.ts';
import { recordStep } from './submission-history.ts';
import { columnsOf, type VolunteerSignUp } from './volunteer.ts';
import { areasOf, referenceFor, type VolunteeringContext } from './volunteering-context.ts';

export interface SubmittedVolunteer {
  reference: string;
  /** The form's key: the receipt page is found by it, so only the sender can open it. */
  key: string;
  created: boolean;
}

/**
 * Stores a sign-up from /helpen as `unconfirmed` and mails the link that confirms the address.
 * Nobody in the back office sees it before that; unconfirmed sign-ups are deleted after 7 days.
 */
export async function submitVolunteer(
  db: Kysely<Database>,
  input: VolunteerSignUp,
  key: string,
  context: VolunteeringContext,
): Promise<SubmittedVolunteer> {
  const earlier = () =>
    db.selectFrom('volunteers').select('reference').where('submission_key', '=', key).executeTakeFirst();
  try {
    const now = context.now ?? new Date();
    return await inTransaction(db, async (trx) => {
      const found = await trx
        .selectFrom('volunteers')
        .select('reference')
        .where('submission_key', '=', key)
        .executeTakeFirst();
      if (found) return { reference: found.reference, key, created: false };
      const at = now.toISOString();
      const { id } = await trx
        .insertInto('volunteers')
        .values({
          reference: `pending-${key}`,
          submission_key: key,
          status: 'unconfirmed',
          ...columnsOf(input),
          name: input.name,
          email: input.email,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reference = referenceFor('VW', id, at);
      await trx.updateTable('volunteers').set({ reference }).where('id', '=', id).execute();
      const subject = { type: 'volunteer', id } as const;
      await setSubjectAreas(
        trx,
        subject,
        areasOf(context, { citywide: input.citywide === 'ja', neighbourhoods: input.neighbourhoods }),
      );
      await recordStep(trx, { subject, actorId: null, kind: 'created' }, now);
      const token = await issueLink(trx, subject, 'manage', CONFIRM_WITHIN_MS, now);
      await enqueueMail(
        trx,
        confirmVolunteerMail(input.email, {
          siteName: context.siteName,
          reference,
          link: `${context.baseUrl}/helpen/mijn/${token}`,
        }),
        now,
      );
      return { reference, key, created: true };
    });
  } catch (error) {
    // Two submits of one form racing: the loser finds the winner's row.
    const found = await earlier();
    if (found) return { reference: found.reference, key, created: false };
    throw error;
  }
}

/** What the receipt page shows; found by the form's key, which only the sender has. */
export async function findVolunteerReceipt(
  db: Kysely<Database>,
  key: string,
): Promise<{ reference: string } | undefined> {
  return db.selectFrom('volunteers').select('reference').where('submission_key', '=', key).executeTakeFirst();
}
