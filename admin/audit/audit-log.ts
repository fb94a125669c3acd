import type { Kysely } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';

/** One changed field: its value before and after. Absent values are null. */
export type FieldChange = { from: unknown; to: unknown };
export type Changes = Record<string, FieldChange>;

export interface AuditEvent {
  /** The user who acted; null for the system (CLI, scheduled jobs). */
  actorId: number | null;
  /** e.g. `listing.update`, `user.invite`, `session.login`. */
  action: string;
  objectType:
    | 'listing'
    | 'organisation'
    | 'user'
    | 'mail'
    | 'question'
    | 'referral'
    | 'volunteer'
    | 'activity'
    | 'match'
    | 'report';
  objectId: string;
  changes?: Changes;
}

const comparable = (value: unknown): string => JSON.stringify(value ?? null);

/** The fields whose values differ between two versions of an object. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (comparable(before[field]) !== comparable(after[field]))
      changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
  }
  return changes;
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent, now = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor_user_id: event.actorId,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      changes_json: JSON.stringify(event.changes ?? {}),
    })
    .execute();
}

const ChangesSchema = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; email: string; displayName: string } | null;
  action: string;
  objectType: string;
  objectId: string;
  changes: Changes;
}

/** Newest first, with who did it. */
export async function listAuditEntries(
  db: Kysely<Database>,
  options: { limit: number; offset?: number; objectType?: string; objectId?: string },
): Promise<{ entries: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_user_id');
  if (options.objectType) query = query.where('audit_log.object_type', '=', options.objectType);
  if (options.objectId) query = query.where('audit_log.object_id', '=', options.objectId);
  const [rows, count] = await Promise.all([
    query
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.object_type',
        'audit_log.object_id',
        'audit_log.changes_json',
        'audit_log.actor_user_id',
        'users.email',
        'users.display_name',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor:
        row.actor_user_id !== null && row.email
          ? { id: row.actor_user_id, email: row.email, displayName: row.display_name ?? row.email }
          : null,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      changes: ChangesSchema.parse(JSON.parse(row.changes_json)),
    })),
  };
}

/** The audit log is for beheerders only. */
export async function auditLogForAdmin(
  db: Kysely<Database>,
  actor: Actor | undefined,
  options: { limit: number; offset?: number; objectType?: string; objectId?: string },
) {
  requireRole(actor, 'beheerder');
  return listAuditEntries(db, options);
}
