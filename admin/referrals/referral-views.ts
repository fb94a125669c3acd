import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../accounts/user.ts';
import type { Database, ReferralRow } from '../db/tables.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';
import { requireActor } from '../accounts/permissions.ts';
import {
  FINAL_ITEM_STATUSES,
  type ContactBy,
  type FollowUpAnswer,
  type ItemStatus,
  type NotStartedReason,
  type Urgency,
} from './referral.ts';
import {
  referralForViewer,
  requireReceivingEditor,
  requireReferrer,
  type ReferralViewer,
} from './referral-access.ts';
import type { ReferralContext } from './referral-context.ts';

/** What the werkbak shows of referrals: read models, each checking the actor first. */

export interface ReferralItemView {
  id: number;
  /** The version a status form was opened with, so a change in between is noticed. */
  version: number;
  listingId: number;
  listingTitle: string;
  listingSlug: string;
  organisation: string;
  organisationName: string;
  status: ItemStatus;
  reason: NotStartedReason | null;
  reasonNote: string | null;
  statusAt: string;
  reminderSentAt: string | null;
}

export interface ReferralEventView {
  at: string;
  actor: string | null;
  kind: string;
  itemId: number | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface ReferralView {
  id: number;
  reference: string;
  /** `team`: the referring team sees all of it; `organisation`: a receiver sees its own part. */
  viewer: ReferralViewer['kind'];
  teamId: string;
  teamName: string;
  teamPhone: string;
  createdAt: string;
  createdBy: { id: number; name: string; email: string } | null;
  /** Team only: the question in the inbox it came from. */
  question: { id: number; reference: string } | null;
  neighbourhood: string | null;
  lifeDomains: string[];
  urgency: Urgency;
  contactBy: ContactBy;
  resident: { name: string | null; phone: string | null; email: string | null };
  note: string | null;
  consentAt: string;
  /** Team only. */
  followUp: {
    dueAt: string;
    due: boolean;
    answer: FollowUpAnswer | null;
    note: string | null;
    answeredAt: string | null;
  } | null;
  version: number;
  closedAt: string | null;
  purged: boolean;
  items: ReferralItemView[];
  events: ReferralEventView[];
}

const DetailsSchema = z.record(z.string(), z.unknown());

async function loadItems(
  db: Kysely<Database>,
  referralIds: number[],
  organisation?: string,
): Promise<Map<number, ReferralItemView[]>> {
  const byReferral = new Map<number, ReferralItemView[]>(referralIds.map((id) => [id, []]));
  if (referralIds.length === 0) return byReferral;
  const rows = await db
    .selectFrom('referral_items as item')
    .innerJoin('listings', 'listings.id', 'item.listing_id')
    .leftJoin('organisations', 'organisations.slug', 'item.organisation_slug')
    .select([
      'item.id',
      'item.referral_id',
      'item.version',
      'item.listing_id',
      'item.organisation_slug',
      'item.status',
      'item.reason',
      'item.reason_note',
      'item.status_at',
      'item.reminder_sent_at',
      'listings.title',
      'listings.slug',
      'organisations.name as organisation_name',
    ])
    .where('item.referral_id', 'in', referralIds)
    .$if(organisation !== undefined, (q) => q.where('item.organisation_slug', '=', organisation ?? ''))
    .orderBy('item.id')
    .execute();
  for (const row of rows) {
    byReferral.get(row.referral_id)?.push({
      id: row.id,
      version: row.version,
      listingId: row.listing_id,
      listingTitle: row.title,
      listingSlug: row.slug,
      organisation: row.organisation_slug,
      organisationName: row.organisation_name ?? row.organisation_slug,
      status: row.status as ItemStatus,
      reason: row.reason as NotStartedReason | null,
      reasonNote: row.reason_note,
      statusAt: row.status_at,
      reminderSentAt: row.reminder_sent_at,
    });
  }
  return byReferral;
}

async function loadLifeDomains(db: Kysely<Database>, id: number): Promise<string[]> {
  const rows = await db
    .selectFrom('referral_life_domains')
    .select('life_domain')
    .where('referral_id', '=', id)
    .orderBy('life_domain')
    .execute();
  return rows.map((row) => row.life_domain);
}

async function loadEvents(
  db: Kysely<Database>,
  id: number,
  visibleItems: Set<number> | undefined,
): Promise<ReferralEventView[]> {
  const rows = await db
    .selectFrom('referral_events')
    .leftJoin('users', 'users.id', 'referral_events.actor_user_id')
    .selectAll('referral_events')
    .select(['users.display_name', 'users.email'])
    .where('referral_id', '=', id)
    .orderBy('referral_events.id')
    .execute();
  return rows
    .filter(
      (row) =>
        !visibleItems ||
        row.kind === 'created' ||
        (row.item_id !== null && visibleItems.has(row.item_id) && row.kind !== 'follow-up'),
    )
    .map((row) => ({
      at: row.at,
      actor: row.display_name ?? row.email,
      kind: row.kind,
      itemId: row.item_id,
      note: row.note,
      details: DetailsSchema.parse(JSON.parse(row.details_json)),
    }));
}

const isDue = (row: ReferralRow, now: Date): boolean =>
  row.follow_up_answered_at === null && row.purged_at === null && row.follow_up_due_at <= now.toISOString();

/** One referral: all of it for its team, the part sent to them for an organisation. */
export async function getReferral(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  context: Pick<ReferralContext, 'teams' | 'now'>,
): Promise<ReferralView> {
  const { viewer, row } = await referralForViewer(db, actor, id);
  const forTeam = viewer.kind === 'team';
  const now = context.now ?? new Date();
  const items =
    (await loadItems(db, [id], viewer.kind === 'organisation' ? viewer.organisation : undefined)).get(id) ??
    [];
  const [lifeDomains, events, creator, question] = await Promise.all([
    loadLifeDomains(db, id),
    loadEvents(db, id, forTeam ? undefined : new Set(items.map((item) => item.id))),
    row.created_by_user_id === null
      ? undefined
      : db
          .selectFrom('users')
          .select(['id', 'display_name', 'email'])
          .where('id', '=', row.created_by_user_id)
          .executeTakeFirst(),
    forTeam && row.question_id !== null
      ? db
          .selectFrom('questions')
          .select(['id', 'reference'])
          .where('id', '=', row.question_id)
          .executeTakeFirst()
      : undefined,
  ]);
  const team = context.teams.find((candidate) => candidate.id === row.team_id);
  return {
    id: row.id,
    reference: row.reference,
    viewer: viewer.kind,
    teamId: row.team_id,
    teamName: team?.name ?? row.team_id,
    teamPhone: team?.phone ?? '',
    createdAt: row.created_at,
    createdBy: creator ? { id: creator.id, name: creator.display_name, email: creator.email } : null,
    question: question ?? null,
    neighbourhood: row.neighbourhood,
    lifeDomains,
    urgency: row.urgency as Urgency,
    contactBy: row.contact_by as ContactBy,
    resident: { name: row.resident_name, phone: row.resident_phone, email: row.resident_email },
    note: row.note,
    consentAt: row.consent_at,
    followUp: forTeam
      ? {
          dueAt: row.follow_up_due_at,
          due: isDue(row, now),
          answer: row.follow_up_answer as FollowUpAnswer | null,
          note: row.follow_up_note,
          answeredAt: row.follow_up_answered_at,
        }
      : null,
    version: row.version,
    closedAt: row.closed_at,
    purged: row.purged_at !== null,
    items,
    events,
  };
}

export const REFERRAL_PAGE_SIZE = 50;
export const REFERRAL_LIST_STATES = ['open', 'afgesloten', 'alle'] as const;
export const ReferralFilterSchema = z.object({
  state: z.enum(REFERRAL_LIST_STATES).catch('open'),
  /** Team only: just the referrals the actor made. */
  mine: z.boolean().catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ReferralFilter = z.infer<typeof ReferralFilterSchema>;

export interface TeamReferralSummary {
  id: number;
  reference: string;
  teamId: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  urgency: Urgency;
  items: ReferralItemView[];
  followUpDue: boolean;
  followUpAnswer: FollowUpAnswer | null;
  closed: boolean;
  purged: boolean;
}

export interface OrganisationReferralSummary {
  id: number;
  reference: string;
  createdAt: string;
  urgency: Urgency;
  item: ReferralItemView;
  purged: boolean;
}

export type ReferralList =
  | { kind: 'team'; referrals: TeamReferralSummary[]; total: number; page: number; pageCount: number }
  | {
      kind: 'organisation';
      referrals: OrganisationReferralSummary[];
      /** Referrals still without any reaction: the work waiting. */
      waiting: number;
      total: number;
      page: number;
      pageCount: number;
    };

const pageOf = (total: number, requested: number) => {
  const pageCount = Math.max(1, Math.ceil(total / REFERRAL_PAGE_SIZE));
  return { pageCount, page: Math.min(requested, pageCount) };
};

/**
 * The werkbak: a teamlid sees their teams' referrals, newest change first; an organisation's editor
 * the listings of theirs that were referred to, newest first. Beheerders see counts elsewhere.
 */
export async function listReferrals(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: ReferralFilter,
  context: Pick<ReferralContext, 'now'>,
): Promise<ReferralList> {
  const known = requireActor(actor);
  const now = context.now ?? new Date();
  if (known.role === 'organisatie') {
    const editor = await requireReceivingEditor(db, known);
    const matching = db
      .selectFrom('referral_items as item')
      .innerJoin('referrals', 'referrals.id', 'item.referral_id')
      .where('item.organisation_slug', '=', editor.organisationSlug)
      .$if(filter.state === 'open', (q) => q.where('item.status', 'not in', FINAL_ITEM_STATUSES))
      .$if(filter.state === 'afgesloten', (q) => q.where('item.status', 'in', FINAL_ITEM_STATUSES));
    const counts = await matching
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .sum<number>(eb.case().when('item.status', '=', 'ontvangen').then(1).else(0).end())
          .as('waiting'),
      ])
      .executeTakeFirstOrThrow();
    const total = Number(counts.total);
    const { page, pageCount } = pageOf(total, filter.page);
    const rows = await matching
      .select([
        'item.id as item_id',
        'referrals.id',
        'referrals.reference',
        'referrals.created_at',
        'referrals.urgency',
        'referrals.purged_at',
      ])
      .orderBy('referrals.created_at', 'desc')
      .orderBy('item.id', 'desc')
      .limit(REFERRAL_PAGE_SIZE)
      .offset((page - 1) * REFERRAL_PAGE_SIZE)
      .execute();
    const items = await loadItems(
      db,
      rows.map((row) => row.id),
      editor.organisationSlug,
    );
    return {
      kind: 'organisation',
      referrals: rows.flatMap((row) => {
        const item = items.get(row.id)?.find((candidate) => candidate.id === row.item_id);
        return item
          ? [
              {
                id: row.id,
                reference: row.reference,
                createdAt: row.created_at,
                urgency: row.urgency as Urgency,
                item,
                purged: row.purged_at !== null,
              },
            ]
          : [];
      }),
      waiting: Number(counts.waiting ?? 0),
      total,
      page,
      pageCount,
    };
  }
  const member = requireReferrer(known);
  const matching = db
    .selectFrom('referrals')
    .leftJoin('users', 'users.id', 'referrals.created_by_user_id')
    .where('referrals.team_id', 'in', member.teamIds)
    .$if(filter.mine, (q) => q.where('referrals.created_by_user_id', '=', member.id))
    .$if(filter.state === 'open', (q) => q.where('referrals.closed_at', 'is', null))
    .$if(filter.state === 'afgesloten', (q) => q.where('referrals.closed_at', 'is not', null));
  const { total: counted } = await matching
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(counted);
  const { page, pageCount } = pageOf(total, filter.page);
  const rows = await matching
    .selectAll('referrals')
    .select('users.display_name')
    .orderBy('referrals.updated_at', 'desc')
    .orderBy('referrals.id', 'desc')
    .limit(REFERRAL_PAGE_SIZE)
    .offset((page - 1) * REFERRAL_PAGE_SIZE)
    .execute();
  const items = await loadItems(
    db,
    rows.map((row) => row.id),
  );
  return {
    kind: 'team',
    referrals: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      teamId: row.team_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.display_name,
      urgency: row.urgency as Urgency,
      items: items.get(row.id) ?? [],
      followUpDue: isDue(row, now),
      followUpAnswer: row.follow_up_answer as FollowUpAnswer | null,
      closed: row.closed_at !== null,
      purged: row.purged_at !== null,
    })),
    total,
    page,
    pageCount,
  };
}

