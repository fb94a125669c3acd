import { DomainError } from '../errors/domain-errors.ts';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/tables.ts';
import type { Role, TeamId, User } from './user.ts';
import { inTransaction } from '../db/transaction.ts';

export class EmailTakenError extends DomainError {
  override name = 'EmailTakenError';
  readonly code = 'email_taken';
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

async function teamsOf(db: Kysely<Database>, userIds: number[]): Promise<Map<number, TeamId[]>> {
  const teams = new Map<number, TeamId[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return teams;
  const rows = await db
    .selectFrom('user_teams')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('team_id')
    .execute();
  for (const row of rows) teams.get(row.user_id)?.push(row.team_id);
  return teams;
}

function toUser(row: UserRow, teamIds: TeamId[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    organisationSlug: row.organisation_slug,
    teamIds,
    twoFactorEnabled: row.totp_key !== null,
    hasPassword: row.password_hash !== null,
    disabled: row.disabled_at !== null,
  };
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row, (await teamsOf(db, [row.id])).get(row.id) ?? []) : undefined;
}

/** The row with secrets, for login and two-factor checks only. */
export async function findUserRowByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUserRowById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  const teams = await teamsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toUser(row, teams.get(row.id) ?? []));
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  organisationSlug?: string | null;
  teamIds?: TeamId[];
}

export async function createUser(db: Kysely<Database>, input: NewUser, now = new Date()): Promise<User> {
  const email = normaliseEmail(input.email);
  if (await findUserRowByEmail(db, email)) throw new EmailTakenError(`Er is al een account met ${email}.`);
  const at = now.toISOString();
  const id = await inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({
        email,
        display_name: input.displayName,
        role: input.role,
        organisation_slug: input.role === 'organisatie' ? (input.organisationSlug ?? null) : null,
        password_hash: null,
        totp_key: null,
        totp_pending_key: null,
        totp_last_step: null,
        disabled_at: null,
        password_changed_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceTeams(trx, id, input.role === 'teamlid' ? (input.teamIds ?? []) : []);
    return id;
  });
  const user = await findUserById(db, id);
  if (!user) throw new Error('Account is niet opgeslagen.');
  return user;
}

async function replaceTeams(db: Kysely<Database>, userId: number, teamIds: readonly TeamId[]): Promise<void> {
  await db.deleteFrom('user_teams').where('user_id', '=', userId).execute();
  if (teamIds.length > 0)
    await db
      .insertInto('user_teams')
      .values([...new Set(teamIds)].map((team_id) => ({ user_id: userId, team_id })))
      .execute();
}

/** Role, teams and organisation together, so an account never holds a mix of two roles. */
export async function changeRole(
  db: Kysely<Database>,
  userId: number,
  change: { role: Role; organisationSlug?: string | null; teamIds?: TeamId[] },
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        role: change.role,
        organisation_slug: change.role === 'organisatie' ? (change.organisationSlug ?? null) : null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    await replaceTeams(trx, userId, change.role === 'teamlid' ? (change.teamIds ?? []) : []);
  });
}

export async function setDisabled(
  db: Kysely<Database>,
  userId: number,
  disabled: boolean,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? now.toISOString() : null, updated_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
  if (disabled) await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
