import type { ExpressionBuilder, Kysely } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { recordAudit, type Changes } from '../audit/audit-log.ts';
import type { Database, QuestionEventRow, QuestionRow } from '../db/tables.ts';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { newQuestionMail } from '../mail/templates.ts';
import { OPEN_STATUSES, QUESTION_STATUSES, type QuestionStatus } from './question.ts';
import type { InboxTeam } from './team-directory.ts';
import { addWorkingDays } from './working-days.ts';
import { text } from '../schemas/text.ts';
import { inTransaction } from '../db/transaction.ts';

/**
 * The team inbox. Only teamleden work here, and only on questions of their own teams: every use
 * case loads the question and checks its team against the actor before anything else.
 */

export interface InboxContext {
  teams: readonly InboxTeam[];
  siteName: string;
  baseUrl: string;
  now?: Date;
}

export interface QuestionSummary {
  id: number;
  reference: string;
  teamId: string;
  neighbourhood: string | null;
  aboutYouth: boolean;
  lifeDomains: string[];
  status: QuestionStatus;
  /** The version a form about this question was opened with, so a change in between is noticed. */
  version: number;
  assignedUserId: number | null;
  createdAt: string;
  /** When the team's promise to contact the resident runs out. */
  dueAt: string;
  /** Still no contact attempt after the promised working days. */
  overdue: boolean;
}

export interface QuestionEvent {
  at: string;
  actor: string | null;
  kind: string;
  note: string | null;
  details: Record<string, unknown>;
}

export interface QuestionDetail extends QuestionSummary {
  question: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  events: QuestionEvent[];
  purged: boolean;
}

/** When content names no promise for a team. */
const DEFAULT_RESPONSE_DAYS = 5;
const LifeDomainsSchema = z.array(z.string());
const DetailsSchema = z.record(z.string(), z.unknown());

function summaryOf(row: QuestionRow, context: InboxContext): QuestionSummary {
  const team = context.teams.find((candidate) => candidate.id === row.team_id);
  const dueAt = addWorkingDays(new Date(row.created_at), team?.responseDays ?? DEFAULT_RESPONSE_DAYS);
  const now = context.now ?? new Date();
  return {
    id: row.id,
    reference: row.reference,
    teamId: row.team_id,
    neighbourhood: row.neighbourhood,
    aboutYouth: row.about_youth === 1,
    lifeDomains: LifeDomainsSchema.parse(JSON.parse(row.life_domains_json)),
    status: row.status as QuestionStatus,
    version: row.version,
    assignedUserId: row.assigned_user_id,
    createdAt: row.created_at,
    dueAt: dueAt.toISOString(),
    overdue:
      OPEN_STATUSES.includes(row.status as QuestionStatus) &&
      row.first_contact_at === null &&
      dueAt.getTime() < now.getTime(),
  };
}

export const INBOX_PAGE_SIZE = 50;
const Id = z.string().regex(/^[a-z0-9:-]{1,80}$/);

