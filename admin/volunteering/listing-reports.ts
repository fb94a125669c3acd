import type { Kysely } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { workQueueMail } from '../mail/volunteer-mails.ts';
import { text } from '../schemas/text.ts';
import { isPlainText } from './volunteering-context.ts';

/**
 * "Klopt er iets niet?" on every listing: a resident says what is outdated or wrong. It reaches
 * the editors of the listing's organisation (the beheerders when it has none) in their back office,
 * counts toward the listing's "check this" flag, and an editor marks it handled.
 */

export const REPORT_REASONS = ['tijden', 'adres', 'contact', 'bestaat-niet-meer', 'anders'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const ReportInputSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: 'Kies wat er niet klopt.' }),
    details: text()
      .trim()
      .max(1000, 'Gebruik hooguit 1.000 tekens.')
      .refine(isPlainText, 'Gebruik geen HTML-code zoals <script> of <b>. Schrijf gewone tekst.')
      .optional(),
    /** The listing reported about (its slug). */
    slug: text().regex(/^[a-z0-9-]{1,100}$/),
    formToken: text({ error: 'Het formulier is niet compleet. Laad de pagina opnieuw.' }).max(200),
    website: text().optional(),
  })
  .refine((input) => input.reason !== 'anders' || Boolean(input.details), {
    path: ['details'],
    message: 'Schrijf kort op wat er niet klopt.',
  });
export type ReportInput = z.output<typeof ReportInputSchema>;

/** Who is told: the organisation's active editors, or, without any, the beheerders. */
async function reportRecipients(db: Kysely<Database>, organisation: string): Promise<string[]> {
  const editors = await db
    .selectFrom('users')
    .select('email')
    .where('role', '=', 'organisatie')
    .where('organisation_slug', '=', organisation)
    .where('disabled_at', 'is', null)
    .execute();
  if (editors.length > 0) return editors.map((editor) => editor.email);
  const admins = await db
    .selectFrom('users')
    .select('email')
    .where('role', '=', 'beheerder')
    .where('disabled_at', 'is', null)
    .execute();
  return admins.map((admin) => admin.email);
}

export async function reportListing(
  db: Kysely<Database>,
  slug: string,
  input: ReportInput,
  key: string,
  context: { baseUrl: string; siteName: string; now?: Date },
): Promise<{ created: boolean }> {
  const now = context.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const earlier = await trx
      .selectFrom('listing_reports')
      .select('id')
      .where('submission_key', '=', key)
      .executeTakeFirst();
    if (earlier) return { created: false };
    const listing = await trx
      .selectFrom('listings')
      .select(['id', 'organisation_slug'])
      .where('slug', '=', slug)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!listing) throw new NotFoundError('Dit aanbod bestaat niet (meer).');
    const { id } = await trx
      .insertInto('listing_reports')
      .values({
        submission_key: key,
        listing_id: listing.id,
        reason: input.reason,
        details: input.details || null,
        status: 'open',
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const to of await reportRecipients(trx, listing.organisation_slug))
      await enqueueMail(
        trx,
        workQueueMail(to, {
          siteName: context.siteName,
          what: 'Melding over aanbod',
          reference: `M-${id}`,
          link: `${context.baseUrl}/beheer/meldingen`,
        }),
        now,
      );
    await recordAudit(
      trx,
      {
        actorId: null,
        action: 'report.submit',
        objectType: 'report',
        objectId: String(id),
        changes: { listing: { from: null, to: listing.id } },
      },
      now,
    );
    return { created: true };
  });
}

export interface ListingReport {
  id: number;
  listingId: number;
  listingTitle: string;
  listingSlug: string;
  organisation: string;
  reason: ReportReason;
  details: string | null;
  status: 'open' | 'afgehandeld';
  createdAt: string;
  handledAt: string | null;
}

/** Beheerders see every report; an editor those about their organisation's listings. */
export async function listReports(
  db: Kysely<Database>,
  actor: Actor | undefined,
  filter: { status: 'open' | 'afgehandeld' },
): Promise<ListingReport[]> {
  const known = requireRole(actor, 'beheerder', 'organisatie');
  const rows = await db
    .selectFrom('listing_reports')
    .innerJoin('listings', 'listings.id', 'listing_reports.listing_id')
    .select([
      'listing_reports.id',
      'listing_reports.listing_id',
      'listing_reports.reason',
      'listing_reports.details',
      'listing_reports.status',
      'listing_reports.created_at',
      'listing_reports.handled_at',
      'listings.title',
      'listings.slug',
      'listings.organisation_slug',
    ])
    .where('listing_reports.status', '=', filter.status)
    .$if(known.role === 'organisatie', (q) =>
      q.where('listings.organisation_slug', '=', known.organisationSlug ?? ''),
    )
    .orderBy('listing_reports.created_at', filter.status === 'open' ? 'asc' : 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    listingId: row.listing_id,
    listingTitle: row.title,
    listingSlug: row.slug,
    organisation: row.organisation_slug,
    reason: row.reason as ReportReason,
    details: row.details,
    status: row.status as 'open' | 'afgehandeld',
    createdAt: row.created_at,
    handledAt: row.handled_at,
  }));
}

export async function handleReport(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
  now = new Date(),
): Promise<void> {
  const known = requireRole(actor, 'beheerder', 'organisatie');
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('listing_reports')
      .innerJoin('listings', 'listings.id', 'listing_reports.listing_id')
      .select(['listing_reports.status', 'listings.organisation_slug'])
      .where('listing_reports.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Deze melding bestaat niet (meer).');
    if (known.role === 'organisatie' && known.organisationSlug !== row.organisation_slug)
      throw new ForbiddenError('Deze melding gaat over aanbod van een andere organisatie.');
    if (row.status === 'afgehandeld') return;
    await trx
      .updateTable('listing_reports')
      .set({ status: 'afgehandeld', handled_at: now.toISOString(), handled_by: known.id })
      .where('id', '=', id)
      .execute();
    await recordAudit(
      trx,
      {
        actorId: known.id,
        action: 'report.handle',
        objectType: 'report',
        objectId: String(id),
        changes: { status: { from: 'open', to: 'afgehandeld' } },
      },
      now,
    );
  });
}

/** Open reports per listing id, for the "check this" flag in the listing overview. */
export async function openReportCounts(
  db: Kysely<Database>,
  listingIds: number[],
): Promise<Map<number, number>> {
  if (listingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('listing_reports')
    .select(['listing_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .where('listing_id', 'in', listingIds.slice(0, 900))
    .groupBy('listing_id')
    .execute();
  return new Map(rows.map((row) => [row.listing_id, Number(row.n)]));
}

/** What residents wrote in handled reports is kept this long, then emptied. */
export const REPORT_DETAILS_DAYS = 90;

export async function purgeHandledReports(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('listing_reports')
    .set({ details: null })
    .where('status', '=', 'afgehandeld')
    .where('details', 'is not', null)
    .where('handled_at', '<=', new Date(now.getTime() - REPORT_DETAILS_DAYS * 24 * 3600_000).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