export interface DueFollowUp {
  id: number;
  reference: string;
  createdAt: string;
  dueAt: string;
}

/**
 * "Heeft het geholpen?": the actor's own referrals whose follow-up is due and not yet answered,
 * oldest first. Shown in their inbox.
 */
export async function dueFollowUps(
  db: Kysely<Database>,
  actor: Actor | undefined,
  now = new Date(),
): Promise<DueFollowUp[]> {
  const member = requireReferrer(actor);
  const rows = await db
    .selectFrom('referrals')
    .select(['id', 'reference', 'created_at', 'follow_up_due_at'])
    .where('created_by_user_id', '=', member.id)
    .where('team_id', 'in', member.teamIds)
    .where('follow_up_answered_at', 'is', null)
    .where('purged_at', 'is', null)
    .where('follow_up_due_at', '<=', now.toISOString())
    .orderBy('follow_up_due_at')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    createdAt: row.created_at,
    dueAt: row.follow_up_due_at,
  }));
}

/** The referrals made from a question, for the question's page (its team only). */
export async function referralsOfQuestion(
  db: Kysely<Database>,
  actor: Actor | undefined,
  questionId: number,
): Promise<{ id: number; reference: string; createdAt: string }[]> {
  const member = requireReferrer(actor);
  const question = await db
    .selectFrom('questions')
    .select('team_id')
    .where('id', '=', questionId)
    .executeTakeFirst();
  if (!question || !member.teamIds.includes(question.team_id))
    throw new ForbiddenError('Deze vraag hoort bij een ander team.');
  const rows = await db
    .selectFrom('referrals')
    .select(['id', 'reference', 'created_at'])
    .where('question_id', '=', questionId)
    .where('team_id', 'in', member.teamIds)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, reference: row.reference, createdAt: row.created_at }));
}