export const InboxFilterSchema = z.object({
  status: z.enum([...QUESTION_STATUSES, 'open', 'alle']).catch('open'),
  neighbourhood: Id.optional().catch(undefined),
  lifeDomain: Id.optional().catch(undefined),
  /** `te-laat`: past the promise; a number: older than that many days. */
  age: z.enum(['te-laat', '3', '7', '30']).optional().catch(undefined),
  teamId: Id.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type InboxFilter = z.infer<typeof InboxFilterSchema>;

function requireTeamMember(actor: Actor | undefined): Actor {
  const member = requireRole(actor, 'teamlid');
  if (member.teamIds.length === 0)
    throw new ForbiddenError(
      'Je account hoort nog bij geen enkel team. Vraag een beheerder om je aan een team te koppelen.',
    );
  return member;
}

export interface InboxPage {
  questions: QuestionSummary[];
  /** Questions matching the filter, on all pages. */
  total: number;
  /** Of those, how many are past the team's promise without a contact attempt. */
  overdue: number;
  page: number;
  pageCount: number;
}

/**
 * The moment before which a question of this team, still without contact, is past its promise:
 * the latest creation time whose due date lies before `now` (due dates only move forward).
 */
function overdueBefore(now: Date, responseDays: number): Date {
  let low = now.getTime() - (responseDays * 3 + 14) * 24 * 3600_000;
  let high = now.getTime();
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (addWorkingDays(new Date(middle), responseDays).getTime() < now.getTime()) low = middle;
    else high = middle;
  }
  return new Date(low);
}

/** The questions of the actor's teams that match the filter, oldest first, a page at a time. */
export async function listInbox(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: InboxFilter,
  context: InboxContext,
): Promise<InboxPage> {
  const member = requireTeamMember(actor);
  const teams = filter.teamId && member.teamIds.includes(filter.teamId) ? [filter.teamId] : member.teamIds;
  const statuses =
    filter.status === 'alle' ? QUESTION_STATUSES : filter.status === 'open' ? OPEN_STATUSES : [filter.status];
  const now = context.now ?? new Date();
  const overdueCutoffs = teams.map((teamId) => ({
    teamId,
    before: overdueBefore(
      now,
      context.teams.find((team) => team.id === teamId)?.responseDays ?? DEFAULT_RESPONSE_DAYS,
    ).toISOString(),
  }));
  const isOverdue = (eb: ExpressionBuilder<Database, 'questions'>) =>
    eb.and([
      eb('status', 'in', OPEN_STATUSES),
      eb('first_contact_at', 'is', null),
      eb.or(
        overdueCutoffs.map(({ teamId, before }) =>
          eb.and([eb('team_id', '=', teamId), eb('created_at', '<', before)]),
        ),
      ),
    ]);
  const matching = db
    .selectFrom('questions')
    .where('team_id', 'in', teams)
    .where('status', 'in', statuses)
    .$if(filter.neighbourhood !== undefined, (q) => q.where('neighbourhood', '=', filter.neighbourhood ?? ''))
    // Life domains are stored as a JSON list of ids; an id is letters, digits and hyphens only.
    .$if(filter.lifeDomain !== undefined, (q) =>
      q.where('life_domains_json', 'like', `%"${filter.lifeDomain ?? ''}"%`),
    )
    .$if(filter.age === 'te-laat', (q) => q.where(isOverdue))
    .$if(filter.age !== undefined && filter.age !== 'te-laat', (q) =>
      q.where('created_at', '<', new Date(now.getTime() - Number(filter.age) * 24 * 3600_000).toISOString()),
    );
  const counts = await matching
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when(isOverdue(eb)).then(1).else(0).end()).as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const total = Number(counts.total);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await matching
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE)
    .execute();
  return {
    questions: rows.map((row) => summaryOf(row, context)),
    total,
    overdue: Number(counts.overdue ?? 0),
    page,
    pageCount,
  };
}

async function questionOfMyTeam(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
): Promise<{ member: Actor; row: QuestionRow }> {
  const member = requireTeamMember(actor);
  const row = await db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Deze vraag bestaat niet.');
  if (!member.teamIds.includes(row.team_id)) throw new ForbiddenError('Deze vraag hoort bij een ander team.');
  return { member, row };
}

function eventOf(
  row: QuestionEventRow & { email: string | null; display_name: string | null },
): QuestionEvent {
  return {
    at: row.at,
    actor: row.display_name ?? row.email,
    kind: row.kind,
    note: row.note,
    details: DetailsSchema.parse(JSON.parse(row.details_json)),
  };
}

