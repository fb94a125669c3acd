import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit, type Changes } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import type { SubjectType } from './personal-links.ts';

/** One step in the history of a sign-up, activity or request, shown in the back office. */
export interface SubmissionEvent {
  at: string;
  actor: string | null;
  kind: string;
  note: string | null;
  details: Record<string, unknown>;
}

const DetailsSchema = z.record(z.string(), z.unknown());

/**
 * Records a step in the subject's history and in the audit log. The history may hold a note to
 * the person (personal data, purged with the rest); the audit log only says who did what.
 */
export async function recordStep(
  db: Kysely<Database>,
  step: {
    subject: { type: SubjectType; id: number };
    actorId: number | null;
    kind: string;
    note?: string | null;
    details?: Record<string, unknown>;
    audit?: Changes;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('submission_events')
    .values({
      subject_type: step.subject.type,
      subject_id: step.subject.id,
      at: now.toISOString(),
      actor_user_id: step.actorId,
      kind: step.kind,
      note: step.note ?? null,
      details_json: JSON.stringify(step.details ?? {}),
    })
    .execute();
  await recordAudit(
    db,
    {
      actorId: step.actorId,
      action: `${step.subject.type}.${step.kind}`,
      objectType: step.subject.type,
      objectId: String(step.subject.id),
      changes: step.audit ?? {},
    },
    now,
  );
}

export async function historyOf(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
): Promise<SubmissionEvent[]> {
  const rows = await db
    .selectFrom('submission_events')
    .leftJoin('users', 'users.id', 'submission_events.actor_user_id')
    .selectAll('submission_events')
    .select(['users.display_name', 'users.email'])
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('submission_events.id')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    actor: row.display_name ?? row.email,
    kind: row.kind,
    note: row.note,
    details: DetailsSchema.parse(JSON.parse(row.details_json)),
  }));
}

/** Notes in a history are personal: the purge empties them with the rest. */
export async function forgetHistoryNotes(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
): Promise<void> {
  await db
    .updateTable('submission_events')
    .set({ note: null })
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
}
