import type { Kysely } from 'kysely';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';

/** The date before which questions closed count as old enough to forget who asked. */
export function retentionCutoff(now: Date, months: number): string {
  return new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth() - months,
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes(),
    ),
  ).toISOString();
}

/**
 * Empties the personal fields (question, name, phone, e-mail, internal notes) of questions closed
 * longer than `months` ago. Team, wijk, leefgebieden, youth flag, status and dates stay, so the
 * municipality can still count questions per team, wijk and month.
 */
export async function purgeClosedQuestions(
  db: Kysely<Database>,
  options: { months: number; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(now, options.months);
  return inTransaction(db, async (trx) => {
    const due = await trx
      .selectFrom('questions')
      .select('id')
      .where('status', '=', 'afgerond')
      .where('closed_at', '<=', cutoff)
      .where('purged_at', 'is', null)
      .execute();
    const ids = due.map((row) => row.id);
    if (ids.length === 0) return 0;
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await trx
        .updateTable('questions')
        .set({
          question_text: null,
          contact_name: null,
          contact_phone: null,
          contact_email: null,
          purged_at: now.toISOString(),
        })
        .where('id', 'in', chunk)
        .execute();
      await trx
        .updateTable('question_events')
        .set({ note: null })
        .where('question_id', 'in', chunk)
        .execute();
    }
    return ids.length;
  });
}

export interface QuestionCount {
  teamId: string;
  neighbourhood: string | null;
  month: string;
  count: number;
}

/** Anonymous counts per team, wijk and month: what monitoring needs, before and after the purge. */
export async function countQuestions(db: Kysely<Database>): Promise<QuestionCount[]> {
  const rows = await db
    .selectFrom('questions')
    .select((eb) => [
      'team_id',
      'neighbourhood',
      eb.fn<string>('substr', ['created_at', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['team_id', 'neighbourhood', 'month'])
    .orderBy('month')
    .orderBy('team_id')
    .execute();
  return rows.map((row) => ({
    teamId: row.team_id,
    neighbourhood: row.neighbourhood,
    month: row.month,
    count: Number(row.n),
  }));
}

/** For the beheerder's overview: counts only, so no personal data and no team membership needed. */
export async function questionCountsForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<QuestionCount[]> {
  requireRole(actor, 'beheerder');
  return countQuestions(db);
}