export async function getQuestion(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: InboxContext,
): Promise<QuestionDetail> {
  const { row } = await questionOfMyTeam(db, actor, id);
  const events = await db
    .selectFrom('question_events')
    .leftJoin('users', 'users.id', 'question_events.actor_user_id')
    .selectAll('question_events')
    .select(['users.email', 'users.display_name'])
    .where('question_id', '=', id)
    .orderBy('question_events.id')
    .execute();
  return {
    ...summaryOf(row, context),
    question: row.question_text,
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    events: events.map(eventOf),
    purged: row.purged_at !== null,
  };
}

/** Colleagues a question can be assigned to: active teamleden of the question's team. */
export async function colleaguesFor(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
): Promise<{ id: number; name: string }[]> {
  const { row } = await questionOfMyTeam(db, actor, id);
  const users = await db
    .selectFrom('users')
    .innerJoin('user_teams', 'user_teams.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('user_teams.team_id', '=', row.team_id)
    .where('users.role', '=', 'teamlid')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
  return users.map((user) => ({ id: user.id, name: user.display_name }));
}

/** One step in a question's history: the row, its event and the audit entry, together. */
async function record(
  db: Kysely<Database>,
  step: {
    member: Actor;
    row: QuestionRow;
    kind: string;
    set?: Partial<Omit<QuestionRow, 'id' | 'version'>>;
    /** A change of state names the version it was made on; notes and contact attempts add only. */
    expectedVersion?: number;
    note?: string;
    details?: Record<string, unknown>;
    audit?: Changes;
  },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const { expectedVersion } = step;
    const updated = await trx
      .updateTable('questions')
      .set((eb) => ({
        ...step.set,
        updated_at: at,
        ...(expectedVersion === undefined ? {} : { version: eb('version', '+', 1) }),
      }))
      .where('id', '=', step.row.id)
      .$if(expectedVersion !== undefined, (q) => q.where('version', '=', expectedVersion ?? 0))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new ConflictError(
        'Iemand anders heeft deze vraag net ook aangepast. Bekijk de vraag opnieuw en probeer het nog een keer.',
      );
    await trx
      .insertInto('question_events')
      .values({
        question_id: step.row.id,
        at,
        actor_user_id: step.member.id,
        kind: step.kind,
        note: step.note ?? null,
        details_json: JSON.stringify(step.details ?? {}),
      })
      .execute();
    // The audit log says who did what, never the note's text or the resident's data.
    await recordAudit(
      trx,
      {
        actorId: step.member.id,
        action: `question.${step.kind}`,
        objectType: 'question',
        objectId: String(step.row.id),
        changes: step.audit ?? {},
      },
      now,
    );
  });
}

function ensureOpen(row: QuestionRow): void {
  if (row.purged_at !== null)
    throw new ForbiddenError('Deze vraag is afgesloten en de persoonsgegevens zijn verwijderd.');
}

export async function takeQuestion(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  now = new Date(),
): Promise<void> {
  const { member, row } = await questionOfMyTeam(db, actor, id);
  ensureOpen(row);
  const status = row.status === 'afgerond' ? row.status : 'in-behandeling';
  await record(
    db,
    {
      member,
      row,
      kind: 'take',
      expectedVersion,
      set: { assigned_user_id: member.id, status },
      audit: {
        assignedUserId: { from: row.assigned_user_id, to: member.id },
        status: { from: row.status, to: status },
      },
    },
    now,
  );
}

export async function assignQuestion(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  userId: number,
  now = new Date(),
): Promise<void> {
  const { member, row } = await questionOfMyTeam(db, actor, id);
  ensureOpen(row);
  const colleague = (await colleaguesFor(db, member, id)).find((candidate) => candidate.id === userId);
  if (!colleague) throw new FieldError('userId', 'Kies een collega uit het team van deze vraag.');
  await record(
    db,
    {
      member,
      row,
      kind: 'assign',
      expectedVersion,
      set: { assigned_user_id: userId },
      details: { to: colleague.name },
      audit: { assignedUserId: { from: row.assigned_user_id, to: userId } },
    },
    now,
  );
}

