import type { Kysely } from 'kysely';
import { requireActor, requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database, ReferralRow } from '../db/tables.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';

/**
 * Who may see and do what with a referral. A referral holds a resident's story and contact details,
 * shared with their consent with the team that referred and the organisations it went to, and with
 * nobody else: not with other teams, other organisations or the municipality's beheerders (who see
 * anonymous counts). Every use case loads the referral and checks it here before anything else.
 */

export const TWO_FACTOR_NEEDED =
  'Verwijzingen bevatten gegevens van inwoners. Zet eerst tweestapsverificatie aan bij "Mijn account"; daarna kun je ze openen.';
const NOT_FOR_BEHEERDER =
  'Verwijzingen zijn alleen voor het wijkteam dat verwijst en de organisatie die de verwijzing krijgt. Als beheerder zie je de aantallen op het overzicht.';

/** A teamlid of at least one team: who refers residents. */
export function requireReferrer(actor: Actor | undefined): Actor {
  const known = requireActor(actor);
  if (known.role === 'beheerder') throw new ForbiddenError(NOT_FOR_BEHEERDER);
  const member = requireRole(known, 'teamlid');
  if (member.teamIds.length === 0)
    throw new ForbiddenError(
      'Je account hoort nog bij geen enkel team. Vraag een beheerder om je aan een team te koppelen.',
    );
  return member;
}

/**
 * An editor of an organisation, with two-factor: editors may skip it for their listings, but not
 * to read residents' personal data.
 */
export async function requireReceivingEditor(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<Actor & { organisationSlug: string }> {
  const known = requireActor(actor);
  if (known.role === 'beheerder') throw new ForbiddenError(NOT_FOR_BEHEERDER);
  const editor = requireRole(known, 'organisatie');
  const organisationSlug = editor.organisationSlug;
  if (!organisationSlug) throw new ForbiddenError('Je account hoort bij geen organisatie.');
  const user = await db
    .selectFrom('users')
    .select('totp_key')
    .where('id', '=', editor.id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user?.totp_key) throw new ForbiddenError(TWO_FACTOR_NEEDED);
  return { ...editor, organisationSlug };
}

/** How someone may look at a referral: all of it (its team), or the part sent to them (an organisation). */
export type ReferralViewer =
  { kind: 'team'; actor: Actor } | { kind: 'organisation'; actor: Actor; organisation: string };

async function findReferralRow(db: Kysely<Database>, id: number): Promise<ReferralRow> {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Deze verwijzing bestaat niet.');
  return row;
}

/** The referral, if it is of one of the actor's teams. */
export async function referralOfMyTeam(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
): Promise<{ member: Actor; row: ReferralRow }> {
  const member = requireReferrer(actor);
  const row = await findReferralRow(db, id);
  if (!member.teamIds.includes(row.team_id))
    throw new ForbiddenError('Deze verwijzing hoort bij een ander team.');
  return { member, row };
}

/** The referral, for its team or for an organisation it was sent to. */
export async function referralForViewer(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
): Promise<{ viewer: ReferralViewer; row: ReferralRow }> {
  const known = requireActor(actor);
  if (known.role === 'organisatie') {
    const editor = await requireReceivingEditor(db, known);
    const row = await findReferralRow(db, id);
    const sentToThem = await db
      .selectFrom('referral_items')
      .select('id')
      .where('referral_id', '=', id)
      .where('organisation_slug', '=', editor.organisationSlug)
      .executeTakeFirst();
    if (!sentToThem) throw new ForbiddenError('Deze verwijzing is niet naar jullie organisatie gestuurd.');
    return { viewer: { kind: 'organisation', actor: editor, organisation: editor.organisationSlug }, row };
  }
  const { member, row } = await referralOfMyTeam(db, known, id);
  return { viewer: { kind: 'team', actor: member }, row };
}

/** After the purge only counts remain: nothing more to do with the referral. */
export function ensureNotPurged(row: ReferralRow): void {
  if (row.purged_at !== null)
    throw new ForbiddenError(
      'Deze verwijzing is afgesloten en de gegevens van de inwoner zijn verwijderd. Je kunt er niets meer aan veranderen.',
    );
}
