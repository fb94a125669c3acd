import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { newQuestionMail, questionReceivedMail } from '../mail/templates.ts';
import type { QuestionInput } from './question.ts';
import type { InboxTeam } from './team-directory.ts';
import { inTransaction } from '../db/transaction.ts';

export interface SubmittedQuestion {
  reference: string;
  /** The form's key: the receipt page is found by it, so only the sender can open it. */
  key: string;
  teamId: string;
  /** False when this form was sent before: the earlier question is returned, nothing added. */
  created: boolean;
}

export const referenceFor = (id: number, createdAt: string): string =>
  `VR-${createdAt.slice(0, 4)}-${String(id).padStart(6, '0')}`;

export interface SubmitContext {
  team: InboxTeam;
  siteName: string;
  baseUrl: string;
  now?: Date;
}

/**
 * Stores a resident's question and queues the mails, in one transaction: when this returns, the
 * question is committed and the team will hear of it even if the mail server is down.
 */
export async function submitQuestion(
  db: Kysely<Database>,
  input: QuestionInput,
  key: string,
  context: SubmitContext,
): Promise<SubmittedQuestion> {
  try {
    return await storeQuestion(db, input, key, context);
  } catch (error) {
    // Two submits of one form racing on a pooled database: the loser finds the winner's row.
    const earlier = await db
      .selectFrom('questions')
      .select(['reference', 'team_id'])
      .where('submission_key', '=', key)
      .executeTakeFirst();
    if (earlier) return { reference: earlier.reference, key, teamId: earlier.team_id, created: false };
    throw error;
  }
}

async function storeQuestion(
  db: Kysely<Database>,
  input: QuestionInput,
  key: string,
  context: SubmitContext,
): Promise<SubmittedQuestion> {
  const now = (context.now ?? new Date()).toISOString();
  const { team } = context;
  return inTransaction(db, async (trx) => {
    const earlier = await trx
      .selectFrom('questions')
      .select(['reference', 'team_id'])
      .where('submission_key', '=', key)
      .executeTakeFirst();
    if (earlier) return { reference: earlier.reference, key, teamId: earlier.team_id, created: false };

    const { id } = await trx
      .insertInto('questions')
      .values({
        reference: `pending-${key}`,
        submission_key: key,
        team_id: team.id,
        neighbourhood: input.neighbourhood ?? null,
        about_youth: input.aboutYouth === 'ja' ? 1 : 0,
        life_domains_json: JSON.stringify(input.lifeDomains),
        question_text: input.question,
        contact_name: input.name || null,
        contact_phone: input.phone ?? null,
        contact_email: input.email ?? null,
        status: 'nieuw',
        assigned_user_id: null,
        first_contact_at: null,
        created_at: now,
        updated_at: now,
        closed_at: null,
        purged_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = referenceFor(id, now);
    await trx.updateTable('questions').set({ reference }).where('id', '=', id).execute();
    await trx
      .insertInto('question_events')
      .values({
        question_id: id,
        at: now,
        actor_user_id: null,
        kind: 'created',
        note: null,
        details_json: JSON.stringify({ team: team.id }),
      })
      .execute();
    await enqueueMail(
      trx,
      newQuestionMail(team.email, {
        siteName: context.siteName,
        teamName: team.name,
        reference,
        link: `${context.baseUrl}/beheer/inbox/${id}`,
      }),
      new Date(now),
    );
    if (input.email) {
      await enqueueMail(
        trx,
        questionReceivedMail(input.email, {
          siteName: context.siteName,
          teamName: team.name,
          reference,
          responseDays: team.responseDays,
        }),
        new Date(now),
      );
    }
    await recordAudit(
      trx,
      {
        actorId: null,
        action: 'question.submit',
        objectType: 'question',
        objectId: String(id),
        changes: { team: { from: null, to: team.id } },
      },
      new Date(now),
    );
    return { reference, key, teamId: team.id, created: true };
  });
}

/** What the receipt page shows; found by the form's key, which only the sender has. */
export async function findReceipt(
  db: Kysely<Database>,
  key: string,
): Promise<{ reference: string; teamId: string; hasEmail: boolean; hasPhone: boolean } | undefined> {
  const row = await db
    .selectFrom('questions')
    .select(['reference', 'team_id', 'contact_email', 'contact_phone'])
    .where('submission_key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        reference: row.reference,
        teamId: row.team_id,
        hasEmail: row.contact_email !== null,
        hasPhone: row.contact_phone !== null,
      }
    : undefined;
}