export const SETTABLE_STATUSES = ['nieuw', 'in-behandeling', 'afgerond'] as const;

export async function setQuestionStatus(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  status: (typeof SETTABLE_STATUSES)[number],
  now = new Date(),
): Promise<void> {
  const { member, row } = await questionOfMyTeam(db, actor, id);
  ensureOpen(row);
  if (row.status === status) return;
  await record(
    db,
    {
      member,
      row,
      kind: 'status',
      expectedVersion,
      set: { status, closed_at: status === 'afgerond' ? now.toISOString() : null },
      details: { from: row.status, to: status },
      audit: { status: { from: row.status, to: status } },
    },
    now,
  );
}

/** Passes a question to another team: it leaves this inbox, and that team is told by mail. */
export async function forwardQuestion(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  expectedVersion: number,
  teamId: string,
  context: InboxContext,
): Promise<void> {
  const { member, row } = await questionOfMyTeam(db, actor, id);
  ensureOpen(row);
  const target = context.teams.find((team) => team.id === teamId);
  if (!target || target.id === row.team_id)
    throw new FieldError('teamId', 'Kies een ander team uit de lijst.');
  const now = context.now ?? new Date();
  const from = context.teams.find((team) => team.id === row.team_id);
  // The step and the mail to the new team commit together, or neither does.
  await inTransaction(db, async (trx) => {
    await record(
      trx,
      {
        member,
        row,
        kind: 'forward',
        expectedVersion,
        set: { team_id: target.id, status: 'doorgezet', assigned_user_id: null, closed_at: null },
        details: { from: from?.name ?? row.team_id, to: target.name },
        audit: { team: { from: row.team_id, to: target.id }, status: { from: row.status, to: 'doorgezet' } },
      },
      now,
    );
    await enqueueMail(
      trx,
      newQuestionMail(target.email, {
        siteName: context.siteName,
        teamName: target.name,
        reference: row.reference,
        link: `${context.baseUrl}/beheer/inbox/${row.id}`,
        forwarded: true,
      }),
      now,
    );
  });
}

export const NoteInputSchema = z.object({
  note: text({ error: 'Schrijf een notitie.' })
    .trim()
    .min(1, 'Schrijf een notitie.')
    .max(5000, 'Maak de notitie korter: hooguit 5.000 tekens.'),
});

/** Internal: only the team sees it. Plain text, shown escaped. */
export async function addNote(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  note: string,
  now = new Date(),
): Promise<void> {
  const { member, row } = await questionOfMyTeam(db, actor, id);
  ensureOpen(row);
  await record(db, { member, row, kind: 'note', note }, now);
}

export const CONTACT_METHODS = ['telefoon', 'e-mail', 'huisbezoek', 'anders'] as const;
export const ContactAttemptInputSchema = z.object({
  method: z.enum(CONTACT_METHODS, { error: 'Kies hoe je contact zocht.' }),
  reached: z.enum(['ja', 'nee'], { error: 'Geef aan of je de inwoner hebt gesproken.' }),
  attemptNote: text().trim().max(2000, 'Maak de notitie korter: hooguit 2.000 tekens.').optional(),
});
export type ContactAttemptInput = z.infer<typeof ContactAttemptInputSchema>;

/** A call, mail or visit; the first one meets the team's promise, reached or not. */
export async function recordContactAttempt(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  attempt: ContactAttemptInput,
  now = new Date(),
): Promise<void> {
  const { member, row } = await questionOfMyTeam(db, actor, id);
  ensureOpen(row);
  await record(
    db,
    {
      member,
      row,
      kind: 'contact-attempt',
      set: { first_contact_at: row.first_contact_at ?? now.toISOString() },
      ...(attempt.attemptNote ? { note: attempt.attemptNote } : {}),
      details: { method: attempt.method, reached: attempt.reached === 'ja' },
      audit: { contactAttempt: { from: null, to: attempt.method } },
    },
    now,
  );
}
