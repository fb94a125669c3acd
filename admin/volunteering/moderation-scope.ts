import type { Kysely } from 'kysely';
import { requireActor } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import type { SubjectType } from './personal-links.ts';

/**
 * Who moderates volunteers, residents' activities and requests for help: the beheerders, the
 * editors of the volunteer desk's organisation (when content names one), and the teamleden of the
 * gebieden a sign-up concerns. Everyone else, a teamlid of another gebied too, sees nothing.
 */
export type ModerationScope = { actor: Actor; all: true } | { actor: Actor; all: false; areas: string[] };

/** The gebied of a team id (`bolnes-slikkerveer:sociaal` → `bolnes-slikkerveer`); the central desk has none. */
const areaOfTeam = (teamId: string): string | undefined =>
  teamId.includes(':') ? teamId.slice(0, teamId.indexOf(':')) : undefined;

export async function moderationScope(
  db: Kysely<Database>,
  actor: Actor | undefined,
  deskOrganisation: string | undefined,
): Promise<ModerationScope> {
  const known = requireActor(actor);
  if (known.role === 'beheerder') return { actor: known, all: true };
  if (known.role === 'organisatie' && deskOrganisation && known.organisationSlug === deskOrganisation) {
    // Editors need no second factor for their own aanbod; personal data of volunteers needs one.
    const row = await db.selectFrom('users').select('totp_key').where('id', '=', known.id).executeTakeFirst();
    if (!row?.totp_key)
      throw new ForbiddenError(
        'Hier staan persoonsgegevens. Zet eerst tweestapsverificatie aan bij Mijn account, en log opnieuw in.',
      );
    return { actor: known, all: true };
  }
  if (known.role === 'teamlid') {
    const areas = [...new Set(known.teamIds.flatMap((team) => areaOfTeam(team) ?? []))];
    if (areas.length > 0) return { actor: known, all: false, areas };
  }
  throw new ForbiddenError('Dit is voor de wijkteams, de vrijwilligerscentrale en de beheerders.');
}

export async function areasOfSubject(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('submission_areas')
    .select('area')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
  return rows.map((row) => row.area);
}

/** Refuses a subject that concerns none of the actor's gebieden. */
export async function requireInScope(
  db: Kysely<Database>,
  scope: ModerationScope,
  subject: { type: SubjectType; id: number },
): Promise<void> {
  if (scope.all) return;
  const areas = await areasOfSubject(db, subject);
  if (!areas.some((area) => scope.areas.includes(area)))
    throw new ForbiddenError('Dit hoort bij een ander gebied.');
}

export async function setSubjectAreas(
  db: Kysely<Database>,
  subject: { type: SubjectType; id: number },
  areas: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('submission_areas')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
  if (areas.length > 0)
    await db
      .insertInto('submission_areas')
      .values(areas.map((area) => ({ subject_type: subject.type, subject_id: subject.id, area })))
      .execute();
}

/** For list queries: the ids of subjects of `type` in the scope's gebieden (only when not `all`). */
export function subjectsInAreas(db: Kysely<Database>, type: SubjectType, areas: readonly string[]) {
  return db
    .selectFrom('submission_areas')
    .select('subject_id')
    .where('subject_type', '=', type)
    .where('area', 'in', areas.length > 0 ? [...areas] : ['-']);
}

export const notFound = (what: string): NotFoundError => new NotFoundError(`${what} bestaat niet (meer).`);
