import type { Kysely } from 'kysely';
import { generateToken, hashSecret, secretMatches, splitToken } from '../accounts/session-token.ts';
import type { Database } from '../db/tables.ts';
import { DomainError } from '../errors/domain-errors.ts';

/**
 * Links in mail that let someone without an account act on what they sent: a volunteer's own page,
 * an organiser's activity page, the "Ben je nog beschikbaar?" and "Is het gelukt?" answers. Tokens
 * are `<id>.<secret>` like sessions: only a hash of the secret is stored, each link expires, and the
 * answers work once.
 */
export type SubjectType = 'volunteer' | 'activity' | 'match';
export type LinkPurpose =
  /** The person's own page: confirm, change, pause, withdraw. */
  | 'manage'
  /** "Ben je nog beschikbaar?" */
  | 'availability'
  /** "Is het gelukt?", to the resident who asked. */
  | 'follow-up-requester'
  /** "Is het gelukt?", to the volunteer. */
  | 'follow-up-volunteer';

export const DAY_MS = 24 * 3600_000;
/** A sign-up waits this long for its address to be confirmed; then it is deleted. */
export const CONFIRM_WITHIN_MS = 7 * DAY_MS;
/** Once confirmed, a person's own page works this long; every availability check renews it. */
export const MANAGE_LINK_MS = 400 * DAY_MS;
/** Answer links (availability, follow-up) work this long, and once. */
export const ANSWER_LINK_MS = 30 * DAY_MS;

export type LinkCheck =
  | { status: 'ok'; subjectType: SubjectType; subjectId: number; purpose: LinkPurpose }
  | { status: 'unknown' | 'expired' | 'used' };

export async function issueLink(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
  purpose: LinkPurpose,
  lifetimeMs: number,
  now = new Date(),
): Promise<string> {
  const { id, secret, token } = generateToken();
  // An answer has one live link: a new mail makes the older one stop working. Own-page links from
  // earlier mails keep working until they expire, so a volunteer can use whichever mail they kept.
  if (purpose !== 'manage')
    await db
      .deleteFrom('personal_links')
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('purpose', '=', purpose)
      .execute();
  await db
    .insertInto('personal_links')
    .values({
      id,
      secret_hash: hashSecret(secret),
      subject_type: subject.type,
      subject_id: subject.id,
      purpose,
      expires_at: new Date(now.getTime() + lifetimeMs).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

/** What a link is for, without using it up. */
export async function checkLink(
  db: Kysely<Database>,
  token: string,
  purposes: readonly LinkPurpose[],
  now = new Date(),
): Promise<LinkCheck> {
  const parts = splitToken(token);
  if (!parts) return { status: 'unknown' };
  const row = await db.selectFrom('personal_links').selectAll().where('id', '=', parts.id).executeTakeFirst();
  if (!row || !purposes.includes(row.purpose as LinkPurpose) || !secretMatches(parts.secret, row.secret_hash))
    return { status: 'unknown' };
  if (row.used_at) return { status: 'used' };
  if (Date.parse(row.expires_at) <= now.getTime()) return { status: 'expired' };
  return {
    status: 'ok',
    subjectType: row.subject_type as SubjectType,
    subjectId: row.subject_id,
    purpose: row.purpose as LinkPurpose,
  };
}

/** Uses a single-use link up; of two requests racing with the same link, only one gets `ok`. */
export async function consumeLink(
  db: Kysely<Database>,
  token: string,
  purposes: readonly LinkPurpose[],
  now = new Date(),
): Promise<LinkCheck> {
  const checked = await checkLink(db, token, purposes, now);
  if (checked.status !== 'ok') return checked;
  const result = await db
    .updateTable('personal_links')
    .set({ used_at: now.toISOString() })
    .where('id', '=', splitToken(token)?.id ?? '')
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? checked : { status: 'used' };
}

/** Changes when a subject's links stop working (a confirmed sign-up's own page lives longer). */
export async function extendLinks(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
  purpose: LinkPurpose,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable('personal_links')
    .set({ expires_at: expiresAt.toISOString() })
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

/** Every link of a subject stops working: it was withdrawn or its personal data is gone. */
export async function revokeLinks(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
): Promise<void> {
  await db
    .deleteFrom('personal_links')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
}

/** Links past their expiry are of no use to anyone. */
export async function deleteExpiredLinks(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('personal_links')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A personal link that cannot be used: unknown, expired or already used. The page says what to do. */
export class PersonalLinkError extends DomainError {
  override name = 'PersonalLinkError';
  readonly code = 'link_invalid';
  readonly reason: 'unknown' | 'expired' | 'used';
  constructor(reason: 'unknown' | 'expired' | 'used') {
    super(
      {
        unknown: 'Deze link werkt niet (meer). Misschien is de aanmelding ingetrokken of verwijderd.',
        expired: 'Deze link is verlopen.',
        used: 'Deze link is al gebruikt.',
      }[reason],
    );
    this.reason = reason;
  }
}
